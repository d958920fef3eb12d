// "📥 Spreadsheet" in a course's panel: the participants as an .xlsx in the methodist's language, the
// list she sends to the course provider (the site's course page gives the same file: src/reports/participants.ts).
import { InputFile } from "grammy";
import { formatDate } from "../../../domain/time.js";
import { participantsFile, participantsFileName } from "../../../reports/participants.js";
import type { BotDeps, RegisteredContext } from "../../context.js";

export async function sendParticipantsSheet(ctx: RegisteredContext, deps: BotDeps, courseId: number): Promise<void> {
  ctx.chatAction = "upload_document";
  const { courses } = deps.services;
  const locale = await ctx.i18n.getLocale();
  const zone = deps.config.TIMEZONE;
  const people = await courses.participants(ctx.user, courseId, locale);
  const course = await courses.get(courseId);
  if (!people.length) {
    await ctx.reply(ctx.t("course-sheet-empty"));
    return;
  }
  const file = await participantsFile(people, (key, vars) => ctx.t(key, vars), zone);
  await ctx.replyWithDocument(new InputFile(file, participantsFileName(courseId)), {
    caption: ctx.t("course-sheet-caption", { title: course.title, date: formatDate(deps.clock.now(), locale, zone) }),
  });
}

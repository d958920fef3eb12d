// "📥 Spreadsheet" in a course's panel: the participants as an .xlsx in the methodist's language, the
// list she sends to the course provider.
import { InputFile } from "grammy";
import type { Participant } from "../../../domain/courses/index.js";
import { participantsWorkbook } from "../../../domain/courses/spreadsheet.js";
import { formatDate } from "../../../domain/time.js";
import type { BotContext, BotDeps } from "../../context.js";
import { HTML } from "../../conversations/kit.js";
import { personLabels } from "../../spreadsheets.js";

export async function sendParticipantsSheet(ctx: BotContext, deps: BotDeps, courseId: number): Promise<void> {
  ctx.chatAction = "upload_document";
  const { courses } = deps.services;
  const locale = await ctx.i18n.getLocale();
  const zone = deps.config.TIMEZONE;
  const people = await courses.participants(ctx.user!, courseId, locale);
  const course = await courses.get(courseId);
  if (!people.length) {
    await ctx.reply(ctx.t("course-sheet-empty"), HTML);
    return;
  }
  const statuses: Record<string, string> = {
    registered: ctx.t("course-sheet-status-registered"),
    offered: ctx.t("course-sheet-status-offered"),
    completed: ctx.t("course-sheet-status-completed"),
  };
  const statusOf = (p: Participant) =>
    p.status === "waiting" ? ctx.t("course-sheet-status-waiting", { position: p.position ?? 0 }) : (statuses[p.status] ?? p.status);
  const file = await participantsWorkbook(
    people,
    {
      sheet: ctx.t("course-sheet-name"),
      ...personLabels(ctx.t),
      subjects: ctx.t("course-sheet-col-subjects"),
      status: ctx.t("course-sheet-col-status"),
      signedUp: ctx.t("course-sheet-col-signed-up"),
      completed: ctx.t("course-sheet-col-completed"),
      dateFormat: ctx.t("sheet-date-format"),
      statusOf,
    },
    zone,
  );
  await ctx.replyWithDocument(new InputFile(file, `course-${courseId}-participants.xlsx`), {
    caption: ctx.t("course-sheet-caption", { title: course.title, date: formatDate(deps.clock.now(), locale, zone) }),
    ...HTML,
  });
}

// "📥 Spreadsheet" on a meeting's card: everyone invited or who answered, their answer and attendance,
// as an .xlsx in the methodist's language (what she reports to the district).
import { InputFile } from "grammy";
import { attendanceWorkbook } from "../../../domain/meetings/spreadsheet.js";
import { formatDateTime } from "../../../domain/time.js";
import type { BotDeps, RegisteredContext } from "../../context.js";

import { personLabels } from "../../spreadsheets.js";

export async function sendAttendanceSheet(ctx: RegisteredContext, deps: BotDeps, meetingId: number): Promise<void> {
  ctx.chatAction = "upload_document";
  const { meetings } = deps.services;
  const rows = await meetings.attendanceList(ctx.user, meetingId);
  const m = await meetings.get(meetingId);
  if (!rows.length) {
    await ctx.reply(ctx.t("meeting-sheet-empty"));
    return;
  }
  const file = await attendanceWorkbook(rows, {
    sheet: ctx.t("meeting-sheet-name"),
    ...personLabels(ctx.t),
    answer: ctx.t("meeting-sheet-col-answer"),
    attended: ctx.t("meeting-sheet-col-attended"),
    going: ctx.t("meeting-sheet-going"),
    notGoing: ctx.t("meeting-sheet-not-going"),
    noAnswer: ctx.t("meeting-sheet-no-answer"),
    yes: ctx.t("sheet-yes"),
    no: ctx.t("sheet-no"),
  });
  const when = formatDateTime(m.startsAt, await ctx.i18n.getLocale(), deps.config.TIMEZONE);
  await ctx.replyWithDocument(new InputFile(file, `meeting-${meetingId}.xlsx`), {
    caption: ctx.t("meeting-sheet-caption", { kind: ctx.t(`meeting-kind-${m.kind}`), title: m.title, when }),
  });
}

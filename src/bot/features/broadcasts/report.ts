// The live report: a scheduled task (REPORT_TASK) edits the methodist's report message with the counts
// until nothing is left to send, then she gets a final summary through the outbox. The task lives in the
// database, so a restart in the middle loses nothing; the bot layer registers its handler because only
// it can edit Telegram messages. A survey's report also shows the answers: each answer schedules a
// refresh (RESULTS_TASK, at most one edit per few seconds), which goes on after the delivery is over.
import type { Api } from "grammy";
import { REPORT_TASK, type Broadcast, type BroadcastProgress } from "../../../domain/broadcasts/index.js";
import { RESULTS_TASK, type QuestionSummary } from "../../../domain/broadcasts/answers.js";
import type { Notice } from "../../../domain/outbox.js";
import type { BotDeps } from "../../context.js";
import { reportMessage, reportVars } from "./render.js";

/** A survey's answers so far (null: a plain announcement). */
export function surveyOf(deps: BotDeps, b: Pick<Broadcast, "id" | "options">): Promise<QuestionSummary | null> {
  return b.options === null ? Promise.resolve(null) : deps.services.broadcastAnswers.summary(b.id);
}

/** Puts the current counts (and a survey's answers) into the report message (an unchanged text is not an error). */
export async function editReport(api: Api, deps: BotDeps, p: BroadcastProgress): Promise<void> {
  const { reportChatId, reportMessageId } = p.broadcast;
  if (reportChatId === null || reportMessageId === null) return;
  const { text, reply_markup } = reportMessage(deps.messages.t, p.authorLanguage, p, await surveyOf(deps, p.broadcast));
  await api
    .editMessageText(Number(reportChatId), reportMessageId, text, { reply_markup })
    .catch((err: unknown) => deps.logger.debug({ err, broadcast: p.broadcast.id }, "broadcast report not edited"));
}

export function registerBroadcastReports(deps: BotDeps, api: Api): void {
  const { broadcasts, tasks } = deps.services;
  tasks.handle(REPORT_TASK, async ({ payload }): Promise<Notice[]> => {
    const id = Number(payload.id);
    const p = await broadcasts.progress(id);
    if (!p) return [];
    await editReport(api, deps, p);
    if (p.running) {
      await broadcasts.scheduleReport(id);
      return [];
    }
    return summaryNotices(p);
  });
  // new answers: the report shows them (and, should this call see the delivery end, the summary goes out)
  tasks.handle(RESULTS_TASK, async ({ payload }): Promise<Notice[]> => {
    const p = await broadcasts.progress(Number(payload.id));
    if (!p) return [];
    await editReport(api, deps, p);
    return summaryNotices(p);
  });
}

/** The final summary for the author, once: when this progress call saw the broadcast finish. */
export function summaryNotices(p: BroadcastProgress): Notice[] {
  if (!p.justFinished || p.broadcast.authorId === null) return [];
  const key = p.broadcast.status === "stopped" ? "broadcast-summary-stopped" : "broadcast-summary";
  return [{ userId: p.broadcast.authorId, key, vars: reportVars(p), dedupeKey: `broadcast-${p.broadcast.id}-summary` }];
}

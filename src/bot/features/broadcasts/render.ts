// Texts of the broadcasts section. Every variable goes through t (escaped); fragments that are already
// safe HTML are joined by concatenation, never handed to t again (that would escape them twice).
import { InlineKeyboard } from "grammy";
import type { BroadcastProgress } from "../../../domain/broadcasts/index.js";
import type { QuestionSummary } from "../../../domain/broadcasts/answers.js";
import { percent } from "../../../domain/by-school.js";
import { snippet } from "../../../domain/text.js";
import type { Translate, Translator } from "../../../i18n.js";
import { broadcastData } from "./callbacks.js";

export { audienceSummary } from "../../../reports/audience.js";

export function reportVars(p: Pick<BroadcastProgress, "broadcast" | "counts">) {
  const c = p.counts;
  return {
    id: p.broadcast.id,
    status: p.broadcast.status,
    total: c.total,
    sent: c.sent,
    queued: c.queued + c.sending,
    blocked: c.blocked,
    failed: c.failed,
    cancelled: c.cancelled,
  };
}

/**
 * A survey's answers so far: how many answered of how many it reached, then each option with its count
 * and share of those who answered (option texts are escaped by t like any variable). `brief`: for a
 * list of several broadcasts (one message), options shortened and no note.
 */
export function resultLines(t: Translate, s: QuestionSummary, brief = false): string[] {
  return [
    t("broadcast-results-title", { answered: s.answered, reached: s.reached, closed: s.closed ? "yes" : "no" }),
    ...s.question.options.map((option, i) =>
      t("broadcast-results-line", { n: i + 1, option: brief ? snippet(option, 24) : option, count: s.counts[i]!, percent: percent(s.counts[i]!, s.answered) }),
    ),
    ...(s.question.multiple && !brief ? [t("broadcast-results-multiple")] : []),
  ];
}

/**
 * The live report, in the author's language, with Stop while something is left to send; for a survey
 * the answers so far, Close while it is open and the answers as a file.
 */
export function reportMessage(
  t: Translator,
  locale: string,
  p: Pick<BroadcastProgress, "broadcast" | "counts" | "running">,
  survey: QuestionSummary | null = null,
) {
  const tl: Translate = (key, vars) => t(locale, key, vars);
  const id = p.broadcast.id;
  const text = [tl("broadcast-report", reportVars(p)), ...(survey ? ["", ...resultLines(tl, survey)] : [])].join("\n");
  const rows = [];
  if (p.running && p.broadcast.status === "sending") rows.push([InlineKeyboard.text(tl("broadcast-stop-button"), broadcastData.pack({ action: "stop", id }))]);
  if (survey && !survey.closed) rows.push([InlineKeyboard.text(tl("broadcast-close-button"), broadcastData.pack({ action: "close", id }))]);
  if (survey) rows.push([InlineKeyboard.text(tl("broadcast-sheet-button"), broadcastData.pack({ action: "sheet", id }))]);
  return { text, reply_markup: rows.length ? InlineKeyboard.from(rows) : undefined };
}

/** The first 60 characters of a broadcast, for lists. */
export { snippet };

// A broadcast's question (анкетирование): the announcement's text is the question, its answer options
// are buttons under the message. 2–8 options of 1–60 characters, all different; one answer (a press on
// another option changes it) or several (a press ticks or unticks). What a person chose is stored as a
// bit mask (bit i = option i), so that an answer is one atomic statement.
import type { Broadcast } from "../../generated/sqlite/client.js";
import { DomainError } from "../errors.js";
import { normalizeSearch } from "../text.js";
import type { RawButton } from "../outbox.js";

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 8;
export const OPTION_MAX_LENGTH = 60;

export interface Question {
  options: string[];
  /** several options may be ticked */
  multiple: boolean;
}

/** Characters as people count them (an emoji is one), not UTF-16 units. */
const length = (s: string) => Array.from(s).length;

/** Checks a list of options; returns them trimmed (inner whitespace collapsed). */
export function validateOptions(raw: string[]): string[] {
  const options = raw.map((o) => o.replace(/\s+/g, " ").trim());
  options.forEach((o, i) => {
    if (!o) throw new DomainError("broadcast-option-empty", { n: i + 1 });
    if (length(o) > OPTION_MAX_LENGTH) throw new DomainError("broadcast-option-too-long", { n: i + 1, max: OPTION_MAX_LENGTH, length: length(o) });
  });
  // "Да" and "да", "Всё" and "все" look the same on a button
  const seen = new Set<string>();
  for (const o of options) {
    const key = normalizeSearch(o) || o;
    if (seen.has(key)) throw new DomainError("broadcast-option-duplicate", { option: o });
    seen.add(key);
  }
  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS)
    throw new DomainError("broadcast-options-count", { count: options.length, min: MIN_OPTIONS, max: MAX_OPTIONS });
  return options;
}

/** Options typed one per line in one message (blank lines around them are ignored, between them not). */
export function parseOptions(text: string): string[] {
  return validateOptions(text.replace(/\r\n?/g, "\n").trim().split("\n"));
}

/** A question needs words to ask: a photo or document alone cannot be one. */
export function validateQuestion(q: Question, text: string): Question {
  if (!text.trim()) throw new DomainError("broadcast-question-no-text");
  return { options: validateOptions(q.options), multiple: q.multiple };
}

/** The question of a stored broadcast, or null for a plain announcement. */
export function questionOf(b: Pick<Broadcast, "options" | "multipleChoice">): Question | null {
  if (b.options === null) return null;
  const options = JSON.parse(b.options) as unknown;
  if (!Array.isArray(options) || !options.length) return null;
  return { options: options.map(String), multiple: b.multipleChoice };
}

/** No more answers: closed by the author (or an admin), or the broadcast was stopped. */
export const isClosed = (b: Pick<Broadcast, "closedAt" | "status">): boolean => b.closedAt !== null || b.status === "stopped";

export const bitOf = (option: number): number => 1 << option;

/** The options a bit mask holds, in their order. */
export function chosenOf(mask: number, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (mask & bitOf(i)) out.push(i);
  return out;
}

/**
 * The option buttons' labels as a recipient sees them, the option's own text (buttons are plain text,
 * nothing is escaped): ✅ on what she chose; with several allowed, ☐ on the others, so the message looks
 * like a list to tick.
 */
export function optionLabels(q: Question, chosen: number[]): string[] {
  return q.options.map((o, i) => `${chosen.includes(i) ? "✅ " : q.multiple ? "☐ " : ""}${o}`);
}

/** The buttons under a recipient's copy of broadcast `id`, one option per row. */
export const answerButtons = (id: number, q: Question, chosen: number[] = []): RawButton[][] =>
  optionLabels(q, chosen).map((text, option) => [{ text, action: { do: "broadcast-answer", id, option } }]);

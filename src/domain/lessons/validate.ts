// What a teacher types when she offers an open lesson, checked field by field. Each wrong answer is a
// DomainError whose `error-lesson-...` message says what is expected; the offer conversation asks again.
import { parseWebUrl } from "../url.js";
import { DomainError } from "../errors.js";
import { cleanText } from "../text.js";

export const GRADES = ["preschool", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"] as const;
export const TOPIC_MAX = 200;
export const METHOD_MAX = 1000;
export const ROOM_MAX = 100;
export const REASON_MAX = 500;
export const COMMENT_MAX = 1000;
export const DURATION = { min: 10, max: 300 } as const;
export const SEATS = { min: 1, max: 200 } as const;

export function validateGrade(grade: string): string {
  if (!(GRADES as readonly string[]).includes(grade)) throw new DomainError("lesson-grade-bad");
  return grade;
}

function text(input: string, min: number, max: number, code: string): string {
  const s = cleanText(input);
  if (s.length < min || s.length > max) throw new DomainError(code, { min, max });
  return s;
}

export const validateTopic = (s: string) => text(s, 3, TOPIC_MAX, "lesson-topic-bad");
export const validateMethod = (s: string) => text(s, 3, METHOD_MAX, "lesson-method-bad");
export const validateRoom = (s: string) => text(s, 1, ROOM_MAX, "lesson-room-bad");
export const validateReason = (s: string) => text(s, 3, REASON_MAX, "lesson-reason-bad");
export const validateComment = (s: string) => text(s, 1, COMMENT_MAX, "lesson-comment-bad");

function wholeNumber(input: string | number, range: { min: number; max: number }, code: string): number {
  const s = String(input).trim();
  const n = /^\d{1,6}$/.test(s) ? Number(s) : NaN;
  if (!Number.isInteger(n) || n < range.min || n > range.max) throw new DomainError(code, { min: range.min, max: range.max });
  return n;
}

/** Minutes, e.g. "45". */
export const parseDuration = (s: string | number) => wholeNumber(s, DURATION, "lesson-duration-bad");
/** Guest seats: at least one. */
export const parseSeats = (s: string | number) => wholeNumber(s, SEATS, "lesson-seats-bad");

/** An online lesson's link: http(s) with a real host name. */
export function validateUrl(input: string): string {
  const url = parseWebUrl(input);
  if (!url) throw new DomainError("lesson-url-bad");
  return url;
}

/** A score on one criterion. */
export function validateScore(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 5) throw new DomainError("lesson-score-bad");
  return n;
}

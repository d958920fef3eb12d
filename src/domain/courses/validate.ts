// What a methodist types when creating or editing a course, checked field by field.
import { DateTime } from "luxon";
import { DomainError } from "../errors.js";
import { parseDate, parseDateTime } from "../time.js";
import { cleanText } from "../text.js";
import { parseWebUrl } from "../url.js";

export const COURSE_FORMATS = ["in_person", "online", "visiting"] as const;
export type CourseFormatCode = (typeof COURSE_FORMATS)[number];

export interface CourseDraft {
  title: string;
  description: string;
  provider: string;
  format: CourseFormatCode;
  place: string | null;
  startDate: Date;
  endDate: Date;
  hours: number;
  seats: number;
  registrationDeadline: Date;
  subjectIds: number[];
}

function text(input: string, min: number, max: number): string {
  const s = input.trim();
  if (s.length < min) throw new DomainError("course-text-too-short", { min });
  if (s.length > max) throw new DomainError("course-text-too-long", { max });
  return s;
}

export const validateTitle = (s: string) => cleanText(text(s, 3, 200));
export const validateDescription = (s: string) => text(s, 10, 3000);
export const validateProvider = (s: string) => cleanText(text(s, 2, 200));
export const validatePlace = (s: string) => cleanText(text(s, 2, 300));

const LINK_MAX = 300;

/** An online course's link: http(s) with a real host name, normalised (`https://` added when missing). */
export function validateLink(input: string): string {
  const url = parseWebUrl(input, LINK_MAX);
  if (!url) throw new DomainError("course-bad-link");
  return url;
}

/** What a methodist types for where the course takes place: a link for an online course, an address otherwise. */
export const validateVenue = (format: CourseFormatCode, input: string) => (format === "online" ? validateLink(input) : validatePlace(input));

/** The place to store: an online course's link, checked and normalised; an address as it is. */
export function venueOf(d: Pick<CourseDraft, "format" | "place">): string | null {
  return d.format === "online" ? validateLink(d.place ?? "") : d.place;
}

function integer(input: string, min: number, max: number): number {
  const s = input.trim();
  if (!/^\d+$/.test(s)) throw new DomainError("course-not-a-number");
  const n = Number(s);
  if (n < min || n > max) throw new DomainError("course-number-range", { min, max });
  return n;
}

export const validateHours = (s: string) => integer(s, 1, 2000);
export const validateSeats = (s: string) => integer(s, 1, 10000);

/** "25.12" (the day starts at 00:00) or "25.12 10:00", in the deployment's zone; must lie ahead. */
export function parseDay(input: string, zone: string, now: Date): Date {
  const s = input.trim();
  const d = /\d[:.]\d\d$/.test(s) && /\s/.test(s) ? parseDateTime(s, zone, now) : parseDate(s, zone, now);
  if (d.getTime() <= now.getTime()) throw new DomainError("date-past");
  return d;
}

/** The last day of a course: a date, kept as the start of that day. */
export function parseEndDate(input: string, zone: string, now: Date, start: Date): Date {
  const d = parseDate(input.trim(), zone, now);
  if (d.getTime() < DateTime.fromJSDate(start, { zone }).startOf("day").toMillis()) throw new DomainError("course-end-before-start");
  return d;
}

/** Registration deadline: a date means the end of that day; it must not be after the start. */
export function parseDeadline(input: string, zone: string, now: Date, start: Date): Date {
  const s = input.trim();
  const hasTime = /\s/.test(s) && /\d[:.]\d\d$/.test(s);
  const d = hasTime
    ? parseDateTime(s, zone, now)
    : DateTime.fromJSDate(parseDate(s, zone, now), { zone })
        .endOf("day")
        .startOf("minute")
        .toJSDate();
  if (d.getTime() <= now.getTime()) throw new DomainError("date-past");
  if (d.getTime() > start.getTime()) throw new DomainError("course-deadline-after-start");
  return d;
}

/** The whole draft, re-checked before it is stored (a conversation or an edit may be stale). */
export function checkDraft(d: CourseDraft, zone: string): void {
  if (!COURSE_FORMATS.includes(d.format)) throw new DomainError("course-bad-format");
  if (d.endDate.getTime() < DateTime.fromJSDate(d.startDate, { zone }).startOf("day").toMillis()) throw new DomainError("course-end-before-start");
  if (d.registrationDeadline.getTime() > d.startDate.getTime()) throw new DomainError("course-deadline-after-start");
  if (d.seats < 1) throw new DomainError("course-number-range", { min: 1, max: 10000 });
  if (d.subjectIds.length === 0) throw new DomainError("subjects-empty");
}

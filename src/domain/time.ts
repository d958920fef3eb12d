// Dates as people type and read them, in the deployment's time zone; stored in UTC.
// Accepted: "25.12 14:30", "25.12.2026 14:30", "25.12.26 14:30", "25/12 9:05", "2026-12-25 14:30";
// dates alone ("25.12", "25.12.2026") where only a day is asked for.
import { DateTime } from "luxon";
import { DomainError } from "./errors.js";

const DATE_TIME = /^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?(?:\s*[,вat]*\s+|\s+)(\d{1,2})[:.](\d{2})$/iu;
const ISO_DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})$/;
const DATE = /^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?$/;

function year(raw: string | undefined, now: DateTime, month: number, day: number): number {
  if (raw) return raw.length === 2 ? 2000 + Number(raw) : Number(raw);
  // no year: the next such date from today (25.01 typed in December means next January)
  const thisYear = now.year;
  const candidate = DateTime.fromObject({ year: thisYear, month, day }, { zone: now.zone });
  return candidate.isValid && candidate.endOf("day") < now ? thisYear + 1 : thisYear;
}

/**
 * A date and time typed by a person, in `zone`. Throws DomainError("date-format") for text that is not
 * a date, ("date-invalid") for 31.02 and the like.
 */
export function parseDateTime(text: string, zone: string, now: Date): Date {
  const s = text.trim().replace(/\s+/g, " ");
  const nowZ = DateTime.fromJSDate(now, { zone });
  let parts: { year: number; month: number; day: number; hour: number; minute: number };
  let m = DATE_TIME.exec(s);
  if (m) {
    const [, d, mo, y, h, mi] = m;
    parts = { year: year(y, nowZ, Number(mo), Number(d)), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi) };
  } else if ((m = ISO_DATE_TIME.exec(s))) {
    const [, y, mo, d, h, mi] = m;
    parts = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi) };
  } else throw new DomainError("date-format");
  const dt = DateTime.fromObject(parts, { zone });
  if (!dt.isValid || dt.day !== parts.day || parts.hour > 23 || parts.minute > 59) throw new DomainError("date-invalid");
  return dt.toJSDate();
}

/** A day typed by a person ("25.12" or "25.12.2026"), as the start of that day in `zone`. */
export function parseDate(text: string, zone: string, now: Date): Date {
  const m = DATE.exec(text.trim());
  if (!m) throw new DomainError("date-format");
  const [, d, mo, y] = m;
  const nowZ = DateTime.fromJSDate(now, { zone });
  const parts = { year: year(y, nowZ, Number(mo), Number(d)), month: Number(mo), day: Number(d) };
  const dt = DateTime.fromObject(parts, { zone });
  if (!dt.isValid || dt.day !== parts.day) throw new DomainError("date-invalid");
  return dt.toJSDate();
}

/** A date and time that must lie ahead: DomainError("date-past") otherwise. */
export function parseFutureDateTime(text: string, zone: string, now: Date): Date {
  const d = parseDateTime(text, zone, now);
  if (d.getTime() <= now.getTime()) throw new DomainError("date-past");
  return d;
}

/** "25 декабря 2026, 14:30" / "25 December 2026, 14:30" in the deployment's zone. */
export function formatDateTime(d: Date, locale: string, zone: string): string {
  return DateTime.fromJSDate(d, { zone })
    .setLocale(locale)
    .toFormat(locale === "en" ? "d MMMM yyyy, HH:mm" : "d MMMM yyyy, HH:mm");
}

/** "25 декабря 2026" */
export function formatDate(d: Date, locale: string, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).setLocale(locale).toFormat("d MMMM yyyy");
}

/** "14:30" */
export function formatTime(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).toFormat("HH:mm");
}

/** Start of the day (in `zone`) that contains `d`. */
export function startOfDay(d: Date, zone: string): Date {
  return DateTime.fromJSDate(d, { zone }).startOf("day").toJSDate();
}

// The spans a portfolio covers: an academic year (1 September to 1 September in the deployment's zone),
// the current one by default, or a span of days she types ("01.09.2025 – 31.12.2025", both days in).
import { DateTime } from "luxon";
import { academicYear } from "../coverage/index.js";
import { DomainError } from "../errors.js";
import type { Span } from "./types.js";

/** the longest span a portfolio may cover (a commission looks at five years at most) */
export const MAX_SPAN_YEARS = 10;

/** The academic year that starts on 1 September of `startYear`. */
export function academicYearOf(startYear: number, zone: string): Span {
  const from = DateTime.fromObject({ year: startYear, month: 9, day: 1 }, { zone });
  return { from: from.toJSDate(), to: from.plus({ years: 1 }).toJSDate(), label: `${startYear}/${startYear + 1}` };
}

/** The year of the academic year that `now` falls in (2026 for 2026/2027). */
export function currentAcademicYear(now: Date, zone: string): number {
  return DateTime.fromJSDate(academicYear(now, zone).from, { zone }).year;
}

const DAY = /(\d{1,2})[./](\d{1,2})[./](\d{4})/g;

/**
 * A span as typed: two days with full years, in either order of separators ("01.09.2025 - 31.12.2025",
 * "1.9.2025 по 31.12.2025"). DomainError when the text is not two days, a day does not exist, the end
 * comes before the start, or the span is longer than MAX_SPAN_YEARS.
 */
export function parseSpan(text: string, zone: string): Span {
  const days = [...text.matchAll(DAY)];
  if (days.length !== 2) throw new DomainError("documents-span-format");
  const [from, until] = days.map(([, d, m, y]) => {
    const dt = DateTime.fromObject({ year: Number(y), month: Number(m), day: Number(d) }, { zone });
    if (!dt.isValid) throw new DomainError("documents-span-invalid");
    return dt;
  }) as [DateTime, DateTime];
  if (until < from) throw new DomainError("documents-span-order");
  if (until.diff(from, "years").years > MAX_SPAN_YEARS) throw new DomainError("documents-span-long", { years: MAX_SPAN_YEARS });
  return { from: from.toJSDate(), to: until.plus({ days: 1 }).toJSDate(), label: null };
}

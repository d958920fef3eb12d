// The day a qualification category expires, as a teacher types it: "15.05.2028" (the day) or "05.2028"
// (the month: its last day). A category is given for 5 years, so a later day is a typo; a past day is
// a fact (the category has expired) and is kept.
import { DateTime } from "luxon";
import { DomainError } from "../errors.js";
import { parseDate } from "../time.js";

/** how long a category is valid: the farthest day that can be typed */
export const CATEGORY_YEARS = 5;

const FULL_DATE = /^\d{1,2}[./-]\d{1,2}[./-](\d{2}|\d{4})$/;
const MONTH = /^(\d{1,2})[./-](\d{4})$/;

/**
 * The expiry day as the start of that day in `zone`. DomainError "attestation-date-format" for text that
 * is not such a date (or lacks the year), "attestation-date-invalid" for 31.02.2028 and 13.2028,
 * "attestation-date-too-far" for a day more than CATEGORY_YEARS ahead.
 */
export function parseAttestationUntil(text: string, zone: string, now: Date): Date {
  const s = text.trim();
  let day: DateTime;
  const month = MONTH.exec(s);
  if (month) {
    const m = Number(month[1]);
    if (m < 1 || m > 12) throw new DomainError("attestation-date-invalid");
    day = DateTime.fromObject({ year: Number(month[2]), month: m }, { zone })
      .endOf("month")
      .startOf("day");
  } else if (FULL_DATE.test(s)) {
    try {
      day = DateTime.fromJSDate(parseDate(s, zone, now), { zone });
    } catch (e) {
      if (e instanceof DomainError && e.code === "date-invalid") throw new DomainError("attestation-date-invalid");
      throw new DomainError("attestation-date-format");
    }
  } else throw new DomainError("attestation-date-format");
  const latest = DateTime.fromJSDate(now, { zone }).startOf("day").plus({ years: CATEGORY_YEARS });
  if (day > latest) throw new DomainError("attestation-date-too-far", { years: CATEGORY_YEARS, latest: latest.toFormat("dd.MM.yyyy") });
  return day.toJSDate();
}

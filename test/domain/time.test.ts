import { describe, expect, it } from "vitest";
import type { DomainError } from "../../src/domain/errors.js";
import { formatDateTime, parseDate, parseDateTime, parseFutureDateTime } from "../../src/domain/time.js";

const now = new Date("2026-11-23T09:00:00Z");
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return "no error";
};

describe("dates typed by people", () => {
  it("reads the usual Russian forms in the deployment's time zone", () => {
    expect(parseDateTime("25.12 14:30", "Europe/Moscow", now).toISOString()).toBe("2026-12-25T11:30:00.000Z");
    expect(parseDateTime("25.12.2026 14:30", "Asia/Barnaul", now).toISOString()).toBe("2026-12-25T07:30:00.000Z");
    expect(parseDateTime("25.12.26 9:05", "Asia/Yekaterinburg", now).toISOString()).toBe("2026-12-25T04:05:00.000Z");
    expect(parseDateTime("2026-12-25 14:30", "Europe/Moscow", now).toISOString()).toBe("2026-12-25T11:30:00.000Z");
    expect(parseDateTime("25/12 в 14.30", "Europe/Moscow", now).toISOString()).toBe("2026-12-25T11:30:00.000Z");
  });

  it("a day and month without a year that already passed means next year", () => {
    expect(parseDateTime("15.01 10:00", "Europe/Moscow", now).toISOString()).toBe("2027-01-15T07:00:00.000Z");
    expect(parseDate("15.01", "Europe/Moscow", now).toISOString()).toBe("2027-01-14T21:00:00.000Z");
  });

  it("rejects what is not a date, impossible dates and the past", () => {
    expect(code(() => parseDateTime("завтра", "Europe/Moscow", now))).toBe("date-format");
    expect(code(() => parseDateTime("31.02.2027 10:00", "Europe/Moscow", now))).toBe("date-invalid");
    expect(code(() => parseDateTime("10.12 25:00", "Europe/Moscow", now))).toBe("date-invalid");
    expect(code(() => parseFutureDateTime("01.11.2026 10:00", "Europe/Moscow", now))).toBe("date-past");
  });

  it("formats in the zone and language", () => {
    expect(formatDateTime(new Date("2026-12-25T11:30:00Z"), "ru", "Europe/Moscow")).toBe("25 декабря 2026, 14:30");
    expect(formatDateTime(new Date("2026-12-25T11:30:00Z"), "en", "Asia/Barnaul")).toBe("25 December 2026, 18:30");
  });
});

import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const base = { BOT_TOKEN: "123456:TEST-token" };

describe("MEETING_REMINDER_OFFSETS", () => {
  it("defaults to a day and an hour; units m, h, d; largest first, repeats dropped", () => {
    expect(loadConfig(base).MEETING_REMINDER_OFFSETS).toEqual([1440, 60]);
    expect(loadConfig({ ...base, MEETING_REMINDER_OFFSETS: "30m, 2d,1h,60m" }).MEETING_REMINDER_OFFSETS).toEqual([2880, 60, 30]);
  });

  it.each(["24", "1h;30m", "0h", "1w", "31d", "h1"])("refuses %s with an explanation", (value) => {
    expect(() => loadConfig({ ...base, MEETING_REMINDER_OFFSETS: value })).toThrow(ConfigError);
    try {
      loadConfig({ ...base, MEETING_REMINDER_OFFSETS: value });
    } catch (e) {
      expect((e as ConfigError).problems.join("\n")).toMatch(/MEETING_REMINDER_OFFSETS: (expected offsets like 24h,1h|each offset must be between)/);
    }
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DESCRIPTION_LIMIT, SHORT_DESCRIPTION_LIMIT, syncDescriptions } from "../../src/bot/description.js";
import { LOCALES } from "../../src/config.js";
import type { Logger } from "../../src/logger.js";
import { providers } from "../helpers/databases.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(providers)("the bot's description on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("is set at start for every language and by default, within Telegram's limits", async () => {
    await syncDescriptions(app.bot.api, app.messages, app.config.DEFAULT_LOCALE, app.deps.logger);
    const long = app.tg.callsOf("setMyDescription").map((c) => c.payload);
    const short = app.tg.callsOf("setMyShortDescription").map((c) => c.payload);
    // the default (no language_code) in DEFAULT_LOCALE, then one per language
    expect(long.map((p) => p.language_code ?? "")).toEqual(["", ...LOCALES]);
    expect(short.map((p) => p.language_code ?? "")).toEqual(["", ...LOCALES]);
    const ru = long.find((p) => p.language_code === "ru")!.description as string;
    const en = long.find((p) => p.language_code === "en")!.description as string;
    expect(ru).toContain("Методсеть");
    expect(en).toContain("Metodset");
    expect(long[0]!.description).toBe(ru);
    for (const p of long) expect((p.description as string).length).toBeLessThanOrEqual(DESCRIPTION_LIMIT);
    for (const p of short) {
      expect((p.short_description as string).length).toBeGreaterThan(0);
      expect((p.short_description as string).length).toBeLessThanOrEqual(SHORT_DESCRIPTION_LIMIT);
    }
    // plain text: the Bot API does not parse HTML in a description
    for (const p of [...long, ...short]) expect(JSON.stringify(p)).not.toMatch(/<\/?[a-z]+>|&lt;|&amp;/);
  });

  it("a Bot API that refuses is a warning, not a failed start", async () => {
    app.tg.fail("setMyDescription", { error_code: 404, description: "Not Found: method not found" });
    const warnings: string[] = [];
    const logger = { ...app.deps.logger, warn: (_o: unknown, msg: string) => warnings.push(msg) } as unknown as Logger;
    await expect(syncDescriptions(app.bot.api, app.messages, app.config.DEFAULT_LOCALE, logger)).resolves.toBeUndefined();
    expect(warnings).toEqual(["could not set the bot's description"]);
  });
});

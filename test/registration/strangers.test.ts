// Someone who has not agreed to data processing (152-ФЗ) leaves nothing behind: not even an empty
// session row under her Telegram id. She still gets an answer to everything she sends.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(providers)("a stranger on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  const stored = async () => ({
    users: await app.db.prisma.user.count(),
    sessions: await app.db.prisma.session.count(),
    conversations: await app.db.prisma.conversationState.count(),
  });

  it("writing, pressing a menu button or a stale button before /start stores nothing, and each gets an answer", async () => {
    const t = app.user(2101);
    await t.send("привет");
    expect(t.lastText()).toContain("/start");
    await t.send("📅 Встречи");
    expect(t.lastText()).toContain("/start");
    await t.pressData("meeting-r:1:1");
    expect(t.toasts().at(-1)).toContain("/start");
    expect(await stored()).toEqual({ users: 0, sessions: 0, conversations: 0 });
  });
});

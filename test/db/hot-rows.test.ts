// The rows every update reads, kept in memory on SQLite (src/db/hot-rows.ts): what a person sees never
// lags behind a write, whoever made it (the bot, another service, a statement written straight to the
// database); the bot's own storage writes keep their rows, so a tap costs fewer queries.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { observeWrite, createHotRows, RowCache, STORAGE_SQL } from "../../src/db/hot-rows.js";
import { providers } from "../helpers/databases.js";
import { registerMethodist, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

describe("a cached row", () => {
  it("is never put back by a read that started before a write to it", () => {
    const cache = new RowCache<string | null>({ max: 10, ttlMs: 1000, now: () => 0 });
    const ticket = cache.ticket();
    cache.invalidate("a"); // a write ran while the read was in flight
    cache.set("a", "old", ticket);
    expect(cache.get("a")).toBeUndefined();
    const later = cache.ticket();
    cache.set("a", "new", later);
    expect(cache.get("a")?.value).toBe("new");
  });

  it("expires, and keeps at most its maximum", () => {
    let now = 0;
    const cache = new RowCache<string>({ max: 2, ttlMs: 100, now: () => now });
    for (const k of ["a", "b", "c"]) cache.set(k, k, cache.ticket());
    expect(cache.size).toBe(2);
    expect(cache.get("a")).toBeUndefined();
    now = 100;
    expect(cache.get("c")).toBeUndefined();
  });

  it("a write it cannot place drops the whole table, one it can drops only that row", () => {
    const hot = createHotRows();
    hot.bot_sessions.set("1", "{}", 0);
    hot.bot_sessions.set("2", "{}", 0);
    observeWrite(hot, STORAGE_SQL.bot_sessions.remove, ["1"]);
    expect(hot.bot_sessions.get("1")?.value).toBeNull();
    expect(hot.bot_sessions.get("2")?.value).toBe("{}");
    observeWrite(hot, "DELETE FROM `main`.`bot_sessions` WHERE `value` LIKE ?", ["%x%"]);
    expect(hot.bot_sessions.get("2")).toBeUndefined();
    hot.users.set("77", { id: 5 }, hot.users.ticket());
    observeWrite(hot, "SELECT * FROM users", []);
    expect(hot.users.get("77")?.value).toEqual({ id: 5 });
    observeWrite(hot, "DELETE FROM `main`.`schools` WHERE id = ?", [1]);
    expect(hot.users.get("77")).toBeUndefined();
  });
});

describe.each(providers)("the rows of an update on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("a role written straight to the database is what the next tap sees", async () => {
    const teacher = await registerViaBot(app, 5101);
    await teacher.chat.send("/coverage");
    expect(teacher.chat.lastText()).toContain("только методисты");
    await app.db.prisma.user.update({ where: { id: teacher.userId }, data: { role: "methodist" } });
    await teacher.chat.send("/coverage");
    expect(teacher.chat.lastText()).not.toContain("только методисты");
    await app.db.prisma.user.updateMany({ where: { id: teacher.userId }, data: { role: "teacher" } });
    await teacher.chat.send("/coverage");
    expect(teacher.chat.lastText()).toContain("только методисты");
  });

  it("a methodist's flow is read from memory on SQLite, and a stored flow removed behind its back is gone", async () => {
    const m = await registerMethodist(app, 5102);
    await m.chat.send("/profile");
    await m.chat.press("✏️ ФИО");
    expect(await app.db.prisma.conversationState.count()).toBe(1);
    if (app.db.hot) {
      const before = app.db.hot.bot_conversations.hits;
      await m.chat.send("1");
      expect(app.db.hot.bot_conversations.hits).toBeGreaterThan(before);
    }
    await app.db.prisma.conversationState.deleteMany({});
    await m.chat.send("Новикова Ольга");
    // the flow is gone, so the name is no answer to anything
    expect((await app.services.users.byId(m.userId))!.fullName).not.toBe("Новикова Ольга");
  });
});

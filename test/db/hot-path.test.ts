// The tap's hand-written statements on SQLite (src/db/sqlite-direct.ts, src/db/hot-user.ts, the storage's
// direct statements): what they return and keep in memory is what Prisma reads from the database, they
// wait for an open transaction like every other statement, and a write by any other path is what the
// next update sees. On PostgreSQL the same tests run through Prisma (nothing is cached there).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { updateUserRow, userFromRow } from "../../src/db/hot-user.js";
import { providers } from "../helpers/databases.js";
import { registerAdmin, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

const settledWithin = (p: Promise<unknown>, ms: number) => Promise.race([p.then(() => true), new Promise((r) => setTimeout(() => r(false), ms))]);

describe.each(providers)("the tap's hot path on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("a user row read on the connection is the row Prisma reads, whatever its columns hold", async () => {
    const teacher = await registerViaBot(app, 5201, { name: "Орлова Нина Павловна" });
    await registerAdmin(app);
    await app.services.users.markBlocked(teacher.userId);
    await app.db.prisma.user.update({
      where: { id: teacher.userId },
      data: { attestationCategory: "first", attestationUntil: new Date("2027-03-01T21:00:00Z") },
    });
    // someone not registered (a language remembered): no name, no consent, the defaults
    await app.db.prisma.user.create({ data: { telegramId: 5202n } });
    const prisma = await app.db.prisma.user.findMany({ orderBy: { id: "asc" } });
    expect(prisma.length).toBeGreaterThanOrEqual(3);
    if (!app.db.hot?.sql) return; // PostgreSQL: no hand-written path
    const rows = await app.db.hot.sql.run((statement) => statement("SELECT * FROM users ORDER BY id").all() as Record<string, unknown>[]);
    expect(rows.map(userFromRow)).toEqual(prisma);
    // a row it does not know is not guessed at
    expect(userFromRow({ ...rows[0]!, extra: 1 })).toBeUndefined();
    expect(userFromRow({ ...rows[0]!, updated_at: "yesterday" })).toBeUndefined();
    // what it does not write itself is left to Prisma: the keys, the timestamps, a value of another kind
    const id = teacher.userId;
    expect(await updateUserRow(app.db.hot, id, { createdAt: new Date() } as never)).toBeUndefined();
    expect(await updateUserRow(app.db.hot, id, { schoolId: 1n } as never)).toBeUndefined();
    expect(await updateUserRow(app.db.hot, id, {})).toBeUndefined();
    const blocked = await updateUserRow(app.db.hot, id, { blockedAt: new Date("2026-12-01T10:00:00.5Z"), isActive: false });
    expect(blocked).toEqual(await app.db.prisma.user.findUniqueOrThrow({ where: { id } }));
    expect(blocked?.blockedAt?.toISOString()).toBe("2026-12-01T10:00:00.500Z");
  });

  it("her own change returns and keeps the stored row; a write by another path is what her next tap sees", async () => {
    const p = await registerViaBot(app, 5203);
    await p.chat.send("/profile");
    await p.chat.press("ФИО");
    await p.chat.send("Новикова Вера");
    expect(p.chat.lastText()).toContain("Сохранено");
    const stored = await app.db.prisma.user.findUniqueOrThrow({ where: { id: p.userId } });
    expect(stored.fullName).toBe("Новикова Вера");
    expect(stored.searchName).toBe("новикова вера");
    const hot = app.db.hot;
    // kept, not dropped: the next update reads her from memory, and what it reads is the stored row
    if (hot) expect(hot.users.get("5203")?.value).toEqual(stored);
    const misses = hot?.users.rows.misses;
    await p.chat.send("/profile");
    if (hot) expect(hot.users.rows.misses).toBe(misses);
    expect(p.chat.lastText()).toContain("Новикова Вера");
    const returned = await app.services.users.update(p.userId, { language: "en" });
    expect(returned).toEqual(await app.db.prisma.user.findUniqueOrThrow({ where: { id: p.userId } }));
    // another path writes her row: Prisma's model API, then raw SQL
    await app.db.prisma.user.update({ where: { id: p.userId }, data: { fullName: "Петрова Вера" } });
    await p.chat.send("/profile");
    expect(p.chat.lastText()).toContain("Петрова Вера");
    await app.db.prisma.$executeRawUnsafe("UPDATE users SET full_name = 'Сидорова Вера' WHERE telegram_id = 5203");
    await p.chat.send("/profile");
    expect(p.chat.lastText()).toContain("Сидорова Вера");
  });

  it("her change waits for an open transaction, and its rollback does not undo it", async () => {
    const p = await registerViaBot(app, 5204);
    const db = app.db.prisma;
    let change: Promise<unknown> | undefined;
    let settled: unknown;
    const failing = db.$transaction(async (tx) => {
      await tx.district.create({ data: { name: "Округ, которого не будет" } });
      change = app.services.users.update(p.userId, { fullName: "Новикова Вера" });
      settled = await settledWithin(change, 800);
      throw new Error("rolled back");
    });
    await expect(failing).rejects.toThrow("rolled back");
    await change;
    if (provider === "sqlite") expect(settled).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: p.userId } })).fullName).toBe("Новикова Вера");
    expect(await db.district.count()).toBe(0);
  });

  it("a change of someone who is not there fails as Prisma's update does", async () => {
    await expect(app.services.users.update(987_654, { language: "en" })).rejects.toMatchObject({ code: "P2025" });
  });

  it("a flow's state written and removed on the connection is what the database holds", async () => {
    const p = await registerViaBot(app, 5205);
    await p.chat.send("/profile");
    await p.chat.press("ФИО");
    const stored = await app.db.prisma.conversationState.findUnique({ where: { key: "5205" } });
    expect(stored).not.toBeNull();
    if (app.db.hot) expect(app.db.hot.bot_conversations.get("5205")?.value).toBe(stored!.value);
    // a wrong answer: asked again, the state written again
    await p.chat.send("Вера 7");
    const again = await app.db.prisma.conversationState.findUniqueOrThrow({ where: { key: "5205" } });
    expect(again.updatedAt.getTime()).toBeGreaterThanOrEqual(stored!.updatedAt.getTime());
    if (app.db.hot) expect(app.db.hot.bot_conversations.get("5205")?.value).toBe(again.value);
    await p.chat.send("Новикова Вера");
    expect(await app.db.prisma.conversationState.count()).toBe(0);
    if (app.db.hot) expect(app.db.hot.bot_conversations.get("5205")?.value).toBeNull();
  });
});

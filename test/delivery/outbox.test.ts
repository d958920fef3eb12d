import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CATCH_UP_MS } from "../../src/jobs/pace.js";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { insertTeacher } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(providers)("outbox and sender on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
  });
  afterEach(() => closeTestApp(app));

  it("renders notices in each recipient's language, with buttons; the same dedupe key is stored once", async () => {
    const ru = await insertTeacher(app, 6001, { language: "ru" });
    const en = await insertTeacher(app, 6002, { language: "en" });
    const notice = (userId: number) => ({
      userId,
      key: "role-changed",
      vars: { name: "<Иванова & Co>", role: "x" },
      buttons: [[{ key: "profile-edit-name", action: { do: "lesson-card" as const, id: 7 } }]],
      dedupeKey: `test:${userId}`,
      groupId: "g1",
    });
    expect(await app.services.outbox.notify([notice(ru), notice(en)])).toBe(2);
    expect(await app.services.outbox.notify([notice(ru), notice(en)])).toBe(0);
    expect(await app.db.prisma.outboxMessage.count()).toBe(2);

    await deliverAll(app);
    const [toRu] = app.tg.callsOf("sendMessage").filter((c) => c.payload.chat_id === 6001);
    expect(toRu!.payload.text).toBe("✅ &lt;Иванова &amp; Co&gt; теперь x.");
    expect(toRu!.payload.parse_mode).toBe("HTML");
    // the action is stored as the Telegram button that does it
    expect(toRu!.payload.reply_markup.inline_keyboard[0][0]).toEqual({ text: "✏️ ФИО", callback_data: "lesson-card:7" });
    expect(receivedTexts(app, 6002)).toEqual(["✅ &lt;Иванова &amp; Co&gt; is now x."]);
    expect(await app.services.outbox.groupStatus("g1")).toMatchObject({ sent: 2, queued: 0, total: 2 });
    const attempts = await app.db.prisma.deliveryAttempt.findMany();
    expect(attempts.map((a) => a.outcome)).toEqual(["ok", "ok"]);
  });

  it("raw messages keep their own entities and attachments", async () => {
    const u = await insertTeacher(app, 6003);
    await app.services.outbox.enqueueRaw([
      { userId: u, chatId: 6003, text: "Важно: *не* разметка", entities: JSON.stringify([{ type: "bold", offset: 0, length: 6 }]), dedupeKey: "raw:1" },
      { userId: u, chatId: 6003, text: "Файл", attachment: { kind: "document", fileId: "FILE1" }, dedupeKey: "raw:2" },
    ]);
    await deliverAll(app);
    const [text] = app.tg.callsOf("sendMessage");
    expect(text!.payload.entities).toEqual([{ type: "bold", offset: 0, length: 6 }]);
    expect(text!.payload.parse_mode).toBeUndefined();
    const [doc] = app.tg.callsOf("sendDocument");
    expect(doc!.payload).toMatchObject({ chat_id: 6003, document: "FILE1", caption: "Файл", parse_mode: "HTML" });
  });

  it("survives 5xx, network errors and a 429 with no loss, no duplicates, order per chat kept", async () => {
    const chats = [6101, 6102, 6103];
    for (const id of chats) await insertTeacher(app, id);
    const users = await app.db.prisma.user.findMany({ orderBy: { telegramId: "asc" } });
    await app.services.outbox.enqueueRaw(
      users.flatMap((u) => ["a", "b", "c"].map((x) => ({ userId: u.id, chatId: u.telegramId, text: `${x}-${u.telegramId}`, dedupeKey: `o:${u.id}:${x}` }))),
    );
    app.tg.fail("sendMessage", { error_code: 502, description: "Bad Gateway" });
    app.tg.fail("sendMessage", "network");
    app.tg.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    await deliverAll(app);
    for (const id of chats) expect(receivedTexts(app, id)).toEqual([`a-${id}`, `b-${id}`, `c-${id}`]);
    expect(await app.db.prisma.outboxMessage.count({ where: { status: "sent" } })).toBe(9);
    const outcomes = (await app.db.prisma.deliveryAttempt.findMany()).map((a) => a.outcome).sort();
    expect(outcomes.filter((o) => o !== "ok").sort()).toEqual(["network_error", "rate_limited", "server_error"]);
    expect(app.sender.stats).toMatchObject({ sent: 9, rateLimited: 1, retried: 2 });
  });

  it("a 429 pauses the whole sender for retry_after: nothing is claimed or sent until it has passed", async () => {
    for (const id of [6201, 6202, 6203]) await insertTeacher(app, id);
    const users = await app.db.prisma.user.findMany();
    await app.services.outbox.enqueueRaw(users.map((u) => ({ userId: u.id, chatId: u.telegramId, text: "x", dedupeKey: `p:${u.id}` })));
    app.tg.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 30", parameters: { retry_after: 30 } });
    await app.sender.runUntilIdle();
    // the first send was refused; the rest of the batch went back to the queue, not to Telegram
    expect(app.tg.callsOf("sendMessage")).toHaveLength(1);
    expect(await app.db.prisma.outboxMessage.count({ where: { status: "queued", claimedBy: null } })).toBe(3);
    app.clock.advance(29_000);
    expect(await app.sender.runUntilIdle()).toBe(0);
    expect(app.tg.callsOf("sendMessage")).toHaveLength(1);
    app.clock.advance(1_000);
    await app.sender.runUntilIdle();
    expect(app.tg.callsOf("sendMessage").filter((c) => !c.payload.__failed)).toHaveLength(3);
    expect(await app.db.prisma.outboxMessage.count({ where: { status: "sent" } })).toBe(3);
  });

  it("an outage of Telegram: the sender backs off instead of failing the queue, and sends everything once it is back", async () => {
    const chats = [6211, 6212, 6213, 6214, 6215];
    for (const id of chats) await insertTeacher(app, id);
    const users = await app.db.prisma.user.findMany();
    await app.services.outbox.enqueueRaw(users.map((u) => ({ userId: u.id, chatId: u.telegramId, text: `o-${u.telegramId}`, dedupeKey: `o:${u.id}` })));
    // 30 minutes without Telegram: connections fail, or it answers 502
    const back = app.clock.now().getTime() + 30 * 60_000;
    let tries = 0;
    app.tg.onCall = async () => {
      if (app.clock.now().getTime() >= back) return;
      if (++tries % 2) throw new Error("connect ECONNREFUSED");
      app.tg.fail("sendMessage", { error_code: 502, description: "Bad Gateway" });
    };
    for (let t = 0; t < 40 * 60_000; t += 5_000) {
      await app.sender.runUntilIdle();
      app.clock.advance(5_000);
    }
    for (const id of chats) expect(receivedTexts(app, id)).toEqual([`o-${id}`]);
    expect(await app.db.prisma.outboxMessage.count({ where: { status: "sent" } })).toBe(5);
    // doubling pauses up to a minute: a try a minute or so through the outage, not one per message per batch
    expect(tries).toBeGreaterThan(20);
    expect(tries).toBeLessThan(50);
  });

  it("a message Telegram cannot be reached for fails after SEND_GIVE_UP_HOURS, not before", async () => {
    await closeTestApp(app);
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000", SEND_GIVE_UP_HOURS: "2" } });
    const u = await insertTeacher(app, 6221);
    await app.services.outbox.enqueueRaw([{ userId: u, chatId: 6221, text: "x", dedupeKey: "g:1", groupId: "g" }]);
    app.tg.onCall = async () => {
      throw new Error("connect ETIMEDOUT");
    };
    const run = async (minutes: number) => {
      for (let t = 0; t < minutes * 60_000; t += 10_000) {
        await app.sender.runUntilIdle();
        app.clock.advance(10_000);
      }
    };
    await run(110);
    expect(await app.services.outbox.groupStatus("g")).toMatchObject({ queued: 1, failed: 0 });
    await run(20);
    expect(await app.services.outbox.groupStatus("g")).toMatchObject({ queued: 0, failed: 1 });
    expect(app.sender.stats.failed).toBe(1);
  });

  it("a user who blocked the bot is marked inactive and nothing more is sent to them", async () => {
    const blocked = await insertTeacher(app, 6301);
    const fine = await insertTeacher(app, 6302);
    app.tg.blocked.add(6301);
    await app.services.outbox.enqueueRaw([
      { userId: blocked, chatId: 6301, text: "1", dedupeKey: "b:1", groupId: "g" },
      { userId: blocked, chatId: 6301, text: "2", dedupeKey: "b:2", groupId: "g" },
      { userId: fine, chatId: 6302, text: "3", dedupeKey: "b:3", groupId: "g" },
    ]);
    await deliverAll(app);
    expect((await app.services.users.byId(blocked))!.isActive).toBe(false);
    expect(app.tg.calls.filter((c) => c.payload.chat_id === 6301)).toHaveLength(1);
    expect(await app.services.outbox.groupStatus("g")).toMatchObject({ sent: 1, blocked: 2 });
    // later notices to them are counted as blocked without a call
    await app.services.outbox.notify([{ userId: blocked, key: "cancelled", dedupeKey: "b:4", groupId: "g" }]);
    await deliverAll(app);
    expect(app.tg.calls.filter((c) => c.payload.chat_id === 6301)).toHaveLength(1);
    expect((await app.services.outbox.groupStatus("g")).blocked).toBe(3);
  });

  it("a deactivated account (403 user is deactivated) is marked inactive like one that blocked the bot", async () => {
    const gone = await insertTeacher(app, 6311);
    app.tg.fail("sendMessage", { error_code: 403, description: "Forbidden: user is deactivated" });
    await app.services.outbox.enqueueRaw([
      { userId: gone, chatId: 6311, text: "1", dedupeKey: "d:1", groupId: "d" },
      { userId: gone, chatId: 6311, text: "2", dedupeKey: "d:2", groupId: "d" },
    ]);
    await deliverAll(app);
    expect((await app.services.users.byId(gone))!.isActive).toBe(false);
    expect(app.tg.callsOf("sendMessage")).toHaveLength(1);
    expect(await app.services.outbox.groupStatus("d")).toMatchObject({ blocked: 2, sent: 0, failed: 0 });
    expect(app.sender.stats).toMatchObject({ blocked: 1, failed: 0 });
  });

  it("a database error right after Telegram accepted a message: recorded on a retry, never sent again", async () => {
    const u = await insertTeacher(app, 6321);
    await app.services.outbox.enqueueRaw([{ userId: u, chatId: 6321, text: "once", dedupeKey: "db:1", groupId: "db" }]);
    // while the message is on its way the database goes away for the next write
    const table = app.db.prisma.outboxMessage;
    const spies: { mockRestore(): void }[] = [];
    app.tg.onCall = async () => {
      app.tg.onCall = null;
      for (const method of ["update", "updateMany"] as const) {
        const real = table[method].bind(table) as (...args: unknown[]) => unknown;
        let failed = false;
        const spy = vi.spyOn(table, method).mockImplementation(((...args: unknown[]) => {
          if (failed) return real(...args);
          failed = true;
          for (const s of spies) s.mockRestore();
          return Promise.reject(new Error("Connection terminated unexpectedly"));
        }) as never);
        spies.push(spy);
      }
    };
    await deliverAll(app);
    expect(receivedTexts(app, 6321)).toEqual(["once"]);
    expect(await app.services.outbox.groupStatus("db")).toMatchObject({ sent: 1, queued: 0 });
    expect((await app.db.prisma.deliveryAttempt.findMany()).map((a) => a.outcome)).toEqual(["ok"]);
  });

  it("a bad request fails the message for good; a stopped group cancels what was queued", async () => {
    const u = await insertTeacher(app, 6401);
    app.tg.fail("sendMessage", { error_code: 400, description: "Bad Request: message is too long" });
    await app.services.outbox.enqueueRaw([{ userId: u, chatId: 6401, text: "x", dedupeKey: "f:1", groupId: "f" }]);
    await app.services.outbox.enqueueRaw([{ userId: u, chatId: 6401, text: "y", dedupeKey: "f:2", groupId: "h" }]);
    expect(await app.services.outbox.cancelGroup("h")).toBe(1);
    await deliverAll(app);
    expect(await app.services.outbox.groupStatus("f")).toMatchObject({ failed: 1 });
    expect(await app.services.outbox.groupStatus("h")).toMatchObject({ cancelled: 1, sent: 0 });
  });

  it("a reminder queued after a large broadcast goes out before the rest of the broadcast", async () => {
    await closeTestApp(app);
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "20" } });
    const reminded = await insertTeacher(app, 6801);
    // a broadcast to 60 teachers (three batches at 20/s), the reminded one among them, then her reminder
    await app.services.outbox.enqueueRaw(
      Array.from({ length: 60 }, (_, i) => ({
        userId: i === 30 ? reminded : null,
        chatId: i === 30 ? 6801 : 70_000 + i,
        text: `b${i}`,
        dedupeKey: `big:${i}`,
        priority: "bulk" as const,
      })),
    );
    await app.services.outbox.notify([{ userId: reminded, key: "cancelled", dedupeKey: "reminder:6801" }]);
    expect(await app.sender.runUntilIdle()).toBeGreaterThan(0);
    const sent = app.tg.callsOf("sendMessage").map((c) => String(c.payload.text));
    expect(sent[0]).toBe("Действие отменено.");
    // her copy of the broadcast follows a second later (one message a second per chat), in its turn
    app.clock.advance(1000);
    await deliverAll(app);
    expect(receivedTexts(app, 6801)).toEqual(["Действие отменено.", "b30"]);
  });

  it("holds a realistic global rate: at 20/s no second carries more than the pace's stated margin over it", async () => {
    await closeTestApp(app);
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "20" } });
    await app.services.outbox.enqueueRaw(
      Array.from({ length: 40 }, (_, i) => ({ userId: null, chatId: 71_000 + i, text: `r${i}`, dedupeKey: `rate:${i}`, groupId: "rate" })),
    );
    const at: number[] = [];
    app.tg.onCall = async () => {
      at.push(performance.now());
      await new Promise((r) => setTimeout(r, 30)); // a Telegram round trip
    };
    // the sender as it runs in production: its own loop, sends overlapping
    app.sender.start();
    while ((await app.services.outbox.groupStatus("rate")).sent < 40) await new Promise((r) => setTimeout(r, 50));
    await app.sender.stop();
    expect(at).toHaveLength(40);
    const busiest = Math.max(...at.map((t) => at.filter((u) => u >= t && u < t + 1000).length));
    // 20 a second, plus the slots missed while a batch was claimed (CATCH_UP_MS), plus one at the edge: 23
    expect(busiest).toBeLessThanOrEqual(Math.floor(20 * (1 + CATCH_UP_MS / 1000)) + 1);
    // and it does use the rate: 40 messages take about two seconds
    expect(at.at(-1)! - at[0]!).toBeGreaterThan(1700);
    expect(at.at(-1)! - at[0]!).toBeLessThan(5000);
  });

  it("at most one message a second per chat", async () => {
    const u = await insertTeacher(app, 6501);
    await app.services.outbox.enqueueRaw(["1", "2", "3"].map((x) => ({ userId: u, chatId: 6501, text: x, dedupeKey: `s:${x}` })));
    expect(await app.sender.runUntilIdle()).toBe(1);
    app.clock.advance(500);
    expect(await app.sender.runUntilIdle()).toBe(0);
    app.clock.advance(600);
    expect(await app.sender.runUntilIdle()).toBe(1);
  });

  it("stores every field as given, in batches larger than one INSERT; a repeated key is skipped", async () => {
    const u = await insertTeacher(app, 6004);
    const text = `Кавычки " и ', обратный слеш \\ и \\n, перевод\nстроки, эмодзи 👩‍🏫, {"json": [1]}`;
    const many = Array.from({ length: 2500 }, (_, i) => ({ userId: u, chatId: 6004, text: `${text} ${i}`, dedupeKey: `batch:${i}`, groupId: "big" }));
    expect(await app.services.outbox.enqueueRaw(many)).toBe(2500);
    // the first 100 again and 100 new ones: only the new are stored
    const again = Array.from({ length: 200 }, (_, i) => ({
      userId: u,
      chatId: 6004,
      text: `${text} ${i + 2400}`,
      dedupeKey: `batch:${i + 2400}`,
      groupId: "big",
    }));
    expect(await app.services.outbox.enqueueRaw(again)).toBe(100);
    const row = await app.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "batch:2499" } });
    expect(row).toMatchObject({ text: `${text} 2499`, chatId: 6004n, userId: u, groupId: "big", status: "queued", entities: null });
    expect(row.notBefore).toEqual(app.clock.now());
    // a supergroup's negative 16-digit chat id, given as a bigint, survives the trip
    await app.services.outbox.enqueueRaw([
      {
        userId: null,
        chatId: -1001234567890123n,
        text: "x",
        dedupeKey: "group-chat",
        buttons: [[{ text: "Да", action: { do: "meeting-rsvp", id: 3, going: true } }]],
      },
    ]);
    const g = await app.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "group-chat" } });
    expect(g.chatId).toBe(-1001234567890123n);
    expect(JSON.parse(g.replyMarkup!)).toEqual([[{ text: "Да", data: "meeting-r:1:3" }]]);
    expect(await app.services.outbox.groupStatus("big")).toMatchObject({ queued: 2600, total: 2600 });
  });

  it("messages scheduled for later wait for their time and do not hold others back", async () => {
    const u = await insertTeacher(app, 6601);
    const later = new Date(app.clock.now().getTime() + 3600_000);
    await app.services.outbox.enqueueRaw([
      { userId: u, chatId: 6601, text: "later", dedupeKey: "l:1", notBefore: later },
      { userId: u, chatId: 6601, text: "now", dedupeKey: "l:2" },
    ]);
    await app.sender.runUntilIdle();
    expect(receivedTexts(app, 6601)).toEqual(["now"]);
    app.clock.set(later);
    await app.sender.runUntilIdle();
    expect(receivedTexts(app, 6601)).toEqual(["now", "later"]);
  });

  it("a claim whose process died is taken over after the lease", async () => {
    const u = await insertTeacher(app, 6701);
    await app.services.outbox.enqueueRaw([{ userId: u, chatId: 6701, text: "x", dedupeKey: "c:1" }]);
    await app.db.prisma.outboxMessage.updateMany({
      data: { status: "sending", claimedBy: "dead:1", claimedUntil: new Date(app.clock.now().getTime() + 60_000) },
    });
    expect(await app.sender.runUntilIdle()).toBe(0);
    app.clock.advance(61_000);
    await app.sender.releaseStale();
    expect(await app.sender.runUntilIdle()).toBe(1);
  });
});

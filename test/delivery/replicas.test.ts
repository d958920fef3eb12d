// Several bot processes on one database share the outbox: nothing is sent twice, also when a claim
// outlives its lease (a slow answer, a long 429, a stalled process).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/domain/clock.js";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(providers)("two senders at once on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "60" } });
  });
  afterEach(async () => {
    await app.destroy();
  });

  it("deliver every message exactly once, in order per chat", async () => {
    const other = await app.twin();
    app.tg.latencyMs = 2;
    // 60 chats × 3 messages; users are not needed for raw messages
    const messages = Array.from({ length: 60 }, (_, c) =>
      ["a", "b", "c"].map((x) => ({ userId: null, chatId: 8000 + c, text: `${x}:${8000 + c}`, dedupeKey: `r:${c}:${x}` })),
    ).flat();
    await app.services.outbox.enqueueRaw(messages);
    for (let round = 0; round < 10; round++) {
      await Promise.all([app.sender.runUntilIdle(), other.sender.runUntilIdle()]);
      if ((await app.db.prisma.outboxMessage.count({ where: { status: "queued" } })) === 0) break;
      app.clock.advance(1000);
    }
    await other.close();
    const sends = app.tg.callsOf("sendMessage").map((c) => String(c.payload.text));
    expect(sends).toHaveLength(180);
    expect(new Set(sends).size).toBe(180);
    for (let c = 0; c < 60; c++) {
      expect(sends.filter((t) => t.endsWith(`:${8000 + c}`))).toEqual([`a:${8000 + c}`, `b:${8000 + c}`, `c:${8000 + c}`]);
    }
    expect(await app.db.prisma.outboxMessage.count({ where: { status: "sent" } })).toBe(180);
    // both really took part
    expect(app.sender.stats.sent + other.sender.stats.sent).toBe(180);
    expect(app.sender.stats.sent).toBeGreaterThan(0);
    expect(other.sender.stats.sent).toBeGreaterThan(0);
  });
});

/** Time as it passes (the lease and the Bot API timeout on one clock); `advance` jumps ahead of it. */
class RunningClock extends ManualClock {
  private offset = 0;
  override now(): Date {
    return new Date(Date.now() + this.offset);
  }
  override advance(ms: number): void {
    this.offset += ms;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const accepted = (app: TestApp) =>
  app.tg
    .callsOf("sendMessage")
    .filter((c) => !c.payload.__failed)
    .map((c) => String(c.payload.text));

describe.each(providers)("claims that outlive their lease on %s", (provider) => {
  let app: TestApp | undefined;
  let other: TestApp | undefined;
  afterEach(async () => {
    await other?.close();
    await app?.destroy();
    app = other = undefined;
  });

  it("an answer slower than the lease: the request is abandoned before the lease ends, so no other sender sends it too", async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "60" }, clock: new RunningClock(), senderLeaseMs: 1500, senderTimeoutMs: 300 });
    other = await app.twin();
    await app.services.outbox.enqueueRaw([{ userId: null, chatId: 8101, text: "slow", dedupeKey: "slow:1" }]);
    // Telegram takes longer than the whole lease to answer the first try
    app.tg.onCall = async () => {
      app!.tg.onCall = null;
      await sleep(2000);
    };
    const first = app.sender.runUntilIdle();
    // meanwhile another replica looks for claims whose lease ran out
    await sleep(1700);
    await other.sender.releaseStale();
    await other.sender.runUntilIdle();
    await first;
    await sleep(400);
    await deliverAll(app);
    expect(accepted(app)).toEqual(["slow"]);
    expect(await app.db.prisma.outboxMessage.count({ where: { status: "sent" } })).toBe(1);
  });

  it("a 429 whose retry_after is longer than the lease: no replica sends during it, none sends a message twice", async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "60" } });
    other = await app.twin();
    await app.services.outbox.enqueueRaw([8201, 8202, 8203].map((chatId) => ({ userId: null, chatId, text: `m${chatId}`, dedupeKey: `ra:${chatId}` })));
    app.tg.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 90", parameters: { retry_after: 90 } });
    await app.sender.runUntilIdle();
    expect(app.tg.callsOf("sendMessage")).toHaveLength(1);
    // the other replica claims nothing while the pause holds, not even after the first one's lease ran out
    expect(await other.sender.runUntilIdle()).toBe(0);
    app.clock.advance(61_000);
    await other.sender.releaseStale();
    expect(await other.sender.runUntilIdle()).toBe(0);
    expect(await app.sender.runUntilIdle()).toBe(0);
    expect(app.tg.callsOf("sendMessage")).toHaveLength(1);
    app.clock.advance(30_000);
    for (let round = 0; round < 5; round++) {
      await Promise.all([app.sender.runUntilIdle(), other.sender.runUntilIdle()]);
      app.clock.advance(1000);
    }
    expect(accepted(app).sort()).toEqual(["m8201", "m8202", "m8203"]);
    expect(await app.db.prisma.outboxMessage.count({ where: { status: "sent" } })).toBe(3);
  });

  it("a batch whose lease ran low is renewed before the next send; what another sender took over is left to it", async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "60" } });
    await app.services.outbox.enqueueRaw([8301, 8302, 8303].map((chatId) => ({ userId: null, chatId, text: `m${chatId}`, dedupeKey: `lr:${chatId}` })));
    const db = app.db.prisma;
    // the first send of the batch: 50 s pass (a stalled process), and another sender has taken over the last message
    app.tg.onCall = async () => {
      app!.tg.onCall = null;
      app!.clock.advance(50_000);
      const last = await db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "lr:8303" } });
      await db.outboxMessage.update({ where: { id: last.id }, data: { claimedBy: "another", claimedUntil: new Date(app!.clock.now().getTime() + 60_000) } });
    };
    await app.sender.runUntilIdle();
    expect(accepted(app)).toEqual(["m8301", "m8302"]);
    const rows = await db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.status, r.claimedBy === "another"])).toEqual([
      ["sent", false],
      ["sent", false],
      ["sending", true],
    ]);
    // the second message went out under a renewed lease
    expect(rows[1]!.sentAt!.getTime()).toBe(app.clock.now().getTime());
  });
});

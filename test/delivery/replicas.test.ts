// Several bot processes on one database share the outbox: nothing is sent twice.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
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

// A 429 given to one replica pauses every replica: also the batches others had claimed before it.
// Nothing is sent during the pause; what was claimed and not sent goes back to the queue in its place,
// neither failed nor counted as a try, and goes out once the pause is over.
import { afterEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(providers)("the shared 429 pause on %s", (provider) => {
  let app: TestApp | undefined;
  let other: TestApp | undefined;
  afterEach(async () => {
    await other?.close();
    await app?.destroy();
    app = other = undefined;
  });

  it("while one sender is in the middle of its batch, another is told to wait: the first sends nothing more until the pause is over", async () => {
    // 6 per second: batches of 3
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "6" } });
    other = await app.twin();
    const chats = [8401, 8402, 8403, 8404, 8405, 8406];
    await app.services.outbox.enqueueRaw(chats.map((chatId) => ({ userId: null, chatId, text: `m${chatId}`, dedupeKey: `sp:${chatId}` })));
    app.tg.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 2", parameters: { retry_after: 2 } });
    // the first sender has claimed 8401..8403 and is sending 8401; meanwhile the second claims 8404..8406
    // and is told by Telegram to wait 2 s on its first send
    const second = other;
    app.tg.onCall = async () => {
      app!.tg.onCall = null;
      await second.sender.runUntilIdle();
    };
    await app.sender.runUntilIdle();

    const calls = app.tg.callsOf("sendMessage").map((c) => [String(c.payload.text), c.payload.__failed ? "429" : "ok"]);
    // 8401 was on its way before the 429; nothing went out after it
    expect(calls).toEqual([
      ["m8404", "429"],
      ["m8401", "ok"],
    ]);
    const rows = await app.db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.chatId, r.status, r.attempts, r.claimedBy])).toEqual([
      [8401n, "sent", 1, expect.any(String)],
      [8402n, "queued", 0, null],
      [8403n, "queued", 0, null],
      [8404n, "queued", 0, null],
      [8405n, "queued", 0, null],
      [8406n, "queued", 0, null],
    ]);
    // still paused a second later, for both
    app.clock.advance(1000);
    expect(await app.sender.runUntilIdle()).toBe(0);
    expect(await other.sender.runUntilIdle()).toBe(0);
    expect(app.tg.callsOf("sendMessage")).toHaveLength(2);

    // after the pause: everything goes out, once
    app.clock.advance(1500);
    await deliverAll(app);
    const accepted = app.tg
      .callsOf("sendMessage")
      .filter((c) => !c.payload.__failed)
      .map((c) => String(c.payload.text));
    expect(accepted.sort()).toEqual(chats.map((c) => `m${c}`));
    expect(await app.db.prisma.outboxMessage.count({ where: { status: "sent" } })).toBe(6);
    expect(await app.db.prisma.outboxMessage.count({ where: { status: "failed" } })).toBe(0);
  });
});

// Drives the outbox sender in tests: everything queued gets delivered, the pinned clock is moved on
// whenever only time (per-chat spacing, retry back-off) stands in the way.
import type { TestApp } from "./test-app.js";

export async function deliverAll(app: TestApp, maxRounds = 200): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    await app.sender.runUntilIdle();
    const left = await app.db.prisma.outboxMessage.count({ where: { status: { in: ["queued", "sending"] } } });
    if (left === 0) return;
    app.clock.advance(1000);
  }
  throw new Error("outbox did not drain");
}

/** Texts Telegram received per chat, in order (failed attempts excluded). */
export function receivedTexts(app: TestApp, chatId: number): string[] {
  return app.tg.calls
    .filter((c) => c.method.startsWith("send") && Number(c.payload.chat_id) === chatId && !c.payload.__failed)
    .map((c) => String(c.payload.text ?? c.payload.caption ?? ""));
}

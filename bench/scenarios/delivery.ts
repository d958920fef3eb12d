// The delivery pipeline under a district-wide broadcast: BENCH_RECIPIENTS (10,000) registered teachers,
// one notice each through services.outbox.notify, drained by the real Sender of createApp against a
// fake Bot API that answers after BENCH_SEND_LATENCY_MS (40 ms, a Telegram round trip) and refuses
// BENCH_429_PERCENT (2 %) of the sends with 429 Too Many Requests. The sender's cap is
// BENCH_SEND_RATE (500/s: high enough to keep the run short; production uses 25/s).
//
// About the 429s: Telegram's `retry_after` is a whole number of seconds, and the sender rightly pauses
// everything for that long. A fake that answered 2 % of 500 sends a second with `retry_after: 1` would
// pause the sender ten times a second, and the run would measure the pauses, not the pipeline. So the
// fake answers `retry_after: BENCH_RETRY_AFTER` (0 by default): every 429 still goes through the real
// path (global pause, the row re-queued, sent again later), without a full-second wait each time.
//
// What is checked, from the fake API's own record of what it accepted: every recipient got exactly one
// message (lost = none accepted, duplicated = more than one accepted), and the database agrees.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { BOT_INFO, FakeTelegram } from "../../test/helpers/fake-telegram.js";
import type { FetchFn } from "../../src/bot/api/fetch.js";
import { memoryNow, type BenchOptions, type Scenario, type ScenarioResult } from "../harness.js";
import { perSecond, round, summarizeLatency } from "../stats.js";
import { mulberry32 } from "../../test/helpers/random.js";

const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got ${raw}`);
  return n;
};

const GROUP = "bench-broadcast";

export const delivery: Scenario = {
  id: "delivery",
  title: "delivery: one notice to every teacher through the outbox and the sender",
  async run(_opts: BenchOptions): Promise<ScenarioResult> {
    const recipients = num("BENCH_RECIPIENTS", 10_000);
    const cap = num("BENCH_SEND_RATE", 500);
    const latencyMs = num("BENCH_SEND_LATENCY_MS", 40);
    const refusePercent = num("BENCH_429_PERCENT", 2);
    const retryAfter = num("BENCH_RETRY_AFTER", 0);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "metodset-bench-delivery-"));
    const tg = new FakeTelegram();
    tg.latencyMs = latencyMs;
    const random = mulberry32(42);
    const callMs: number[] = [];
    let refused = 0;
    const fetch: FetchFn = async (url, init) => {
      const t0 = performance.now();
      try {
        if (String(url).endsWith("/sendMessage") && random() * 100 < refusePercent) {
          refused++;
          await new Promise((r) => setTimeout(r, latencyMs));
          const body = { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } };
          return { status: 429, json: async () => body };
        }
        return await tg.fetch(url, init);
      } finally {
        callMs.push(performance.now() - t0);
      }
    };
    const config = loadConfig({
      BOT_TOKEN: "123456:BENCH-token",
      DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
      LOG_LEVEL: "silent",
      SEND_RATE_PER_SECOND: String(cap),
    });
    const app = await createApp(config, { logger: silentLogger(), fetch, botInfo: BOT_INFO });
    try {
      // the district: recipients registered teachers (rows written directly: registration is not measured)
      const now = new Date();
      const FIRST = 500_000;
      for (let i = 0; i < recipients; i += 1000) {
        const n = Math.min(1000, recipients - i);
        await app.db.prisma.user.createMany({
          data: Array.from({ length: n }, (_, k) => ({
            telegramId: BigInt(FIRST + i + k),
            fullName: `Учитель ${i + k}`,
            language: (i + k) % 5 === 0 ? "en" : "ru",
            consentAt: now,
            registeredAt: now,
          })),
        });
      }
      const users = await app.db.prisma.user.findMany({ where: { telegramId: { gte: BigInt(FIRST) } }, select: { id: true } });

      const t0 = performance.now();
      for (let i = 0; i < users.length; i += 1000) {
        await app.services.outbox.notify(
          users.slice(i, i + 1000).map((u) => ({ userId: u.id, key: "role-granted-notice", dedupeKey: `bench-${u.id}`, groupId: GROUP })),
        );
      }
      const enqueueMs = performance.now() - t0;

      // drain: the sender as it runs in production (background loop, overlapping sends)
      const t1 = performance.now();
      app.sender.start();
      for (;;) {
        await new Promise((r) => setTimeout(r, 100));
        const s = await app.services.outbox.groupStatus(GROUP);
        if (s.queued === 0 && s.sending === 0) break;
      }
      const drainMs = performance.now() - t1;
      await app.sender.stop();

      // what the fake Bot API accepted, per chat
      const accepted = new Map<number, number>();
      for (const c of tg.calls) {
        if (c.method !== "sendMessage" || c.payload.__failed) continue;
        const chat = Number(c.payload.chat_id);
        accepted.set(chat, (accepted.get(chat) ?? 0) + 1);
      }
      let lost = 0;
      let duplicated = 0;
      for (let i = 0; i < recipients; i++) {
        const n = accepted.get(FIRST + i) ?? 0;
        if (n === 0) lost++;
        if (n > 1) duplicated += n - 1;
      }
      const status = await app.services.outbox.groupStatus(GROUP);
      const sent = [...accepted.values()].reduce((s, n) => s + n, 0);
      const achieved = perSecond(sent, drainMs);
      const ratio = round(achieved / cap, 3);
      const memory = memoryNow();
      return {
        id: this.id,
        title: this.title,
        workload: `${recipients} recipients, fake Bot API ${latencyMs} ms per call, ${refusePercent}% of sends refused with 429 (retry_after ${retryAfter}), cap ${cap}/s`,
        updates: sent,
        wallMs: round(drainMs, 1),
        updatesPerSecond: achieved,
        latencyMs: summarizeLatency(callMs),
        perRound: [achieved],
        concurrency: app.sender.maxInFlight,
        chats: recipients,
        memory,
        details: {
          cap,
          achievedPerSecond: achieved,
          enqueue: { ms: round(enqueueMs, 1), perSecond: perSecond(recipients, enqueueMs) },
          refused429: refused,
          lost,
          duplicated,
          database: status,
          senderStats: { ...app.sender.stats },
          note: "latency = one Bot API call as the sender sees it (the fake's 40 ms included)",
        },
        targets: [
          { label: "achieved / cap", value: ratio, target: "≥ 0.9", pass: ratio >= 0.9 },
          { label: "lost", value: lost, target: "= 0", pass: lost === 0 && status.sent === recipients },
          { label: "duplicated", value: duplicated, target: "= 0", pass: duplicated === 0 },
        ],
      };
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

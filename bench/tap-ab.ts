// The tap's hot path before and after the hand-written SQLite statements, in one process, round by round:
// `npx tsx bench/tap-ab.ts` (BENCH_API_LATENCY_MS=40 for a Bot API that answers after 40 ms).
//
// "before" is the same app and database with the hot rows' connection taken away (storage and the user's
// UPDATE through Prisma, as before src/db/sqlite-direct.ts) and Fluent negotiating per message; "after"
// is the app as built. Both share the caches, so both stay exact while they take turns.
import { performance } from "node:perf_hooks";
import { createBot } from "../src/bot/index.js";
import type { BotDeps } from "../src/bot/context.js";
import { createMessages } from "../src/i18n.js";
import { createUserService } from "../src/domain/users.js";
import { BOT_INFO, FakeTelegram } from "../test/helpers/fake-telegram.js";
import { editNameTarget, openFullStack } from "./fixtures/full-stack.js";
import { measurement, type BenchOptions } from "./harness.js";
import { bareTarget, createBareBot } from "./scenarios/bare-conversation-step.js";
import { round } from "./stats.js";
import { ConversationStepRunner, type ConversationStepTarget } from "./workloads/conversation-step.js";

const options: BenchOptions = {
  chats: Number(process.env.BENCH_CHATS ?? 500),
  warmupRounds: Number(process.env.BENCH_WARMUP ?? 1),
  minUpdates: Number(process.env.BENCH_MIN_UPDATES ?? 2000),
  minSeconds: Number(process.env.BENCH_MIN_SECONDS ?? 2),
  maxRounds: 40,
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 50),
  apiLatencyMs: Number(process.env.BENCH_API_LATENCY_MS ?? 0),
};

async function main() {
  const stack = await openFullStack(options.chats, options.apiLatencyMs);
  const { app } = stack;
  try {
    const hot = app.db.hot!;
    const hotWithoutConnection = { users: hot.users, bot_sessions: hot.bot_sessions, bot_conversations: hot.bot_conversations };
    const messages = createMessages({ defaultLocale: app.config.DEFAULT_LOCALE });
    // the Fluent instance's own matchBundles again (negotiation per message)
    delete (messages.i18n.fluent as unknown as { matchBundles?: unknown }).matchBundles;
    const users = createUserService(app.db.prisma, app.deps.clock, { adminTelegramIds: app.config.ADMIN_TELEGRAM_IDS, hot: hotWithoutConnection });
    const beforeDeps: BotDeps = { ...app.deps, messages, services: { ...app.services, users } };
    const before = createBot(beforeDeps, { db: app.db.prisma, botInfo: BOT_INFO, hot: hotWithoutConnection });
    const tg = new FakeTelegram();
    tg.latencyMs = options.apiLatencyMs;
    const bare = createBareBot(tg);
    const check = { checkDatabase: true };
    const variants: { name: string; target: ConversationStepTarget }[] = [
      { name: "before (Prisma for the hot statements)", target: editNameTarget(stack, (u) => before.handleUpdate(u), check) },
      { name: "after (as built)", target: editNameTarget(stack, (u) => app.bot.handleUpdate(u), check) },
      { name: "bare grammY", target: bareTarget(tg, bare) },
    ];
    const runners = variants.map((v) => new ConversationStepRunner(v.name.replace(/\W+/g, "-"), v.target, stack.chatIds, options));
    const cpu = variants.map(() => 0);
    const wall = variants.map(() => 0);
    while (runners.some((r) => !r.enough())) {
      for (const [i, r] of runners.entries()) {
        if (r.enough()) continue;
        const c0 = process.cpuUsage();
        const w0 = performance.now();
        await r.round();
        const c = process.cpuUsage(c0);
        cpu[i]! += c.user + c.system;
        wall[i]! += (performance.now() - w0) * 1000;
      }
    }
    console.log(`tap A/B: ${options.chats} chats, ${options.concurrency} in flight, Bot API ${options.apiLatencyMs} ms`);
    for (const [i, r] of runners.entries()) {
      const m = measurement(r.finish().answers);
      console.log(
        `  ${variants[i]!.name.padEnd(42)} ${m.updatesPerSecond.toFixed(0).padStart(6)} upd/s  p50 ${m.latencyMs.p50.toFixed(1).padStart(6)} ms` +
          `  p99 ${m.latencyMs.p99.toFixed(1).padStart(6)} ms  rounds ${m.perRound.map((x) => x.toFixed(0)).join(" ")}` +
          `  CPU ${round(cpu[i]! / ((m.perRound.length + options.warmupRounds) * options.chats * 2), 0)} µs per update (presses and answers, checks included),` +
          ` CPU/wall ${round(cpu[i]! / wall[i]!, 2)}`,
      );
    }
  } finally {
    await stack.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

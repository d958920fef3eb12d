// `npm run bench:smoke`: a bench small enough for CI (well under a minute) that fails loudly when a
// ratio falls to less than half of the committed baseline (bench/smoke-baseline.json). It measures
// ratios, never absolute times, so a slow or busy CI machine does not fail it:
//   - full stack / bare grammY, one conversation step, Bot API instant: both CPU-bound, so a busy machine
//     slows both alike (the ratio at 40 ms is left to `npm run bench`: on a loaded machine the full stack
//     runs out of CPU where the bare bot still waits on the network, and that ratio halves by load alone);
//   - a small region's reports (coverage, attestation, who joined; chart and .xlsx) in units of the bare
//     bot's step on the same machine in the same run (a report that costs twice as many "bare steps"
//     as the baseline fails).
//   npm run bench:smoke -- --write-baseline   records the current figures as the baseline
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { ManualClock } from "../src/domain/clock.js";
import { silentLogger } from "../src/logger.js";
import { tempDatabase } from "../test/helpers/databases.js";
import { BOT_INFO, FakeTelegram } from "../test/helpers/fake-telegram.js";
import type { BenchOptions } from "./harness.js";
import { bareConversationStep } from "./scenarios/bare-conversation-step.js";
import { fullConversationStep } from "./scenarios/full-conversation-step.js";
import { methodist, seedRegion } from "./scenarios/region.js";
import { round } from "./stats.js";

const BASELINE = path.join(path.dirname(fileURLToPath(import.meta.url)), "smoke-baseline.json");

/** higher is better (a ratio of throughputs) or lower is better (a cost in bare steps) */
interface Metric {
  id: string;
  value: number;
  better: "higher" | "lower";
}

const options: BenchOptions = {
  chats: 200,
  warmupRounds: 1,
  minUpdates: 600,
  minSeconds: 1,
  maxRounds: 10,
  concurrency: 20,
  apiLatencyMs: 0,
};

async function conversationRatios(): Promise<{ metrics: Metric[]; bareUs: number }> {
  const bare = await bareConversationStep.run(options);
  const full = await fullConversationStep.run(options);
  return {
    bareUs: 1e6 / bare.updatesPerSecond,
    metrics: [{ id: "conversation step: full / bare, Bot API instant", value: round(full.updatesPerSecond / bare.updatesPerSecond, 3), better: "higher" }],
  };
}

/** Each report's best of three, in units of the bare bot's step (`bareUs()`, asked once the reports are timed). */
async function reportCosts(bareUs: () => Promise<number>): Promise<Metric[]> {
  const NOW = new Date("2026-11-24T09:00:00Z");
  const database = await tempDatabase("sqlite");
  const tg = new FakeTelegram();
  const config = loadConfig({ BOT_TOKEN: "123456:BENCH-token", DATABASE_URL: database.url, LOG_LEVEL: "silent" });
  const app = await createApp(config, { logger: silentLogger(), clock: new ManualClock(NOW), fetch: tg.fetch, botInfo: BOT_INFO });
  try {
    const { firstDistrictId } = await seedRegion(app, 4, 3000);
    const aSchool = (await app.db.prisma.school.findFirstOrThrow({ where: { districtId: firstDistrictId }, select: { id: true } })).id;
    const regional = await methodist(app, tg, 900_001, null, aSchool);
    const best: [string, number][] = [];
    for (const command of ["/coverage", "/attestation", "/teachers"]) {
      await regional.send(command); // warm
      let fastest = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await regional.send(command);
        fastest = Math.min(fastest, performance.now() - t0);
      }
      if (!tg.callsOf("sendDocument").length) throw new Error(`${command}: no spreadsheet was sent`);
      best.push([command, fastest]);
    }
    const unit = await bareUs();
    return best.map(([command, ms]) => ({ id: `${command}, 3,000 teachers, in bare steps`, value: round((ms * 1000) / unit, 1), better: "lower" as const }));
  } finally {
    await app.close();
    await database.drop();
  }
}

async function main() {
  const started = performance.now();
  console.log(`bench:smoke on node ${process.version}, ${os.cpus().length}× ${os.cpus()[0]?.model ?? "cpu"}, load ${os.loadavg()[0]!.toFixed(2)}`);
  const { metrics, bareUs } = await conversationRatios();
  // the unit of the reports' costs: the slower of two bare steps, one before and one after the reports, so
  // that a machine that got busier (or quieter) meanwhile does not make the reports look dearer
  metrics.push(...(await reportCosts(async () => Math.max(bareUs, 1e6 / (await bareConversationStep.run(options)).updatesPerSecond))));
  const write = process.argv.includes("--write-baseline");
  if (write) {
    fs.writeFileSync(BASELINE, `${JSON.stringify({ date: new Date().toISOString(), metrics }, null, 2)}\n`);
    for (const m of metrics) console.log(`  ${m.id}: ${m.value}`);
    console.log(`baseline written: ${path.relative(process.cwd(), BASELINE)}`);
    return;
  }
  const baseline = JSON.parse(fs.readFileSync(BASELINE, "utf8")) as { metrics: Metric[] };
  let failed = 0;
  for (const m of metrics) {
    const base = baseline.metrics.find((b) => b.id === m.id);
    if (!base) {
      console.log(`  ${m.id}: ${m.value} (no baseline)`);
      continue;
    }
    const ok = m.better === "higher" ? m.value >= base.value / 2 : m.value <= base.value * 2;
    if (!ok) failed++;
    const limit = m.better === "higher" ? `≥ ${round(base.value / 2, 3)}` : `≤ ${round(base.value * 2, 1)}`;
    console.log(`  ${ok ? "ok  " : "FAIL"} ${m.id}: ${m.value} (baseline ${base.value}, must be ${limit})`);
  }
  console.log(`bench:smoke: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (failed) {
    console.error(
      `\nbench:smoke FAILED: ${failed} figure(s) fell to less than half of the baseline (bench/smoke-baseline.json); run \`npm run bench\` for the breakdown by layer`,
    );
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

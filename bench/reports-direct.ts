// The three monitoring reports of a region, timed piece by piece without the bot (for iterating on
// them): the 30,000-teacher region of bench/scenarios/region.ts seeded once, then per round for the
// whole region and for one district: the domain service's count, the chart (SVG and PNG) and the .xlsx.
// `npx tsx bench/reports-direct.ts [sqlite|postgresql] [rounds]` (BENCH_PARALLEL=1: png ∥ xlsx as one part); heap peak sampled every 50 ms.
import { performance } from "node:perf_hooks";
import { createApp } from "../src/app.js";
import { adoptionChart, attestationChart, coverageChart, type PlainT } from "../src/charts/monitoring.js";
import { chartPng } from "../src/charts/png.js";
import { loadConfig } from "../src/config.js";
import { ManualClock } from "../src/domain/clock.js";
import { silentLogger } from "../src/logger.js";
import { adoptionFile, attestationFile, coverageFile } from "../src/reports/index.js";
import { tempDatabase, type Provider } from "../test/helpers/databases.js";
import { BOT_INFO, FakeTelegram } from "../test/helpers/fake-telegram.js";
import { heapPeak, seedRegion } from "./scenarios/region.js";

const provider = (process.argv[2] ?? "sqlite") as Provider;
const rounds = Number(process.argv[3] ?? 3);
const NOW = new Date("2026-11-24T09:00:00Z");
const database = await tempDatabase(provider);
const tg = new FakeTelegram();
const config = loadConfig({ BOT_TOKEN: "123456:BENCH-token", DATABASE_URL: database.url, LOG_LEVEL: "silent" });
const app = await createApp(config, { logger: silentLogger(), clock: new ManualClock(NOW), fetch: tg.fetch, botInfo: BOT_INFO });
try {
  const { firstDistrictId } = await seedRegion(app, 20, Number(process.env.BENCH_REGION_TEACHERS ?? 30_000));
  const db = app.db.prisma;
  const aSchool = (await db.school.findFirstOrThrow({ where: { districtId: firstDistrictId }, select: { id: true } })).id;
  const make = (telegramId: number, districtId: number | null) =>
    db.user.create({
      data: {
        telegramId: BigInt(telegramId),
        fullName: `Методист ${telegramId}`,
        role: "methodist",
        districtId,
        schoolId: aSchool,
        consentAt: NOW,
        registeredAt: NOW,
      },
    });
  const regional = await make(900_001, null);
  const local = await make(900_002, firstDistrictId);
  const t: PlainT = (key, vars) => app.messages.i18n.t("ru", key, vars);
  const zone = config.TIMEZONE;
  const s = app.services;
  globalThis.gc?.();
  // BENCH_PROFILE=file.cpuprofile: a CPU profile of the reports only (not of the seeding)
  const { Session } = await import("node:inspector/promises");
  const session = new Session();
  if (process.env.BENCH_PROFILE) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  const heap = heapPeak();
  const results: Record<string, number[][]> = {};
  for (let r = 0; r < rounds; r++) {
    for (const [who, actor] of [
      ["region", regional],
      ["district", local],
    ] as const) {
      const step = async <T>(parts: number[], fn: () => Promise<T>): Promise<T> => {
        const a = performance.now();
        const c = process.cpuUsage();
        const v = await fn();
        const used = process.cpuUsage(c);
        parts.push(process.env.BENCH_CPU ? (used.user + used.system) / 1000 : performance.now() - a);
        return v;
      };
      const run = async (name: string, count: () => Promise<unknown>, chart: (x: never) => unknown, file: (x: never) => Promise<Buffer>) => {
        if (process.env.BENCH_ONLY && !`${name} ${who}`.includes(process.env.BENCH_ONLY)) return;
        const parts: number[] = [];
        const report = await step(parts, count);
        if (process.env.BENCH_PARALLEL) {
          // as the bot does it: the chart drawn off the main thread while the file is written
          await step(parts, () => Promise.all([chartPng(chart(report as never) as never), file(report as never)]));
        } else {
          await step(parts, () => chartPng(chart(report as never) as never));
          await step(parts, () => file(report as never));
        }
        (results[`${name} ${who}`] ??= []).push([parts.reduce((x, y) => x + y, 0), ...parts]);
      };
      await run(
        "coverage",
        () => s.coverage.courses(actor, "ru"),
        (x) => coverageChart(x, t),
        (x) => coverageFile(x, t),
      );
      await run(
        "attestation",
        () => s.attestation.report(actor),
        (x) => attestationChart(x, t),
        (x) => attestationFile(x, t, zone),
      );
      await run(
        "teachers",
        () => s.adoption.report(actor, "ru"),
        (x) => adoptionChart(x, t),
        (x) => adoptionFile(x, t, zone),
      );
    }
  }
  const peak = heap.stop();
  if (process.env.BENCH_PROFILE) {
    const { profile } = await session.post("Profiler.stop");
    (await import("node:fs")).writeFileSync(process.env.BENCH_PROFILE, JSON.stringify(profile));
  }
  const f = (n: number) => n.toFixed(0).padStart(5);
  console.log(
    `${provider}, load ${(await import("node:os"))
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}; ${process.env.BENCH_CPU ? "CPU " : "wall "}ms: total = count + png + xlsx, per round`,
  );
  for (const [k, v] of Object.entries(results)) console.log(k.padEnd(22), v.map((p) => `${f(p[0]!)} (${p.slice(1).map(f).join(" +")})`).join(" | "));
  console.log(`heap peak ${peak} MB`);
} finally {
  await app.close();
  await database.drop();
}

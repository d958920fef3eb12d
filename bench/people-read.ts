// The reports' people read, Prisma's `$queryRaw` against the direct read (SQLite: the one connection;
// PostgreSQL: the pool's own rows, src/db/pg-rows.ts), A/B round by round in one process on the
// 30,000-teacher region of bench/scenarios/region.ts, for the region and one district.
// `npx tsx bench/people-read.ts [sqlite|postgresql] [rounds]`: wall/CPU ms of this process per read.
import { performance } from "node:perf_hooks";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { ManualClock } from "../src/domain/clock.js";
import { reportPeople } from "../src/domain/people.js";
import { silentLogger } from "../src/logger.js";
import { tempDatabase, type Provider } from "../test/helpers/databases.js";
import { BOT_INFO, FakeTelegram } from "../test/helpers/fake-telegram.js";
import { seedRegion } from "./scenarios/region.js";

const provider = (process.argv[2] ?? "sqlite") as Provider;
const rounds = Number(process.argv[3] ?? 5);
const database = await tempDatabase(provider);
const config = loadConfig({ BOT_TOKEN: "123456:BENCH-token", DATABASE_URL: database.url, LOG_LEVEL: "silent" });
const app = await createApp(config, {
  logger: silentLogger(),
  clock: new ManualClock(new Date("2026-11-24T09:00:00Z")),
  fetch: new FakeTelegram().fetch,
  botInfo: BOT_INFO,
});
try {
  const { firstDistrictId } = await seedRegion(app, 20, Number(process.env.BENCH_REGION_TEACHERS ?? 30_000));
  const db = app.db.prisma;
  const direct = app.db.hot?.sql ?? app.db.pgRows;
  const time = async (fn: () => Promise<unknown>) => {
    const cpu = process.cpuUsage();
    const a = performance.now();
    await fn();
    const used = process.cpuUsage(cpu);
    return `${Math.round(performance.now() - a)}/${Math.round((used.user + used.system) / 1000)}`;
  };
  const out: Record<string, string[]> = {};
  for (let r = 0; r < rounds; r++)
    for (const [who, districtId] of [
      ["region", null],
      ["district", firstDistrictId],
    ] as const)
      for (const [how, via] of [
        ["prisma", undefined],
        ["direct", direct],
      ] as const) {
        const ms = await time(() => reportPeople(db, via, { districtId }, { teachersOnly: true, activeOnly: true }, "ru"));
        (out[`${who} ${how}`] ??= []).push(ms);
      }
  console.log(`${provider}, wall/CPU ms per round`);
  for (const [k, v] of Object.entries(out)) console.log(`${k.padEnd(18)} ${v.join(" ")}`);
  // the server's own time for the statement (PostgreSQL): what no client-side change can cut
  if (app.db.pgRows && process.env.BENCH_PLAN) {
    const { Prisma } = await import("../src/generated/sqlite/client.js");
    const agg = (correlated: boolean) =>
      correlated
        ? Prisma.sql`SELECT u.id, (SELECT string_agg(sub.name_ru, ',' ORDER BY sub.sort_order, sub.id) FROM teacher_subjects ts JOIN subjects sub ON sub.id = ts.subject_id WHERE ts.user_id = u.id) AS subjects FROM users u LEFT JOIN schools s ON s.id = u.school_id WHERE u.registered_at IS NOT NULL ORDER BY u.full_name, u.id`
        : Prisma.sql`SELECT u.id, a.subjects FROM users u LEFT JOIN schools s ON s.id = u.school_id LEFT JOIN (SELECT ts.user_id, string_agg(sub.name_ru, ',' ORDER BY sub.sort_order, sub.id) AS subjects FROM teacher_subjects ts JOIN subjects sub ON sub.id = ts.subject_id GROUP BY ts.user_id) a ON a.user_id = u.id WHERE u.registered_at IS NOT NULL ORDER BY u.full_name, u.id`;
    for (const correlated of [true, false, true, false]) {
      const plan = await app.db.pgRows.rows<{ "QUERY PLAN": string }>(Prisma.sql`EXPLAIN ANALYZE ${agg(correlated)}`);
      console.log(correlated ? "correlated" : "grouped", plan.map((r) => r["QUERY PLAN"]).join("\n"));
    }
    const plain = await app.db.pgRows.rows<{ "QUERY PLAN": string }>(
      Prisma.sql`EXPLAIN ANALYZE SELECT u.id FROM users u LEFT JOIN schools s ON s.id = u.school_id WHERE u.registered_at IS NOT NULL ORDER BY u.full_name, u.id`,
    );
    console.log("no subjects", plain.map((r) => r["QUERY PLAN"]).join("\n"));
  }
} finally {
  await app.close();
  await database.drop();
}

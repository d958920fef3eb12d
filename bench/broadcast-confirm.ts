// `npx tsx bench/broadcast-confirm.ts [sqlite|postgresql ...]`: a region of BENCH_BROADCAST_RECIPIENTS
// (100,000) registered teachers built once per database, then a region-wide broadcast confirmed
// BENCH_ROUNDS (3) times (a fresh draft each round, the previous round's outbox rows deleted first), each
// Confirm timed (wall and this process's CPU) with the heap sampled every 50 ms from a collected heap.
// What the `region` scenario measures at its end, without its reports: for iterating on the broadcast.
// PostgreSQL runs when TEST_DATABASE_URL is set. The load average is printed with every figure (the
// machine is shared). BENCH_KEEP=1 keeps the seeded databases (an SQLite file in the temp directory, a
// PostgreSQL database next to TEST_DATABASE_URL's) and reuses them on the next run: seeding 100,000 takes
// minutes on a busy machine.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { audienceSchema } from "../src/domain/broadcasts/index.js";
import { ManualClock } from "../src/domain/clock.js";
import { silentLogger } from "../src/logger.js";
import { PG_URL, tempDatabase, type Provider, type TempDatabase } from "../test/helpers/databases.js";
import { adminQuery, databaseUrl } from "../test/helpers/templates.js";
import { BOT_INFO, FakeTelegram } from "../test/helpers/fake-telegram.js";
import { memoryNow } from "./harness.js";
import { heapPeak, seedRegion, seeding } from "./scenarios/region.js";

const RECIPIENTS = Number(process.env.BENCH_BROADCAST_RECIPIENTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const NOW = new Date("2026-11-24T09:00:00Z");
/**
 * CPU time (ms) of the PostgreSQL server processes serving database `name` (the bot's pool), read from
 * /proc: on PostgreSQL the INSERT's work is the server's, not this process's.
 */
async function serverCpu(name: string): Promise<number> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    const pids = (await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [name])).rows.map((r) => r.pid);
    let ticks = 0;
    for (const pid of pids) {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks * 10;
  } finally {
    await admin.end();
  }
}

const loadavg = () => fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

/** The kept database of `provider` (and whether it is seeded already), or a temporary one. */
async function database(provider: Provider): Promise<TempDatabase & { seeded: boolean }> {
  if (!process.env.BENCH_KEEP) return { ...(await tempDatabase(provider)), seeded: false };
  const name = `broadcast_bench_${RECIPIENTS}`;
  const keep = async () => {};
  if (provider === "sqlite") {
    const file = path.join(os.tmpdir(), `${name}.db`);
    return { url: `file:${file}`, drop: keep, seeded: fs.existsSync(file) };
  }
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount! > 0;
  await admin.end();
  if (!exists) await adminQuery(PG_URL!, `CREATE DATABASE "${name}"`);
  return { url: databaseUrl(PG_URL!, name), drop: keep, seeded: exists };
}

async function run(provider: Provider): Promise<void> {
  const db = await database(provider);
  const config = loadConfig({ BOT_TOKEN: "123456:BENCH-token", DATABASE_URL: db.url, LOG_LEVEL: "silent" });
  const app = await createApp(config, { logger: silentLogger(), clock: new ManualClock(NOW), fetch: new FakeTelegram().fetch, botInfo: BOT_INFO });
  try {
    if (!db.seeded) {
      const t0 = performance.now();
      await seeding(db.url, (seeder) => seedRegion(seeder, 20, RECIPIENTS));
      const aSchool = (await app.db.prisma.school.findFirstOrThrow({ select: { id: true } })).id;
      await app.db.prisma.user.create({
        data: { telegramId: 900_001n, fullName: "Методист", role: "methodist", schoolId: aSchool, consentAt: NOW, registeredAt: NOW },
      });
      console.log(`${provider}: ${RECIPIENTS} teachers seeded in ${Math.round(performance.now() - t0)} ms (load ${loadavg()})`);
    }
    await app.db.prisma.broadcast.deleteMany({});
    const author = await app.db.prisma.user.findUniqueOrThrow({ where: { telegramId: 900_001n } });
    for (let round = 1; round <= ROUNDS; round++) {
      if (provider === "postgresql") await app.db.prisma.$executeRawUnsafe("TRUNCATE outbox_messages CASCADE");
      else await app.db.prisma.outboxMessage.deleteMany({});
      const draft = await app.services.broadcasts.saveDraft(author, {
        text: "Уважаемые коллеги! Региональная конференция пройдёт 10 декабря.",
        entities: [],
        attachment: null,
        audience: audienceSchema.parse({}),
        urgent: true,
      });
      const before = memoryNow();
      const heap = heapPeak();
      const name = new URL(db.url).pathname.slice(1);
      const server = provider === "postgresql" ? await serverCpu(name) : 0;
      const cpu = process.cpuUsage();
      const s = performance.now();
      const { recipientCount } = await app.services.broadcasts.confirm(draft.id, author);
      const ms = performance.now() - s;
      const used = process.cpuUsage(cpu);
      const serverMs = provider === "postgresql" ? `, ${(await serverCpu(name)) - server} ms CPU of the server` : "";
      const peak = heap.stop();
      const queued = await app.db.prisma.outboxMessage.count({ where: { groupId: `broadcast-${draft.id}` } });
      if (queued !== draft.recipientCount || recipientCount !== queued)
        throw new Error(`${queued} queued, ${recipientCount} reported, ${draft.recipientCount} counted`);
      console.log(
        `${provider} round ${round}: Confirm ${Math.round(ms)} ms wall, ${Math.round((used.user + used.system) / 1000)} ms CPU of this process${serverMs}; ` +
          `heapUsed ${before.heapUsedMB} MB before, peak ${peak} MB; ${queued} queued (load ${loadavg()})`,
      );
    }
  } finally {
    await app.close();
    await db.drop();
  }
}

const wanted = process.argv.slice(2) as Provider[];
for (const provider of wanted.length ? wanted : PG_URL ? (["sqlite", "postgresql"] as const) : (["sqlite"] as const)) await run(provider);

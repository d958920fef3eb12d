// A region on one deployment: BENCH_REGION_TEACHERS (30,000) registered teachers in BENCH_DISTRICTS (20)
// districts of 50 schools each, a tenth of them on a course this academic year, most with an attestation
// category. What a methodist at her desk waits for, measured through the real bot (createApp on a
// temporary SQLite file, and on PostgreSQL as `region-postgresql` when TEST_DATABASE_URL names a server
// (a temporary database is created next to it); the fake Bot API answers at once):
//   - /coverage, /attestation and /teachers of the whole region (a regional methodist) and of one district (a
//     district's methodist): the chart in the chat and the .xlsx, from the command to the last answer;
//   - a broadcast to every teacher of the region, grown to BENCH_BROADCAST_RECIPIENTS (100,000) for it:
//     Confirm (the recipients selected and queued in the outbox);
//   - the heap, sampled every 50 ms while the reports and the broadcast run (its peak is a target too;
//     the bench's own seeding, tens of thousands of rows through createMany, is reported beside it, and
//     runs on a client of its own, closed before the bot's work is measured: see `seeding`).
// Seeding writes rows directly (registration is not what is measured).
import { performance } from "node:perf_hooks";
import { createApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/client.js";
import { Prisma } from "../../src/generated/sqlite/client.js";
import { audienceSchema } from "../../src/domain/broadcasts/index.js";
import { ManualClock } from "../../src/domain/clock.js";
import { silentLogger } from "../../src/logger.js";
import { tempDatabase, type Provider } from "../../test/helpers/databases.js";
import { BOT_INFO, FakeTelegram, TestUser } from "../../test/helpers/fake-telegram.js";
import { memoryNow, type BenchOptions, type Scenario, type ScenarioResult } from "../harness.js";
import { round, summarizeLatency } from "../stats.js";

const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return n;
};

const SCHOOLS_PER_DISTRICT = 50;
const REPEAT = 3;
/** the day the region is looked at: in the academic year 2026/2027 */
const NOW = new Date("2026-11-24T09:00:00Z");

/**
 * Seeds through `app.db` (the bench's scenarios pass a client of their own, see `seeding`: Prisma keeps
 * ~30 MB of heap per 5,000-row `createMany` for the client's life, which is not the bot's memory).
 */
export async function seedRegion(app: Pick<App, "db">, districts: number, teachers: number): Promise<{ firstDistrictId: number }> {
  const db = app.db.prisma;
  await db.district.createMany({ data: Array.from({ length: districts }, (_, d) => ({ name: `Район ${d + 1}` })) });
  const districtIds = (await db.district.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((d) => d.id);
  const schoolRows = districtIds.flatMap((districtId, d) =>
    Array.from({ length: SCHOOLS_PER_DISTRICT }, (_, s) => {
      const name = `МБОУ «СОШ № ${s + 1}» района ${d + 1}`;
      return { name, cluster: `Округ ${(s % 5) + 1}`, districtId, searchText: name.toLowerCase() };
    }),
  );
  await db.school.createMany({ data: schoolRows });
  const schoolIds = (await db.school.findMany({ where: { districtId: { not: null } }, orderBy: { id: "asc" }, select: { id: true } })).map((s) => s.id);
  const subjectIds = (await db.subject.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((s) => s.id);
  const categories = ["first", "highest", "compliance", "none", null] as const;
  const BATCH = 2000;
  for (let i = 0; i < teachers; i += BATCH) {
    const n = Math.min(BATCH, teachers - i);
    await db.user.createMany({
      data: Array.from({ length: n }, (_, k) => {
        const x = i + k;
        const category = categories[x % categories.length]!;
        return {
          telegramId: BigInt(1_000_000 + x),
          fullName: `Учитель${x} Регионова`,
          searchName: `учитель${x} регионова`,
          language: x % 7 === 0 ? "en" : "ru",
          consentAt: NOW,
          registeredAt: NOW,
          schoolId: schoolIds[x % schoolIds.length]!,
          attestationCategory: category,
          attestationUntil: category && category !== "none" ? new Date(Date.UTC(2026 + (x % 5), x % 12, 1)) : null,
        };
      }),
    });
  }
  const users = await db.user.findMany({ where: { telegramId: { gte: 1_000_000n } }, orderBy: { id: "asc" }, select: { id: true } });
  for (let i = 0; i < users.length; i += BATCH) {
    await db.teacherSubject.createMany({
      data: users.slice(i, i + BATCH).flatMap((u, k) => {
        const a = subjectIds[(i + k) % subjectIds.length]!;
        const b = subjectIds[(i + k + 5) % subjectIds.length]!;
        return (i + k) % 3 === 0
          ? [
              { userId: u.id, subjectId: a },
              { userId: u.id, subjectId: b },
            ]
          : [{ userId: u.id, subjectId: a }];
      }),
    });
  }
  // 60 courses this academic year; a tenth of the teachers on one
  const courses = Array.from({ length: 60 }, (_, c) => ({
    title: `Курс ПК ${c + 1}`,
    description: "72 часа",
    provider: "Институт развития образования",
    format: "online" as const,
    startDate: new Date(Date.UTC(2027, c % 6, 10)),
    endDate: new Date(Date.UTC(2027, c % 6, 20)),
    hours: 72,
    seats: 100,
    registrationDeadline: new Date(Date.UTC(2027, c % 6, 1)),
    districtId: c % 2 ? districtIds[c % districtIds.length]! : null,
  }));
  await db.course.createMany({ data: courses });
  const courseIds = (await db.course.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((c) => c.id);
  // spread over the schools: teacher x is at school x mod S (S schools), the n-th of her school for n = floor(x / S)
  const covered = users.filter((_, x) => (Math.floor(x / schoolIds.length) + x) % 10 === 0);
  for (let i = 0; i < covered.length; i += BATCH) {
    await db.courseRegistration.createMany({
      data: covered
        .slice(i, i + BATCH)
        .map((u, k) => ({ courseId: courseIds[(i + k) % courseIds.length]!, userId: u.id, status: "registered" as const, queuedAt: NOW })),
    });
  }
  return { firstDistrictId: districtIds[0]! };
}

/**
 * More registered teachers at the region's schools (for the broadcast), numbered from `from`: teacher x
 * at the school x mod S (in the schools' order), as `seedRegion` places them. One INSERT … SELECT rather
 * than `createMany`: on PostgreSQL Prisma kept ~6 MB of heap per 5,000-row `createMany` even after its
 * client was closed, which the broadcast's heap then counted.
 */
async function addTeachers(app: Pick<App, "db">, from: number, count: number): Promise<void> {
  const db = app.db.prisma;
  const schools = await db.school.count({ where: { districtId: { not: null } } });
  const last = from + count - 1;
  const numbers =
    app.db.provider === "postgresql"
      ? Prisma.sql`SELECT x FROM generate_series(${from}::int, ${last}::int) AS x`
      : Prisma.sql`WITH RECURSIVE n(x) AS (SELECT ${from} UNION ALL SELECT x + 1 FROM n WHERE x < ${last}) SELECT x FROM n`;
  await db.$executeRaw`INSERT INTO users (telegram_id, full_name, search_name, consent_at, registered_at, school_id, created_at, updated_at)
    SELECT 1000000 + n.x, 'Учитель' || CAST(n.x AS TEXT) || ' Регионова', 'учитель' || CAST(n.x AS TEXT) || ' регионова',
      ${NOW}, ${NOW}, s.id, ${NOW}, ${NOW}
    FROM (${numbers}) AS n
    JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM schools WHERE district_id IS NOT NULL) AS s ON s.k = n.x % ${schools}`;
}

/**
 * Runs `fn` with a database client of its own on the bot's database, closed afterwards: the bench's
 * seeding (tens of thousands of rows through `createMany`) leaves Prisma's heap for it in that client,
 * not in the bot's, so the heap sampled while the bot works is the bot's (measured: each 5,000-row
 * `createMany` kept ~30 MB after a full GC until its client was closed).
 */
export async function seeding<T>(url: string, fn: (seeder: Pick<App, "db">) => Promise<T>): Promise<T> {
  const db = await openDatabase(url, { logger: silentLogger(), migrate: false });
  try {
    return await fn({ db });
  } finally {
    await db.close();
  }
}

/** The peak of the V8 heap while `fn` runs, sampled every `everyMs`. */
export function heapPeak(everyMs = 50): { stop(): number } {
  let peak = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return round(Math.max(peak, process.memoryUsage().heapUsed) / 2 ** 20, 1);
    },
  };
}

/** A methodist (of a district, or of the whole region with `districtId` null), registered in the database. */
export async function methodist(app: App, tg: FakeTelegram, telegramId: number, districtId: number | null, schoolId: number): Promise<TestUser> {
  await app.db.prisma.user.create({
    data: { telegramId: BigInt(telegramId), fullName: `Методист ${telegramId}`, role: "methodist", districtId, schoolId, consentAt: NOW, registeredAt: NOW },
  });
  return new TestUser(tg, (u) => app.bot.handleUpdate(u), telegramId);
}

export const regionOn = (provider: Provider): Scenario => ({
  id: provider === "sqlite" ? "region" : "region-postgresql",
  title: `a region on ${provider === "sqlite" ? "SQLite" : "PostgreSQL"}: reports and a region-wide broadcast over tens of thousands of teachers`,
  async run(_opts: BenchOptions): Promise<ScenarioResult> {
    const teachers = num("BENCH_REGION_TEACHERS", 30_000);
    const districts = num("BENCH_DISTRICTS", 20);
    const recipients = Math.max(teachers, num("BENCH_BROADCAST_RECIPIENTS", 100_000));
    const heap = heapPeak();
    const database = await tempDatabase(provider);
    const tg = new FakeTelegram();
    const config = loadConfig({ BOT_TOKEN: "123456:BENCH-token", DATABASE_URL: database.url, LOG_LEVEL: "silent" });
    const app = await createApp(config, { logger: silentLogger(), clock: new ManualClock(NOW), fetch: tg.fetch, botInfo: BOT_INFO });
    try {
      const t0 = performance.now();
      const { firstDistrictId } = await seeding(database.url, (seeder) => seedRegion(seeder, districts, teachers));
      const seedMs = performance.now() - t0;
      const aSchool = (await app.db.prisma.school.findFirstOrThrow({ where: { districtId: firstDistrictId }, select: { id: true } })).id;
      const regional = await methodist(app, tg, 900_001, null, aSchool);
      const local = await methodist(app, tg, 900_002, firstDistrictId, aSchool);
      memoryNow(); // the seeding's garbage collected: the samplers below see the app's own work
      const reportsHeap = heapPeak();

      const timings: Record<string, number[]> = {};
      const all: number[] = [];
      const time = async (what: string, fn: () => Promise<unknown>) => {
        const s = performance.now();
        await fn();
        const ms = performance.now() - s;
        (timings[what] ??= []).push(round(ms, 1));
        all.push(ms);
      };
      const expectFile = (chat: TestUser, what: string) => {
        const doc = tg.callsOf("sendDocument").filter((c) => Number(c.payload.chat_id) === chat.id).length;
        if (!doc) throw new Error(`${what}: no spreadsheet was sent\n${chat.dump()}`);
      };
      for (let i = 0; i < REPEAT; i++) {
        await time("coverage, whole region", () => regional.send("/coverage"));
        expectFile(regional, "coverage");
        await time("coverage, one district", () => local.send("/coverage"));
        await time("attestation, whole region", () => regional.send("/attestation"));
        await time("attestation, one district", () => local.send("/attestation"));
        await time("teachers (who joined), whole region", () => regional.send("/teachers"));
        await time("teachers (who joined), one district", () => local.send("/teachers"));
      }
      const reportsPeakMB = reportsHeap.stop();
      const afterReports = memoryNow();
      const t1 = performance.now();
      await seeding(database.url, (seeder) => addTeachers(seeder, teachers, recipients - teachers));
      const growMs = performance.now() - t1;
      memoryNow();
      const broadcastHeap = heapPeak();

      // a broadcast to everyone in the region: the draft as the compose flow saves it, then Confirm
      const author = await app.services.users.byTelegramId(900_001);
      const draft = await app.services.broadcasts.saveDraft(author!, {
        text: "Уважаемые коллеги! Региональная конференция пройдёт 10 декабря.",
        entities: [],
        attachment: null,
        audience: audienceSchema.parse({}),
        urgent: true,
      });
      await time("broadcast to the region: Confirm", () => app.services.broadcasts.confirm(draft.id, author!));
      const queued = await app.db.prisma.outboxMessage.count({ where: { groupId: { startsWith: "broadcast-" } } });
      if (queued !== draft.recipientCount) throw new Error(`broadcast: ${queued} queued of ${draft.recipientCount}`);
      const broadcastPeakMB = broadcastHeap.stop();
      const memory = memoryNow();
      const seedingPeakMB = heap.stop();
      const peakHeapMB = Math.max(reportsPeakMB, broadcastPeakMB);

      const worst = (what: string) => Math.max(...(timings[what] ?? [Number.NaN]));
      const within = (what: string, limitMs: number) => ({
        label: `${what}, slowest of ${timings[what]?.length ?? 0} (ms)`,
        value: round(worst(what), 0),
        target: `≤ ${limitMs}`,
        pass: worst(what) <= limitMs,
      });
      return {
        id: this.id,
        title: this.title,
        workload: `${teachers} teachers, ${districts} districts × ${SCHOOLS_PER_DISTRICT} schools; /coverage, /attestation and /teachers (chart + .xlsx) ×${REPEAT} for the region and for one district; then the region grown to ${recipients} teachers and one broadcast to all`,
        updates: all.length,
        wallMs: round(
          all.reduce((s, x) => s + x, 0),
          1,
        ),
        updatesPerSecond: round((all.length * 1000) / all.reduce((s, x) => s + x, 0), 2),
        latencyMs: summarizeLatency(all),
        perRound: [round((all.length * 1000) / all.reduce((s, x) => s + x, 0), 2)],
        concurrency: 1,
        chats: teachers,
        memory,
        details: {
          database: provider === "sqlite" ? "SQLite (temporary file, WAL)" : "PostgreSQL (temporary database)",
          seed: { ms: round(seedMs, 0), grownForTheBroadcastMs: round(growMs, 0) },
          heapPeakMB: { reports: reportsPeakMB, broadcast: broadcastPeakMB, wholeScenarioWithSeeding: seedingPeakMB },
          timingsMs: timings,
          broadcastRecipients: draft.recipientCount,
          memoryAfterReports: afterReports,
        },
        targets: [
          within("coverage, whole region", 1000),
          within("attestation, whole region", 1000),
          within("coverage, one district", 150),
          within("attestation, one district", 150),
          within("teachers (who joined), whole region", 1000),
          within("teachers (who joined), one district", 150),
          within(`broadcast to the region: Confirm`, 3000),
          { label: "heap, peak sampled every 50 ms during the reports and the broadcast (MB)", value: peakHeapMB, target: "≤ 256", pass: peakHeapMB <= 256 },
        ],
      };
    } finally {
      heap.stop();
      await app.close();
      await database.drop();
    }
  },
});

// A region's staff list: a BENCH_STAFF_ROWS (30,000) row .xlsx, as a school information system exports it,
// loaded through /staff by a regional methodist (the dry run, then Apply: one transaction), on top of the
// region of bench/scenarios/region.ts (BENCH_REGION_TEACHERS registered teachers, 20 districts × 50
// schools). Two thirds of the rows are people already in the bot (linked after the import, as matching
// would), a third are not in the bot yet. Then /coverage, /attestation and /teachers over the list, for
// the region and one district, against the region scenario's targets. Targets: the import (dry run and
// Apply each) ≤ 10 s; the same file again changes nothing.
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/domain/clock.js";
import { nameKey } from "../../src/domain/staff/names.js";
import { silentLogger } from "../../src/logger.js";
import { tempDatabase } from "../../test/helpers/databases.js";
import { BOT_INFO, FakeTelegram, TestUser } from "../../test/helpers/fake-telegram.js";
import { memoryNow, type BenchOptions, type Scenario, type ScenarioResult } from "../harness.js";
import { round, summarizeLatency } from "../stats.js";
import { seedRegion } from "./region.js";

const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return n;
};

const NOW = new Date("2026-11-24T09:00:00Z");
const REPEAT = 2;

/** The export: one row per person, Russian headers, dates as date cells; a row a person in the bot where x % 3 != 2. */
async function staffFile(app: Awaited<ReturnType<typeof createApp>>, rows: number): Promise<{ bytes: Buffer; inBot: number }> {
  const users = await app.db.prisma.user.findMany({
    where: { telegramId: { gte: 1_000_000n } },
    orderBy: { id: "asc" },
    select: { fullName: true, school: { select: { name: true, district: { select: { name: true } } } } },
  });
  const schools = await app.db.prisma.school.findMany({ where: { districtId: { not: null } }, select: { name: true, district: { select: { name: true } } } });
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Педагоги");
  sheet.addRow(["№", "ФИО", "Район", "ОО", "Должность", "Предметы", "Квалификационная категория", "Дата присвоения категории", "Дата последних курсов"]);
  const categories = ["высшая", "первая", "соответствие", "без категории", ""];
  let inBot = 0;
  for (let x = 0; x < rows; x++) {
    const user = x % 3 !== 2 ? users[x] : undefined;
    if (user) inBot++;
    const school = user?.school ?? schools[x % schools.length]!;
    const category = categories[x % categories.length]!;
    sheet.addRow([
      x + 1,
      user?.fullName ?? `Кадрова${x} Ольга Ивановна`,
      school.district?.name ?? "",
      school.name,
      "учитель",
      "Математика",
      category,
      category && category !== "без категории" ? new Date(Date.UTC(2021 + (x % 5), x % 12, 1)) : null,
      x % 4 === 0 ? new Date(Date.UTC(2026, 8 + (x % 3), 15)) : new Date(Date.UTC(2024, x % 12, 10)),
    ]);
  }
  return { bytes: Buffer.from(await book.xlsx.writeBuffer()), inBot };
}

export const staffList: Scenario = {
  id: "staff-list",
  title: "a region's staff list: a 30,000-row .xlsx imported through /staff, and the reports over it",
  async run(_opts: BenchOptions): Promise<ScenarioResult> {
    const rows = num("BENCH_STAFF_ROWS", 30_000);
    const teachers = num("BENCH_REGION_TEACHERS", 30_000);
    const database = await tempDatabase("sqlite");
    const tg = new FakeTelegram();
    const config = loadConfig({ BOT_TOKEN: "123456:BENCH-token", DATABASE_URL: database.url, LOG_LEVEL: "silent" });
    const app = await createApp(config, { logger: silentLogger(), clock: new ManualClock(NOW), fetch: tg.fetch, botInfo: BOT_INFO });
    try {
      const { firstDistrictId } = await seedRegion(app, 20, teachers);
      const aSchool = (await app.db.prisma.school.findFirstOrThrow({ where: { districtId: firstDistrictId }, select: { id: true } })).id;
      const person = async (telegramId: number, districtId: number | null) => {
        await app.db.prisma.user.create({
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
        return new TestUser(tg, (u) => app.bot.handleUpdate(u), telegramId);
      };
      const regional = await person(900_001, null);
      const local = await person(900_002, firstDistrictId);
      const { bytes, inBot } = await staffFile(app, rows);

      const timings: Record<string, number[]> = {};
      const all: number[] = [];
      const time = async (what: string, fn: () => Promise<unknown>) => {
        const s = performance.now();
        await fn();
        const ms = performance.now() - s;
        (timings[what] ??= []).push(round(ms, 1));
        all.push(ms);
      };
      await regional.send("/staff");
      await regional.press("📥 Загрузить список");
      await time("import: dry run", () => regional.sendDocument({ file_name: "staff.xlsx", content: bytes }));
      if (!regional.lastText().includes("Применить?")) throw new Error(`dry run:\n${regional.lastText()}`);
      await time("import: Apply", () => regional.press("✅ Применить"));
      const stored = await app.db.prisma.staffMember.count();
      if (stored !== rows) throw new Error(`import: ${stored} rows stored of ${rows}\n${regional.lastText()}`);
      // the same file again: nothing to change
      await regional.send("/staff");
      await regional.press("📥 Загрузить список");
      await time("import: the same file again (dry run)", () => regional.sendDocument({ file_name: "staff.xlsx", content: bytes }));
      if (!regional.lastText().includes("менять нечего")) throw new Error(`re-import:\n${regional.lastText()}`);

      // the people in the bot linked, as matching at registration would have done
      const users = await app.db.prisma.user.findMany({ where: { telegramId: { gte: 1_000_000n } }, select: { id: true, fullName: true, schoolId: true } });
      const staff = await app.db.prisma.staffMember.findMany({ select: { id: true, nameKey: true, schoolId: true } });
      const byKey = new Map(staff.map((s) => [`${s.schoolId}\n${s.nameKey}`, s.id]));
      const links = users.flatMap((u) => {
        const id = byKey.get(`${u.schoolId}\n${nameKey(u.fullName ?? "")}`);
        return id === undefined ? [] : [{ id, userId: u.id }];
      });
      for (const l of links) await app.db.prisma.staffMember.update({ where: { id: l.id }, data: { userId: l.userId } });
      if (links.length !== inBot) throw new Error(`linked ${links.length} of ${inBot}`);

      for (let i = 0; i < REPEAT; i++) {
        await time("coverage, whole region", () => regional.send("/coverage"));
        await time("coverage, one district", () => local.send("/coverage"));
        await time("attestation, whole region", () => regional.send("/attestation"));
        await time("attestation, one district", () => local.send("/attestation"));
        await time("teachers (who joined), whole region", () => regional.send("/teachers"));
        await time("teachers (who joined), one district", () => local.send("/teachers"));
      }
      const coverage = await app.services.coverage.courses((await app.services.users.byTelegramId(900_001))!, "ru");
      const memory = memoryNow();
      const worst = (what: string) => Math.max(...(timings[what] ?? [Number.NaN]));
      const within = (what: string, limitMs: number) => ({
        label: `${what}, slowest of ${timings[what]?.length ?? 0} (ms)`,
        value: round(worst(what), 0),
        target: `≤ ${limitMs}`,
        pass: worst(what) <= limitMs,
      });
      const total = all.reduce((s, x) => s + x, 0);
      return {
        id: this.id,
        title: this.title,
        workload: `${rows}-row .xlsx through /staff (dry run, Apply, the same file again) over ${teachers} registered teachers; then /coverage, /attestation, /teachers ×${REPEAT}, region and one district`,
        updates: all.length,
        wallMs: round(total, 1),
        updatesPerSecond: round((all.length * 1000) / total, 2),
        latencyMs: summarizeLatency(all),
        perRound: [round((all.length * 1000) / total, 2)],
        concurrency: 1,
        chats: 2,
        memory,
        details: {
          database: "SQLite (temporary file, WAL)",
          fileMB: round(bytes.length / 2 ** 20, 2),
          staffRows: rows,
          inBot,
          regionReport: { teachers: coverage.teachers, notInBot: coverage.notInBot, covered: coverage.covered, coveredByStaff: coverage.coveredByStaff },
          timingsMs: timings,
        },
        targets: [
          within("import: dry run", 10_000),
          within("import: Apply", 10_000),
          within("coverage, whole region", 5000),
          within("attestation, whole region", 5000),
          within("teachers (who joined), whole region", 5000),
          within("coverage, one district", 1000),
          within("attestation, one district", 1000),
          within("teachers (who joined), one district", 1000),
        ],
      };
    } finally {
      await app.close();
      await database.drop();
    }
  },
};

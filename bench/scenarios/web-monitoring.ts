// The site's monitoring section over a region (BENCH_REGION_TEACHERS = 30,000 teachers in 20 districts,
// seeded as in region.ts), on SQLite: server time of each page, from the request to the last byte of the
// HTML, through the site's Hono app in process (no network). For each tab and a school's page: the first
// request (the reports counted by the domain services) and the next ones (the count kept for
// WEB_REPORTS_MAX_AGE_SECONDS), for a regional methodist and for a district's. And the first page load
// of the site: the compressed bytes of its scripts and styles (target ≤ 150 KB), the fonts beside them.
import { performance } from "node:perf_hooks";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/domain/clock.js";
import { createHttpApp } from "../../src/http/server.js";
import { silentLogger } from "../../src/logger.js";
import { tempDatabase } from "../../test/helpers/databases.js";
import { BOT_INFO, FakeTelegram } from "../../test/helpers/fake-telegram.js";
import { memoryNow, type BenchOptions, type Scenario, type ScenarioResult } from "../harness.js";
import { round, summarizeLatency } from "../stats.js";
import { seedRegion } from "./region.js";

const NOW = new Date("2026-11-24T09:00:00Z");
const WARM = 5;

export const webMonitoring: Scenario = {
  id: "web-monitoring",
  title: "the site's monitoring pages over a region of 30,000 teachers (SQLite), and the weight of a first page load",
  async run(_opts: BenchOptions): Promise<ScenarioResult> {
    const teachers = Number(process.env.BENCH_REGION_TEACHERS || 30_000);
    const districts = Number(process.env.BENCH_DISTRICTS || 20);
    const database = await tempDatabase("sqlite");
    const config = loadConfig({ BOT_TOKEN: "123456:BENCH-token", DATABASE_URL: database.url, LOG_LEVEL: "silent" });
    const app = await createApp(config, { logger: silentLogger(), clock: new ManualClock(NOW), fetch: new FakeTelegram().fetch, botInfo: BOT_INFO });
    try {
      const { firstDistrictId } = await seedRegion(app, districts, teachers);
      const school = await app.db.prisma.school.findFirstOrThrow({ where: { districtId: firstDistrictId }, select: { id: true } });
      const staff = async (telegramId: number, districtId: number | null) => {
        const u = await app.db.prisma.user.create({
          data: {
            telegramId: BigInt(telegramId),
            fullName: `Методист ${telegramId}`,
            role: "methodist",
            districtId,
            schoolId: school.id,
            consentAt: NOW,
            registeredAt: NOW,
          },
        });
        return `metodset=${(await app.services.signIn.startSession(u.id, "link")).token}`;
      };
      const regional = await staff(900_001, null);
      const local = await staff(900_002, firstDistrictId);
      const http = createHttpApp(app);
      const get = async (path: string, cookie: string | null, gzip = false) => {
        const headers: Record<string, string> = { ...(cookie ? { cookie } : {}), ...(gzip ? { "accept-encoding": "gzip" } : {}) };
        const res = await http.request(path, { headers });
        const bytes = (await res.arrayBuffer()).byteLength;
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        return { bytes, res };
      };

      const timings: Record<string, number[]> = {};
      const time = async (what: string, fn: () => Promise<unknown>) => {
        const s = performance.now();
        await fn();
        (timings[what] ??= []).push(round(performance.now() - s, 1));
      };
      for (const [who, cookie] of [
        ["region", regional],
        ["district", local],
      ] as const) {
        for (const path of ["/monitoring/coverage", "/monitoring/attestation", "/monitoring/teachers", `/monitoring/schools/${school.id}`]) {
          await time(`${who} ${path.replace(/\d+$/, ":id")}, first (counted)`, () => get(path, cookie));
          for (let i = 0; i < WARM; i++) await time(`${who} ${path.replace(/\d+$/, ":id")}, kept`, () => get(path, cookie));
        }
      }
      // the page's own weight: HTML, and the scripts and styles it loads, compressed as served
      const page = await get("/monitoring/coverage", local, true);
      const css = await get("/assets/site.css", null, true);
      const js = await get("/assets/app.js", null, true);
      const fonts = await Promise.all(
        ["cyrillic-400", "cyrillic-700", "latin-400", "latin-700"].map((f) => get(`/assets/fonts/pt-sans-${f}-normal.woff2`, null)),
      );
      const regionPage = await get("/monitoring/coverage", regional, true);
      const scriptsAndStyles = css.bytes + js.bytes;
      const memory = memoryNow();

      const worst = (what: string) => Math.max(...(timings[what] ?? [Number.NaN]));
      const all = Object.values(timings).flat();
      const within = (what: string, limitMs: number) => ({
        label: `${what}, slowest of ${timings[what]?.length ?? 0} (ms)`,
        value: round(worst(what), 0),
        target: `≤ ${limitMs}`,
        pass: worst(what) <= limitMs,
      });
      return {
        id: this.id,
        title: this.title,
        workload: `${teachers} teachers, ${districts} districts; each monitoring tab and a school page, first and ${WARM}× kept, as a regional and a district methodist`,
        updates: all.length,
        wallMs: round(
          all.reduce((s, x) => s + x, 0),
          1,
        ),
        updatesPerSecond: round((all.length * 1000) / all.reduce((s, x) => s + x, 0), 2),
        latencyMs: summarizeLatency(all),
        perRound: [1],
        concurrency: 1,
        chats: teachers,
        memory,
        details: {
          timingsMs: timings,
          bytes: {
            districtPageGzip: page.bytes,
            regionPageGzip: regionPage.bytes,
            cssGzip: css.bytes,
            jsGzip: js.bytes,
            fontsWoff2: fonts.reduce((s, f) => s + f.bytes, 0),
          },
        },
        targets: [
          within("region /monitoring/coverage, kept", 300),
          within("region /monitoring/attestation, kept", 300),
          within("region /monitoring/teachers, kept", 300),
          within("region /monitoring/schools/:id, kept", 300),
          within("district /monitoring/coverage, first (counted)", 1000),
          within("district /monitoring/coverage, kept", 300),
          {
            label: "first page load: scripts and styles, compressed (KB)",
            value: round(scriptsAndStyles / 1024, 1),
            target: "≤ 150",
            pass: scriptsAndStyles <= 150 * 1024,
          },
        ],
      };
    } finally {
      await app.close();
      await database.drop();
    }
  },
};

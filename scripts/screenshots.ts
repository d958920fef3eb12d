// Screenshots of the site for the README (docs/screenshots/): a demo region (the sample schools in two
// districts, 160 teachers with courses and categories) served on 127.0.0.1, photographed in Chromium at a
// desk's and a phone's size, in Russian and English. `npx tsx scripts/screenshots.ts` (needs chromium).
import path from "node:path";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { ManualClock } from "../src/domain/clock.js";
import { createHttpApp, listen } from "../src/http/server.js";
import { silentLogger } from "../src/logger.js";
import { projectRoot } from "../src/paths.js";
import { launchChromium } from "../test/helpers/browser.js";
import { tempDatabase } from "../test/helpers/databases.js";
import { BOT_INFO, FakeTelegram } from "../test/helpers/fake-telegram.js";

const OUT = path.join(projectRoot, "docs", "screenshots");
const SURNAMES = [
  "Иванова",
  "Смирнова",
  "Кузнецова",
  "Попова",
  "Васильева",
  "Петрова",
  "Соколова",
  "Михайлова",
  "Новикова",
  "Фёдорова",
  "Морозова",
  "Волкова",
  "Алексеева",
  "Лебедева",
  "Семёнова",
  "Егорова",
  "Павлова",
  "Козлова",
  "Степанова",
  "Николаева",
];
const NAMES = [
  "Анна Сергеевна",
  "Мария Ивановна",
  "Елена Петровна",
  "Ольга Викторовна",
  "Наталья Андреевна",
  "Татьяна Николаевна",
  "Ирина Юрьевна",
  "Светлана Олеговна",
];

async function main() {
  const db = await tempDatabase("sqlite");
  const now = new Date("2026-11-24T09:00:00Z");
  const config = loadConfig({ BOT_TOKEN: "123456:DEMO-token", DATABASE_URL: db.url, LOG_LEVEL: "silent", TIMEZONE: "Asia/Barnaul" });
  const app = await createApp(config, { logger: silentLogger(), clock: new ManualClock(now), fetch: new FakeTelegram().fetch, botInfo: BOT_INFO });
  const prisma = app.db.prisma;
  const schools = await prisma.school.findMany({ orderBy: { id: "asc" } });
  const names = schools.map((s) => s.name);
  await app.services.directory.importCsv(
    ["name,district", ...names.map((n, i) => `"${n.replace(/"/g, '""')}",${i < 12 ? "Северный район" : "Южный район"}`)].join("\n"),
  );
  const subjects = await prisma.subject.findMany();
  const course = await prisma.course.create({
    data: {
      title: "Формирующее оценивание",
      description: "72 часа",
      provider: "АКИПКРО",
      format: "online",
      startDate: new Date("2027-02-01T03:00:00Z"),
      endDate: new Date("2027-02-20T03:00:00Z"),
      hours: 72,
      seats: 200,
      registrationDeadline: new Date("2027-01-20T03:00:00Z"),
    },
  });
  const categories = ["highest", "first", "compliance", "none", null] as const;
  for (let i = 0; i < 160; i++) {
    const school = schools[(i * 7) % 22]!;
    const category = categories[i % 5]!;
    const u = await app.services.users.register({
      telegramId: 10_000 + i,
      fullName: `${SURNAMES[i % SURNAMES.length]} ${NAMES[(i * 3) % NAMES.length]}`,
      language: "ru",
      schoolId: school.id,
      subjectIds: [subjects[i % subjects.length]!.id],
      consentAt: now,
    });
    if ((i * 13) % 10 < 2 + (school.id % 7))
      await prisma.courseRegistration.create({ data: { courseId: course.id, userId: u.id, status: "registered", queuedAt: now } });
    if (category) await app.services.attestation.set(u.id, category, category === "none" ? null : new Date(Date.UTC(2026 + (i % 4), (i * 5) % 12, 1)));
  }
  const methodist = await app.services.users.register({
    telegramId: 9001,
    fullName: "Сидорова Елена Викторовна",
    language: "ru",
    schoolId: schools[0]!.id,
    subjectIds: [subjects[0]!.id],
    consentAt: now,
  });
  await prisma.user.update({ where: { id: methodist.id }, data: { role: "methodist" } });
  const server = await listen(createHttpApp(app), { port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${server.port}`;
  const browser = await launchChromium();
  try {
    const shoot = async (name: string, url: string, opts: { phone?: boolean; lang?: string; full?: boolean }) => {
      const context = await browser.newContext(
        opts.phone
          ? { locale: opts.lang ?? "ru-RU", viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
          : { locale: opts.lang ?? "ru-RU", viewport: { width: 1280, height: 900 } },
      );
      const { token } = await app.services.signIn.startSession(methodist.id, "link");
      await context.addCookies([{ name: "metodset", value: token, url: base }]);
      const page = await context.newPage();
      await page.goto(base + url);
      await page.evaluate("document.fonts.ready");
      await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: opts.full ?? false });
      await context.close();
      console.log(`wrote docs/screenshots/${name}.png`);
    };
    const school = schools[0]!.id;
    await shoot("monitoring-coverage-ru", "/monitoring/coverage", { full: true });
    await shoot("monitoring-attestation-en", "/monitoring/attestation?lang=en", { lang: "en-US" });
    await shoot("monitoring-school-ru", `/monitoring/schools/${school}`, {});
    await shoot("phone-coverage-ru", "/monitoring/coverage", { phone: true });
    await shoot("phone-school-en", `/monitoring/schools/${school}?lang=en`, { phone: true, lang: "en-US" });
    const signin = await browser.newContext({ locale: "ru-RU", viewport: { width: 390, height: 700 }, deviceScaleFactor: 2, isMobile: true });
    const page = await signin.newPage();
    await page.goto(`${base}/signin`);
    await page.screenshot({ path: path.join(OUT, "phone-signin-ru.png") });
    console.log("wrote docs/screenshots/phone-signin-ru.png");
  } finally {
    await browser.close();
    await server.close();
    await app.close();
    await db.drop();
  }
}

await main();

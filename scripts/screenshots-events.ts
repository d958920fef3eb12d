// Screenshots of the site's courses, meetings, calendar and certificate check pages (docs/screenshots/):
// a demo course under way with its waiting list, a meeting that has begun with answers and marks, a
// teacher's calendar link, a certificate's check; at a desk's and a phone's size, in Russian and English.
// `npx tsx scripts/screenshots-events.ts [out-dir]` (needs chromium); the monitoring ones: scripts/screenshots.ts.
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

const OUT = process.argv[2] ? path.resolve(process.argv[2]) : path.join(projectRoot, "docs", "screenshots");
// the README shows: course-page-ru, meeting-page-en, phone-meeting-ru, phone-calendar-en, teacher-courses-en, phone-verify-ru
const PEOPLE = [
  "Иванова Анна Сергеевна",
  "Смирнова Мария Ивановна",
  "Кузнецова Елена Петровна",
  "Попова Ольга Викторовна",
  "Васильева Наталья Андреевна",
  "Петрова Татьяна Николаевна",
  "Соколова Ирина Юрьевна",
  "Михайлова Светлана Олеговна",
  "Новикова Анна Петровна",
  "Фёдорова Мария Андреевна",
  "Морозова Елена Юрьевна",
  "Волкова Ольга Ивановна",
  "Алексеева Наталья Сергеевна",
  "Лебедева Татьяна Олеговна",
  "Семёнова Ирина Викторовна",
];

async function main() {
  const db = await tempDatabase("sqlite");
  const clock = new ManualClock(new Date("2026-11-20T09:00:00Z"));
  const config = loadConfig({
    BOT_TOKEN: "123456:DEMO-token",
    DATABASE_URL: db.url,
    LOG_LEVEL: "silent",
    TIMEZONE: "Asia/Barnaul",
    // http: the demo browser gets the plain session cookie (https would need the __Host- one over TLS)
    PUBLIC_URL: "http://metodset.example.org",
  });
  const app = await createApp(config, { logger: silentLogger(), clock, fetch: new FakeTelegram().fetch, botInfo: BOT_INFO });
  const prisma = app.db.prisma;
  const schools = await prisma.school.findMany({ orderBy: { id: "asc" } });
  const math = await prisma.subject.findUniqueOrThrow({ where: { code: "math" } });
  const person = (i: number, fullName: string) =>
    app.services.users.register({
      telegramId: 10_000 + i,
      fullName,
      language: "ru",
      schoolId: schools[i % 6]!.id,
      subjectIds: [math.id],
      consentAt: clock.now(),
    });
  const methodist = await person(99, "Сидорова Елена Викторовна");
  await prisma.user.update({ where: { id: methodist.id }, data: { role: "methodist" } });
  const staff = (await app.services.users.byId(methodist.id))!;
  const teachers = [];
  for (const [i, name] of PEOPLE.entries()) teachers.push(await person(i, name));

  const course = await app.services.courses.create(staff, {
    title: "Функциональная грамотность: математическая",
    description: "Задания PISA на уроках математики.",
    provider: "АКИПКРО",
    format: "in_person",
    place: "Барнаул, ул. Гоголя, 42",
    startDate: new Date("2026-11-25T03:00:00Z"),
    endDate: new Date("2026-11-28T03:00:00Z"),
    hours: 36,
    seats: 12,
    registrationDeadline: new Date("2026-11-24T16:59:00Z"),
    subjectIds: [math.id],
  });
  for (const t of teachers) await app.services.courses.signUp(t.id, course.id);
  await app.services.courses.create(staff, {
    title: "Формирующее оценивание",
    description: "72 часа",
    provider: "АКИПКРО",
    format: "online",
    place: "https://edu.example.org/fo",
    startDate: new Date("2027-02-01T03:00:00Z"),
    endDate: new Date("2027-02-20T03:00:00Z"),
    hours: 72,
    seats: 30,
    registrationDeadline: new Date("2027-01-20T03:00:00Z"),
    subjectIds: [math.id],
  });
  const { meeting } = await app.services.meetings.publish(staff, {
    kind: "association",
    title: "Заседание РМО учителей математики",
    agenda: "Подготовка к ОГЭ",
    startsAt: new Date("2026-11-26T05:00:00Z"),
    durationMin: 90,
    place: "МБОУ «Гимназия № 3», каб. 14",
    onlineUrl: null,
    audience: "subjects",
    subjectIds: [math.id],
    schoolIds: [],
    districtIds: [],
    rsvpDeadline: null,
  });
  for (const [i, t] of teachers.entries()) if (i % 4 !== 3) await app.services.meetings.rsvp(t.id, meeting.id, i % 5 === 4 ? "not_going" : "going");
  const nina = teachers[0]!;
  const lesson = await app.services.lessons.create(methodist.id, {
    subjectId: math.id,
    grade: "5",
    topic: "Сложение дробей",
    method: "Работа в группах",
    startsAt: new Date("2026-12-03T05:00:00Z").getTime(),
    durationMin: 45,
    place: { kind: "school", room: "каб. 21" },
    seats: 5,
  });
  await app.services.lessons.signUp(nina.id, lesson.id);
  // a certificate of a meeting she attended, for the public check page
  const attended = async () => {
    const number = (await app.services.documents.certificate((await app.services.users.byId(nina.id))!, "meeting", meeting.id)).number;
    return number;
  };

  // the course and the meeting have begun: marks
  clock.set(new Date("2026-11-26T09:00:00Z"));
  for (const t of teachers.slice(0, 3)) await app.services.meetings.markAttendance(staff, meeting.id, t.id, true);
  const regs = await prisma.courseRegistration.findMany({ where: { courseId: course.id, status: "registered" }, orderBy: { id: "asc" }, take: 2 });
  for (const r of regs) await app.services.courses.complete(staff, course.id, r.id);

  const server = await listen(createHttpApp(app), { port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${server.port}`;
  const browser = await launchChromium();
  try {
    const shoot = async (name: string, url: string, opts: { phone?: boolean; lang?: "ru" | "en"; full?: boolean; as?: number; click?: string }) => {
      const lang = opts.lang ?? "ru";
      const locale = lang === "en" ? "en-US" : "ru-RU";
      const context = await browser.newContext(
        opts.phone
          ? { locale, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
          : { locale, viewport: { width: 1280, height: 900 } },
      );
      const { token } = await app.services.signIn.startSession(opts.as ?? methodist.id, "link");
      await context.addCookies([{ name: "metodset", value: token, url: base }]);
      const page = await context.newPage();
      await page.goto(`${base}${url}${url.includes("?") ? "&" : "?"}lang=${lang}`);
      if (opts.click) {
        await page.click(opts.click);
        await page.waitForLoadState("load");
      }
      await page.evaluate("document.fonts.ready");
      await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: opts.full ?? false });
      await context.close();
      console.log(`wrote ${path.join(OUT, `${name}.png`)}`);
    };
    await shoot("courses-list-ru", "/courses", {});
    await shoot("course-page-ru", `/courses/${course.id}`, { full: true });
    await shoot("phone-course-en", `/courses/${course.id}`, { phone: true, lang: "en" });
    await shoot("meeting-page-en", `/meetings/${meeting.id}`, { lang: "en", full: true });
    await shoot("phone-meeting-ru", `/meetings/${meeting.id}`, { phone: true });
    await shoot("meetings-list-ru", "/meetings", {});
    await shoot("teacher-courses-en", "/courses", { as: nina.id, lang: "en" });
    await shoot("phone-teacher-meetings-ru", "/meetings", { as: nina.id, phone: true });
    await shoot("calendar-link-ru", "/calendar", { as: nina.id, click: "form[action='/calendar/link'] button" });
    const number = await attended();
    const check = await browser.newContext({ locale: "ru-RU", viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
    const page = await check.newPage();
    await page.goto(`${base}/verify/${number}`);
    await page.screenshot({ path: path.join(OUT, "phone-verify-ru.png") });
    await check.close();
    console.log(`wrote ${path.join(OUT, "phone-verify-ru.png")}`);
    await shoot("phone-calendar-en", "/calendar", { as: nina.id, phone: true, lang: "en", click: "form[action='/calendar/link'] button" });
  } finally {
    await browser.close();
    await server.close();
    await app.close();
    await db.drop();
  }
}

await main();

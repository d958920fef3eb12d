// /coverage: a methodist sees who took a course this academic year, by school (chart in the chat) and
// gets a spreadsheet with the teachers not covered yet; a teacher is refused.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { academicYear } from "../../src/domain/coverage/index.js";
import { providers } from "../helpers/databases.js";
import { insertTeacher, registerMethodist, type Person } from "../helpers/flows.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { parseBook } from "../helpers/workbook.js";
import { createCourse, enrol as enrolIn } from "./helpers.js";

describe("academicYear", () => {
  it("runs from 1 September to 1 September in the deployment's zone", () => {
    const y = academicYear(new Date("2026-11-23T12:00:00Z"), "Asia/Barnaul");
    expect(y.label).toBe("2026/2027");
    expect(y.from.toISOString()).toBe("2026-08-31T17:00:00.000Z"); // 1 September 00:00 at UTC+7
    expect(academicYear(new Date("2027-08-31T16:59:00Z"), "Asia/Barnaul").label).toBe("2026/2027");
    expect(academicYear(new Date("2027-08-31T17:00:00Z"), "Asia/Barnaul").label).toBe("2027/2028");
  });
});

describe.each(providers)("course coverage on %s", (provider) => {
  let app: TestApp;
  let methodist: Person;

  beforeEach(async () => {
    app = await createTestApp(provider);
    methodist = await registerMethodist(app, 8001);
  });
  afterEach(() => app.destroy());

  const course = (title: string, startDate: string) => createCourse(app, title, startDate);
  const enrol = (courseId: number, userId: number, status: Parameters<typeof enrolIn>[3]) => enrolIn(app, courseId, userId, status);

  it("shows the share by school, least covered first, and sends a spreadsheet of who has no course", async () => {
    const [s1, s2] = await app.db.prisma.school.findMany({ orderBy: { id: "asc" }, take: 2 });
    const a = await insertTeacher(app, 8101, { name: "Абрамова Анна", schoolId: s1!.id });
    const b = await insertTeacher(app, 8102, { name: "Борисова Вера", schoolId: s1!.id, subjectCodes: ["math", "physics"] });
    const c = await insertTeacher(app, 8103, { name: "Васильева Галина", schoolId: s2!.id });
    const d = await insertTeacher(app, 8104, { name: "Григорьева Дарья", schoolId: s2!.id });
    const thisYear = await course("Формирующее оценивание", "2026-12-01T06:00:00Z");
    const lastYear = await course("Прошлогодний курс", "2026-03-01T06:00:00Z");
    await enrol(thisYear, a, "completed");
    await enrol(thisYear, c, "registered");
    await enrol(thisYear, d, "registered");
    await enrol(lastYear, b, "completed"); // last academic year: does not count
    await enrol(thisYear, b, "waiting"); // waiting or cancelled: not covered
    // a teacher who blocked the bot is not counted; a methodist is not a teacher
    await app.db.prisma.user.update({ where: { id: await insertTeacher(app, 8105, { schoolId: s2!.id }) }, data: { isActive: false } });

    await methodist.chat.send("/coverage");
    const texts = app.tg.transcript(8001).slice(-2);
    const chart = texts[0]!.text;
    expect(chart).toContain("Охват курсами ПК, 2026/2027 учебный год");
    expect(chart).toContain("<b>75%</b> — прошли или проходят курсы 3 из 4 педагогов; без курсов: 1.");
    const lines = chart.split("\n").filter((l) => l.includes("% · "));
    expect(lines).toEqual([`▓▓▓▓▓░░░░░ 50% · ${s1!.name} (1/2)`, `▓▓▓▓▓▓▓▓▓▓ 100% · ${s2!.name} (2/2)`]);

    const file = texts[1]!;
    expect(file.kind).toBe("document");
    expect(file.file?.name).toBe("coverage-2026-2027.xlsx");
    const { rows } = await parseBook(file);
    expect(rows("По школам")).toEqual([
      ["Школа", "Школьный округ", "Педагогов", "С курсами", "Охват, %"],
      [s1!.name, s1!.cluster, 2, 1, 50],
      [s2!.name, s2!.cluster, 2, 2, 100],
      ["Итого", undefined, 4, 3, 75],
    ]);
    expect(rows("Без курсов")).toEqual([
      ["ФИО", "Школа", "Школьный округ", "Предметы"],
      ["Борисова Вера", s1!.name, s1!.cluster, "Математика, Физика"],
    ]);
    expect(app.missing).toEqual([]);
  });

  it("shows the 15 least covered schools in the chat and says how many more are in the file", async () => {
    const schools = await app.db.prisma.school.findMany({ orderBy: { id: "asc" }, take: 17 });
    for (const [i, s] of schools.entries()) await insertTeacher(app, 8300 + i, { schoolId: s.id });
    await methodist.chat.send("/coverage");
    const chart = app.tg.transcript(8001).at(-2)!.text;
    expect(chart.split("\n").filter((l) => l.includes("% · "))).toHaveLength(15);
    expect(chart).toContain("…и ещё 2 — в файле.");
    expect(app.tg.transcript(8001).at(-1)!.kind).toBe("document");
  });

  it("in English, with nobody registered yet, says there is nothing to count", async () => {
    await app.db.prisma.user.update({ where: { id: methodist.userId }, data: { language: "en" } });
    await methodist.chat.send("/coverage");
    expect(methodist.chat.lastText()).toContain("No teachers have registered in the bot yet");
    expect(app.tg.callsOf("sendDocument")).toHaveLength(0);
  });

  it("is refused to a teacher, and nothing is sent", async () => {
    await insertTeacher(app, 8201);
    const teacher = app.user(8201);
    await teacher.send("/coverage");
    expect(teacher.lastText()).toBe("⛔ Это могут делать только методисты.");
    expect(app.tg.callsOf("sendDocument")).toHaveLength(0);
  });
});

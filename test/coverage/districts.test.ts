// /coverage in a regional deployment: a district's methodist counts and lists her district's teachers
// only (the title names it); a regional methodist and an admin see everyone, by district too.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { loadTwoDistricts, NORTH, registerDistrictMethodist, SOUTH } from "../helpers/districts.js";
import { insertTeacher, registerAdmin, type Person } from "../helpers/flows.js";
import { ADMIN_ID, closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { parseBook } from "../helpers/workbook.js";
import { createCourse, enrol as enrolIn } from "./helpers.js";

describe.each(providers)("course coverage by district on %s", (provider) => {
  let app: TestApp;

  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  const course = () => createCourse(app, "Формирующее оценивание", "2026-12-01T06:00:00Z");
  const enrol = (courseId: number, userId: number) => enrolIn(app, courseId, userId, "registered");

  const sheets = (file: { file?: { bytes?: unknown } }) => parseBook(file);

  /**
   * NORTH: 2 teachers at its first school (one covered), 1 at its second (covered); SOUTH: 2 at its
   * first school (one covered); and 1 teacher at a school of no district (not covered).
   */
  async function region() {
    const { north, south } = await loadTwoDistricts(app);
    const school = async (id: number) => app.db.prisma.school.findUniqueOrThrow({ where: { id } });
    const [n1, n2, s1] = [await school(north.schoolIds[0]!), await school(north.schoolIds[1]!), await school(south.schoolIds[0]!)];
    const lone = await app.db.prisma.school.create({ data: { name: "МБОУ «Школа вне районов»", searchText: "мбоу школа вне районов" } });
    const c = await course();
    const nA = await insertTeacher(app, 8101, { name: "Абрамова Анна", schoolId: n1.id });
    await insertTeacher(app, 8102, { name: "Борисова Вера", schoolId: n1.id });
    const nC = await insertTeacher(app, 8103, { name: "Васильева Галина", schoolId: n2.id });
    const sA = await insertTeacher(app, 8201, { name: "Грачёва Дарья", schoolId: s1.id });
    await insertTeacher(app, 8202, { name: "Дёмина Елена", schoolId: s1.id, subjectCodes: ["physics"] });
    await insertTeacher(app, 8301, { name: "Ершова Жанна", schoolId: lone.id });
    for (const id of [nA, nC, sA]) await enrol(c, id);
    return { north, south, n1, n2, s1, lone };
  }

  it("a district's methodist counts, charts and lists her district's teachers only; the title names it", async () => {
    const { north, south, n1, n2, s1 } = await region();
    const northM = await registerDistrictMethodist(app, 8001, north);
    const southM = await registerDistrictMethodist(app, 8002, south, { name: "Кузнецова Ольга" });

    await northM.chat.send("/coverage");
    const [chart, file] = app.tg.transcript(8001).slice(-2);
    expect(chart!.text).toContain(`Охват курсами ПК, 2026/2027 учебный год — ${NORTH}`);
    expect(chart!.text).toContain("<b>67%</b> — прошли или проходят курсы 2 из 3 педагогов; без курсов: 1.");
    expect(chart!.text).not.toContain("По районам");
    expect(chart!.text.split("\n").filter((l) => l.includes("% · "))).toEqual([`▓▓▓▓▓░░░░░ 50% · ${n1.name} (1/2)`, `▓▓▓▓▓▓▓▓▓▓ 100% · ${n2.name} (1/1)`]);
    expect(file!.text).toContain(`Охват курсами на 23 ноября 2026 — ${NORTH}`);
    const north_ = await sheets(file!);
    expect(north_.names).toEqual(["По школам", "Без курсов"]);
    expect(north_.rows("По школам")).toEqual([
      ["Школа", "Школьный округ", "Педагогов", "С курсами", "Охват, %"],
      [n1.name, n1.cluster ?? undefined, 2, 1, 50],
      [n2.name, n2.cluster ?? undefined, 1, 1, 100],
      ["Итого", undefined, 3, 2, 67],
    ]);
    expect(north_.rows("Без курсов")).toEqual([
      ["ФИО", "Школа", "Школьный округ", "Предметы"],
      ["Борисова Вера", n1.name, n1.cluster ?? undefined, "Математика"],
    ]);
    // the broadcast to these teachers is one tap away (the broadcasts section limits it to her district)
    expect(northM.chat.buttons().map((b) => b.text)).toEqual(["📣 Написать педагогам без курсов"]);

    await southM.chat.send("/coverage");
    const [southChart, southFile] = app.tg.transcript(8002).slice(-2);
    expect(southChart!.text).toContain(`2026/2027 учебный год — ${SOUTH}`);
    expect(southChart!.text).toContain("<b>50%</b> — прошли или проходят курсы 1 из 2 педагогов; без курсов: 1.");
    expect(southChart!.text.split("\n").filter((l) => l.includes("% · "))).toEqual([`▓▓▓▓▓░░░░░ 50% · ${s1.name} (1/2)`]);
    expect((await sheets(southFile!)).rows("Без курсов")).toEqual([
      ["ФИО", "Школа", "Школьный округ", "Предметы"],
      ["Дёмина Елена", s1.name, s1.cluster ?? undefined, "Физика"],
    ]);
  });

  it("an admin and a regional methodist see everyone, which district is behind, and the district of each row", async () => {
    const { n1, n2, s1, lone } = await region();
    const admin = await registerAdmin(app);
    await admin.chat.send("/coverage");
    const [chart, file] = app.tg.transcript(ADMIN_ID).slice(-2);
    expect(chart!.text).toContain("Охват курсами ПК, 2026/2027 учебный год</b>");
    expect(chart!.text).not.toContain("учебный год —");
    expect(chart!.text).toContain("<b>50%</b> — прошли или проходят курсы 3 из 6 педагогов; без курсов: 3.");
    const lines = chart!.text.split("\n");
    const districtsAt = lines.indexOf("<b>По районам</b> (сначала с наименьшим охватом):");
    expect(lines.slice(districtsAt + 1, districtsAt + 4)).toEqual([
      `▓▓▓▓▓░░░░░ 50% · ${SOUTH} (1/2)`,
      `▓▓▓▓▓▓▓░░░ 67% · ${NORTH} (2/3)`,
      "░░░░░░░░░░ 0% · Без района (0/1)",
    ]);
    expect(lines.indexOf("<b>По школам</b> (сначала с наименьшим охватом):")).toBe(districtsAt + 5);
    expect(file!.text).toContain("Охват курсами на 23 ноября 2026:");

    const book = await sheets(file!);
    expect(book.names).toEqual(["По районам", "По школам", "Без курсов"]);
    expect(book.rows("По районам")).toEqual([
      ["Район", "Педагогов", "С курсами", "Охват, %"],
      [SOUTH, 2, 1, 50],
      [NORTH, 3, 2, 67],
      ["Без района", 1, 0, 0],
      ["Итого", 6, 3, 50],
    ]);
    expect(book.rows("По школам")).toEqual([
      ["Школа", "Школьный округ", "Район", "Педагогов", "С курсами", "Охват, %"],
      [lone.name, undefined, "Без района", 1, 0, 0],
      // equally covered, equally large: by name («Покровская» before «СОШ № 1»)
      [s1.name, s1.cluster ?? undefined, SOUTH, 2, 1, 50],
      [n1.name, n1.cluster ?? undefined, NORTH, 2, 1, 50],
      [n2.name, n2.cluster ?? undefined, NORTH, 1, 1, 100],
      ["Итого", undefined, undefined, 6, 3, 50],
    ]);
    expect(book.rows("Без курсов")).toEqual([
      ["ФИО", "Школа", "Школьный округ", "Район", "Предметы"],
      ["Борисова Вера", n1.name, n1.cluster ?? undefined, NORTH, "Математика"],
      ["Дёмина Елена", s1.name, s1.cluster ?? undefined, SOUTH, "Физика"],
      ["Ершова Жанна", lone.name, undefined, "Без района", "Математика"],
    ]);

    const regional = await registerDistrictMethodist(app, 8003, null, { name: "Орлова Нина" });
    await app.db.prisma.user.update({ where: { id: regional.userId }, data: { language: "en" } });
    await regional.chat.send("/coverage");
    const [enChart, enFile] = app.tg.transcript(8003).slice(-2);
    expect(enChart!.text).toContain("Course coverage, academic year 2026/2027</b>");
    expect(enChart!.text).toContain(`<b>By district</b> (least covered first):\n▓▓▓▓▓░░░░░ 50% · ${SOUTH} (1/2)`);
    expect(enChart!.text).toContain("0% · No district (0/1)");
    const en = await sheets(enFile!);
    expect(en.names).toEqual(["By district", "By school", "Without a course"]);
    expect(en.rows("Without a course")[0]).toEqual(["Name", "School", "School cluster", "District", "Subjects"]);
  });

  it("a district with no registered teachers yet says so, naming the district, and sends no file", async () => {
    const { north, south } = await loadTwoDistricts(app);
    await insertTeacher(app, 8101, { schoolId: north.schoolIds[0]! });
    const southM = await registerDistrictMethodist(app, 8002, south);
    await southM.chat.send("/coverage");
    expect(southM.chat.lastText()).toBe(`В боте пока нет зарегистрированных педагогов из школ района «${SOUTH}» — считать охват не по кому.`);
    expect(app.tg.callsOf("sendDocument")).toHaveLength(0);
    await app.db.prisma.user.update({ where: { id: southM.userId }, data: { language: "en" } });
    await southM.chat.send("/coverage");
    expect(southM.chat.lastText()).toContain(`No teachers from the schools of ${SOUTH} have registered`);
  });

  it("a deployment without districts: no summary by district, no district column", async () => {
    const school = await app.db.prisma.school.findFirstOrThrow({ orderBy: { id: "asc" } });
    await insertTeacher(app, 8101, { schoolId: school.id });
    const admin: Person = await registerAdmin(app);
    await admin.chat.send("/coverage");
    const [chart, file] = app.tg.transcript(ADMIN_ID).slice(-2);
    expect(chart!.text).not.toContain("По районам");
    expect(chart!.text).not.toContain("Без района");
    const book = await sheets(file!);
    expect(book.names).toEqual(["По школам", "Без курсов"]);
    expect(book.rows("По школам")[0]).toEqual(["Школа", "Школьный округ", "Педагогов", "С курсами", "Охват, %"]);
    expect(book.rows("Без курсов")[0]).toEqual(["ФИО", "Школа", "Школьный округ", "Предметы"]);
  });
});

// /attestation in a regional deployment: a district's methodist sums up and lists her district's
// teachers only (the title names it); a regional methodist and an admin see everyone, by district too.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AttestationCategory } from "../../src/domain/attestation/index.js";
import { providers } from "../helpers/databases.js";
import { loadTwoDistricts, NORTH, registerDistrictMethodist, SOUTH } from "../helpers/districts.js";
import { insertTeacher, registerAdmin } from "../helpers/flows.js";
import { ADMIN_ID, closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { parseBook } from "../helpers/workbook.js";

describe.each(providers)("attestation report by district on %s", (provider) => {
  let app: TestApp;

  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  const attest = (userId: number, category: AttestationCategory | null, day?: string) =>
    app.db.prisma.user.update({
      where: { id: userId },
      data: { attestationCategory: category, attestationUntil: day ? new Date(`${day}T00:00:00+03:00`) : null },
    });

  /** the teachers who need attention: the file's last sheet, after the summary by district (in a region) and by school */
  async function sheetRows(file: { file?: { bytes?: unknown } }, sheets = ["По школам", "Требуют внимания"]) {
    const book = await parseBook(file);
    expect(book.names).toEqual(sheets);
    return book.rows(sheets.at(-1));
  }

  /** NORTH: one in force, one expired; SOUTH: one expiring, one not told, one without a category; one teacher of no district, not told. */
  async function region() {
    const { north, south } = await loadTwoDistricts(app);
    const school = (id: number) => app.db.prisma.school.findUniqueOrThrow({ where: { id } });
    const [n1, s1] = [await school(north.schoolIds[0]!), await school(south.schoolIds[0]!)];
    const lone = await app.db.prisma.school.create({ data: { name: "МБОУ «Школа вне районов»", searchText: "мбоу школа вне районов" } });
    await attest(await insertTeacher(app, 7101, { name: "Абрамова Анна", schoolId: n1.id }), "first", "2029-05-15");
    await attest(await insertTeacher(app, 7102, { name: "Борисова Вера", schoolId: n1.id }), "compliance", "2026-10-01");
    await attest(await insertTeacher(app, 7201, { name: "Васильева Галина", schoolId: s1.id }), "highest", "2027-03-31");
    await insertTeacher(app, 7202, { name: "Григорьева Дарья", schoolId: s1.id });
    await attest(await insertTeacher(app, 7203, { name: "Дмитриева Елена", schoolId: s1.id }), "none");
    await insertTeacher(app, 7301, { name: "Егорова Жанна", schoolId: lone.id });
    return { north, south, n1, s1, lone };
  }

  it("a district's methodist sees and gets her district's teachers only; the title names it", async () => {
    const { north, south, n1, s1 } = await region();
    const northM = await registerDistrictMethodist(app, 7001, north);
    const southM = await registerDistrictMethodist(app, 7002, south, { name: "Кузнецова Ольга" });

    await northM.chat.send("/attestation");
    const [summary, file] = app.tg.transcript(7001).slice(-2);
    expect(summary!.text).toContain(`🎓 <b>Аттестация педагогов — ${NORTH}</b>`);
    expect(summary!.text).toContain("Всего педагогов: 2\n✅ Категория действует: 1\n⏳ Истекает в ближайшие 6 месяцев: 0\n❌ Срок истёк: 1");
    expect(summary!.text).not.toContain("По районам");
    expect(summary!.text.split("\n").filter((l) => l.includes("% · "))).toEqual([`▓▓▓▓▓░░░░░ 50% · ${n1.name} (1/2)`]);
    expect(file!.text).toContain(`Аттестация на 23 ноября 2026 — ${NORTH}`);
    expect(await sheetRows(file!)).toEqual([
      ["№", "ФИО", "Школа", "Школьный округ", "Категория", "Действует до", "Состояние"],
      [1, "Борисова Вера", n1.name, n1.cluster, "соответствие занимаемой должности", new Date(Date.UTC(2026, 9, 1)), "срок истёк"],
    ]);
    expect((await parseBook(file!)).rows("По школам")).toEqual([
      ["Школа", "Школьный округ", "Педагогов", "С действующей категорией", "Доля, %"],
      [n1.name, n1.cluster ?? undefined, 2, 1, 50],
      ["Итого", undefined, 2, 1, 50],
    ]);

    await southM.chat.send("/attestation");
    const [southSummary, southFile] = app.tg.transcript(7002).slice(-2);
    expect(southSummary!.text).toContain(`🎓 <b>Аттестация педагогов — ${SOUTH}</b>\nВсего педагогов: 3`);
    expect(southSummary!.text.split("\n").filter((l) => l.includes("% · "))).toEqual([`▓▓▓░░░░░░░ 33% · ${s1.name} (1/3)`]);
    expect((await sheetRows(southFile!)).map((r) => r[1])).toEqual(["ФИО", "Васильева Галина", "Григорьева Дарья"]);
  });

  it("an admin and a regional methodist see everyone, which district is behind, and each teacher's district", async () => {
    const { n1, s1, lone } = await region();
    const admin = await registerAdmin(app);
    await admin.chat.send("/attestation");
    const [summary, file] = app.tg.transcript(ADMIN_ID).slice(-2);
    expect(summary!.text).toContain("🎓 <b>Аттестация педагогов</b>\nВсего педагогов: 6");
    const lines = summary!.text.split("\n");
    const at = lines.indexOf("<b>По районам</b> (доля педагогов с действующей категорией, сначала с наименьшей):");
    expect(lines.slice(at + 1, at + 4)).toEqual([`▓▓▓░░░░░░░ 33% · ${SOUTH} (1/3)`, `▓▓▓▓▓░░░░░ 50% · ${NORTH} (1/2)`, "░░░░░░░░░░ 0% · Без района (0/1)"]);
    expect(lines[at + 5]).toContain("<b>По школам</b>");
    const book = await parseBook(file!);
    expect(book.rows("По районам")).toEqual([
      ["Район", "Педагогов", "С действующей категорией", "Доля, %"],
      [SOUTH, 3, 1, 33],
      [NORTH, 2, 1, 50],
      ["Без района", 1, 0, 0],
      ["Итого", 6, 2, 33],
    ]);
    expect(book.rows("По школам")).toEqual([
      ["Школа", "Школьный округ", "Район", "Педагогов", "С действующей категорией", "Доля, %"],
      [lone.name, undefined, "Без района", 1, 0, 0],
      [s1.name, s1.cluster ?? undefined, SOUTH, 3, 1, 33],
      [n1.name, n1.cluster ?? undefined, NORTH, 2, 1, 50],
      ["Итого", undefined, undefined, 6, 2, 33],
    ]);
    expect(await sheetRows(file!, ["По районам", "По школам", "Требуют внимания"])).toEqual([
      ["№", "ФИО", "Школа", "Школьный округ", "Район", "Категория", "Действует до", "Состояние"],
      [1, "Борисова Вера", n1.name, n1.cluster, NORTH, "соответствие занимаемой должности", new Date(Date.UTC(2026, 9, 1)), "срок истёк"],
      [2, "Васильева Галина", s1.name, s1.cluster, SOUTH, "высшая категория", new Date(Date.UTC(2027, 2, 31)), "истекает"],
      [3, "Григорьева Дарья", s1.name, s1.cluster, SOUTH, undefined, undefined, "не указана"],
      [4, "Егорова Жанна", lone.name, undefined, "Без района", undefined, undefined, "не указана"],
    ]);

    const regional = await registerDistrictMethodist(app, 7003, null, { name: "Орлова Нина" });
    await app.db.prisma.user.update({ where: { id: regional.userId }, data: { language: "en" } });
    await regional.chat.send("/attestation");
    const [en, enFile] = app.tg.transcript(7003).slice(-2);
    expect(en!.text).toContain("🎓 <b>Teachers' certification</b>\nTeachers: 6");
    expect(en!.text).toContain(`<b>By district</b> (share of teachers with a category in force, lowest first):\n▓▓▓░░░░░░░ 33% · ${SOUTH} (1/3)`);
    expect(en!.text).toContain("0% · No district (0/1)");
    const enSheets = ["By district", "By school", "Need attention"];
    expect((await sheetRows(enFile!, enSheets))[0]).toEqual(["No.", "Full name", "School", "School cluster", "District", "Category", "Valid until", "State"]);
    expect((await sheetRows(enFile!, enSheets))[4]![4]).toBe("No district");
    expect((await parseBook(enFile!)).rows("By school")[0]).toEqual(["School", "School cluster", "District", "Teachers", "Category in force", "Share, %"]);
  });

  it("a district with no registered teachers yet says so, naming the district", async () => {
    const { north, south } = await loadTwoDistricts(app);
    await insertTeacher(app, 7101, { schoolId: north.schoolIds[0]! });
    const southM = await registerDistrictMethodist(app, 7002, south);
    await southM.chat.send("/attestation");
    expect(southM.chat.lastText()).toBe(`В боте пока нет зарегистрированных педагогов из школ района «${SOUTH}» — сводку строить не по кому.`);
    expect(app.tg.callsOf("sendDocument")).toHaveLength(0);
    await app.db.prisma.user.update({ where: { id: southM.userId }, data: { language: "en" } });
    await southM.chat.send("/attestation");
    expect(southM.chat.lastText()).toContain(`No teachers from the schools of ${SOUTH} have registered`);
  });

  it("a deployment without districts: no summary by district, no district column", async () => {
    await insertTeacher(app, 7101);
    const admin = await registerAdmin(app);
    await admin.chat.send("/attestation");
    const [summary, file] = app.tg.transcript(ADMIN_ID).slice(-2);
    expect(summary!.text).not.toContain("По районам");
    expect((await sheetRows(file!))[0]).toEqual(["№", "ФИО", "Школа", "Школьный округ", "Категория", "Действует до", "Состояние"]);
  });
});

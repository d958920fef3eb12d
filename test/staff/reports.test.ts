// Every report counts the district's staff list, not only the people in the bot: /coverage, /attestation,
// /teachers, their spreadsheets and the site's monitoring, against a fixture counted by hand (helpers.ts):
// six people on the list, two of them in the bot (linked), one more in the bot who is not on the list.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emptyAudience } from "../../src/domain/broadcasts/index.js";
import { createCourse, enrol } from "../coverage/helpers.js";
import { providers } from "../helpers/databases.js";
import { insertTeacher, registerMethodist, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { serveSite, signedIn, tableRows } from "../helpers/web.js";
import { type ParsedBook, parseBook } from "../helpers/workbook.js";
import { csv, loadStaff, schoolId, STAFF } from "./helpers.js";

/** A sheet's rows (header excluded) as objects by header. */
function records(book: ParsedBook, sheet: string): Record<string, unknown>[] {
  const [head, ...rows] = book.rows(sheet);
  return rows.filter((r) => r.length).map((r) => Object.fromEntries(head!.map((h, i) => [String(h), r[i]])));
}

describe.each(providers)("reports over the staff list on %s", (provider) => {
  let app: TestApp;
  let methodist: Person;
  beforeEach(async () => {
    app = await createTestApp(provider, { env: { WEB_REPORTS_MAX_AGE_SECONDS: "0" } });
    methodist = await registerMethodist(app, 9401);
    await loadStaff(methodist.chat, csv(STAFF));
    const link = async (telegramId: number, name: string, school: string) => {
      const id = await insertTeacher(app, telegramId, { name, schoolId: await schoolId(app, school) });
      const row = await app.db.prisma.staffMember.findFirst({ where: { fullName: name } });
      if (row) expect(await app.services.staff.confirm(row.id, id)).toBe(true);
      return id;
    };
    // Петрова: in the bot, no course there: the list's course (15.10.2026) covers her; no category told: the list's
    await link(9402, "Петрова Анна Сергеевна", "МБОУ «СОШ № 1»");
    // Соколова: in the bot, told her own category (kept before the list's)
    const sokolova = await link(9403, "Соколова Ирина Павловна", "МБОУ «СОШ № 1»");
    await app.services.attestation.set(sokolova, "highest", new Date("2030-01-09T21:00:00Z"));
    // Новикова: in the bot, not on the list, on a course this year
    const novikova = await link(9404, "Новикова Дарья Олеговна", "МБОУ «СОШ № 2»");
    await enrol(app, await createCourse(app, "Функциональная грамотность", "2026-12-01T06:00:00Z"), novikova, "registered");
  });
  afterEach(() => closeTestApp(app));

  it("/coverage: 7 teachers, 3 covered (1 by the bot, 2 by the list), 4 not in the bot; by school; the file says who is in the bot", async () => {
    await methodist.chat.send("/coverage");
    const [, text, file] = app.tg.transcript(9401).slice(-3);
    expect(text!.text).toContain("прошли или проходят курсы 3 из 7 педагогов; без курсов: 4.");
    expect(text!.text).toContain("По списку педагогов района: ещё не в боте 4; курсы по данным бота: 1, по списку: 2.");
    expect(text!.text).toContain("0% · МБОУ «Гимназия № 3» (0/1)");
    expect(text!.text).toContain("33% · МБОУ «СОШ № 1» (1/3)");
    expect(text!.text).toContain("67% · МБОУ «СОШ № 2» (2/3)");
    const book = await parseBook(file!);
    expect(records(book, "Без курсов").map((r) => [r.ФИО, r["В боте"]])).toEqual([
      ["Ёлкина Мария Петровна", "нет"],
      ["Кузнецова Ольга Ивановна", "нет"],
      ["Соколова Ирина Павловна", "да"],
      ["Волкова Елена Андреевна", "нет"],
    ]);
    const schools = records(book, "По школам").map((r) => [r.Школа, r.Педагогов, r["С курсами"], r["Не в боте"]]);
    expect(schools).toContainEqual(["МБОУ «СОШ № 1»", 3, 1, 1]);
    expect(schools).toContainEqual(["МБОУ «СОШ № 2»", 3, 2, 2]);
    expect(schools).toContainEqual(["МБОУ «Гимназия № 3»", 1, 0, 1]);
  });

  // from the list: Петрова (she told none), Морозов, Волкова («без категории»), Ёлкина; Соколова's is the bot's
  it("/attestation: the bot's category first, the list's where she told none, every figure with its source", async () => {
    await methodist.chat.send("/attestation");
    const [, text, file] = app.tg.transcript(9401).slice(-3);
    expect(text!.text).toContain("Всего педагогов: 7");
    expect(text!.text).toContain("✅ Категория действует: 2");
    expect(text!.text).toContain("⏳ Истекает в ближайшие 6 месяцев: 1");
    expect(text!.text).toContain("❌ Срок истёк: 1");
    expect(text!.text).toContain("По списку педагогов района: ещё не в боте 4; категория взята из списка (в боте не указана): 4.");
    const book = await parseBook(file!);
    expect(records(book, "Требуют внимания").map((r) => [r.ФИО, r.Источник, r["В боте"]])).toEqual([
      ["Морозов Пётр Алексеевич", "список педагогов", "нет"],
      ["Петрова Анна Сергеевна", "список педагогов", "да"],
      ["Кузнецова Ольга Ивановна", undefined, "нет"],
      ["Новикова Дарья Олеговна", undefined, "да"],
    ]);
  });

  it("/teachers: 3 registered; 6 on the list, 4 of them not in the bot, by school", async () => {
    await methodist.chat.send("/teachers");
    const [, text, file] = app.tg.transcript(9401).slice(-3);
    expect(text!.text).toContain("Зарегистрировано педагогов: <b>3</b>");
    expect(text!.text).toContain("В списке педагогов района: 6, из них ещё не в боте: <b>4</b>");
    const schools = records(await parseBook(file!), "По школам").map((r) => [r.Школа, r["В списке"], r["Не в боте"]]);
    expect(schools).toContainEqual(["МБОУ «СОШ № 1»", 3, 1]);
    expect(schools).toContainEqual(["МБОУ «СОШ № 2»", 2, 2]);
    expect(schools).toContainEqual(["МБОУ «Гимназия № 3»", 1, 1]);
  });

  it("the site's monitoring shows the same numbers", async () => {
    const site = await serveSite(app);
    try {
      const browser = await signedIn(app, site, methodist.userId);
      const coverage = await browser.get("/monitoring/coverage");
      const rows = tableRows(coverage.text, "schools");
      expect(rows.find((r) => r[0] === "МБОУ «СОШ № 1»")?.slice(2)).toEqual(["3", "1", "33 %", "1"]);
      expect(rows.find((r) => r[0] === "МБОУ «СОШ № 2»")?.slice(2)).toEqual(["3", "2", "67 %", "2"]);
      expect(coverage.text).toContain("ещё не в боте");
      const attestation = await browser.get("/monitoring/attestation");
      expect(
        tableRows(attestation.text, "schools")
          .find((r) => r[0] === "МБОУ «Гимназия № 3»")
          ?.slice(2),
      ).toEqual(["1", "1", "100 %", "1"]);
      // a school's page: its people in the bot, and the list's people not in it yet where they lack something
      const school = await browser.get(`/monitoring/schools/${await schoolId(app, "МБОУ «СОШ № 2»")}`);
      const people = tableRows(school.text, "teachers");
      expect(people.map((r) => r[0]).sort()).toEqual(["Волкова Елена Андреевна", "Морозов Пётр Алексеевич", "Новикова Дарья Олеговна"]);
      expect(people.find((r) => r[0] === "Морозов Пётр Алексеевич")?.join(" ")).toMatch(/ещё не в боте.*категория истекла/);
      expect(people.find((r) => r[0] === "Волкова Елена Андреевна")?.join(" ")).toMatch(/ещё не в боте.*нет курса в этом году/);
      expect(people.find((r) => r[0] === "Новикова Дарья Олеговна")?.join(" ")).toContain("категория не указана");
      expect(school.text.replace(/<[^>]+>/g, " ")).toMatch(/2\s*по списку, ещё не в боте/);
      const teachers = await browser.get("/monitoring/teachers");
      expect(
        tableRows(teachers.text, "schools")
          .find((r) => r[0] === "МБОУ «СОШ № 2»")
          ?.slice(-2),
      ).toEqual(["2", "2"]);
    } finally {
      await site.close();
    }
  });

  it("a broadcast to those without a course this year leaves out whom the list says took one", async () => {
    // Соколова only: Петрова's course is on the list, Новикова's in the bot
    expect(await app.services.broadcasts.count({ ...emptyAudience(), noCourseThisYear: true }, true)).toBe(1);
  });
});

// /teachers in a deployment without districts: a methodist sees how many teachers joined, lately and
// in all, who blocked the bot, and every school with the empty ones first; the .xlsx has every school
// and everyone registered. In English too; nothing for a teacher; a clear word when nobody has joined.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { insertTeacher, registerMethodist, registerViaBot, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { parseBook } from "../helpers/workbook.js";

const schoolLines = (text: string) => text.split("\n").filter((l) => / · /.test(l));

describe.each(providers)("/teachers on %s", (provider) => {
  let app: TestApp;
  let methodist: Person;

  beforeEach(async () => {
    app = await createTestApp(provider);
    methodist = await registerMethodist(app, 8001); // at «МБОУ «СОШ № 1»», on 23 November 2026 12:00 (Moscow)
  });
  afterEach(() => closeTestApp(app));

  const schoolNamed = (name: string) => app.db.prisma.school.findFirstOrThrow({ where: { name } });
  /** a teacher registered at `when` (the clock comes back to 23 November after) */
  async function joined(when: string, telegramId: number, opts: Parameters<typeof insertTeacher>[2]): Promise<number> {
    const now = app.clock.now();
    app.clock.set(when);
    const id = await insertTeacher(app, telegramId, opts);
    app.clock.set(now);
    return id;
  }

  it("counts the teachers, the last 7 days and the blocked ones, and sends both sheets", async () => {
    const s1 = await schoolNamed("МБОУ «СОШ № 1»");
    const [s2, s3] = await app.db.prisma.school.findMany({ where: { id: { not: s1.id } }, orderBy: { id: "asc" }, take: 2 });
    await joined("2026-11-01T09:00:00Z", 8101, { name: "Абрамова Анна", schoolId: s1.id, subjectCodes: ["physics", "math"] });
    const blocked = await joined("2026-11-02T09:00:00Z", 8102, { name: "Борисова Вера", schoolId: s1.id });
    await app.db.prisma.user.update({ where: { id: blocked }, data: { isActive: false, blockedAt: app.clock.now() } });
    await joined("2026-11-16T20:59:00Z", 8103, { name: "Васильева Галина", schoolId: s2!.id }); // 16 November 23:59 in Moscow
    await joined("2026-11-16T21:00:00Z", 8104, { name: "Григорьева Дарья", schoolId: s3!.id, language: "en" }); // 17 November 00:00

    await methodist.chat.send("/teachers");
    const [summary, file] = app.tg.transcript(8001).slice(-2);
    const text = summary!.text;
    expect(text.split("\n").slice(0, 8)).toEqual([
      "👥 <b>Педагоги в боте</b>",
      "Зарегистрировано педагогов: <b>4</b>",
      // today and the 6 days before, whole days in the deployment's zone
      "🆕 За последние 7 дней (с 17 ноября 2026): 1",
      "🚫 Заблокировали бота (сообщения до них не доходят): 1",
      // the methodist herself is registered, but not a school's teacher
      "Ещё в боте методистов и администраторов: 1 — они есть в таблице, но в счёт по школам не входят.",
      "▓░░░░░░░░░ <b>13%</b> школ — педагоги есть в 3 из 24; ни одного: 21.",
      "",
      "<b>По школам</b> (сначала те, откуда ещё никого нет, — туда стоит позвонить):",
    ]);
    const lines = schoolLines(text);
    expect(lines).toHaveLength(15);
    expect(lines.every((l) => l.startsWith("⭕ 0 · "))).toBe(true);
    expect(text).toContain("…и ещё 9 — в файле.");
    expect(text).not.toContain("По районам");

    expect(file!.kind).toBe("document");
    expect(file!.file?.name).toBe("teachers-2026-11-23.xlsx");
    expect(file!.text).toBe("📎 Педагоги в боте на 23 ноября 2026: лист «По школам» (все школы, сначала без педагогов) и список зарегистрированных.");
    const book = await parseBook(file!);
    expect(book.names).toEqual(["По школам", "Педагоги"]);
    const bySchool = book.rows("По школам");
    expect(bySchool[0]).toEqual(["Школа", "Школьный округ", "Педагогов в боте", "За 7 дней", "Заблокировали бота"]);
    expect(bySchool).toHaveLength(1 + 24 + 1);
    // every school, the empty ones first (by name), then one teacher, then two
    expect(bySchool.slice(1, 22).every((r) => r[2] === 0)).toBe(true);
    const empty = bySchool.slice(1, 22).map((r) => r[0] as string);
    expect(empty).toEqual([...empty].sort((a, b) => a.localeCompare(b, "ru")));
    expect(empty).toContain(lines[0]!.slice("⭕ 0 · ".length));
    expect(bySchool.slice(22)).toEqual([
      ...[
        [s2!.name, s2!.cluster ?? undefined, 1, 0, 0],
        [s3!.name, s3!.cluster ?? undefined, 1, 1, 0],
      ].sort((a, b) => (a[0] as string).localeCompare(b[0] as string, "ru")),
      [s1.name, s1.cluster ?? undefined, 2, 0, 1],
      ["Итого", undefined, 4, 1, 1],
    ]);

    const people = book.rows("Педагоги");
    expect(people[0]).toEqual(["№", "ФИО", "Школа", "Школьный округ", "Предметы", "Роль", "Дата регистрации", "Язык", "Доступен"]);
    const byName = Object.fromEntries(people.slice(1).map((r) => [r[1], r]));
    expect(Object.keys(byName).sort()).toEqual(["Абрамова Анна", "Борисова Вера", "Васильева Галина", "Григорьева Дарья", "Сидорова Елена Викторовна"]);
    expect(byName["Абрамова Анна"]!.slice(4, 6)).toEqual(["Математика, Физика", "педагог"]);
    expect(byName["Борисова Вера"]!.slice(7)).toEqual(["русский", "нет"]);
    expect(byName["Григорьева Дарья"]!.slice(7)).toEqual(["английский", "да"]);
    expect(byName["Сидорова Елена Викторовна"]![5]).toBe("методист");
    // the registration day is a real date cell, the day in Moscow
    const row = people.findIndex((r) => r[1] === "Григорьева Дарья") + 1;
    const day = book.cell("Педагоги", row, "Дата регистрации");
    expect(day.value).toEqual(new Date("2026-11-17T00:00:00Z"));
    expect(day.numFmt).toBe("dd.mm.yyyy");
  });

  it("lists the schools nobody has joined from first, then the fewest, 15 in the chat and the rest in the file", async () => {
    const schools = await app.db.prisma.school.findMany({ orderBy: { id: "asc" } });
    // 20 schools with one teacher, the first of them with two; 4 with nobody
    for (const [i, s] of schools.slice(0, 20).entries()) await insertTeacher(app, 8300 + i, { schoolId: s.id });
    await insertTeacher(app, 8399, { schoolId: schools[0]!.id });
    await methodist.chat.send("/teachers");
    const [summary, file] = app.tg.transcript(8001).slice(-2);
    const lines = schoolLines(summary!.text);
    const byName = (a: string, b: string) => a.localeCompare(b, "ru");
    const empty = schools
      .slice(20)
      .map((s) => s.name)
      .sort(byName);
    const ones = schools
      .slice(1, 20)
      .map((s) => s.name)
      .sort(byName);
    expect(lines).toEqual([...empty.map((n) => `⭕ 0 · ${n}`), ...ones.slice(0, 11).map((n) => `👤 1 · ${n}`)]);
    expect(summary!.text).toContain("…и ещё 9 — в файле.");
    expect(summary!.text).toContain("<b>83%</b> школ — педагоги есть в 20 из 24; ни одного: 4.");
    const rows = (await parseBook(file!)).rows("По школам");
    expect(rows.at(-2)).toEqual([schools[0]!.name, schools[0]!.cluster ?? undefined, 2, 2, 0]);
    expect(rows.at(-1)).toEqual(["Итого", undefined, 21, 21, 0]);
  });

  it("speaks English to an English-speaking methodist, the file too", async () => {
    await app.db.prisma.user.update({ where: { id: methodist.userId }, data: { language: "en" } });
    const school = await schoolNamed("МБОУ «СОШ № 1»");
    await insertTeacher(app, 8101, { name: "Абрамова Анна", schoolId: school.id, subjectCodes: ["physics"] });
    await methodist.chat.send("/teachers");
    const [summary, file] = app.tg.transcript(8001).slice(-2);
    expect(summary!.text).toContain("👥 <b>Teachers in the bot</b>");
    expect(summary!.text).toContain("Teachers registered: <b>1</b>\n🆕 In the last 7 days (since 17 November 2026): 1");
    expect(summary!.text).toContain("<b>By school</b> (those nobody has joined from yet first: worth a call):");
    expect(file!.text).toContain("📎 Teachers in the bot on 23 November 2026:");
    const book = await parseBook(file!);
    expect(book.names).toEqual(["By school", "Teachers"]);
    expect(book.rows("By school")[0]).toEqual(["School", "School cluster", "Teachers in the bot", "Last 7 days", "Blocked the bot"]);
    const people = book.rows("Teachers");
    expect(people[0]).toEqual(["No.", "Full name", "School", "School cluster", "Subjects", "Role", "Registered", "Language", "Reachable"]);
    expect(people.find((r) => r[1] === "Абрамова Анна")!.slice(4)).toEqual(["Physics", "teacher", new Date("2026-11-23T00:00:00Z"), "Russian", "yes"]);
    expect(book.cell("Teachers", 2, "Registered").numFmt).toBe("d mmm yyyy");
  });

  it("with no teacher registered yet says so and sends no file", async () => {
    await methodist.chat.send("/teachers");
    expect(methodist.chat.lastText()).toBe("В боте пока не зарегистрировался ни один педагог. Приглашать предстоит все школы: 24.");
    await app.db.prisma.user.update({ where: { id: methodist.userId }, data: { language: "en" } });
    await methodist.chat.send("/teachers");
    expect(methodist.chat.lastText()).toBe("No teacher has registered in the bot yet. All 24 schools are still to be invited.");
    expect(app.tg.callsOf("sendDocument")).toHaveLength(0);
  });

  it("is refused to a teacher, addressed to the bot by name too, and she is sent nothing", async () => {
    const teacher = (await registerViaBot(app, 8201, { name: "Волкова Дарья" })).chat;
    for (const command of ["/teachers", "/teachers@metodset_test_bot"]) {
      await teacher.send(command);
      expect(teacher.lastText(), command).toBe("⛔ Это могут делать только методисты.");
    }
    expect(app.tg.callsOf("sendDocument")).toHaveLength(0);
  });

  it("is in the methodist panel", async () => {
    await methodist.chat.send("🛠 Методисту");
    expect(methodist.chat.lastText()).toContain("/teachers — Педагоги в боте: какие школы ещё не подключились");
  });
});

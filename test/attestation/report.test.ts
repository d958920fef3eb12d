// /attestation: a methodist sees how many teachers have a category in force, expiring within 6 months,
// expired, none or not told, by school; and gets a spreadsheet of those who need attention.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AttestationCategory } from "../../src/domain/attestation/index.js";
import { providers } from "../helpers/databases.js";
import { insertTeacher, registerMethodist, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { parseBook } from "../helpers/workbook.js";

describe.each(providers)("attestation report on %s", (provider) => {
  let app: TestApp;
  let methodist: Person;

  beforeEach(async () => {
    app = await createTestApp(provider);
    methodist = await registerMethodist(app, 7001);
  });
  afterEach(() => closeTestApp(app));

  const attest = (userId: number, category: AttestationCategory | null, day?: string) =>
    app.db.prisma.user.update({
      where: { id: userId },
      // the day's start in Moscow, as the bot stores it
      data: { attestationCategory: category, attestationUntil: day ? new Date(`${day}T00:00:00+03:00`) : null },
    });

  const sheetRows = async (file: { file?: { bytes?: unknown } }, name: string) => (await parseBook(file)).rows(name);

  async function district() {
    const [s1, s2] = await app.db.prisma.school.findMany({ orderBy: { id: "asc" }, take: 2 });
    const a = await insertTeacher(app, 7101, { name: "Абрамова Анна", schoolId: s1!.id });
    const b = await insertTeacher(app, 7102, { name: "Борисова Вера", schoolId: s1!.id });
    const c = await insertTeacher(app, 7103, { name: "Васильева Галина", schoolId: s2!.id });
    const d = await insertTeacher(app, 7104, { name: "Григорьева Дарья", schoolId: s2!.id });
    await insertTeacher(app, 7105, { name: "Дмитриева Елена", schoolId: s2!.id });
    const f = await insertTeacher(app, 7106, { name: "Егорова Жанна", schoolId: s2!.id });
    await attest(a, "first", "2029-05-15"); // in force
    await attest(b, "highest", "2027-03-31"); // expires within 6 months (today is 23.11.2026)
    await attest(c, "compliance", "2026-10-01"); // expired
    await attest(d, "none"); // no category; 7105 has not told
    // a teacher who blocked the bot is not counted; the methodist is not a teacher
    await attest(f, null);
    await app.db.prisma.user.update({ where: { id: f }, data: { isActive: false } });
    await attest(methodist.userId, "compliance", "2020-01-01");
    return { s1: s1!, s2: s2! };
  }

  it("counts teachers by status and school, least covered first, and sends who needs attention", async () => {
    const { s1, s2 } = await district();
    await methodist.chat.send("/attestation");
    const [summary, file] = app.tg.transcript(7001).slice(-2);
    expect(summary!.text).toContain("🎓 <b>Аттестация педагогов</b>");
    expect(summary!.text).toContain(
      [
        "Всего педагогов: 5",
        "✅ Категория действует: 1",
        "⏳ Истекает в ближайшие 6 месяцев: 1",
        "❌ Срок истёк: 1",
        "➖ Без категории: 1",
        "❔ Не указали: 1",
      ].join("\n"),
    );
    const lines = summary!.text.split("\n").filter((l) => l.includes("% · "));
    expect(lines).toEqual([`░░░░░░░░░░ 0% · ${s2.name} (0/3)`, `▓▓▓▓▓▓▓▓▓▓ 100% · ${s1.name} (2/2)`]);

    expect(file!.kind).toBe("document");
    expect(file!.file?.name).toBe("attestation-2026-11-23.xlsx");
    expect(file!.text).toContain("Аттестация на 23 ноября 2026");
    expect(await sheetRows(file!, "Требуют внимания")).toEqual([
      ["№", "ФИО", "Школа", "Школьный округ", "Категория", "Действует до", "Состояние"],
      [1, "Васильева Галина", s2.name, s2.cluster, "соответствие занимаемой должности", new Date(Date.UTC(2026, 9, 1)), "срок истёк"],
      [2, "Борисова Вера", s1.name, s1.cluster, "высшая категория", new Date(Date.UTC(2027, 2, 31)), "истекает"],
      [3, "Дмитриева Елена", s2.name, s2.cluster, undefined, undefined, "не указана"],
    ]);
    // every school's figures, as in the chat, the least covered first
    expect(await sheetRows(file!, "По школам")).toEqual([
      ["Школа", "Школьный округ", "Педагогов", "С действующей категорией", "Доля, %"],
      [s2.name, s2.cluster ?? undefined, 3, 0, 0],
      [s1.name, s1.cluster ?? undefined, 2, 2, 100],
      ["Итого", undefined, 5, 2, 40],
    ]);
    expect((await parseBook(file!)).names).toEqual(["По школам", "Требуют внимания"]);
    expect(app.missing).toEqual([]);
  });

  it("in English: the summary and the file's headers", async () => {
    await district();
    await app.db.prisma.user.update({ where: { id: methodist.userId }, data: { language: "en" } });
    await methodist.chat.send("/attestation");
    const [summary, file] = app.tg.transcript(7001).slice(-2);
    expect(summary!.text).toContain("🎓 <b>Teachers' certification</b>\nTeachers: 5\n✅ Category in force: 1");
    expect(summary!.text).toContain("<b>By school</b>");
    const rows = await sheetRows(file!, "Need attention");
    expect(rows[0]).toEqual(["No.", "Full name", "School", "School cluster", "Category", "Valid until", "State"]);
    expect(rows[1]!.slice(4)).toEqual(["fitness for the post", new Date(Date.UTC(2026, 9, 1)), "expired"]);
    expect(app.missing).toEqual([]);
  });

  it("says so when nobody needs attention, and still sends the file by school", async () => {
    const a = await insertTeacher(app, 7201);
    const b = await insertTeacher(app, 7202);
    await attest(a, "first", "2030-01-31");
    await attest(b, "none");
    await methodist.chat.send("/attestation");
    const [summary, file] = app.tg.transcript(7001).slice(-2);
    expect(summary!.text).toContain("✅ Категория действует: 1");
    expect(summary!.text).toContain("Внимания никто не требует");
    expect(file!.kind).toBe("document");
    const school = await app.db.prisma.school.findFirstOrThrow({ orderBy: { id: "asc" } });
    expect(await sheetRows(file!, "По школам")).toEqual([
      ["Школа", "Школьный округ", "Педагогов", "С действующей категорией", "Доля, %"],
      [school.name, school.cluster ?? undefined, 2, 1, 50],
      ["Итого", undefined, 2, 1, 50],
    ]);
    expect(await sheetRows(file!, "Требуют внимания")).toEqual([["№", "ФИО", "Школа", "Школьный округ", "Категория", "Действует до", "Состояние"]]);
  });

  it("a category is valid through its last day, and expiring from 6 months before it (today is 23.11.2026)", async () => {
    const teacher = async (id: number, name: string, day: string) => attest(await insertTeacher(app, id, { name }), "first", day);
    await teacher(7401, "Абрамова Анна", "2026-11-22"); // ended yesterday
    await teacher(7402, "Борисова Вера", "2026-11-23"); // its last day is today
    await teacher(7403, "Васильева Галина", "2027-05-22"); // the last day within 6 months
    await teacher(7404, "Григорьева Дарья", "2027-05-23"); // 6 months from today: not yet
    await methodist.chat.send("/attestation");
    const [summary, file] = app.tg.transcript(7001).slice(-2);
    expect(summary!.text).toContain("✅ Категория действует: 1\n⏳ Истекает в ближайшие 6 месяцев: 2\n❌ Срок истёк: 1");
    expect((await sheetRows(file!, "Требуют внимания")).slice(1).map((r) => [r[1], r[6]])).toEqual([
      ["Абрамова Анна", "срок истёк"],
      ["Борисова Вера", "истекает"],
      ["Васильева Галина", "истекает"],
    ]);
    // the next day (midnight in Moscow) the last day is over, and the window reaches one day further
    app.clock.set("2026-11-23T21:00:00Z");
    await methodist.chat.send("/attestation");
    expect(app.tg.transcript(7001).at(-2)!.text).toContain("✅ Категория действует: 0\n⏳ Истекает в ближайшие 6 месяцев: 2\n❌ Срок истёк: 2");
  });

  it("with no teachers yet, says there is nothing to sum up", async () => {
    await methodist.chat.send("/attestation");
    expect(methodist.chat.lastText()).toContain("В боте пока нет зарегистрированных педагогов");
    expect(app.tg.callsOf("sendDocument")).toHaveLength(0);
  });

  it("is refused to a teacher, and nothing is sent; methodists find it in their panel", async () => {
    await insertTeacher(app, 7301);
    const teacher = app.user(7301);
    await teacher.send("/attestation");
    expect(teacher.lastText()).toBe("⛔ Это могут делать только методисты.");
    expect(app.tg.callsOf("sendDocument")).toHaveLength(0);
    await methodist.chat.send("🛠 Методисту");
    expect(methodist.chat.lastText()).toContain("/attestation");
  });
});

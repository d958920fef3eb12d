// "📥 Таблица (.xlsx)" in a course's panel: the participants a methodist sends to the course provider,
// parsed back from the document the bot sent; in English for an English methodist; refused to a teacher.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { courseAdminData } from "../../src/bot/features/courses/callbacks.js";
import type { ChatMessage } from "../helpers/fake-telegram.js";
import { providers } from "../helpers/databases.js";
import { insertTeacher, registerMethodist, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { makeCourse, staff } from "./helpers.js";
import { parseBook } from "../helpers/workbook.js";

/** The first sheet and its rows as arrays of cell values. */
async function sheetOf(file: ChatMessage) {
  const book = await parseBook(file);
  return { sheet: book.sheet(), rows: book.rows() };
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe.each(providers)("courses: the participants' spreadsheet on %s", (provider) => {
  let app: TestApp;
  let m: Person;
  let courseId: number;
  let s1: { name: string; cluster: string | null };
  let s2: { id: number; name: string };

  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
    m = await registerMethodist(app, 7600);
    const schools = await app.db.prisma.school.findMany({ orderBy: { id: "asc" }, take: 2 });
    s1 = schools[0]!;
    // a school the directory gives no cluster: an empty cell
    s2 = await app.db.prisma.school.update({ where: { id: schools[1]!.id }, data: { cluster: null } });
    courseId = (await makeCourse(app, m.userId, { seats: 2 })).id;
  });
  afterEach(() => closeTestApp(app));

  /** Two take the seats, four queue, one of them leaves, a seat is added, one completes the course. */
  async function fill() {
    const anna = await insertTeacher(app, 7601, { name: "Абрамова Анна", subjectCodes: ["math", "physics"] });
    await app.services.courses.signUp(anna, courseId); // 23 November, 12:00 in Moscow
    app.clock.set("2026-11-24T22:30:00Z"); // 25 November, 01:30 in Moscow: the day in the file is the 25th
    const ids: number[] = [];
    for (const [i, name] of ["Борисова Вера", "Васильева Галина", "Григорьева Дарья", "Дмитриева Елена", "Ершова Жанна"].entries()) {
      ids.push(await insertTeacher(app, 7602 + i, { name, schoolId: i === 0 ? s2.id : undefined }));
      await app.services.courses.signUp(ids[i]!, courseId);
    }
    const [vera, galina, , elena] = ids;
    const regOf = (userId: number) => app.db.prisma.courseRegistration.findFirstOrThrow({ where: { courseId, userId } });
    await app.services.courses.cancelRegistration(elena!, (await regOf(elena!)).id); // left the waiting list: not in the file
    await app.services.courses.update(await staff(app, m.userId), courseId, { seats: 3 }); // Galina is offered the new seat
    expect((await regOf(galina!)).status).toBe("offered");
    app.clock.set("2026-12-11T21:30:00Z"); // 12 December in Moscow
    await app.services.courses.complete(await staff(app, m.userId), courseId, (await regOf(vera!)).id);
  }

  async function download(label = "📥 Таблица (.xlsx)") {
    await m.chat.send("/courses_admin");
    await m.chat.press("Функциональная грамотность");
    await m.chat.press(label);
    return m.chat.messages().at(-1)!;
  }

  it("sends everyone whose registration counts: status with the waiting position, school, cluster, subjects, dates", async () => {
    await fill();
    const file = await download();
    expect(file.kind).toBe("document");
    expect(file.file?.name).toBe(`course-${courseId}-participants.xlsx`);
    expect(file.text).toBe("📎 Участники курса «Функциональная грамотность» на 12 декабря 2026.");
    const { sheet, rows } = await sheetOf(file);
    expect(sheet.name).toBe("Участники");
    // a row ends at its last value: no completion date, one cell less
    expect(rows).toEqual([
      ["№", "ФИО", "Школа", "Школьный округ", "Предметы", "Статус", "Дата записи", "Дата прохождения"],
      [1, "Абрамова Анна", s1.name, s1.cluster, "Математика, Физика", "записан(а)", day("2026-11-23")],
      [2, "Борисова Вера", s2.name, undefined, "Математика", "курс пройден", day("2026-11-25"), day("2026-12-12")],
      [3, "Васильева Галина", s1.name, s1.cluster, "Математика", "предложено место", day("2026-11-25")],
      [4, "Григорьева Дарья", s1.name, s1.cluster, "Математика", "в очереди, №\u00a01", day("2026-11-25")],
      [5, "Ершова Жанна", s1.name, s1.cluster, "Математика", "в очереди, №\u00a02", day("2026-11-25")],
    ]);
    // dates are dates to Excel (sortable, filterable), shown the Russian way; the header stays in view
    expect(sheet.getCell("G2").numFmt).toBe("dd.mm.yyyy");
    expect(sheet.getCell("H3").numFmt).toBe("dd.mm.yyyy");
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("is in English for an English methodist", async () => {
    await fill();
    await app.db.prisma.user.update({ where: { id: m.userId }, data: { language: "en" } });
    const file = await download("📥 Spreadsheet (.xlsx)");
    expect(file.text).toBe("📎 Participants of “Функциональная грамотность” as of 12 December 2026.");
    const { sheet, rows } = await sheetOf(file);
    expect(sheet.name).toBe("Participants");
    expect(rows[0]).toEqual(["No.", "Full name", "School", "School cluster", "Subjects", "Status", "Signed up", "Completed"]);
    expect(rows.slice(1).map((r) => [r[4], r[5]])).toEqual([
      ["Mathematics, Physics", "registered"],
      ["Mathematics", "completed"],
      ["Mathematics", "seat offered"],
      ["Mathematics", "waiting, no. 1"],
      ["Mathematics", "waiting, no. 2"],
    ]);
    expect(sheet.getCell("G2").numFmt).toBe("d mmm yyyy");
  });

  it("says so instead of sending an empty table when nobody has signed up", async () => {
    const file = await download();
    expect(file.kind).toBe("text");
    expect(file.text).toBe("На курс пока никто не записан — таблица была бы пустой.");
    expect(app.tg.callsOf("sendDocument")).toHaveLength(0);
  });

  it("is refused to a teacher pressing a forged button, and nothing is sent", async () => {
    await fill();
    const teacher = app.user(7601);
    await teacher.pressData(courseAdminData.pack({ id: courseId, action: "xlsx" }));
    expect(teacher.toasts().at(-1)).toBe("⛔ Это могут делать только методисты.");
    expect(app.tg.callsOf("sendDocument")).toHaveLength(0);
    // and the service refuses too, whoever calls it
    await expect(app.services.courses.participants(await staff(app, (await app.services.users.byTelegramId(7601))!.id), courseId, "ru")).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

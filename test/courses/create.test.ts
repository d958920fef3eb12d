import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PRIORITY } from "../../src/domain/outbox.js";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { insertTeacher, registerMethodist, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(providers)("courses: a methodist creates a course on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
  });
  afterEach(() => closeTestApp(app));

  it("asks field by field, explains wrong answers, previews, publishes; teachers of its subjects are told unless they opted out", async () => {
    const mathTeacher = await insertTeacher(app, 7101, { subjectCodes: ["math"] });
    const optedOut = await insertTeacher(app, 7102, { subjectCodes: ["math"] });
    await app.services.users.update(optedOut, { notifyNewCourses: false });
    await insertTeacher(app, 7103, { subjectCodes: ["russian"] });
    await insertTeacher(app, 7104, { subjectCodes: ["informatics"], language: "en" });
    const m = await registerMethodist(app, 7100);
    const me = m.chat;

    await me.send("/newcourse");
    expect(me.lastText()).toBe("Название курса?");
    await me.send("ИК");
    expect(me.lastText()).toContain("Слишком коротко");
    await me.send("Функциональная грамотность <b>на уроках</b>");
    await me.send("Коротко");
    expect(me.lastText()).toContain("Слишком коротко");
    await me.send("Задания в формате PISA на уроках математики и информатики.");
    await me.send("ТОГИРРО");
    await me.press("очно");
    expect(me.lastText()).toBe("Место проведения (адрес)?");
    await me.send("Тюмень, ул. Малыгина, 73");
    await me.send("завтра");
    expect(me.lastText()).toContain("Не понял дату");
    await me.send("01.11.2026");
    expect(me.lastText()).toContain("Это время уже прошло");
    await me.send("10.12 10:00");
    await me.send("09.12");
    expect(me.lastText()).toContain("Дата окончания раньше даты начала");
    await me.send("12.12");
    await me.send("семьдесят два");
    expect(me.lastText()).toContain("целое число");
    await me.send("72");
    await me.send("0");
    expect(me.lastText()).toMatch(/Нужно число от 1 до 10\s?000/);
    await me.send("25");
    await me.send("11.12");
    expect(me.lastText()).toContain("Запись должна закончиться не позже начала курса");
    await me.send("05.12");
    await me.press("Математика");
    await me.press("Информатика");
    await me.press("Готово");
    const preview = me.lastText();
    expect(preview).toContain("Проверьте курс перед публикацией");
    expect(preview).toContain("Функциональная грамотность &lt;b&gt;на уроках&lt;/b&gt;");
    expect(preview).toContain("10 декабря 2026 — 12 декабря 2026 · 72 ч\n");
    expect(preview).toContain("свободно мест: 25 из 25");
    expect(preview).toContain("Запись до 5 декабря 2026, 23:59");
    expect(preview).toContain("Предметы: Математика, Информатика");
    expect(await app.db.prisma.course.count()).toBe(0);
    await me.press("Опубликовать");
    expect(me.lastText()).toContain("опубликован, запись открыта");

    const course = await app.db.prisma.course.findFirstOrThrow({ include: { subjects: true } });
    expect(course).toMatchObject({
      title: "Функциональная грамотность <b>на уроках</b>",
      provider: "ТОГИРРО",
      format: "in_person",
      hours: 72,
      seats: 25,
      seatsTaken: 0,
      status: "open",
      createdById: m.userId,
    });
    expect(course.startDate.toISOString()).toBe("2026-12-10T07:00:00.000Z");
    expect(course.endDate.toISOString()).toBe("2026-12-11T21:00:00.000Z");
    expect(course.registrationDeadline.toISOString()).toBe("2026-12-05T20:59:00.000Z");
    expect(course.subjects).toHaveLength(2);
    // the reminder the day before, 10:00 Moscow time
    const task = await app.db.prisma.scheduledTask.findUniqueOrThrow({ where: { dedupeKey: `course-remind:${course.id}:day` } });
    expect(task.dueAt.toISOString()).toBe("2026-12-09T07:00:00.000Z");
    // an hour before its 10:00 start; finished at the end of its last day, 12 December
    expect((await app.db.prisma.scheduledTask.findUniqueOrThrow({ where: { dedupeKey: `course-remind:${course.id}:hour` } })).dueAt.toISOString()).toBe(
      "2026-12-10T06:00:00.000Z",
    );
    expect((await app.db.prisma.scheduledTask.findUniqueOrThrow({ where: { dedupeKey: `course-finish:${course.id}:end` } })).dueAt.toISOString()).toBe(
      "2026-12-12T21:00:00.000Z",
    );

    await deliverAll(app);
    expect(receivedTexts(app, 7101)[0]).toContain("Новый курс по вашим предметам: <b>Функциональная грамотность &lt;b&gt;на уроках&lt;/b&gt;</b>");
    expect(receivedTexts(app, 7102)).toEqual([]);
    expect(receivedTexts(app, 7103)).toEqual([]);
    expect(receivedTexts(app, 7104)[0]).toContain("A new course for your subjects");
    expect(await app.db.prisma.outboxMessage.count({ where: { userId: m.userId } })).toBe(0);
    expect(await app.db.prisma.outboxMessage.count({ where: { groupId: `course-new:${course.id}`, priority: PRIORITY.bulk } })).toBe(2);
    // the notice's button opens the card
    const teacher = app.user(7101);
    await teacher.press("Открыть курс");
    expect(teacher.lastText()).toContain("Задания в формате PISA");
    await teacher.press("Записаться");
    expect(teacher.lastText()).toContain("Вы записаны");
    expect(await app.db.prisma.courseRegistration.findMany({ select: { userId: true, status: true } })).toEqual([
      { userId: mathTeacher, status: "registered" },
    ]);
  });

  it("an online course in English asks for a link; not publishing stores nothing; /cancel leaves the flow", async () => {
    const m = await registerViaBot(app, 7200, { locale: "en", name: "Helen Brown" });
    await app.db.prisma.user.update({ where: { id: m.userId }, data: { role: "methodist" } });
    const me = m.chat;
    await me.send("/newcourse");
    await me.send("Digital school");
    await me.send("Online tools for lessons, step by step.");
    await me.send("Regional institute");
    await me.press("online");
    expect(me.lastText()).toBe("Link to the course or its online platform, e.g. <code>https://edu.example.org/course</code>");
    // a platform's name, an address or a link nobody could open is not a link
    for (const wrong of ["Moodle", "Тюмень, ул. Малыгина, 73", "edu example org", "ftp://edu.example.org/course", "http://localhost/course"]) {
      await me.send(wrong);
      expect(me.lastText()).toContain("That does not look like a link participants could open");
    }
    await me.send("edu.example.org/course");
    await me.send("2026-12-10 10:00");
    await me.send("10.12.2026");
    await me.send("36");
    await me.send("100");
    await me.send("09.12.2026 18:00");
    await me.press("Computer science");
    await me.press("Done");
    expect(me.lastText()).toContain("Check the course before publishing");
    expect(me.lastText()).toContain("Regional institute · online");
    expect(me.lastText()).toContain("10 December 2026 · 36 h");
    // the link as participants will open it
    expect(me.lastText()).toContain("📍 https://edu.example.org/course");
    await me.press("Don't publish");
    expect(me.lastText()).toBe("The course was not published.");
    expect(await app.db.prisma.course.count()).toBe(0);

    await me.send("/newcourse");
    await me.send("Another course");
    await me.send("/cancel");
    expect(me.lastText()).toBe("Cancelled.");
    await me.send("Some text");
    expect(await app.db.prisma.course.count()).toBe(0);
  });

  it("the Courses section shows methodists their buttons; teachers are refused the methodist buttons", async () => {
    const m = await registerMethodist(app, 7300);
    await m.chat.send("🛠 Методисту");
    expect(m.chat.lastText()).toContain("/newcourse — Создать курс");
    expect(m.chat.lastText()).toContain("/courses_admin — Управление курсами");
    await m.chat.send("📚 Курсы");
    expect(m.chat.buttons().map((b) => b.text)).toEqual(expect.arrayContaining(["➕ Новый курс", "🛠 Управление курсами"]));
    await m.chat.press("➕ Новый курс");
    expect(m.chat.lastText()).toBe("Название курса?");
    const t = await registerViaBot(app, 7301, { name: "Борисов Иван Петрович" });
    await t.chat.send("📚 Курсы");
    expect(t.chat.buttons().map((b) => b.text)).not.toContain("➕ Новый курс");
    await t.chat.pressData("courseN");
    expect(t.chat.toasts().at(-1)).toContain("методист");
  });
});

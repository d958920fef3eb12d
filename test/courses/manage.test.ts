import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { visibleLength } from "../helpers/fake-telegram.js";
import { insertTeacher, registerMethodist, registerViaBot, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { makeCourse } from "./helpers.js";

describe.each(providers)("courses: methodists manage a course on %s", (provider) => {
  let app: TestApp;
  let m: Person;
  let courseId: number;
  let teachers: number[];

  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
    m = await registerMethodist(app, 7500);
    teachers = [];
    for (let i = 0; i < 4; i++) teachers.push(await insertTeacher(app, 7501 + i, { name: `Учитель Номер ${"АБВГ"[i]}`, subjectCodes: ["russian"] }));
    courseId = (await makeCourse(app, m.userId, { seats: 2 })).id;
    for (const id of teachers) await app.services.courses.signUp(id, courseId);
  });
  afterEach(() => closeTestApp(app));

  const statuses = async () => (await app.db.prisma.courseRegistration.findMany({ where: { courseId }, orderBy: { id: "asc" } })).map((r) => r.status);

  it("lists courses, shows participants by status, marks completion for one and for all only once the course started", async () => {
    await m.chat.send("/courses_admin");
    expect(m.chat.lastText()).toContain("Курсы</b> (1)");
    await m.chat.press("Функциональная грамотность");
    expect(m.chat.lastText()).toContain("Занято мест: 2 из 2");
    await m.chat.press("👥 Участники");
    let list = m.chat.lastText();
    expect(list).toContain("Записаны (2):</b>\n1. Учитель Номер А, МБОУ «СОШ № 1»\n2. Учитель Номер Б");
    expect(list).toContain("Лист ожидания (2):</b>\n1. Учитель Номер В, МБОУ «СОШ № 1»\n2. Учитель Номер Г");
    expect(list).toContain("Прошли курс (0):</b>\n—");
    // before the start there is nothing to mark, only the way back to the panel
    expect(m.chat.buttons().map((b) => b.text)).toEqual(["◀ Назад"]);
    await expect(app.services.courses.complete((await app.services.users.byId(m.userId))!, courseId, null)).rejects.toMatchObject({
      code: "course-not-started",
    });

    app.clock.set("2026-12-12T10:00:00Z");
    await m.chat.press("👥 Участники");
    await m.chat.press("✅ Учитель Номер А");
    expect(m.chat.textsSince(m.chat.mark() - 2)[0]).toBe("Отмечено прохождение курса: 1.");
    list = m.chat.lastText();
    expect(list).toContain("Прошли курс (1):</b>\n1. Учитель Номер А");
    await m.chat.press("Отметить прохождение у всех");
    expect(await statuses()).toEqual(["completed", "completed", "waiting", "waiting"]);
    // a stale button for someone already marked
    const { courseCompleteData } = await import("../../src/bot/features/courses/callbacks.js");
    const reg = await app.db.prisma.courseRegistration.findFirstOrThrow({ where: { userId: teachers[0] } });
    await m.chat.pressData(courseCompleteData.pack({ id: courseId, reg: reg.id }));
    expect(m.chat.lastText()).toContain("Этот участник не записан на курс");
  });

  it("closing registration keeps everyone; cancelling tells everyone and ends their registrations and reminders", async () => {
    await m.chat.send("/courses_admin");
    await m.chat.press("Функциональная грамотность");
    await m.chat.press("🔒 Закрыть запись");
    expect(m.chat.lastText()).toContain("Запись на курс закрыта");
    expect((await app.db.prisma.course.findUniqueOrThrow({ where: { id: courseId } })).status).toBe("closed");
    expect(await statuses()).toEqual(["registered", "registered", "waiting", "waiting"]);
    await expect(app.services.courses.signUp(await insertTeacher(app, 7599), courseId)).rejects.toMatchObject({ code: "course-closed" });

    await m.chat.send("/courses_admin");
    await m.chat.press("🔒 Функциональная грамотность");
    await m.chat.press("❌ Отменить курс");
    expect(m.chat.lastText()).toContain("Отменить курс «Функциональная грамотность»?");
    await m.chat.press("Нет");
    expect(m.chat.lastText()).toBe("Курс не отменён.");
    expect((await app.db.prisma.course.findUniqueOrThrow({ where: { id: courseId } })).status).toBe("closed");
    await m.chat.press("❌ Отменить курс");
    await m.chat.press("Да, отменить курс");
    expect(m.chat.lastText()).toBe("Курс отменён. Сообщение отправлено участникам: 4.");
    expect(await statuses()).toEqual(["cancelled", "cancelled", "cancelled", "cancelled"]);
    await deliverAll(app);
    for (let i = 0; i < 4; i++) expect(receivedTexts(app, 7501 + i)).toEqual(["❌ Курс «Функциональная грамотность» отменён. Ваша запись снята."]);
    // the notice's button gives the file that takes the course out of her phone's calendar
    await app.user(7501).press("Убрать из календаря");
    const sent = app.tg.transcript(7501).at(-1)!;
    expect(sent.text).toContain("Событие отменено");
    const removal = new ICAL.Component(ICAL.parse(sent.file!.bytes!.toString("utf8")));
    expect(removal.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(removal.getFirstSubcomponent("vevent")!.getFirstPropertyValue("uid")).toBe(`course-${courseId}@metodset.bot`);
    const later = await app.db.prisma.scheduledTask.findMany({ where: { kind: { in: ["course.remind", "course.finish"] } }, orderBy: { dedupeKey: "asc" } });
    expect(later.map((t) => [t.dedupeKey, t.status])).toEqual([
      [`course-finish:${courseId}:end`, "cancelled"],
      [`course-remind:${courseId}:day`, "cancelled"],
      [`course-remind:${courseId}:hour`, "cancelled"],
    ]);
    await m.chat.send("/courses_admin");
    expect(m.chat.lastText()).toContain("Текущих курсов нет");
  });

  it("editing: validated; new dates move the reminder and tell those registered; more seats go to the waiting list", async () => {
    await m.chat.send("/courses_admin");
    await m.chat.press("Функциональная грамотность");
    await m.chat.press("✏️ Изменить");
    await m.chat.press("Места");
    await m.chat.send("1");
    expect(m.chat.lastText()).toContain("Мест не может быть меньше, чем уже занято (2)");
    expect((await app.db.prisma.course.findUniqueOrThrow({ where: { id: courseId } })).seats).toBe(2);

    await m.chat.press("✏️ Изменить");
    await m.chat.press("Места");
    await m.chat.send("3");
    expect(m.chat.lastText()).toBe("✅ Курс изменён.");
    expect(await statuses()).toEqual(["registered", "registered", "offered", "waiting"]);
    expect((await app.db.prisma.course.findUniqueOrThrow({ where: { id: courseId } })).seatsTaken).toBe(3);

    await m.chat.press("✏️ Изменить");
    await m.chat.press("Начало");
    await m.chat.send("32.12");
    expect(m.chat.lastText()).toContain("Такой даты или времени не бывает");
    await m.chat.send("15.12 09:00");
    // the course would end before it starts: refused, nothing changes
    expect(m.chat.lastText()).toContain("Дата окончания раньше даты начала");
    expect((await app.db.prisma.course.findUniqueOrThrow({ where: { id: courseId } })).startDate.toISOString()).toBe("2026-12-10T06:00:00.000Z");
    await m.chat.press("✏️ Изменить");
    await m.chat.press("Окончание");
    await m.chat.send("17.12");
    await m.chat.press("✏️ Изменить");
    await m.chat.press("Начало");
    await m.chat.send("15.12 09:00");
    expect(m.chat.lastText()).toBe("✅ Курс изменён.");
    const course = await app.db.prisma.course.findUniqueOrThrow({ where: { id: courseId } });
    expect(course.startDate.toISOString()).toBe("2026-12-15T06:00:00.000Z");
    const task = await app.db.prisma.scheduledTask.findUniqueOrThrow({ where: { dedupeKey: `course-remind:${courseId}:day` } });
    expect(task.dueAt.toISOString()).toBe("2026-12-14T07:00:00.000Z");
    // and the hour before, and the end of the last day (17 December, Moscow time)
    expect((await app.db.prisma.scheduledTask.findUniqueOrThrow({ where: { dedupeKey: `course-remind:${courseId}:hour` } })).dueAt.toISOString()).toBe(
      "2026-12-15T05:00:00.000Z",
    );
    expect((await app.db.prisma.scheduledTask.findUniqueOrThrow({ where: { dedupeKey: `course-finish:${courseId}:end` } })).dueAt.toISOString()).toBe(
      "2026-12-17T21:00:00.000Z",
    );
    expect(task.eventAt!.toISOString()).toBe("2026-12-15T06:00:00.000Z");
    await deliverAll(app);
    expect(receivedTexts(app, 7501)).toContain("✏️ Изменились даты или место курса «Функциональная грамотность». Откройте «🗂 Мои курсы», чтобы посмотреть.");
    expect(receivedTexts(app, 7504).some((t) => t.includes("Изменились даты"))).toBe(false);

    // the reminder: the day before, to those registered only
    app.clock.set("2026-12-14T07:00:10Z");
    expect(await app.scheduler.tick()).toBeGreaterThanOrEqual(1);
    await deliverAll(app);
    expect(receivedTexts(app, 7501).at(-1)).toContain("⏰ Напоминание: завтра начинается курс «Функциональная грамотность»");
    expect(receivedTexts(app, 7501).at(-1)).toContain("Начало: 15 декабря 2026, 09:00");
    expect(receivedTexts(app, 7504).some((t) => t.includes("Напоминание"))).toBe(false);
  });

  it("more seats on a closed course go to its waiting list; once the course began, nobody is offered one", async () => {
    await m.chat.send("/courses_admin");
    await m.chat.press("Функциональная грамотность");
    await m.chat.press("🔒 Закрыть запись");
    await m.chat.press("✏️ Изменить");
    await m.chat.press("Места");
    await m.chat.send("3");
    expect(m.chat.lastText()).toBe("✅ Курс изменён.");
    expect(await statuses()).toEqual(["registered", "registered", "offered", "waiting"]);
    let course = await app.db.prisma.course.findUniqueOrThrow({ where: { id: courseId } });
    expect([course.status, course.seats, course.seatsTaken]).toEqual(["closed", 3, 3]);

    app.clock.set("2026-12-10T07:00:00Z");
    await app.services.courses.update((await app.services.users.byId(m.userId))!, courseId, { seats: 5 });
    course = await app.db.prisma.course.findUniqueOrThrow({ where: { id: courseId } });
    expect([course.seats, course.seatsTaken]).toEqual([5, 3]);
    expect(await statuses()).toEqual(["registered", "registered", "offered", "waiting"]);
  });

  it("editing the format asks again for the place or the link, each checked; subjects with buttons; the calendar file keeps its UID, its SEQUENCE grows", async () => {
    const anna = await registerViaBot(app, 7650);
    const ics = async () => {
      await anna.chat.send("/courses");
      await anna.chat.press("1. Функциональная грамотность");
      await anna.chat.press("📅 В календарь");
      // what she received, parsed back as a calendar reads it
      const received = app.tg.transcript(7650).at(-1)!;
      expect(received.file?.name).toBe(`course-${courseId}.ics`);
      return new ICAL.Component(ICAL.parse(received.file!.bytes!.toString("utf8"))).getFirstSubcomponent("vevent")!;
    };
    const before = await ics();
    expect(before.getFirstPropertyValue("uid")).toBe(`course-${courseId}@metodset.bot`);
    expect(before.getFirstPropertyValue("location")).toBe("Тюмень, ул. Малыгина, 73");
    expect(before.getFirstPropertyValue("url")).toBeNull();
    const edit = async (field: string) => {
      await m.chat.send("/courses_admin");
      await m.chat.press("Функциональная грамотность");
      await m.chat.press("✏️ Изменить");
      await m.chat.press(field);
    };
    const stored = () => app.db.prisma.course.findUniqueOrThrow({ where: { id: courseId }, include: { subjects: { include: { subject: true } } } });

    // in person → online: the address is no link, so the link is asked for
    app.clock.advance(3_600_000);
    await edit("Формат");
    await m.chat.press("дистанционно");
    expect(m.chat.lastText()).toBe("Ссылка на курс или платформу дистанционного обучения, например: <code>https://edu.example.ru/course</code>");
    for (const wrong of ["Тюмень, ул. Малыгина, 73", "Moodle ТОГИРРО", "sdo togirro ru"]) {
      await m.chat.send(wrong);
      expect(m.chat.lastText()).toContain("Это не похоже на ссылку, которую откроют участники");
    }
    expect(await stored()).toMatchObject({ format: "in_person", place: "Тюмень, ул. Малыгина, 73" });
    await m.chat.send("https://sdo.togirro.ru/course/42");
    expect(m.chat.lastText()).toBe("✅ Курс изменён.");
    expect(await stored()).toMatchObject({ format: "online", place: "https://sdo.togirro.ru/course/42" });
    const after = await ics();
    expect(after.getFirstPropertyValue("uid")).toBe(`course-${courseId}@metodset.bot`);
    expect(Number(after.getFirstPropertyValue("sequence"))).toBeGreaterThan(Number(before.getFirstPropertyValue("sequence")));
    expect(after.getFirstPropertyValue("url")).toBe("https://sdo.togirro.ru/course/42");
    expect(after.getFirstPropertyValue("location")).toBeNull();

    // the place of an online course is its link: an address is refused
    await edit("Место");
    expect(m.chat.lastText()).toContain("Ссылка на курс или платформу");
    await m.chat.send("Гимназия № 2, каб. 14");
    expect(m.chat.lastText()).toContain("Это не похоже на ссылку");
    await m.chat.send("sdo.togirro.ru/course/43");
    expect(m.chat.lastText()).toBe("✅ Курс изменён.");
    expect((await stored()).place).toBe("https://sdo.togirro.ru/course/43");

    // online → visiting: the link is no address, so the address is asked for; visiting → in person keeps it
    await edit("Формат");
    await m.chat.press("с выездом в район");
    expect(m.chat.lastText()).toBe("Место проведения (адрес)?");
    await m.chat.send("Т");
    expect(m.chat.lastText()).toContain("Слишком коротко");
    await m.chat.send("Тобольск, ул. Ленина, 1");
    expect(m.chat.lastText()).toBe("✅ Курс изменён.");
    await edit("Формат");
    await m.chat.press("очно");
    expect(m.chat.lastText()).toBe("✅ Курс изменён.");
    expect(await stored()).toMatchObject({ format: "in_person", place: "Тобольск, ул. Ленина, 1" });
    // the service itself refuses an online course without a working link
    const actor = (await app.services.users.byId(m.userId))!;
    await expect(app.services.courses.update(actor, courseId, { format: "online" })).rejects.toMatchObject({ code: "course-bad-link" });
    await expect(app.services.courses.update(actor, courseId, { format: "online", place: "Moodle" })).rejects.toMatchObject({ code: "course-bad-link" });
    await expect(makeCourse(app, m.userId, { format: "online", place: "https://localhost/x" })).rejects.toMatchObject({ code: "course-bad-link" });
    expect((await stored()).format).toBe("in_person");

    await edit("Предметы");
    expect(m.chat.lastText()).toContain("Для каких предметов курс?");
    await m.chat.press("✅ Математика");
    await m.chat.press("Готово");
    expect(m.chat.toasts().at(-1)).toBe("Отметьте хотя бы один предмет.");
    await m.chat.press("Русский язык");
    await m.chat.press("Готово");
    expect(m.chat.lastText()).toBe("✅ Курс изменён.");
    expect((await stored()).subjects.map((x) => x.subject.code)).toEqual(["russian"]);
  });

  it("a long participant list goes out in several messages under Telegram's limit, with at most 40 + 1 buttons and the way back", async () => {
    const big = (await makeCourse(app, m.userId, { title: "Большой курс", seats: 60 })).id;
    const ids: number[] = [];
    for (let i = 0; i < 110; i++) {
      const part = `${String.fromCharCode(1072 + (i % 32)) + String.fromCharCode(1072 + Math.floor(i / 32))}ева`;
      ids.push(await insertTeacher(app, 20_000 + i, { name: `Константинопольская Александра ${part}` }));
    }
    for (const id of ids) await app.services.courses.signUp(id, big);
    app.clock.set("2026-12-11T10:00:00Z");
    await m.chat.send("/courses_admin");
    await m.chat.press("Большой курс");
    const mark = m.chat.mark();
    await m.chat.press("👥 Участники");
    const texts = m.chat.textsSince(mark);
    expect(texts.length).toBeGreaterThan(1);
    // what Telegram counts: the text after its HTML is parsed
    for (const t of texts) expect(visibleLength(t)).toBeLessThanOrEqual(4096);
    const all = texts.join("\n");
    expect(all).toContain("Записаны (60):");
    expect(all).toContain("Лист ожидания (50):");
    expect(all).toContain("50. Константинопольская Александра");
    expect(m.chat.buttons()).toHaveLength(42);
    expect(m.chat.buttons().at(-1)!.text).toBe("◀ Назад");
    await m.chat.press("Отметить прохождение у всех");
    expect(await app.db.prisma.courseRegistration.count({ where: { courseId: big, status: "completed" } })).toBe(60);
  });

  it("a teacher pressing a methodist's button is refused; an English methodist sees the panel in English", async () => {
    const t = await registerViaBot(app, 7600, { name: "Борисов Иван Петрович" });
    const { courseAdminData } = await import("../../src/bot/features/courses/callbacks.js");
    await t.chat.pressData(courseAdminData.pack({ id: courseId, action: "cancel!" }));
    expect(t.chat.toasts().at(-1)).toContain("методист");
    expect((await app.db.prisma.course.findUniqueOrThrow({ where: { id: courseId } })).status).toBe("open");

    const en = await registerViaBot(app, 7601, { locale: "en", name: "Helen Brown" });
    await app.db.prisma.user.update({ where: { id: en.userId }, data: { role: "methodist" } });
    await en.chat.send("/courses_admin");
    await en.chat.press("Функциональная грамотность");
    expect(en.chat.lastText()).toContain("Seats taken: 2 of 2");
    await en.chat.press("👥 Participants");
    expect(en.chat.lastText()).toContain("Waiting list (2):");
  });
});

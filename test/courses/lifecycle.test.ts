// A course's life after sign-up: the reminders before it (the day before, an hour before), what
// teachers can do once it began, and the end of its last day (finished: methodists still mark it).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { registerMethodist, registerViaBot, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { makeCourse, staff } from "./helpers.js";

describe.each(providers)("courses: reminders and the end of a course on %s", (provider) => {
  let app: TestApp;
  let m: Person;
  let anna: Person;
  let kate: Person;
  let boris: Person;
  let courseId: number;

  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
    m = await registerMethodist(app, 7700);
    await app.db.prisma.user.update({ where: { id: m.userId }, data: { notifyNewCourses: false } });
    // starts 10 December 09:00 Moscow time, last day 12 December; two seats
    courseId = (await makeCourse(app, m.userId, { seats: 2 })).id;
    anna = await registerViaBot(app, 7701);
    kate = await registerViaBot(app, 7702, { locale: "en", name: "Kate Smith" });
    boris = await registerViaBot(app, 7703, { name: "Борисов Иван Петрович" });
    for (const p of [anna, kate, boris]) await app.services.courses.signUp(p.userId, courseId);
  });
  afterEach(() => closeTestApp(app));

  const statuses = async () => (await app.db.prisma.courseRegistration.findMany({ where: { courseId }, orderBy: { id: "asc" } })).map((r) => r.status);
  const course = () => app.db.prisma.course.findUniqueOrThrow({ where: { id: courseId } });
  const reminders = (chatId: number) => receivedTexts(app, chatId).filter((t) => t.startsWith("⏰"));

  it("reminds those registered the day before and an hour before, each once, in their language; not the waiting list", async () => {
    app.clock.set("2026-12-09T06:59:00Z");
    await app.scheduler.tick();
    await deliverAll(app);
    expect(reminders(7701)).toEqual([]);

    app.clock.set("2026-12-09T07:00:10Z");
    await app.scheduler.tick();
    await deliverAll(app);
    expect(reminders(7701)).toEqual([
      "⏰ Напоминание: завтра начинается курс «Функциональная грамотность».\nНачало: 10 декабря 2026, 09:00\n📍 Тюмень, ул. Малыгина, 73",
    ]);
    expect(reminders(7702)).toEqual([
      "⏰ Reminder: “Функциональная грамотность” starts tomorrow.\nStart: 10 December 2026, 09:00\n📍 Тюмень, ул. Малыгина, 73",
    ]);

    app.clock.set("2026-12-10T05:00:10Z");
    await app.scheduler.tick();
    await deliverAll(app);
    expect(reminders(7701).at(-1)).toBe("⏰ Скоро начало курса «Функциональная грамотность»: 10 декабря 2026, 09:00.\n📍 Тюмень, ул. Малыгина, 73");
    expect(reminders(7702).at(-1)).toBe("⏰ “Функциональная грамотность” starts soon: 10 December 2026, 09:00.\n📍 Тюмень, ул. Малыгина, 73");

    // more ticks, a restarted process: nothing again
    await app.scheduler.tick();
    const next = await app.restart();
    app = next;
    await next.scheduler.tick();
    await deliverAll(next);
    expect(reminders(7701)).toHaveLength(2);
    expect(reminders(7702)).toHaveLength(2);
    expect(reminders(7703)).toEqual([]);
  });

  it("a course that starts on a bare date (midnight) gets the day-before reminder only; a cancelled one none", async () => {
    const bare = (
      await makeCourse(app, m.userId, { title: "Без времени", startDate: new Date("2026-12-20T21:00:00Z"), endDate: new Date("2026-12-21T21:00:00Z") })
    ).id;
    const keys = async (id: number) =>
      (await app.db.prisma.scheduledTask.findMany({ where: { dedupeKey: { startsWith: `course-remind:${id}:` } }, orderBy: { dedupeKey: "asc" } })).map((t) => [
        t.dedupeKey,
        t.dueAt.toISOString(),
      ]);
    expect(await keys(bare)).toEqual([[`course-remind:${bare}:day`, "2026-12-20T07:00:00.000Z"]]);
    expect(await keys(courseId)).toEqual([
      [`course-remind:${courseId}:day`, "2026-12-09T07:00:00.000Z"],
      [`course-remind:${courseId}:hour`, "2026-12-10T05:00:00.000Z"],
    ]);
    await app.services.courses.cancel(await staff(app, m.userId), courseId);
    await deliverAll(app);
    app.clock.set("2026-12-10T05:30:00Z");
    await app.scheduler.tick();
    await deliverAll(app);
    expect(reminders(7701)).toEqual([]);
  });

  it("once the course began: no cancelling (a clear answer, nothing changes); the queue is shown as missed", async () => {
    await boris.chat.send("/mycourses");
    expect(boris.chat.lastText()).toContain("⏳ лист ожидания, №\u00a01");
    expect(boris.chat.findButton("Отменить запись: Функциональная грамотность")).toBeDefined();
    await anna.chat.send("/mycourses");
    const leave = anna.chat.findButton("Отменить запись: Функциональная грамотность")!;
    await anna.chat.press("Отменить запись: Функциональная грамотность");
    const confirm = anna.chat.findButton("Да, отменить")!;

    app.clock.set("2026-12-10T07:00:00Z");
    await anna.chat.send("/mycourses");
    expect(anna.chat.lastText()).toContain("✅ вы записаны, место за вами");
    expect(anna.chat.buttons().map((b) => b.text)).toEqual(["◀ Назад"]);
    // the buttons from before the start
    await anna.chat.pressData(leave.data);
    expect(anna.chat.lastText()).toBe("Курс уже начался — запись отменить нельзя. Если вы не можете участвовать, сообщите методисту.");
    await anna.chat.pressData(confirm.data, confirm.message_id);
    expect(anna.chat.lastText()).toBe("Курс уже начался — запись отменить нельзя. Если вы не можете участвовать, сообщите методисту.");
    await boris.chat.send("/mycourses");
    expect(boris.chat.lastText()).toContain("✖ место так и не освободилось");
    expect(boris.chat.buttons().map((b) => b.text)).toEqual(["◀ Назад"]);
    expect(await statuses()).toEqual(["registered", "registered", "waiting"]);
    expect((await course()).seatsTaken).toBe(2);
  });

  it("finished at the end of its last day: below the running courses in the methodists' list, still marked as completed", async () => {
    const later = await makeCourse(app, m.userId, {
      title: "Цифровая школа",
      startDate: new Date("2027-01-20T06:00:00Z"),
      endDate: new Date("2027-01-21T21:00:00Z"),
      registrationDeadline: new Date("2027-01-15T20:59:00Z"),
    });
    app.clock.set("2026-12-12T20:59:00Z");
    await app.scheduler.tick();
    expect((await course()).status).toBe("open");
    app.clock.set("2026-12-12T21:00:30Z");
    await app.scheduler.tick();
    expect((await course()).status).toBe("finished");
    expect((await app.db.prisma.course.findUniqueOrThrow({ where: { id: later.id } })).status).toBe("open");

    // teachers: the course is over, completion is the methodist's; nothing to cancel
    await anna.chat.send("/mycourses");
    expect(anna.chat.lastText()).toContain("🏁 курс завершён, отметку о прохождении ставит методист");
    expect(anna.chat.buttons().map((b) => b.text)).toEqual(["◀ Назад"]);
    await kate.chat.send("/mycourses");
    expect(kate.chat.lastText()).toContain("🏁 the course is over; the methodologist marks completion");
    await anna.chat.send("📚 Курсы");
    expect(anna.chat.lastText()).not.toContain("Функциональная грамотность");

    // methodists: running first, then the finished one, which can only be looked at and marked
    await m.chat.send("/courses_admin");
    const list = m.chat.lastText();
    expect(list).toContain("Курсы</b> (2)");
    expect(list.indexOf("Цифровая школа")).toBeLessThan(list.indexOf("Функциональная грамотность"));
    expect(m.chat.buttons().map((b) => b.text)).toEqual(["Цифровая школа", "🏁 Функциональная грамотность", "➕ Новый курс"]);
    await m.chat.press("🏁 Функциональная грамотность");
    expect(m.chat.lastText()).toContain("Статус: курс завершён");
    expect(m.chat.buttons().map((b) => b.text)).toEqual(["👥 Участники", "📥 Таблица (.xlsx)", "◀ Назад"]);
    await expect(app.services.courses.update(await staff(app, m.userId), courseId, { seats: 5 })).rejects.toMatchObject({ code: "course-not-editable" });
    expect((await course()).seats).toBe(2);
    await m.chat.press("👥 Участники");
    await m.chat.press("🎓 Отметить прохождение у всех");
    expect(m.chat.textsSince(m.chat.mark() - 2)[0]).toBe("Отмечено прохождение курса: 2.");
    expect(await statuses()).toEqual(["completed", "completed", "waiting"]);
    await anna.chat.send("/mycourses");
    expect(anna.chat.lastText()).toContain("🎓 курс пройден");
  });
});

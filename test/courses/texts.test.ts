// What the course texts promise is what happens: the new-course notice names the deadline's hour, the
// sign-up answer promises only a reminder that will still come, the card of a teacher holding a seat
// does not invite her to the waiting list.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { insertTeacher, registerMethodist, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { courseOpenData } from "../../src/bot/features/courses/callbacks.js";
import { makeCourse } from "./helpers.js";

describe.each(providers)("courses: texts that keep their word on %s", (provider) => {
  let app: TestApp;
  let methodistId: number;
  beforeEach(async () => {
    app = await createTestApp(provider); // 23 November 2026, 12:00 in Moscow
    methodistId = await insertTeacher(app, 8300, { name: "Сидорова Елена" });
    await app.db.prisma.user.update({ where: { id: methodistId }, data: { role: "methodist" } });
  });
  afterEach(() => closeTestApp(app));

  it("the new-course notice gives the registration deadline with its time", async () => {
    await insertTeacher(app, 5401, { language: "ru" });
    await insertTeacher(app, 5402, { language: "en" });
    await makeCourse(app, methodistId, { registrationDeadline: new Date("2026-12-05T15:00:00Z") });
    await deliverAll(app);
    expect(receivedTexts(app, 5401)[0]).toContain("Запись до 5 декабря 2026, 18:00.");
    expect(receivedTexts(app, 5402)[0]).toContain("Register by 5 December 2026, 18:00.");
  });

  it("signing up on the day it starts promises the reminder that will come, or none, and it comes", async () => {
    await makeCourse(app, methodistId, { title: "Курс в декабре" });
    await makeCourse(app, methodistId, {
      title: "Сегодня в 16:00",
      startDate: new Date("2026-11-23T13:00:00Z"),
      endDate: new Date("2026-11-22T21:00:00Z"),
      registrationDeadline: new Date("2026-11-23T12:00:00Z"),
    });
    await makeCourse(app, methodistId, {
      title: "Сегодня в 12:30",
      startDate: new Date("2026-11-23T09:30:00Z"),
      endDate: new Date("2026-11-22T21:00:00Z"),
      registrationDeadline: new Date("2026-11-23T09:30:00Z"),
    });
    const anna = await registerViaBot(app, 5411);
    const signUp = async (title: RegExp) => {
      await anna.chat.send("📚 Курсы");
      await anna.chat.press(title);
      await anna.chat.press("Записаться");
      return anna.chat.lastText();
    };
    expect(await signUp(/Курс в декабре/)).toBe("✅ Вы записаны на курс «Курс в декабре». Место за вами. Накануне начала придёт напоминание.");
    // today at 16:00: the day-before reminder is long gone, the hour-before one will come
    const today = await signUp(/Сегодня в 16:00/);
    expect(today).toBe("✅ Вы записаны на курс «Сегодня в 16:00». Место за вами. За час до начала придёт напоминание.");
    // in half an hour: no reminder at all, so none is promised; the start is named
    expect(await signUp(/Сегодня в 12:30/)).toBe("✅ Вы записаны на курс «Сегодня в 12:30». Место за вами. Начало: 23 ноября 2026, 12:30.");

    // what was promised arrives: the hour-before reminder at 15:00, nothing the day before
    app.clock.set("2026-11-23T12:00:00Z");
    await app.scheduler.tick();
    await deliverAll(app);
    const reminders = receivedTexts(app, 5411).filter((t) => t.startsWith("⏰"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain("Скоро начало курса «Сегодня в 16:00»: 23 ноября 2026, 16:00.");
  });

  it("a teacher holding a seat on a full course is not offered its waiting list; a colleague still is", async () => {
    await makeCourse(app, methodistId, { seats: 1 });
    const anna = await registerViaBot(app, 5421);
    await anna.chat.send("📚 Курсы");
    await anna.chat.press("1. Функциональная грамотность");
    await anna.chat.press("Записаться");

    await anna.chat.send("📚 Курсы");
    await anna.chat.press("1. Функциональная грамотность");
    expect(anna.chat.lastText()).toContain("Ваша запись: ✅ вы записаны");
    expect(anna.chat.lastText()).toContain("🪑 мест нет (занято 1 из 1)\n");
    expect(anna.chat.lastText()).not.toContain("лист ожидания");

    const boris = await registerViaBot(app, 5422, { name: "Борисов Иван Петрович" });
    await boris.chat.send("📚 Курсы");
    await boris.chat.press("1. Функциональная грамотность");
    expect(boris.chat.lastText()).toContain("🪑 мест нет (занято 1 из 1) — можно встать в лист ожидания");
    expect(boris.chat.buttons().map((b) => b.text)).toContain("✍️ Записаться");
  });

  it("after the deadline and after the start the methodist's card says so, and no one is offered the waiting list", async () => {
    const m = await registerMethodist(app, 8310);
    const en = await registerMethodist(app, 8311, "Helen Brown");
    await app.db.prisma.user.update({ where: { id: en.userId }, data: { language: "en" } });
    const course = await makeCourse(app, m.userId, { seats: 1 }); // deadline 5 December 23:59, start 10 December 09:00
    await app.services.courses.signUp(await insertTeacher(app, 5431), course.id);
    const boris = await registerViaBot(app, 5432, { name: "Борисов Иван Петрович" });
    const panel = async () => {
      await m.chat.send("/courses_admin");
      const list = m.chat.lastText();
      await m.chat.press("Функциональная грамотность");
      return { list, card: m.chat.lastText() };
    };

    // registration running, the course full: the waiting list is open
    let seen = await panel();
    expect(seen.card).toContain("Статус: идёт запись");
    expect(seen.card).toContain("мест нет (занято 1 из 1) — можно встать в лист ожидания");

    // past the deadline: nobody can join it, not even its waiting list
    app.clock.set("2026-12-06T09:00:00Z");
    seen = await panel();
    expect(seen.card).toContain("Статус: срок записи истёк");
    expect(seen.card).not.toContain("идёт запись");
    expect(seen.card).toContain("🪑 мест нет (занято 1 из 1)\n");
    for (const text of [seen.card, seen.list]) expect(text).not.toContain("лист ожидания");
    await en.chat.send("/courses_admin");
    await en.chat.press("Функциональная грамотность");
    expect(en.chat.lastText()).toContain("Status: registration deadline passed");
    expect(en.chat.lastText()).not.toContain("waiting list");
    // a teacher opening it from the new-course notice sees the same, and no sign-up button
    await boris.chat.pressData(courseOpenData.pack({ id: course.id }));
    expect(boris.chat.lastText()).toContain("Статус: срок записи истёк");
    expect(boris.chat.lastText()).not.toContain("лист ожидания");
    expect(boris.chat.buttons().map((b) => b.text)).not.toContain("✍️ Записаться");

    // begun: under way (a course whose registration was closed by hand too)
    app.clock.set("2026-12-10T07:00:00Z");
    seen = await panel();
    expect(seen.card).toContain("Статус: курс идёт");
    expect(seen.card).not.toContain("лист ожидания");
    await app.services.courses.close((await app.services.users.byId(m.userId))!, course.id);
    expect((await app.db.prisma.course.findUniqueOrThrow({ where: { id: course.id } })).status).toBe("closed");
    expect((await panel()).card).toContain("Статус: курс идёт");
  });
});

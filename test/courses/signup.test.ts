import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { insertTeacher, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { makeCourse, staff } from "./helpers.js";

describe.each(providers)("courses: catalog and sign-up on %s", (provider) => {
  let app: TestApp;
  let methodistId: number;
  beforeEach(async () => {
    app = await createTestApp(provider);
    methodistId = await insertTeacher(app, 8000, { name: "Сидорова Елена" });
    await app.db.prisma.user.update({ where: { id: methodistId }, data: { role: "methodist" } });
  });
  afterEach(() => closeTestApp(app));

  const regs = (courseId: number) =>
    app.db.prisma.courseRegistration.findMany({ where: { courseId }, orderBy: { id: "asc" }, select: { userId: true, status: true } });

  it("lists open courses, her subjects first, with seats and deadline; signs up at once with a seat, then the waiting list", async () => {
    await makeCourse(app, methodistId, { title: "Русский язык: ОГЭ", subjectCodes: ["russian"], startDate: new Date("2026-12-08T06:00:00Z") });
    const math = await makeCourse(app, methodistId, { seats: 1 });
    await makeCourse(app, methodistId, { title: "Старый курс", registrationDeadline: new Date("2026-11-23T10:00:00Z") });
    const anna = await registerViaBot(app, 5001);
    await anna.chat.send("📚 Курсы");
    const list = anna.chat.lastText();
    expect(list).toContain("открыто: 3");
    expect(list.indexOf("Функциональная грамотность")).toBeLessThan(list.indexOf("Русский язык: ОГЭ"));
    expect(list).toContain("ТОГИРРО · очно");
    expect(list).toContain("10 декабря 2026 — 12 декабря 2026 · 72 ч\n");
    expect(list).toContain("свободно мест: 1 из 1");
    expect(list).toContain("Запись до 5 декабря 2026, 23:59");
    // past the deadline after a day
    app.clock.set("2026-11-24T09:00:00Z");
    await anna.chat.send("/courses");
    expect(anna.chat.lastText()).toContain("открыто: 2");
    expect(anna.chat.lastText()).not.toContain("Старый курс");

    await anna.chat.press("1. Функциональная грамотность");
    expect(anna.chat.lastText()).toContain("задания PISA");
    expect(anna.chat.lastText()).toContain("Тюмень, ул. Малыгина, 73");
    await anna.chat.press("Записаться");
    expect(anna.chat.lastText()).toContain("Вы записаны на курс «Функциональная грамотность»");

    const boris = await registerViaBot(app, 5002, { name: "Борисов Иван Петрович" });
    await boris.chat.send("📚 Курсы");
    expect(boris.chat.lastText()).toContain("мест нет (занято 1 из 1) — можно встать в лист ожидания");
    await boris.chat.press("1. Функциональная грамотность");
    await boris.chat.press("Записаться");
    expect(boris.chat.lastText()).toContain("Вы в листе ожидания под номером 1");
    expect(await regs(math.id)).toEqual([
      { userId: anna.userId, status: "registered" },
      { userId: boris.userId, status: "waiting" },
    ]);
    expect((await app.db.prisma.course.findUniqueOrThrow({ where: { id: math.id } })).seatsTaken).toBe(1);
  });

  it("refuses a second sign-up, one after the deadline, to a closed and to a cancelled course, changing nothing", async () => {
    const course = await makeCourse(app, methodistId);
    const anna = await registerViaBot(app, 5011);
    await anna.chat.send("📚 Курсы");
    await anna.chat.press("1. Функциональная грамотность");
    const signUp = anna.chat.findButton("Записаться")!;
    await anna.chat.press("Записаться");
    await anna.chat.pressData(signUp.data);
    expect(anna.chat.lastText()).toContain("Вы уже записаны на этот курс");
    expect(await regs(course.id)).toEqual([{ userId: anna.userId, status: "registered" }]);
    expect((await app.db.prisma.course.findUniqueOrThrow({ where: { id: course.id } })).seatsTaken).toBe(1);
    // the card no longer offers the button, it shows her status
    await anna.chat.send("/courses");
    await anna.chat.press("1. Функциональная грамотность");
    expect(anna.chat.lastText()).toContain("Ваша запись: ✅ вы записаны");
    expect(anna.chat.buttons().map((b) => b.text)).toEqual(["📅 В календарь", "📤 Поделиться", "◀ Назад"]);

    const boris = await registerViaBot(app, 5012, { name: "Борисов Иван Петрович" });
    app.clock.set("2026-12-06T09:00:00Z");
    await boris.chat.pressData(signUp.data);
    expect(boris.chat.lastText()).toContain("Срок записи на этот курс уже прошёл");
    app.clock.set("2026-11-23T09:00:00Z");
    await app.services.courses.close(await staff(app, methodistId), course.id);
    await boris.chat.pressData(signUp.data);
    expect(boris.chat.lastText()).toContain("Запись на этот курс закрыта");
    await app.services.courses.cancel(await staff(app, methodistId), course.id);
    await boris.chat.pressData(signUp.data);
    expect(boris.chat.lastText()).toContain("Этот курс отменён");
    expect((await regs(course.id)).map((r) => r.userId)).toEqual([anna.userId]);
    expect(await app.db.prisma.courseRegistration.count({ where: { userId: boris.userId } })).toBe(0);
  });

  it("My courses shows statuses; cancelling asks first, frees the seat; a completed course cannot be cancelled", async () => {
    const course = await makeCourse(app, methodistId, { seats: 1 });
    const second = await makeCourse(app, methodistId, { title: "Цифровая школа", seats: 1 });
    const anna = await registerViaBot(app, 5021);
    const borisId = await insertTeacher(app, 5022);
    await app.services.courses.signUp(borisId, second.id);
    await app.services.courses.signUp(anna.userId, course.id);
    await app.services.courses.signUp(anna.userId, second.id);
    await anna.chat.send("/mycourses");
    const text = anna.chat.lastText();
    expect(text).toContain("Функциональная грамотность");
    expect(text).toContain("✅ вы записаны, место за вами");
    expect(text).toContain("⏳ лист ожидания, №\u00a01");

    await anna.chat.press("Отменить запись: Функциональная грамотность");
    expect(anna.chat.lastText()).toContain("Отменить запись на курс «Функциональная грамотность»?");
    await anna.chat.press("Нет, оставить");
    expect(anna.chat.lastText()).toBe("Запись сохранена.");
    expect((await regs(course.id))[0]!.status).toBe("registered");
    await anna.chat.press("Отменить запись: Функциональная грамотность");
    await anna.chat.press("Да, отменить");
    expect(anna.chat.lastText()).toBe("Запись отменена.");
    expect((await regs(course.id))[0]!.status).toBe("cancelled");
    expect((await app.db.prisma.course.findUniqueOrThrow({ where: { id: course.id } })).seatsTaken).toBe(0);
    // the confirmation's buttons are gone once answered
    expect(anna.chat.findButton("Да, отменить")).toBeUndefined();
    // My courses: the registration she cancelled, with nothing left to cancel
    await anna.chat.send("/mycourses");
    expect(anna.chat.lastText()).toMatch(/<b>Функциональная грамотность<\/b> · [^\n]+\n✖ запись отменена/);
    expect(anna.chat.lastText()).toMatch(/<b>Цифровая школа<\/b> · [^\n]+\n⏳ лист ожидания, №\u00a01/);
    expect(anna.chat.buttons().map((b) => b.text)).toEqual(["Отменить запись: Цифровая школа", "◀ Назад"]);
    // the methodist cancels the other course: My courses says so, not that she left it
    await app.services.courses.cancel(await staff(app, methodistId), second.id);
    await anna.chat.send("/mycourses");
    expect(anna.chat.lastText()).toMatch(/<b>Цифровая школа<\/b> · [^\n]+\n❌ курс отменён/);
    expect(anna.chat.lastText()).toMatch(/<b>Функциональная грамотность<\/b> · [^\n]+\n✖ запись отменена/);
    expect(anna.chat.buttons().map((b) => b.text)).toEqual(["◀ Назад"]);

    // signs up again (back of the queue), the course passes, the methodist marks her; cancelling is refused
    await app.services.courses.signUp(anna.userId, course.id);
    app.clock.set("2026-12-10T12:00:00Z");
    await app.services.courses.complete(await staff(app, methodistId), course.id, null);
    await anna.chat.send("/mycourses");
    expect(anna.chat.lastText()).toContain("🎓 курс пройден");
    const reg = await app.db.prisma.courseRegistration.findFirstOrThrow({ where: { courseId: course.id, userId: anna.userId } });
    const { courseRegData } = await import("../../src/bot/features/courses/callbacks.js");
    await anna.chat.pressData(courseRegData.pack({ reg: reg.id }));
    expect(anna.chat.lastText()).toContain("Курс уже пройден — такую запись отменить нельзя");
    await expect(app.services.courses.cancelRegistration(anna.userId, reg.id)).rejects.toMatchObject({ code: "course-cancel-completed" });
    expect((await regs(course.id))[0]!.status).toBe("completed");
  });

  it("works in English: catalog, card, sign-up, waiting list", async () => {
    await makeCourse(app, methodistId, { seats: 1, title: "Functional literacy", description: "PISA-style tasks in mathematics lessons." });
    const first = await insertTeacher(app, 5031);
    const c = await app.db.prisma.course.findFirstOrThrow();
    await app.services.courses.signUp(first, c.id);
    const kate = await registerViaBot(app, 5032, { locale: "en", name: "Kate Smith" });
    await kate.chat.send("📚 Courses");
    expect(kate.chat.lastText()).toContain("Professional-development courses");
    expect(kate.chat.lastText()).toContain("the only seat is taken — join the waiting list");
    expect(kate.chat.lastText()).toContain("Register by 5 December 2026, 23:59");
    await kate.chat.press("1. Functional literacy");
    expect(kate.chat.lastText()).toContain("Subjects: Mathematics");
    await kate.chat.press("Sign up");
    expect(kate.chat.lastText()).toContain("You are number 1 on the waiting list");
    await kate.chat.send("/mycourses");
    expect(kate.chat.lastText()).toContain("waiting list, number 1");
  });

  it("the add-to-calendar button sends an .ics a calendar reads: the course's UID, its times and place; after an edit the same UID with a greater SEQUENCE", async () => {
    const course = await makeCourse(app, methodistId);
    const anna = await registerViaBot(app, 5041);
    const event = async () => {
      await anna.chat.send("📚 Курсы");
      await anna.chat.press("1. Функциональная грамотность");
      await anna.chat.press("📅 В календарь");
      const doc = anna.chat.messages().at(-1)!;
      expect(doc.kind).toBe("document");
      expect(doc.file?.name).toBe(`course-${course.id}.ics`);
      return new ICAL.Event(new ICAL.Component(ICAL.parse(doc.file!.bytes!.toString("utf8"))).getFirstSubcomponent("vevent")!);
    };
    const before = await event();
    expect(before.uid).toBe(`course-${course.id}@metodset.bot`);
    expect(before.summary).toBe("Функциональная грамотность");
    expect(before.location).toBe("Тюмень, ул. Малыгина, 73");
    expect(before.startDate.toJSDate().toISOString()).toBe("2026-12-10T06:00:00.000Z");
    // to the end of its last day, 12 December, Moscow time
    expect(before.endDate.toJSDate().toISOString()).toBe("2026-12-12T20:59:00.000Z");
    expect(before.description).toContain("ТОГИРРО");

    app.clock.advance(60_000);
    await app.services.courses.update(await staff(app, methodistId), course.id, { startDate: new Date("2026-12-10T07:30:00Z") });
    const after = await event();
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.startDate.toJSDate().toISOString()).toBe("2026-12-10T07:30:00.000Z");
  });

  it("pages the catalog in place, 5 courses a page", async () => {
    for (let i = 1; i <= 7; i++)
      await makeCourse(app, methodistId, {
        title: `Курс номер ${i}`,
        startDate: new Date(`2026-12-1${i}T06:00:00Z`),
        endDate: new Date("2026-12-19T21:00:00Z"),
      });
    const anna = await registerViaBot(app, 5061);
    await anna.chat.send("📚 Курсы");
    const list = anna.chat.messages().at(-1)!;
    expect(list.text).toContain("5. <b>Курс номер 5</b>");
    expect(list.text).not.toContain("Курс номер 6");
    await anna.chat.press("▶");
    expect(anna.chat.messages().at(-1)!.message_id).toBe(list.message_id);
    expect(anna.chat.lastText()).toContain("6. <b>Курс номер 6</b>");
    expect(anna.chat.lastText()).toContain("7. <b>Курс номер 7</b>");
    await anna.chat.press("7. Курс номер 7");
    expect(anna.chat.lastText()).toContain("Курс номер 7");
    expect(anna.chat.findButton("Записаться")).toBeDefined();
  });

  it("a teacher who erases her data gives her seat to the first on the waiting list", async () => {
    const course = await makeCourse(app, methodistId, { seats: 1 });
    const anna = await registerViaBot(app, 5071);
    const borisId = await insertTeacher(app, 5072);
    await app.services.courses.signUp(anna.userId, course.id);
    await app.services.courses.signUp(borisId, course.id);
    await anna.chat.send("/deleteme");
    await anna.chat.press("Да");
    expect(await regs(course.id)).toEqual([{ userId: borisId, status: "offered" }]);
    expect((await app.db.prisma.course.findUniqueOrThrow({ where: { id: course.id } })).seatsTaken).toBe(1);
  });

  it("a teacher is refused the methodist commands", async () => {
    const anna = await registerViaBot(app, 5051);
    await anna.chat.send("/newcourse");
    expect(anna.chat.lastText()).toContain("методист");
    await anna.chat.send("/courses_admin");
    expect(anna.chat.lastText()).toContain("методист");
    expect(await app.db.prisma.conversationState.count({ where: { key: "5051" } })).toBe(0);
  });
});

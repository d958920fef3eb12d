import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lessonCalendar, lessonCard, lessonEdit, lessonJoin } from "../../src/bot/features/lessons/callbacks.js";
import { isDomainError } from "../../src/domain/errors.js";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { insertTeacher, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { approvedLesson, insertMethodist, openMyLesson } from "./helpers.js";

describe.each(providers)("signing up for open lessons on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("colleagues sign up and withdraw; seats are respected; the author cannot sign up for her own lesson", async () => {
    const methodistId = await insertMethodist(app, 6200);
    const author = await registerViaBot(app, 6201, { name: "Орлова Нина Павловна" });
    const id = await approvedLesson(app, author.userId, methodistId, { seats: 2 });
    const [a, b, c] = [
      await registerViaBot(app, 6202, { name: "Гостева Анна" }),
      await registerViaBot(app, 6203, { name: "Гостева Вера" }),
      await registerViaBot(app, 6204, { name: "Гостева Галина" }),
    ];

    await a.chat.send("🏫 Открытые уроки");
    expect(a.chat.lastText()).toContain("найдено: 1");
    await a.chat.press(/Сложение дробей/);
    expect(a.chat.lastText()).toContain("Ведёт: Орлова Нина Павловна");
    expect(a.chat.lastText()).toContain("📍 МБОУ «СОШ № 1», каб. 21");
    expect(a.chat.lastText()).toContain("Гостей: 0 из 2");
    await a.chat.press("Записаться");
    expect(a.chat.toasts().at(-1)).toContain("Вы записаны");
    expect(a.chat.lastText()).toContain("Гостей: 1 из 2");
    expect(a.chat.lastText()).toContain("Вы записаны на этот урок");
    expect(a.chat.buttons().map((x) => x.text)).toContain("↩️ Отменить запись");
    // twice is refused
    await a.chat.pressData(lessonJoin.pack({ id }));
    expect(a.chat.toasts().at(-1)).toContain("уже записаны");

    // the author sees no sign-up button, and a forged one is refused
    await author.chat.send("🏫 Открытые уроки");
    await author.chat.press(/Сложение дробей/);
    expect(author.chat.buttons().map((x) => x.text)).not.toContain("✍️ Записаться");
    expect(author.chat.lastText()).toContain("Одобрен и виден коллегам");
    await author.chat.pressData(lessonJoin.pack({ id }));
    expect(author.chat.toasts().at(-1)).toContain("Нельзя записаться на собственный урок");

    await b.chat.send("🏫 Открытые уроки");
    await b.chat.press(/Сложение дробей/);
    await b.chat.press("Записаться");
    // full: no button for the third, and a forged press is refused
    await c.chat.send("🏫 Открытые уроки");
    await c.chat.press(/Сложение дробей/);
    expect(c.chat.lastText()).toContain("Гостей: 2 из 2");
    expect(c.chat.buttons().map((x) => x.text)).not.toContain("✍️ Записаться");
    await c.chat.pressData(lessonJoin.pack({ id }));
    expect(c.chat.toasts().at(-1)).toContain("Свободных мест больше нет");

    await a.chat.press("Отменить запись");
    expect(a.chat.toasts().at(-1)).toContain("Запись отменена");
    expect(a.chat.lastText()).toContain("Гостей: 1 из 2");
    await c.chat.pressData(lessonJoin.pack({ id }));
    expect(c.chat.toasts().at(-1)).toContain("Вы записаны");

    const l = await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id } });
    expect(l.seatsTaken).toBe(2);
    const visits = await app.db.prisma.lessonVisit.findMany({ where: { lessonId: id }, orderBy: { userId: "asc" } });
    expect(visits.map((v) => [v.userId, v.status])).toEqual([
      [a.userId, "withdrawn"],
      [b.userId, "going"],
      [c.userId, "going"],
    ]);

    // erasing her data gives the seat back
    await app.services.users.erase(b.userId);
    expect((await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id } })).seatsTaken).toBe(1);
  });

  it("filters the list by subject and grade", async () => {
    const methodistId = await insertMethodist(app, 6210);
    const authorId = await insertTeacher(app, 6211);
    const physics = await app.db.prisma.subject.findUniqueOrThrow({ where: { code: "physics" } });
    await approvedLesson(app, authorId, methodistId, { topic: "Дроби", grade: "5" });
    await approvedLesson(app, authorId, methodistId, { topic: "Оптика", grade: "9", subjectId: physics.id });
    await approvedLesson(app, authorId, methodistId, { topic: "Проценты", grade: "6" });
    const t = await registerViaBot(app, 6212);
    await t.chat.send("🏫 Открытые уроки");
    expect(t.chat.lastText()).toContain("найдено: 3");
    await t.chat.press("Предмет");
    await t.chat.press("Физика");
    expect(t.chat.lastText()).toContain("Предмет: Физика");
    expect(t.chat.lastText()).toContain("найдено: 1");
    expect(t.chat.buttons().some((x) => x.text.includes("Оптика"))).toBe(true);
    await t.chat.press("Предмет");
    await t.chat.press("Математика");
    await t.chat.press("Класс");
    await t.chat.press("6");
    expect(t.chat.lastText()).toContain("Предмет: Математика · 6 класс · найдено: 1");
    expect(t.chat.buttons().some((x) => x.text.includes("Проценты"))).toBe(true);
    expect(t.chat.buttons().some((x) => x.text.includes("Дроби"))).toBe(false);
  });

  it("pages a long list", async () => {
    const methodistId = await insertMethodist(app, 6220);
    const authorId = await insertTeacher(app, 6221);
    for (let i = 1; i <= 8; i++) {
      await approvedLesson(app, authorId, methodistId, {
        topic: `Урок ${i}`,
        startsAt: new Date(`2026-12-${String(i + 1).padStart(2, "0")}T08:00:00Z`).getTime(),
      });
    }
    const t = await registerViaBot(app, 6222);
    await t.chat.send("🏫 Открытые уроки");
    expect(
      t.chat
        .buttons()
        .filter((x) => x.text.includes("Урок"))
        .map((x) => x.text.split(" · ").at(-1)),
    ).toEqual(["Урок 1", "Урок 2", "Урок 3", "Урок 4", "Урок 5", "Урок 6"]);
    await t.chat.press("▶");
    expect(
      t.chat
        .buttons()
        .filter((x) => x.text.includes("Урок"))
        .map((x) => x.text.split(" · ").at(-1)),
    ).toEqual(["Урок 7", "Урок 8"]);
    expect(t.chat.buttons().map((x) => x.text)).toContain("2/2");
  });

  it("concurrent sign-ups beyond the seats never oversell", async () => {
    const methodistId = await insertMethodist(app, 6230);
    const authorId = await insertTeacher(app, 6231);
    const id = await approvedLesson(app, authorId, methodistId, { seats: 3 });
    const guests: number[] = [];
    for (let i = 0; i < 12; i++) guests.push(await insertTeacher(app, 6300 + i));
    // each guest presses twice at once, too
    const results = await Promise.allSettled([...guests, ...guests].map((g) => app.services.lessons.signUp(g, id)));
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(3);
    expect(refused.every((r) => isDomainError(r.reason) && ["lesson-full", "lesson-already-going"].includes(r.reason.code))).toBe(true);
    const l = await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id } });
    expect(l.seatsTaken).toBe(3);
    const going = await app.db.prisma.lessonVisit.findMany({ where: { lessonId: id, status: "going" } });
    expect(going).toHaveLength(3);
    expect(new Set(going.map((v) => v.userId)).size).toBe(3);

    // withdrawals and sign-ups racing keep the count equal to the guests
    const goingIds = going.map((v) => v.userId);
    const others = guests.filter((g) => !goingIds.includes(g));
    await Promise.allSettled([...goingIds.map((g) => app.services.lessons.withdraw(g, id)), ...others.map((g) => app.services.lessons.signUp(g, id))]);
    const after = await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id } });
    const count = await app.db.prisma.lessonVisit.count({ where: { lessonId: id, status: "going" } });
    expect(after.seatsTaken).toBe(count);
    expect(count).toBeLessThanOrEqual(3);
  });

  it("adds the lesson to a calendar; moving it bumps the SEQUENCE and tells the guests", async () => {
    const methodistId = await insertMethodist(app, 6240);
    const author = await registerViaBot(app, 6241);
    const id = await approvedLesson(app, author.userId, methodistId, { place: { kind: "online", url: "https://sferum.ru/room/7" } });
    const guest = await registerViaBot(app, 6242, { name: "Гостева Анна" });
    await app.services.lessons.signUp(guest.userId, id);

    const calendar = async () => {
      await guest.chat.send("🏫 Открытые уроки");
      await guest.chat.press(/Сложение дробей/);
      await guest.chat.press("В календарь");
      // what the guest received: a document named after the lesson
      const received = guest.chat.messages().at(-1)!;
      expect(received.kind).toBe("document");
      expect(received.file?.name).toBe(`lesson-${id}.ics`);
      const ics = received.file!.bytes!.toString("utf8");
      const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!);
      return event;
    };
    const first = await calendar();
    expect(first.uid).toBe(`lesson-${id}@metodset.bot`);
    expect(first.sequence).toBe(0);
    expect(first.startDate.toJSDate().toISOString()).toBe("2026-12-10T11:30:00.000Z");
    expect(first.endDate.toJSDate().toISOString()).toBe("2026-12-10T12:15:00.000Z");
    expect(first.summary).toContain("Сложение дробей");
    expect(first.location).toBe("https://sferum.ru/room/7");

    await openMyLesson(author.chat, /Сложение дробей/);
    await author.chat.press("Перенести");
    await author.chat.send("01.12.2026 10:00 утра");
    expect(author.chat.lastText()).toContain("Не понял дату");
    await author.chat.send("20.11.2026 10:00");
    expect(author.chat.lastText()).toContain("Это время уже прошло");
    await author.chat.send("11.12 15:00");
    expect(author.chat.lastText()).toContain("перенесён на 11 декабря 2026, 15:00");

    const second = await calendar();
    expect(second.uid).toBe(first.uid);
    expect(second.sequence).toBe(1);
    expect(second.startDate.toJSDate().toISOString()).toBe("2026-12-11T12:00:00.000Z");

    await deliverAll(app);
    expect(guest.chat.messages().some((m) => m.text.includes("перенесён: теперь он 11 декабря 2026, 15:00"))).toBe(true);
    // reminders follow the new time
    const day = await app.db.prisma.scheduledTask.findUniqueOrThrow({ where: { dedupeKey: `lesson:${id}:remind-day` } });
    expect(day.dueAt.toISOString()).toBe("2026-12-10T12:00:00.000Z");
    expect(day.eventAt?.toISOString()).toBe("2026-12-11T12:00:00.000Z");
  });

  it("the calendar button checks like the card: a cancelled lesson's file takes it out of the calendar, one never published is not found by colleagues", async () => {
    const methodist = await registerViaBot(app, 6280, { name: "Методистова Елена" });
    await app.db.prisma.user.update({ where: { id: methodist.userId }, data: { role: "methodist" } });
    const author = await registerViaBot(app, 6281);
    const guest = await registerViaBot(app, 6282, { name: "Гостева Анна" });
    const id = await approvedLesson(app, author.userId, methodist.userId);
    await app.services.lessons.signUp(guest.userId, id);
    const documents = () => app.tg.callsOf("sendDocument").length;

    // the guest opened the card while the lesson was on; the author cancels it; the old button, and the
    // notice's, give the file that takes it out of her calendar
    await guest.chat.send("🏫 Открытые уроки");
    await guest.chat.press(/Сложение дробей/);
    await guest.chat.press("В календарь");
    expect(documents()).toBe(1);
    const added = ICAL.parse(app.tg.transcript(6282).at(-1)!.file!.bytes!.toString("utf8"));
    await app.services.lessons.cancel(author.userId, id);
    await guest.chat.press("В календарь");
    expect(documents()).toBe(2);
    await deliverAll(app);
    expect(guest.chat.lastText()).toContain("отменён");
    await guest.chat.press("Убрать из календаря");
    expect(documents()).toBe(3);
    const file = app.tg.transcript(6282).at(-1)!;
    expect(file.text).toContain("Событие отменено");
    const removal = new ICAL.Component(ICAL.parse(file.file!.bytes!.toString("utf8")));
    expect(removal.getFirstPropertyValue("method")).toBe("CANCEL");
    const event = removal.getFirstSubcomponent("vevent")!;
    expect(event.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.getFirstPropertyValue("uid")).toBe(new ICAL.Component(added).getFirstSubcomponent("vevent")!.getFirstPropertyValue("uid"));
    // the card's old button says so too, and offers nothing but the way back
    await guest.chat.press(/Сложение дробей/);
    expect(guest.chat.lastText()).toContain("🚫 Отменён.");
    expect(guest.chat.buttons().map((b) => b.text)).toEqual(["⬅️ К списку уроков"]);

    // lessons not published: a colleague's forged button finds nothing; the author and the methodist are told it is not published
    const math = await app.db.prisma.subject.findUniqueOrThrow({ where: { code: "math" } });
    const draft = {
      subjectId: math.id,
      grade: "5",
      method: "Метод",
      startsAt: Date.parse("2026-12-10T11:30:00Z"),
      durationMin: 45,
      place: { kind: "school" as const, room: "1" },
      seats: 2,
    };
    const pending = (await app.services.lessons.create(author.userId, { ...draft, topic: "Урок на проверке" })).id;
    const rejected = (await app.services.lessons.create(author.userId, { ...draft, topic: "Отклонённый урок" })).id;
    await app.services.lessons.reject(methodist.userId, rejected, "Уточните тему");
    const withdrawn = (await app.services.lessons.create(author.userId, { ...draft, topic: "Снятый с проверки урок" })).id;
    await app.services.lessons.cancel(author.userId, withdrawn);
    for (const lessonId of [pending, rejected, withdrawn]) {
      for (const button of [lessonCalendar, lessonCard]) {
        await guest.chat.pressData(button.pack({ id: lessonId }));
        expect(guest.chat.toasts().at(-1)).toBe("Этот урок не найден — возможно, его удалили.");
      }
    }
    for (const lessonId of [pending, rejected]) {
      for (const p of [author, methodist]) {
        await p.chat.pressData(lessonCalendar.pack({ id: lessonId }));
        expect(p.chat.toasts().at(-1)).toContain("ещё не опубликован");
      }
    }
    await author.chat.pressData(lessonCalendar.pack({ id: withdrawn }));
    expect(author.chat.toasts().at(-1)).toContain("урок отменён");
    await guest.chat.pressData(lessonCalendar.pack({ id: 999_999 }));
    expect(guest.chat.toasts().at(-1)).toBe("Этот урок не найден — возможно, его удалили.");
    expect(documents()).toBe(3);

    // in English too
    await app.db.prisma.user.update({ where: { id: author.userId }, data: { language: "en" } });
    await author.chat.pressData(lessonCalendar.pack({ id: withdrawn }));
    expect(author.chat.toasts().at(-1)).toBe("This lesson is cancelled: there is nothing to add to a calendar.");
  });

  it("the author changes the seats (never below the guests) and the place; guests are told; others cannot", async () => {
    const methodistId = await insertMethodist(app, 6250);
    const author = await registerViaBot(app, 6251);
    const id = await approvedLesson(app, author.userId, methodistId, { seats: 3 });
    const g1 = await registerViaBot(app, 6252, { name: "Гостева Анна" });
    const g2 = await insertTeacher(app, 6253);
    await app.services.lessons.signUp(g1.userId, id);
    await app.services.lessons.signUp(g2, id);

    await openMyLesson(author.chat, /Сложение дробей/);
    await author.chat.press("Места");
    await author.chat.send("1");
    expect(author.chat.lastText()).toContain("Уже записано гостей: 2");
    await author.chat.send("0");
    expect(author.chat.lastText()).toContain("от 1 до 200");
    await author.chat.send("5");
    expect(author.chat.lastText()).toContain("мест для гостей — 5 (записано 2)");
    expect((await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id } })).seats).toBe(5);

    await author.chat.press(/Сложение дробей/);
    await author.chat.press("📍 Место");
    await author.chat.press("Онлайн");
    await author.chat.send("http://нет");
    expect(author.chat.lastText()).toContain("не похоже на ссылку");
    await author.chat.send("https://sferum.ru/call/9");
    expect(author.chat.lastText()).toContain("изменено");
    const l = await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id } });
    expect(l).toMatchObject({ onlineUrl: "https://sferum.ru/call/9", room: null, schoolId: null, sequence: 1 });
    await deliverAll(app);
    expect(g1.chat.lastText()).toContain("новое место");
    expect(g1.chat.lastText()).toContain("https://sferum.ru/call/9");

    // a guest cannot change or cancel someone else's lesson
    await expect(app.services.lessons.changeSeats(g1.userId, id, "1")).rejects.toMatchObject({ code: "lesson-not-yours" });
    await expect(app.services.lessons.cancel(g1.userId, id)).rejects.toMatchObject({ code: "lesson-not-yours" });
    await g1.chat.pressData(lessonEdit.pack({ id, field: "seats" }));
    expect(g1.chat.toasts().at(-1)).toContain("Это не ваш урок");

    // the author erases her data: the lesson goes, the guests are told
    await app.services.users.erase(author.userId);
    expect(await app.db.prisma.openLesson.count()).toBe(0);
    expect(await app.db.prisma.scheduledTask.count({ where: { status: "pending" } })).toBe(0);
    await deliverAll(app);
    expect(g1.chat.lastText()).toContain("«Сложение дробей» (10 декабря 2026, 14:30) отменён автором");
  });

  it("a lesson under review is hidden from colleagues, shown to its author", async () => {
    const author = await registerViaBot(app, 6261);
    const other = await registerViaBot(app, 6262, { name: "Волкова Дарья" });
    const math = await app.db.prisma.subject.findUniqueOrThrow({ where: { code: "math" } });
    const l = await app.services.lessons.create(author.userId, {
      subjectId: math.id,
      grade: "5",
      topic: "Тайный урок",
      method: "Метод",
      startsAt: Date.parse("2026-12-10T11:30:00Z"),
      durationMin: 45,
      place: { kind: "school", room: "1" },
      seats: 2,
    });
    await other.chat.pressData(lessonCard.pack({ id: l.id }));
    expect(other.chat.toasts().at(-1)).toContain("урок не найден");
    await other.chat.pressData(lessonJoin.pack({ id: l.id }));
    expect(other.chat.toasts().at(-1)).toContain("нельзя записаться");
    await author.chat.pressData(lessonCard.pack({ id: l.id }));
    expect(author.chat.lastText()).toContain("Тайный урок");
    expect(author.chat.lastText()).toContain("Ждёт проверки методистом");
  });

  it("speaks English to an English-speaking teacher", async () => {
    const methodistId = await insertMethodist(app, 6270);
    const authorId = await insertTeacher(app, 6271, { name: "Орлова Нина" });
    await approvedLesson(app, authorId, methodistId, { grade: "preschool" });
    const t = await registerViaBot(app, 6272, { name: "Smith Anna", locale: "en" });
    await t.chat.send("🏫 Open lessons");
    expect(t.chat.lastText()).toContain("Colleagues' open lessons");
    await t.chat.press(/ · preschool · Сложение/); // the short grade in the lesson's button
    expect(t.chat.lastText()).toContain("Mathematics, preschool group");
    expect(t.chat.lastText()).toContain("10 December 2026, 14:30 (45 min)");
    expect(t.chat.lastText()).toContain("No ratings yet");
    await t.chat.press("Sign up");
    expect(t.chat.toasts().at(-1)).toContain("You are signed up");
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lessonEdit } from "../../src/bot/features/lessons/callbacks.js";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { insertTeacher, registerMethodist, registerViaBot, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { approvedLesson, openMyLesson } from "./helpers.js";

describe.each(providers)("the author edits her open lesson on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  const openMine = async (chat: Person["chat"], topic: RegExp) => {
    await chat.send("🏫 Открытые уроки");
    await chat.press("Мои уроки");
    await chat.press(topic);
  };

  it("an approved lesson: topic, method and duration change with the offer's checks; guests and methodists are told; it stays approved", async () => {
    const m = await registerMethodist(app, 6600);
    const author = await registerViaBot(app, 6601, { name: "Орлова Нина Павловна" });
    const id = await approvedLesson(app, author.userId, m.userId);
    const guest = await registerViaBot(app, 6602, { name: "Гостева Анна" });
    const bystander = await registerViaBot(app, 6603, { name: "Чужая Вера" });
    await app.services.lessons.signUp(guest.userId, id);
    await deliverAll(app);
    const methodistBefore = m.chat.mark();

    await openMine(author.chat, /Сложение дробей/);
    await author.chat.press("Тема");
    expect(author.chat.lastText()).toContain("Сейчас тема урока: <i>Сложение дробей</i>");
    await author.chat.send("ab");
    expect(author.chat.lastText()).toContain("Тема должна быть от 3 до 200 символов");
    expect(author.chat.lastText()).toContain("Напишите новую тему");
    await author.chat.send("Сложение дробей с разными знаменателями");
    expect(author.chat.lastText()).toContain("«Сложение дробей с разными знаменателями» изменён. Гости и методисты получат уведомление");

    await author.chat.press("Открыть урок");
    await author.chat.press("Методика");
    expect(author.chat.lastText()).toContain("Сейчас методика / технология: <i>Работа в группах</i>");
    await author.chat.send("x");
    expect(author.chat.lastText()).toMatch(/Описание методики — от 3 до 1\s?000 символов/);
    await author.chat.send("Кейс-метод и <b>игра</b>");
    expect(author.chat.lastText()).toContain("изменён");

    await author.chat.press("Открыть урок");
    await author.chat.press("Длительность");
    expect(author.chat.lastText()).toContain("Сейчас урок длится 45 мин");
    await author.chat.send("0");
    expect(author.chat.lastText()).toContain("длительность числом минут: от 10 до 300");
    await author.chat.send("сорок");
    expect(author.chat.lastText()).toContain("длительность числом минут");
    await author.chat.send("90");
    expect(author.chat.lastText()).toContain("теперь длится 90 мин");

    const stored = await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      topic: "Сложение дробей с разными знаменателями",
      method: "Кейс-метод и <b>игра</b>",
      durationMin: 90,
      status: "approved",
      seatsTaken: 1,
      sequence: 3,
    });
    // the feedback request follows the new end of the lesson
    const feedback = await app.db.prisma.scheduledTask.findUniqueOrThrow({ where: { dedupeKey: `lesson:${id}:feedback` } });
    expect(feedback.dueAt.toISOString()).toBe("2026-12-10T13:00:00.000Z");

    await deliverAll(app);
    const told = receivedTexts(app, 6602);
    expect(told.some((x) => x.includes("Автор уточнил открытый урок") && x.includes("Сложение дробей с разными знаменателями"))).toBe(true);
    expect(told.some((x) => x.includes("Кейс-метод и &lt;b&gt;игра&lt;/b&gt;"))).toBe(true);
    expect(told.some((x) => x.includes("теперь длится 90 мин"))).toBe(true);
    // the methodists see what changed, before → after
    const staff = m.chat.textsSince(methodistBefore);
    expect(
      staff.some(
        (x) => x.includes("Автор изменил одобренный открытый урок") && x.includes("Тема: Сложение дробей → <b>Сложение дробей с разными знаменателями</b>"),
      ),
    ).toBe(true);
    expect(staff.some((x) => x.includes("Методика / технология: Работа в группах → Кейс-метод и &lt;b&gt;игра&lt;/b&gt;"))).toBe(true);
    // nobody else is bothered
    expect(receivedTexts(app, 6603).some((x) => x.includes("Автор"))).toBe(false);

    // colleagues still find it, under the new topic and with the new end
    await bystander.chat.send("🏫 Открытые уроки");
    await bystander.chat.press(/Сложение дробей с/);
    expect(bystander.chat.lastText()).toContain("10 декабря 2026, 14:30 (90 мин)");
    expect(bystander.chat.buttons().map((x) => x.text)).toContain("✍️ Записаться");

    // an answer equal to the current one changes nothing and tells no one
    const seq = stored.sequence;
    await app.services.lessons.revise(author.userId, id, { topic: "  Сложение дробей с разными знаменателями " });
    expect((await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id } })).sequence).toBe(seq);

    // someone else's lesson: neither a forged button nor the service
    await guest.chat.pressData(lessonEdit.pack({ id, field: "topic" }));
    expect(guest.chat.toasts().at(-1)).toContain("Это не ваш урок");
    await expect(app.services.lessons.revise(guest.userId, id, { topic: "Чужая тема" })).rejects.toMatchObject({ code: "lesson-not-yours" });
    await expect(app.services.lessons.changeDuration(guest.userId, id, "30")).rejects.toMatchObject({ code: "lesson-not-yours" });
  });

  it("a lesson under review: nobody is notified; a verdict on the version before the edit is refused", async () => {
    const m = await registerMethodist(app, 6610);
    const author = await registerViaBot(app, 6611);
    const math = await app.db.prisma.subject.findUniqueOrThrow({ where: { code: "math" } });
    const l = await app.services.lessons.create(author.userId, {
      subjectId: math.id,
      grade: "5",
      topic: "Черновая тема",
      method: "Метод",
      startsAt: Date.parse("2026-12-10T11:30:00Z"),
      durationMin: 45,
      place: { kind: "school", room: "1" },
      seats: 2,
    });
    await deliverAll(app);
    // the methodist opens the queue and reads the first version
    await m.chat.send("/moderate_lessons");
    expect(m.chat.lastText()).toContain("Черновая тема");
    const before = m.chat.mark();

    await openMyLesson(author.chat, /Черновая тема/);
    await author.chat.press("Тема");
    await author.chat.send("Чистовая тема");
    expect(author.chat.lastText()).toContain("Методист увидит урок уже с изменениями");
    await deliverAll(app);
    expect(m.chat.textsSince(before)).toEqual([]);

    // her buttons are for the old version: refused, and the queue shows the lesson as it is now
    await m.chat.press("Одобрить");
    expect(m.chat.toasts().at(-1)).toContain("Автор изменил урок, пока вы его смотрели");
    expect(m.chat.lastText()).toContain("Чистовая тема");
    expect((await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id: l.id } })).status).toBe("pending");

    // a rejection typed while the author edits again is refused the same way
    await m.chat.press("Отклонить");
    await app.services.lessons.revise(author.userId, l.id, { method: "Метод проектов" });
    await m.chat.send("Тема слишком общая");
    expect(m.chat.textsSince(m.chat.mark() - 2)[0]).toContain("Автор изменил урок, пока вы его смотрели");
    expect(m.chat.lastText()).toContain("Метод проектов");
    expect((await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id: l.id } })).status).toBe("pending");

    await m.chat.press("Одобрить");
    expect(await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id: l.id } })).toMatchObject({
      status: "approved",
      topic: "Чистовая тема",
      method: "Метод проектов",
    });
  });

  it("a rejected lesson is fixed on its card and sent for review again; a second verdict reaches the author too", async () => {
    const m = await registerMethodist(app, 6630);
    const author = await registerViaBot(app, 6631);
    const math = await app.db.prisma.subject.findUniqueOrThrow({ where: { code: "math" } });
    const l = await app.services.lessons.create(author.userId, {
      subjectId: math.id,
      grade: "5",
      topic: "Урок обо всём",
      method: "Метод",
      startsAt: Date.parse("2026-12-10T11:30:00Z"),
      durationMin: 45,
      place: { kind: "school", room: "1" },
      seats: 2,
    });
    await app.services.lessons.reject(m.userId, l.id, "Сузьте тему");
    await deliverAll(app);
    expect(author.chat.lastText()).toContain("Причина: Сузьте тему");
    await author.chat.press("Открыть урок");
    expect(author.chat.lastText()).toContain("Отклонён. Причина: Сузьте тему");
    const labels = author.chat.buttons().map((x) => x.text);
    expect(labels).toContain("📨 Отправить на проверку снова");
    expect(labels).not.toContain("🚫 Отменить урок");
    await expect(app.services.lessons.cancel(author.userId, l.id)).rejects.toMatchObject({ code: "lesson-cancel-rejected" });
    await author.chat.press("Тема");
    await author.chat.send("Деление дробей");
    expect(author.chat.lastText()).toContain("отправьте урок снова кнопкой в его карточке");
    await author.chat.press("Открыть урок");
    const staffBefore = m.chat.mark();
    await author.chat.press("Отправить на проверку снова");
    expect(author.chat.lastText()).toContain("«Деление дробей» снова отправлен методисту");
    expect(await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id: l.id } })).toMatchObject({
      status: "pending",
      rejectReason: null,
      topic: "Деление дробей",
    });
    await deliverAll(app);
    expect(m.chat.textsSince(staffBefore).some((x) => x.includes("Новый открытый урок на проверке") && x.includes("Деление дробей"))).toBe(true);
    // the old button again: it is under review now
    await author.chat.press("Отправить на проверку снова");
    expect(author.chat.toasts().at(-1)).toContain("не отклонён");

    await m.chat.send("/moderate_lessons");
    expect(m.chat.lastText()).toContain("Деление дробей");
    await m.chat.press("Отклонить");
    await m.chat.send("Нужен другой класс");
    await deliverAll(app);
    expect(author.chat.lastText()).toContain("Причина: Нужен другой класс");
  });

  it("a lesson begun or cancelled cannot be edited: an old button is refused, an edit in progress ends", async () => {
    const m = await insertTeacher(app, 6620);
    await app.db.prisma.user.update({ where: { id: m }, data: { role: "methodist" } });
    const author = await registerViaBot(app, 6621);
    const id = await approvedLesson(app, author.userId, m);
    const other = await approvedLesson(app, author.userId, m, { topic: "Второй урок", startsAt: Date.parse("2026-12-20T08:00:00Z") });

    // an edit in progress when the lesson is cancelled: told once, the next text is not taken as an answer
    await openMine(author.chat, /Второй урок/);
    await author.chat.press("Тема");
    await app.services.lessons.cancel(author.userId, other);
    await author.chat.send("Новая тема второго урока");
    expect(author.chat.lastText()).toContain("Урок уже отменён");
    await author.chat.send("Ещё одна тема");
    expect(author.chat.lastText()).not.toContain("Напишите новую тему");
    expect((await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id: other } })).topic).toBe("Второй урок");
    await author.chat.pressData(lessonEdit.pack({ id: other, field: "duration" }));
    expect(author.chat.toasts().at(-1)).toContain("Урок уже отменён");

    await openMine(author.chat, /Сложение дробей/);
    const cardMessage = author.chat.messages().at(-1)!.message_id;
    app.clock.set("2026-12-10T11:31:00Z"); // the lesson has begun
    for (const field of ["time", "duration", "topic", "method", "seats", "place"]) {
      await author.chat.pressData(lessonEdit.pack({ id, field }), cardMessage);
      expect(author.chat.toasts().at(-1)).toContain("Урок уже начался");
    }
    await expect(app.services.lessons.revise(author.userId, id, { method: "Поздно менять" })).rejects.toMatchObject({ code: "lesson-already-started" });
    const l = await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id } });
    expect(l).toMatchObject({ topic: "Сложение дробей", method: "Работа в группах", durationMin: 45, sequence: 0 });
  });
});

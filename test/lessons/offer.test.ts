import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lessonModerate } from "../../src/bot/features/lessons/callbacks.js";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { registerMethodist, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { offerViaBot } from "./helpers.js";

describe.each(providers)("offering and moderating open lessons on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("a teacher offers a lesson; every wrong answer is explained and asked again; the preview is what is stored", async () => {
    const methodist = await registerMethodist(app, 6100);
    const t = await registerViaBot(app, 6101, { name: "Орлова Нина Павловна" });
    await t.chat.send("🏫 Открытые уроки");
    expect(t.chat.lastText()).toContain("Пока нет предстоящих уроков");
    await t.chat.press("Предложить урок");
    expect(t.chat.lastText()).toContain("По какому предмету");
    // her subjects first, any other on request
    expect(t.chat.buttons().map((b) => b.text)).toEqual(["Математика", "Другой предмет…"]);
    await t.chat.press("Другой предмет…");
    expect(t.chat.buttons().map((b) => b.text)).toContain("Физика");
    await t.chat.press("Физика");
    expect(t.chat.lastText()).toContain("В каком классе");
    await t.chat.press("Дошкольная группа");

    await t.chat.send("ab");
    expect(t.chat.lastText()).toContain("Тема должна быть от 3 до 200 символов");
    expect(t.chat.lastText()).toContain("Тема урока?");
    await t.chat.send("Свет и тень <b>опыты</b>");
    await t.chat.send("Исследовательский метод");

    await t.chat.send("завтра в два");
    expect(t.chat.lastText()).toContain("Не понял дату");
    await t.chat.send("01.11.2026 10:00");
    expect(t.chat.lastText()).toContain("Это время уже прошло");
    await t.chat.send("31.02 10:00");
    expect(t.chat.lastText()).toContain("Такой даты или времени не бывает");
    await t.chat.send("25.12.2026 9:05");

    await t.chat.send("сорок пять");
    expect(t.chat.lastText()).toContain("длительность числом минут");
    await t.chat.send("40");

    await t.chat.press("Онлайн");
    await t.chat.send("sferum");
    expect(t.chat.lastText()).toContain("Это не похоже на ссылку");
    await t.chat.send("ftp://files.example.org/x");
    expect(t.chat.lastText()).toContain("Это не похоже на ссылку");
    await t.chat.send("https://sferum.ru/room/42?a=1&b=2");

    await t.chat.send("0");
    expect(t.chat.lastText()).toContain("число мест цифрами: от 1 до 200");
    await t.chat.send("-3");
    expect(t.chat.lastText()).toContain("число мест цифрами");
    await t.chat.send("4");

    const preview = t.chat.lastText();
    expect(preview).toContain("Проверьте урок");
    expect(preview).toContain("Свет и тень &lt;b&gt;опыты&lt;/b&gt;");
    expect(preview).toContain("Физика, дошкольная группа");
    expect(preview).toContain("25 декабря 2026, 09:05 (40 мин)");
    expect(preview).toContain("Онлайн: https://sferum.ru/room/42?a=1&amp;b=2");
    expect(preview).toContain("Гостей: 0 из 4");
    expect(await app.db.prisma.openLesson.count()).toBe(0);
    await t.chat.press("Отправить на проверку");
    expect(t.chat.lastText()).toContain("отправлен методисту на проверку");

    const stored = await app.db.prisma.openLesson.findFirstOrThrow({ include: { subject: true } });
    expect(stored).toMatchObject({
      authorId: t.userId,
      grade: "preschool",
      topic: "Свет и тень <b>опыты</b>",
      method: "Исследовательский метод",
      durationMin: 40,
      onlineUrl: "https://sferum.ru/room/42?a=1&b=2",
      room: null,
      seats: 4,
      seatsTaken: 0,
      status: "pending",
    });
    expect(stored.subject.code).toBe("physics");
    // typed in Moscow time, stored in UTC
    expect(stored.startsAt.toISOString()).toBe("2026-12-25T06:05:00.000Z");

    await deliverAll(app);
    expect(methodist.chat.lastText()).toContain("Новый открытый урок на проверке");
    expect(methodist.chat.lastText()).toContain("Орлова Нина Павловна");
  });

  it("a lesson at the author's school: the short date form, the room; discarding stores nothing", async () => {
    const t = await registerViaBot(app, 6102);
    await offerViaBot(t, { date: "10.12 14:30" });
    const l = await app.db.prisma.openLesson.findFirstOrThrow({ include: { school: true } });
    expect(l.school?.name).toBe("МБОУ «СОШ № 1»");
    expect(l.room).toBe("каб. 21");
    expect(l.startsAt.toISOString()).toBe("2026-12-10T11:30:00.000Z");

    await t.chat.send("🏫 Открытые уроки");
    await t.chat.press("Предложить урок");
    await t.chat.press("Математика");
    await t.chat.press("7");
    await t.chat.send("Уравнения");
    await t.chat.send("Перевёрнутый класс");
    await t.chat.send("11.12 10:00");
    await t.chat.send("45");
    await t.chat.press("В моей школе");
    await t.chat.send("каб. 3");
    await t.chat.send("2");
    await t.chat.press("Не отправлять");
    expect(t.chat.lastText()).toContain("урок не отправлен");
    expect(await app.db.prisma.openLesson.count()).toBe(1);
  });

  it("an offer half answered survives a restart of the bot", async () => {
    await registerViaBot(app, 6103);
    let chat = app.user(6103);
    await chat.send("🏫 Открытые уроки");
    await chat.press("Предложить урок");
    await chat.press("Математика");
    await chat.press("8");
    await chat.send("Теорема Пифагора");
    await chat.send("Проблемное обучение");
    await chat.send("15.12 11:00");
    app = await app.restart();
    chat = app.user(6103);
    await chat.send("45");
    await chat.press("Онлайн");
    await chat.send("https://sferum.ru/x");
    await chat.send("6");
    expect(chat.lastText()).toContain("15 декабря 2026, 11:00 (45 мин)");
    await chat.press("Отправить на проверку");
    expect(chat.lastText()).toContain("отправлен методисту");
    const l = await app.db.prisma.openLesson.findFirstOrThrow();
    expect(l).toMatchObject({ topic: "Теорема Пифагора", grade: "8", seats: 6, onlineUrl: "https://sferum.ru/x" });
    expect(l.startsAt.toISOString()).toBe("2026-12-15T08:00:00.000Z");
  });

  it("methodists approve (oldest first) or reject with a reason; the author is told; a teacher cannot moderate", async () => {
    const m = await registerMethodist(app, 6110);
    const author = await registerViaBot(app, 6111, { name: "Орлова Нина Павловна" });
    const other = await registerViaBot(app, 6112, { name: "Волкова Дарья" });
    await offerViaBot(author, { topic: "Первый урок" });
    app.clock.advance(60_000);
    await offerViaBot(author, { topic: "Второй урок", date: "11.12 14:30" });
    const [first] = await app.db.prisma.openLesson.findMany({ orderBy: { id: "asc" } });

    // a teacher: neither the command nor a forged button works
    await other.chat.send("/moderate_lessons");
    expect(other.chat.lastText()).toContain("только методисты");
    await other.chat.pressData(lessonModerate.pack({ id: first!.id, ok: true, v: 0 }));
    expect(other.chat.toasts().at(-1)).toContain("только методисты");
    await other.chat.pressData(lessonModerate.pack({ id: first!.id, ok: false, v: 0 }));
    expect((await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id: first!.id } })).status).toBe("pending");
    // nor the service, called directly
    await expect(app.services.lessons.approve(other.userId, first!.id)).rejects.toMatchObject({ code: "forbidden" });

    // colleagues do not see lessons under review
    await other.chat.send("🏫 Открытые уроки");
    expect(other.chat.lastText()).toContain("Пока нет предстоящих уроков");

    await m.chat.send("/moderate_lessons");
    expect(m.chat.lastText()).toContain("Уроки на проверке</b>: 2");
    expect(m.chat.lastText()).toContain("Первый урок");
    await m.chat.press("Одобрить");
    expect(m.chat.textsSince(m.chat.mark() - 2)[0]).toContain("«Первый урок» одобрен");
    expect(m.chat.lastText()).toContain("Второй урок");
    await m.chat.press("Отклонить");
    expect(m.chat.lastText()).toContain("причину отказа");
    await m.chat.send("да");
    expect(m.chat.lastText()).toContain("Причина — от 3 до 500 символов");
    await m.chat.send("Уточните кабинет и <i>тему</i>");
    expect(m.chat.textsSince(m.chat.mark() - 2)[0]).toContain("«Второй урок» отклонён");
    expect(m.chat.lastText()).toContain("Уроков на проверке нет");
    // pressing an old button again is refused
    await m.chat.pressData(lessonModerate.pack({ id: first!.id, ok: true, v: 0 }));
    expect(m.chat.toasts().at(-1)).toContain("уже проверен");

    const [a, b] = await app.db.prisma.openLesson.findMany({ orderBy: { id: "asc" } });
    expect(a).toMatchObject({ status: "approved", moderatedById: m.userId });
    expect(b).toMatchObject({ status: "rejected", rejectReason: "Уточните кабинет и <i>тему</i>", moderatedById: m.userId });
    // reminders and the feedback request wait for the approved lesson only; neither waits to be closed unreviewed
    const tasks = await app.db.prisma.scheduledTask.findMany({ where: { status: "pending" }, orderBy: { dueAt: "asc" } });
    expect(tasks.map((x) => x.dedupeKey)).toEqual([
      `lesson:${a!.id}:remind-day`,
      `lesson:${a!.id}:remind-hour`,
      `lesson:${a!.id}:feedback`,
      `lesson:${a!.id}:summary`,
    ]);
    expect(tasks[0]!.dueAt.toISOString()).toBe("2026-12-09T11:30:00.000Z");
    expect(tasks[1]!.dueAt.toISOString()).toBe("2026-12-10T10:30:00.000Z");

    await deliverAll(app);
    const texts = author.chat.messages().map((x) => x.text);
    expect(texts.some((x) => x.includes("«Первый урок»") && x.includes("одобрен"))).toBe(true);
    expect(texts.some((x) => x.includes("«Второй урок» не одобрен") && x.includes("Причина: Уточните кабинет и &lt;i&gt;тему&lt;/i&gt;"))).toBe(true);

    // the approved one is listed for colleagues; the author sees both in "My lessons"
    await other.chat.send("🏫 Открытые уроки");
    expect(other.chat.buttons().some((x) => x.text.includes("Первый урок"))).toBe(true);
    expect(other.chat.buttons().some((x) => x.text.includes("Второй урок"))).toBe(false);
    await author.chat.send("🏫 Открытые уроки");
    await author.chat.press("Мои уроки");
    expect(author.chat.lastText()).toContain("Первый урок");
    expect(author.chat.lastText()).toContain("✅ одобрен");
    expect(author.chat.lastText()).toContain("❌ отклонён");
  });
});

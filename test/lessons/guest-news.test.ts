// The author of an open lesson hears who signed up and who withdrew: collected into one message a day
// (16:00 in the deployment's zone), within minutes in the last day before the lesson; nothing when the
// changes cancel out or the lesson is cancelled; in her language.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { registerViaBot, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { approvedLesson, insertMethodist } from "./helpers.js";

describe.each(providers)("the author hears of her guests on %s", (provider) => {
  let app: TestApp;
  let methodistId: number;
  beforeEach(async () => {
    app = await createTestApp(provider); // the clock: 23 November 2026, 12:00 in Moscow
    methodistId = await insertMethodist(app, 6600);
  });
  afterEach(() => closeTestApp(app));

  const guestNews = (chatId: number) => receivedTexts(app, chatId).filter((t) => t.startsWith("👥"));
  /** what the scheduler and the sender do by then */
  async function at(iso: string) {
    app.clock.set(iso);
    await app.scheduler.tick();
    await deliverAll(app);
  }
  async function signUp(p: Person) {
    await p.chat.send("🏫 Открытые уроки");
    await p.chat.press(/Сложение дробей/);
    await p.chat.press("Записаться");
  }
  async function withdraw(p: Person) {
    await p.chat.send("🏫 Открытые уроки");
    await p.chat.press(/Сложение дробей/);
    await p.chat.press("Отменить запись");
  }

  it("one message a day after lessons with who came and who left; minutes after a change on the last day", async () => {
    const author = await registerViaBot(app, 6601, { name: "Орлова Нина Павловна" });
    const lessonId = await approvedLesson(app, author.userId, methodistId, { seats: 3 }); // 10 December, 14:30
    await deliverAll(app);
    const anna = await registerViaBot(app, 6602, { name: "Гостева Анна Петровна" });
    const vera = await registerViaBot(app, 6603, { name: "Гостева Вера Ивановна" });
    const galina = await registerViaBot(app, 6604, { name: "Гостева Галина Олеговна" });

    // three changes in the morning, none told at once
    await signUp(anna);
    await signUp(vera);
    await withdraw(vera); // signed up and left again before the author heard: nothing to tell
    app.clock.set("2026-11-23T10:30:00Z");
    await signUp(galina);
    await at("2026-11-23T12:59:00Z");
    expect(guestNews(6601)).toEqual([]);

    // 16:00 in Moscow: one message
    await at("2026-11-23T13:00:00Z");
    expect(guestNews(6601)).toEqual([
      "👥 Ваш открытый урок «Сложение дробей», 10 декабря 2026, 14:30\n\n" +
        "Записались (2):\n• Гостева Анна Петровна, МБОУ «СОШ № 1»\n• Гостева Галина Олеговна, МБОУ «СОШ № 1»\n\n" +
        "Сейчас записано гостей: 2 из 3.",
    ]);
    expect(author.chat.findButton("Открыть урок")).toBeDefined();
    // the next day: one leaves in the morning, and the message comes at 16:00, not before
    await at("2026-11-24T07:00:00Z");
    await withdraw(anna);
    await at("2026-11-24T12:00:00Z");
    expect(guestNews(6601)).toHaveLength(1);
    await at("2026-11-24T13:00:00Z");
    expect(guestNews(6601)).toHaveLength(2);
    expect(guestNews(6601)[1]).toBe(
      "👥 Ваш открытый урок «Сложение дробей», 10 декабря 2026, 14:30\n\n" +
        "Отменили запись (1):\n• Гостева Анна Петровна, МБОУ «СОШ № 1»\n\n" +
        "Сейчас записано гостей: 1 из 3.",
    );
    // a quiet day: nothing
    await at("2026-11-25T13:00:00Z");
    expect(guestNews(6601)).toHaveLength(2);

    // the evening before the lesson (18:00): she is preparing, the news comes within minutes
    await at("2026-12-09T15:00:00Z");
    await signUp(anna);
    await signUp(vera);
    await at("2026-12-09T15:05:00Z");
    expect(guestNews(6601)).toHaveLength(2);
    await at("2026-12-09T15:10:00Z");
    expect(guestNews(6601)).toHaveLength(3);
    expect(guestNews(6601)[2]).toContain("Записались (2):\n• Гостева Анна Петровна, МБОУ «СОШ № 1»\n• Гостева Вера Ивановна, МБОУ «СОШ № 1»");
    expect(guestNews(6601)[2]).toContain("Сейчас записано гостей: 3 из 3.");
    // stored: one message per batch, never repeated; the guests as they are
    await at("2026-12-10T10:00:00Z");
    expect(await app.db.prisma.outboxMessage.count({ where: { userId: author.userId, dedupeKey: { contains: "guest-news" } } })).toBe(3);
    const going = await app.db.prisma.lessonVisit.count({ where: { lessonId, status: "going" } });
    expect(going).toBe(3);
    // the guests themselves hear nothing of each other
    for (const id of [6602, 6603, 6604]) expect(guestNews(id)).toEqual([]);
  });

  it("a cancelled lesson brings no news; an English author reads it in English", async () => {
    const author = await registerViaBot(app, 6611, { name: "Helen Brown", locale: "en" });
    await approvedLesson(app, author.userId, methodistId, { seats: 3 });
    const cancelled = await approvedLesson(app, author.userId, methodistId, {
      seats: 3,
      topic: "Проценты",
      startsAt: new Date("2026-12-11T11:30:00Z").getTime(),
    });
    const anna = await registerViaBot(app, 6612, { name: "Гостева Анна Петровна" });
    await signUp(anna);
    await anna.chat.send("🏫 Открытые уроки");
    await anna.chat.press(/Проценты/);
    await anna.chat.press("Записаться");
    await app.services.lessons.cancel(author.userId, cancelled);
    await at("2026-11-23T13:00:00Z");
    const news = receivedTexts(app, 6611).filter((t) => t.startsWith("👥"));
    expect(news).toEqual([
      "👥 Your open lesson “Сложение дробей”, 10 December 2026, 14:30\n\nSigned up (1):\n• Гостева Анна Петровна, МБОУ «СОШ № 1»\n\nGuests signed up now: 1 of 3.",
    ]);
  });
});

// The author's lessons: one nobody reviewed before its time is closed and she is told; "My lessons" is
// paged like the catalog.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lessonModerate } from "../../src/bot/features/lessons/callbacks.js";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { registerMethodist, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { approvedLesson, insertMethodist, offerViaBot, openMyLesson } from "./helpers.js";

describe.each(providers)("the author's lessons on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
  });
  afterEach(() => closeTestApp(app));

  /** The scheduler runs at this moment and everything it queued is delivered. */
  const at = async (iso: string) => {
    app.clock.set(iso);
    await app.scheduler.tick();
    await deliverAll(app);
  };
  const expiredNotices = (telegramId: number) => receivedTexts(app, telegramId).filter((x) => x.startsWith("⌛ Ваш открытый урок"));

  it("a lesson nobody reviewed before it began is closed: the author is told once, 'My lessons' says so, a late verdict is refused", async () => {
    const m = await registerMethodist(app, 6600);
    const author = await registerViaBot(app, 6601, { name: "Орлова Нина Павловна" });
    await offerViaBot(author, { topic: "Забытый урок" }); // 10.12 14:30 Moscow
    await offerViaBot(author, { topic: "Одобренный урок" });
    await offerViaBot(author, { topic: "Отклонённый урок" });
    await offerViaBot(author, { topic: "Перенесённый урок" });
    const byTopic = async (topic: string) => (await app.db.prisma.openLesson.findFirstOrThrow({ where: { topic } })).id;
    const forgotten = await byTopic("Забытый урок");
    await app.services.lessons.approve(m.userId, await byTopic("Одобренный урок"));
    await app.services.lessons.reject(m.userId, await byTopic("Отклонённый урок"), "Уточните тему");
    // the author moves one under review: it waits for a review until its new time
    await openMyLesson(author.chat, /Перенесённый урок/);
    await author.chat.press("Перенести");
    await author.chat.send("12.12 10:00");
    expect(author.chat.lastText()).toContain("перенесён на 12 декабря 2026, 10:00");
    // the methodist had the queue open with the forgotten lesson's verdict buttons
    await m.chat.send("/moderate_lessons");
    expect(m.chat.lastText()).toContain("Забытый урок");

    // a minute before the start: still under review, nothing said
    await at("2026-12-10T11:29:00Z");
    expect(expiredNotices(6601)).toEqual([]);
    await openMyLesson(author.chat, /Забытый урок/);
    expect(author.chat.lastText()).toContain("Ждёт проверки методистом");

    // the start passes: the author is told, in her language, with a way to offer it again
    await at("2026-12-10T11:30:05Z");
    expect(expiredNotices(6601)).toHaveLength(1);
    expect(expiredNotices(6601)[0]).toContain("«Забытый урок» (10 декабря 2026, 14:30) методист не успел рассмотреть");
    expect(expiredNotices(6601)[0]).toContain("предложите урок снова с новой датой");
    expect(await app.db.prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: `lesson:${forgotten}:review-expired` } } })).toBe(1);
    // the notice's button starts a new offer
    expect(author.chat.buttons().map((b) => b.text)).toEqual(["➕ Предложить урок"]);
    await author.chat.press("Предложить урок");
    expect(author.chat.lastText()).toContain("По какому предмету урок?");
    await author.chat.send("/cancel");

    // "My lessons": each in the state it is in now
    await author.chat.send("🏫 Открытые уроки");
    await author.chat.press("Мои уроки");
    const mine = author.chat.lastText();
    const line = (topic: string) => mine.split("\n\n").find((x) => x.includes(topic)) ?? "";
    expect(line("Забытый урок")).toContain("⌛ не рассмотрен вовремя");
    expect(line("Забытый урок")).not.toContain("на проверке");
    expect(line("Одобренный урок")).toContain("✅ одобрен");
    expect(line("Отклонённый урок")).toContain("❌ отклонён");
    expect(line("Перенесённый урок")).toContain("⏳ на проверке");
    await author.chat.press(/Забытый урок/);
    expect(author.chat.lastText()).toContain("Методист не успел рассмотреть урок до его начала");
    expect(author.chat.buttons().map((b) => b.text)).toEqual(["⬅️ К списку уроков"]);

    // the methodist's queue no longer holds it; her old buttons are refused with the reason
    await m.chat.send("/moderate_lessons");
    expect(m.chat.lastText()).toContain("Перенесённый урок");
    expect(m.chat.lastText()).not.toContain("Забытый урок");
    for (const ok of [true, false]) {
      await m.chat.pressData(lessonModerate.pack({ id: forgotten, ok, v: 0 }));
      expect(m.chat.toasts().at(-1)).toContain("так и не рассмотрели");
    }
    await expect(app.services.lessons.reject(m.userId, forgotten, "Поздно, но отклоняю")).rejects.toMatchObject({ code: "lesson-review-too-late" });
    expect(await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id: forgotten } })).toMatchObject({ status: "pending", moderatedById: null });

    // told once; the approved and the rejected ones are not "closed unreviewed"; the moved one is, at its new time
    await at("2026-12-11T09:00:00Z");
    expect(expiredNotices(6601)).toHaveLength(1);
    await at("2026-12-12T07:00:05Z");
    expect(expiredNotices(6601)).toHaveLength(2);
    expect(expiredNotices(6601)[1]).toContain("«Перенесённый урок»");
    expect(expiredNotices(6601).join("\n")).not.toMatch(/Одобренный урок|Отклонённый урок/);
  });

  it("an English-speaking author is told in English", async () => {
    await insertMethodist(app, 6610);
    const author = await registerViaBot(app, 6611, { name: "Smith Anna", locale: "en" });
    const math = await app.db.prisma.subject.findUniqueOrThrow({ where: { code: "math" } });
    await app.services.lessons.create(author.userId, {
      subjectId: math.id,
      grade: "5",
      topic: "Fractions",
      method: "Group work",
      startsAt: new Date("2026-12-10T11:30:00Z").getTime(),
      durationMin: 45,
      place: { kind: "school", room: "room 21" },
      seats: 3,
    });
    await at("2026-12-10T11:31:00Z");
    expect(author.chat.lastText()).toContain("No methodologist reviewed your open lesson “Fractions” (10 December 2026, 14:30) before it began");
    expect(author.chat.buttons().map((b) => b.text)).toEqual(["➕ Offer a lesson"]);
    await author.chat.send("🏫 Open lessons");
    await author.chat.press("My lessons");
    expect(author.chat.lastText()).toContain("⌛ not reviewed in time");
  });

  it("'My lessons' is paged, newest first", async () => {
    const m = await insertMethodist(app, 6620);
    const author = await registerViaBot(app, 6621, { name: "Орлова Нина Павловна" });
    // thirteen lessons, one a day from 1.12: three pages of six
    for (let i = 1; i <= 13; i++) {
      await approvedLesson(app, author.userId, m, { topic: `Урок ${i}`, startsAt: Date.parse(`2026-12-${String(i).padStart(2, "0")}T11:30:00Z`) });
    }
    const topics = () =>
      author.chat
        .buttons()
        .filter((b) => b.text.includes("Урок"))
        .map((b) => b.text.split(" · ").at(-1));
    const pager = () =>
      author.chat
        .buttons()
        .filter((b) => /^[◀▶]$|^\d+\/\d+$/.test(b.text))
        .map((b) => b.text);

    await author.chat.send("🏫 Открытые уроки");
    await author.chat.press("Мои уроки");
    expect(author.chat.lastText()).toContain("Мои открытые уроки</b>: 13");
    expect(topics()).toEqual(["Урок 13", "Урок 12", "Урок 11", "Урок 10", "Урок 9", "Урок 8"]);
    expect(author.chat.lastText()).not.toContain("Урок 7");
    expect(pager()).toEqual(["1/3", "▶"]);
    const message = author.chat.mark();

    await author.chat.press("▶");
    await author.chat.press("▶");
    // the same message, edited
    expect(author.chat.mark()).toBe(message);
    expect(topics()).toEqual(["Урок 1"]);
    expect(pager()).toEqual(["◀", "3/3"]);
    await author.chat.press("◀");
    expect(topics()).toEqual(["Урок 7", "Урок 6", "Урок 5", "Урок 4", "Урок 3", "Урок 2"]);
    expect(pager()).toEqual(["◀", "2/3", "▶"]);
    await author.chat.press(/Урок 4$/);
    expect(author.chat.lastText()).toContain("Урок 4");
    expect(author.chat.lastText()).toContain("4 декабря 2026, 14:30");

    // a colleague with no lessons sees the invitation, not an empty pager
    const other = await registerViaBot(app, 6622, { name: "Волкова Дарья" });
    await other.chat.send("🏫 Открытые уроки");
    await other.chat.press("Мои уроки");
    expect(other.chat.lastText()).toContain("Вы ещё не предлагали открытых уроков");
    expect(other.chat.buttons().map((b) => b.text)).toEqual(["➕ Предложить урок"]);
  });

  it("lessons offered before the 'not reviewed in time' notice existed are watched from the next start, each once", async () => {
    await insertMethodist(app, 6620);
    const author = await registerViaBot(app, 6621);
    await offerViaBot(author, { topic: "Старый урок" }); // 10.12 14:30 Moscow
    // as a release without the notice left it: pending, no task
    await app.db.prisma.scheduledTask.deleteMany({ where: { dedupeKey: { contains: "review-expiry" } } });
    app = await app.restart();
    expect(await app.db.prisma.scheduledTask.count({ where: { dedupeKey: { contains: "review-expiry" }, status: "pending" } })).toBe(1);
    // a second start adds nothing
    app = await app.restart();
    expect(await app.db.prisma.scheduledTask.count({ where: { dedupeKey: { contains: "review-expiry" } } })).toBe(1);
    await at("2026-12-10T11:30:05Z");
    expect(expiredNotices(6621)).toHaveLength(1);
  });
});

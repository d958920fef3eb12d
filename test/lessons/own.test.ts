// Nobody moderates her own work: a methodist's lesson is published at once, and a lesson she offered
// while still a teacher waits for a colleague, not for her.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lessonModerate } from "../../src/bot/features/lessons/callbacks.js";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { registerMethodist, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { offerViaBot, openMyLesson } from "./helpers.js";

describe.each(providers)("a methodist's own open lessons on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  /** Everything queued for people (notices go through the outbox). */
  const outboxTexts = async () => (await app.db.prisma.outboxMessage.findMany()).map((m) => m.text);
  /** The buttons a message had when it was sent (the preview's are removed once pressed). */
  const sentButtons = (telegramId: number, heading: string) =>
    app.tg
      .callsOf("sendMessage")
      .filter((c) => Number(c.payload.chat_id) === telegramId && String(c.payload.text).includes(heading))
      .flatMap((c) => (c.payload.reply_markup?.inline_keyboard ?? []).flat().map((b: { text: string }) => b.text));

  it("a methodist offers a lesson: it is published at once, nobody is asked to review it, colleagues sign up", async () => {
    const m = await registerMethodist(app, 6900, "Методистова Елена Павловна");
    const colleague = await registerMethodist(app, 6901, "Вторая Методист");
    const teacher = await registerViaBot(app, 6902, { name: "Волкова Дарья" });
    const mStart = m.chat.mark();
    const colleagueStart = colleague.chat.mark();

    await offerViaBot(m, { topic: "Урок методиста", submit: "Опубликовать" });
    // the preview said what would happen; the answer says what did
    expect(sentButtons(6900, "Проверьте урок")).toEqual(["✅ Опубликовать", "✖️ Не отправлять"]);
    expect(m.chat.lastText()).toContain("Урок опубликован");
    expect(m.chat.lastText()).not.toContain("на проверку");

    const l = await app.db.prisma.openLesson.findFirstOrThrow();
    expect(l).toMatchObject({ topic: "Урок методиста", authorId: m.userId, status: "approved", moderatedById: m.userId, moderatedAt: app.clock.now() });
    // exactly what an approval sets in motion: reminders, the feedback request, the summary
    const tasks = await app.db.prisma.scheduledTask.findMany({ orderBy: { dueAt: "asc" } });
    expect(tasks.map((x) => x.dedupeKey)).toEqual([
      `lesson:${l.id}:remind-day`,
      `lesson:${l.id}:remind-hour`,
      `lesson:${l.id}:feedback`,
      `lesson:${l.id}:summary`,
    ]);

    expect(await outboxTexts()).toEqual([]);
    await deliverAll(app);
    expect(colleague.chat.textsSince(colleagueStart)).toEqual([]);
    expect(m.chat.textsSince(mStart).some((x) => x.includes("одобрен методистом") || x.includes("на проверке"))).toBe(false);
    await colleague.chat.send("/moderate_lessons");
    expect(colleague.chat.lastText()).toContain("Уроков на проверке нет");
    await m.chat.send("/moderate_lessons");
    expect(m.chat.lastText()).toContain("Уроков на проверке нет");

    // colleagues see it and sign up at once
    await teacher.chat.send("🏫 Открытые уроки");
    await teacher.chat.press(/Урок методиста/);
    expect(teacher.chat.lastText()).toContain("Ведёт: Методистова Елена Павловна");
    await teacher.chat.press("Записаться");
    expect(teacher.chat.toasts().at(-1)).toContain("Вы записаны");
    expect((await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id: l.id } })).seatsTaken).toBe(1);
  });

  it("a teacher's lesson under review, then she is made a methodist: not in her queue, her verdict refused; a colleague approves it", async () => {
    const colleague = await registerMethodist(app, 6911, "Другая Методист");
    const t = await registerViaBot(app, 6910, { name: "Орлова Нина Павловна" });
    const other = await registerViaBot(app, 6912, { name: "Волкова Дарья" });
    await offerViaBot(t, { topic: "Свой урок" });
    expect(t.chat.lastText()).toContain("отправлен методисту на проверку");
    app.clock.advance(60_000);
    await offerViaBot(other, { topic: "Чужой урок", date: "11.12 14:30" });
    const own = await app.db.prisma.openLesson.findFirstOrThrow({ where: { topic: "Свой урок" } });
    await app.db.prisma.user.update({ where: { id: t.userId }, data: { role: "methodist" } });

    // her queue: only what she may act on, and its total counts only that
    await t.chat.send("/moderate_lessons");
    expect(t.chat.lastText()).toContain("Уроки на проверке</b>: 1");
    expect(t.chat.lastText()).toContain("Чужой урок");
    expect(t.chat.lastText()).not.toContain("Свой урок");

    // forged verdicts on her own lesson are refused, and no reason is asked
    await t.chat.pressData(lessonModerate.pack({ id: own.id, ok: true, v: own.sequence }));
    expect(t.chat.toasts().at(-1)).toBe("Свой урок проверять нельзя — его проверит другой методист.");
    const before = t.chat.mark();
    await t.chat.pressData(lessonModerate.pack({ id: own.id, ok: false, v: own.sequence }));
    expect(t.chat.toasts().at(-1)).toBe("Свой урок проверять нельзя — его проверит другой методист.");
    expect(t.chat.textsSince(before)).toEqual([]);
    // nor through the service
    await expect(app.services.lessons.approve(t.userId, own.id)).rejects.toMatchObject({ code: "lesson-moderation-own" });
    await expect(app.services.lessons.reject(t.userId, own.id, "Сама себе отказываю")).rejects.toMatchObject({ code: "lesson-moderation-own" });
    expect(await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({
      status: "pending",
      moderatedById: null,
      moderatedAt: null,
    });
    await openMyLesson(t.chat, /Свой урок/);
    expect(t.chat.lastText()).toContain("Ждёт проверки методистом");

    // a colleague still sees it (oldest first) and approves it
    await colleague.chat.send("/moderate_lessons");
    expect(colleague.chat.lastText()).toContain("Уроки на проверке</b>: 2");
    expect(colleague.chat.lastText()).toContain("Свой урок");
    await colleague.chat.press("Одобрить");
    expect(colleague.chat.textsSince(colleague.chat.mark() - 2)[0]).toContain("«Свой урок» одобрен");
    expect(await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ status: "approved", moderatedById: colleague.userId });
    await deliverAll(app);
    expect(t.chat.textsSince(0).some((x) => x.includes("«Свой урок»") && x.includes("одобрен методистом"))).toBe(true);
  });

  it("a lesson rejected while she was a teacher, fixed after she became a methodist, is published when she sends it again", async () => {
    const colleague = await registerMethodist(app, 6921, "Другая Методист");
    const t = await registerViaBot(app, 6920, { name: "Орлова Нина Павловна" });
    await offerViaBot(t, { topic: "Отклонённый урок" });
    const l = await app.db.prisma.openLesson.findFirstOrThrow();
    await app.services.lessons.reject(colleague.userId, l.id, "Уточните кабинет");
    await deliverAll(app);
    await app.db.prisma.user.update({ where: { id: t.userId }, data: { role: "methodist" } });
    const colleagueStart = colleague.chat.mark();

    await openMyLesson(t.chat, /Отклонённый урок/);
    expect(t.chat.buttons().map((b) => b.text)).not.toContain("📨 Отправить на проверку снова");
    await t.chat.press("Опубликовать снова");
    expect(t.chat.lastText()).toContain("Урок «Отклонённый урок» опубликован");
    expect(await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id: l.id } })).toMatchObject({
      status: "approved",
      rejectReason: null,
      moderatedById: t.userId,
      moderatedAt: app.clock.now(),
    });
    expect(await app.db.prisma.scheduledTask.count({ where: { dedupeKey: { startsWith: `lesson:${l.id}:remind` } } })).toBe(2);
    await deliverAll(app);
    expect(colleague.chat.textsSince(colleagueStart)).toEqual([]);
    await colleague.chat.send("🏫 Открытые уроки");
    expect(colleague.chat.buttons().some((b) => b.text.includes("Отклонённый урок"))).toBe(true);
  });
});

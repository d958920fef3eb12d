import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lessonRate } from "../../src/bot/features/lessons/callbacks.js";
import { bayesianAverage } from "../../src/domain/lessons/rating.js";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { insertTeacher, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { approvedLesson, insertMethodist, openMyLesson } from "./helpers.js";

describe.each(providers)("reminders, feedback and the best lessons on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
  });
  afterEach(() => closeTestApp(app));

  it("reminds the author and the guests a day and an hour before; a cancelled lesson reminds no one", async () => {
    const methodistId = await insertMethodist(app, 6400);
    const author = await registerViaBot(app, 6401);
    const guest = await registerViaBot(app, 6402, { name: "Гостева Анна" });
    const id = await approvedLesson(app, author.userId, methodistId); // 10.12 14:30 Moscow
    const other = await approvedLesson(app, author.userId, methodistId, { topic: "Отменённый урок" });
    await app.services.lessons.signUp(guest.userId, id);
    await app.services.lessons.signUp(guest.userId, other);

    // the other one is cancelled by its author through the bot; the guest is told
    await openMyLesson(author.chat, /Отменённый урок/);
    await author.chat.press("Отменить урок");
    await author.chat.press("Нет, оставить");
    expect(author.chat.lastText()).toContain("урок остаётся");
    await author.chat.press("Отменить урок");
    await author.chat.press("Да, отменить");
    expect(author.chat.lastText()).toContain("«Отменённый урок» отменён");
    expect((await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id: other } })).status).toBe("cancelled");
    expect(await app.db.prisma.scheduledTask.count({ where: { dedupeKey: { startsWith: `lesson:${other}:` }, status: "pending" } })).toBe(0);
    await deliverAll(app);
    expect(guest.chat.lastText()).toContain("«Отменённый урок» (10 декабря 2026, 14:30) отменён автором");

    app.clock.set("2026-12-09T11:30:05Z");
    await app.scheduler.tick();
    await deliverAll(app);
    for (const chat of [author.chat, guest.chat]) {
      expect(chat.lastText()).toContain("Завтра открытый урок «Сложение дробей»");
      expect(chat.lastText()).toContain("МБОУ «СОШ № 1», каб. 21");
    }
    app.clock.set("2026-12-10T10:30:05Z");
    await app.scheduler.tick();
    await deliverAll(app);
    for (const chat of [author.chat, guest.chat]) expect(chat.lastText()).toContain("Через час открытый урок «Сложение дробей»");
    expect(receivedTexts(app, 6401).filter((x) => x.includes("🔔"))).toHaveLength(2);
    const texts = receivedTexts(app, 6402);
    expect(texts.filter((x) => x.includes("Отменённый урок") && x.includes("🔔"))).toEqual([]);
    expect(texts.filter((x) => x.includes("🔔"))).toHaveLength(2);
  });

  it("a day-before reminder the bot was down for arrives late, once, and does not say 'tomorrow'", async () => {
    const methodistId = await insertMethodist(app, 6450);
    const author = await registerViaBot(app, 6451);
    await approvedLesson(app, author.userId, methodistId); // 10.12 14:30 Moscow, day reminder due 09.12 14:30
    // down from the day before until the morning of the lesson
    app.clock.set("2026-12-10T06:00:00Z");
    app = await app.restart();
    await app.scheduler.tick();
    await deliverAll(app);
    const reminders = receivedTexts(app, 6451).filter((x) => x.startsWith("🔔"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain("Напоминание: открытый урок «Сложение дробей»");
    expect(reminders[0]).toContain("10 декабря 2026, 14:30");
    expect(reminders[0]).not.toContain("Завтра");
    await app.scheduler.tick();
    await deliverAll(app);
    expect(receivedTexts(app, 6451).filter((x) => x.startsWith("🔔"))).toHaveLength(1);
  });

  it("a lesson moved after its reminder went out is reminded of again at the new time; the old hour reminder is not sent", async () => {
    const methodistId = await insertMethodist(app, 6440);
    const authorId = await insertTeacher(app, 6441);
    const guest = await registerViaBot(app, 6442, { name: "Гостева Анна" });
    const id = await approvedLesson(app, authorId, methodistId);
    await app.services.lessons.signUp(guest.userId, id);
    app.clock.set("2026-12-09T11:30:05Z");
    await app.scheduler.tick();
    // the day-before reminder goes out (one still queued when its lesson's time passes would not)
    await deliverAll(app);
    await app.services.lessons.reschedule(authorId, id, "12.12 14:30");
    app = await app.restart(); // the tasks wait in the database
    app.clock.set("2026-12-10T10:30:05Z"); // the old "hour before"
    await app.scheduler.tick();
    app.clock.set("2026-12-11T11:30:05Z");
    await app.scheduler.tick();
    await deliverAll(app);
    const reminders = receivedTexts(app, 6442).filter((x) => x.startsWith("🔔"));
    expect(reminders).toHaveLength(2);
    expect(reminders[0]).toContain("10 декабря 2026, 14:30");
    expect(reminders[1]).toContain("Завтра открытый урок");
    expect(reminders[1]).toContain("12 декабря 2026, 14:30");
    expect(receivedTexts(app, 6442).some((x) => x.includes("перенесён: теперь он 12 декабря 2026, 14:30"))).toBe(true);
  });

  it("guests rate after the lesson (not before, not strangers), may change it for a few days; the author gets a summary", async () => {
    const methodistId = await insertMethodist(app, 6410);
    const author = await registerViaBot(app, 6411, { name: "Орлова Нина Павловна" });
    const guest = await registerViaBot(app, 6412, { name: "Гостева Анна" });
    const stranger = await registerViaBot(app, 6413, { name: "Чужая Вера" });
    const leaver = await registerViaBot(app, 6414, { name: "Ушедшая Дарья" });
    const id = await approvedLesson(app, author.userId, methodistId, { seats: 3 });
    await app.services.lessons.signUp(guest.userId, id);
    // signed up, then withdrew before the lesson: she did not attend
    await app.services.lessons.signUp(leaver.userId, id);
    await app.services.lessons.withdraw(leaver.userId, id);

    // before it happened
    await guest.chat.pressData(lessonRate.pack({ id }));
    expect(guest.chat.lastText()).toContain("Урок ещё не прошёл");

    app.clock.set("2026-12-10T12:15:30Z"); // the lesson ended
    await app.scheduler.tick();
    await deliverAll(app);
    expect(guest.chat.lastText()).toContain("Спасибо, что побывали на открытом уроке «Сложение дробей»");
    expect(receivedTexts(app, 6413).some((x) => x.includes("Спасибо, что побывали"))).toBe(false);

    await stranger.chat.pressData(lessonRate.pack({ id }));
    expect(stranger.chat.lastText()).toContain("только коллеги, которые были на нём записаны");
    await author.chat.pressData(lessonRate.pack({ id }));
    expect(author.chat.lastText()).toContain("только коллеги, которые были на нём записаны");
    expect(receivedTexts(app, 6414).some((x) => x.includes("Спасибо, что побывали"))).toBe(false);
    await leaver.chat.pressData(lessonRate.pack({ id }));
    expect(leaver.chat.lastText()).toContain("только коллеги, которые были на нём записаны");
    await expect(app.services.lessons.rate(leaver.userId, id, { goalClarity: 5, methodUse: 5, pupilActivity: 5 })).rejects.toMatchObject({
      code: "lesson-rate-not-guest",
    });

    await guest.chat.press("Оценить урок");
    expect(guest.chat.lastText()).toContain("Насколько ясно была поставлена цель");
    await guest.chat.send("5");
    expect(guest.chat.lastText()).toContain("нажмите одну из кнопок");
    await guest.chat.press("5");
    await guest.chat.press("4");
    await guest.chat.press("5");
    expect(guest.chat.lastText()).toContain("короткий отзыв");
    await guest.chat.send("Отлично & <b>наглядно</b>");
    expect(guest.chat.lastText()).toContain("Ваша оценка сохранена");
    let fb = await app.db.prisma.lessonFeedback.findMany();
    expect(fb.map((f) => [f.userId, f.goalClarity, f.methodUse, f.pupilActivity, f.comment])).toEqual([[guest.userId, 5, 4, 5, "Отлично & <b>наглядно</b>"]]);

    // the card shows the average and the count
    const before = guest.chat.mark();
    await guest.chat.press("Оценить урок"); // from the request again: a change
    expect(guest.chat.textsSince(before)[0]).toContain("Новые ответы заменят прежние");
    await guest.chat.press("3");
    await guest.chat.press("3");
    await guest.chat.press("3");
    await guest.chat.press("Пропустить");
    fb = await app.db.prisma.lessonFeedback.findMany();
    expect(fb.map((f) => [f.goalClarity, f.methodUse, f.pupilActivity, f.comment])).toEqual([[3, 3, 3, null]]);
    await app.services.lessons.rate(guest.userId, id, { goalClarity: 5, methodUse: 4, pupilActivity: 5, comment: "Отлично & <b>наглядно</b>" });
    const l = await app.services.lessons.load(id);
    expect(l.ratingCount).toBe(1);
    expect(l.ratingAvg).toBeCloseTo(14 / 3);

    await author.chat.send("🏫 Открытые уроки");
    await author.chat.press("Мои уроки");
    expect(author.chat.lastText()).toContain("⭐ 4.7 (1)");
    await author.chat.press(/Сложение дробей/);
    expect(author.chat.lastText()).toContain("Оценка 4.7 из 5 (оценок: 1)");

    // the window closes after FEEDBACK_DAYS; the author gets the summary
    app.clock.set("2026-12-17T12:16:00Z");
    await guest.chat.pressData(lessonRate.pack({ id }));
    expect(guest.chat.lastText()).toContain("Оценки принимаются 7 дн. после урока");
    await app.scheduler.tick();
    await deliverAll(app);
    const summary = author.chat.lastText();
    expect(summary).toContain("Итоги открытого урока «Сложение дробей»");
    expect(summary).toContain("Ясность цели: 5.0");
    expect(summary).toContain("Применение методики: 4.0");
    expect(summary).toContain("Общая оценка: ⭐ 4.7");
    expect(summary).toContain("— Отлично &amp; &lt;b&gt;наглядно&lt;/b&gt;");
  });

  it("best lessons: Bayesian average with a minimum number of ratings, so one 5 does not outrank twenty 4.8s", async () => {
    await insertMethodist(app, 6420);
    const authorId = await insertTeacher(app, 6421, { name: "Автор Урока" });
    const math = await app.db.prisma.subject.findUniqueOrThrow({ where: { code: "math" } });
    const physics = await app.db.prisma.subject.findUniqueOrThrow({ where: { code: "physics" } });
    const raters: number[] = [];
    for (let i = 0; i < 20; i++) raters.push(await insertTeacher(app, 6500 + i));
    const past = async (topic: string, scores: [number, number, number][], subjectId = math.id) => {
      const l = await app.db.prisma.openLesson.create({
        data: {
          authorId,
          subjectId,
          grade: "7",
          topic,
          method: "М",
          startsAt: new Date("2026-11-01T08:00:00Z"),
          durationMin: 45,
          seats: 30,
          status: "approved",
          createdAt: new Date("2026-10-01T08:00:00Z"),
        },
      });
      await app.db.prisma.lessonFeedback.createMany({
        data: scores.map(([goalClarity, methodUse, pupilActivity], i) => ({ lessonId: l.id, userId: raters[i]!, goalClarity, methodUse, pupilActivity })),
      });
      return l.id;
    };
    await past("Один отличный отзыв", [[5, 5, 5]]);
    await past("Три пятёрки", [
      [5, 5, 5],
      [5, 5, 5],
      [5, 5, 5],
    ]);
    // twenty ratings averaging 4.8: 5,5,5 ×16 and 5,5,3 ×4 → (16×5 + 4×4.33)/20 ≈ 4.87
    await past("Двадцать отличных", [...Array(16).fill([5, 5, 5]), ...Array(4).fill([5, 5, 3])]);
    await past("Слабый урок", [
      [2, 2, 2],
      [3, 2, 2],
      [2, 3, 2],
    ]);
    await past(
      "Физика на пятёрку",
      [
        [5, 5, 5],
        [5, 5, 5],
        [5, 5, 5],
        [5, 5, 5],
      ],
      physics.id,
    );

    const best = await app.services.lessons.best(math.id);
    expect(best.map((l) => l.topic)).toEqual(["Двадцать отличных", "Три пятёрки", "Слабый урок"]);
    expect(best[1]!.ranked).toBeCloseTo(bayesianAverage(15, 3));
    expect(best[0]!.ranked).toBeGreaterThan(best[1]!.ranked);

    const t = await registerViaBot(app, 6430);
    await t.chat.send("🏫 Открытые уроки");
    await t.chat.press("Лучшие уроки");
    const text = t.chat.lastText();
    expect(text).toContain("не меньше 3 оценок");
    // all subjects: 20 ratings ≈ 4.59, four 5s ≈ 4.17, three 5s ≈ 4.06
    const order = ["Двадцать отличных", "Физика на пятёрку", "Три пятёрки", "Слабый урок"].map((x) => text.indexOf(x));
    expect(order.every((x) => x > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain("Один отличный отзыв");
    await t.chat.press(/^Физика$/);
    expect(t.chat.lastText()).toContain("Лучшие уроки</b> · Физика");
    expect(t.chat.lastText()).toContain("Физика на пятёрку");
    expect(t.chat.lastText()).not.toContain("Двадцать отличных");
    await t.chat.press(/^Химия$/);
    expect(t.chat.lastText()).toContain("Пока нет уроков, у которых хотя бы 3 оценки");
  });
});

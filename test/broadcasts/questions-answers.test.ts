// Answering a survey: a press records the answer (one row per person), a toast confirms it and her
// copy's buttons show ✅ on her choice; pressing again changes it (one answer) or toggles it (several).
// Refused: a forged button from someone it was not sent to, any press once it is closed or stopped;
// teachers neither close it nor read its answers, a colleague neither. Concurrent presses, in one
// process and in two, never make a second row or lose a tick.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { broadcastAnswerData, broadcastData } from "../../src/bot/features/broadcasts/callbacks.js";
import { emptyAudience } from "../../src/domain/broadcasts/index.js";
import { providers } from "../helpers/databases.js";
import { registerAdmin, registerMethodist, registerViaBot, type Person } from "../helpers/flows.js";
import { closeTestApp, type TestApp } from "../helpers/test-app.js";
import { districtApp, expectAllHtmlValid, type District } from "./helpers.js";
import { copyButtons, launchSurvey, refreshReports, reportOf } from "./survey-helpers.js";

const Q = "Пойдёте на семинар РМО?";

describe.each(providers)("answering a survey on %s", (provider) => {
  let app: TestApp;
  let d: District;
  let m: Person;
  beforeEach(async () => {
    ({ app, d } = await districtApp(provider));
    m = d.methodist;
  });
  afterEach(async () => {
    expectAllHtmlValid(app);
    await closeTestApp(app);
  });

  const answers = (broadcastId: number) =>
    app.db.prisma.broadcastAnswer.findMany({ where: { broadcastId }, orderBy: { userId: "asc" }, select: { userId: true, choices: true } });

  it("one answer: recorded, confirmed, ticked in place, changed by another press; the report and the list count them", async () => {
    const id = await launchSurvey(app, m, { text: Q, options: ["Да", "Нет", "Пока не знаю"] });
    const t1 = app.user(8001);
    expect(copyButtons(app, 8001, Q)).toEqual(["Да", "Нет", "Пока не знаю"]);

    await t1.press("Нет");
    expect(t1.toasts().at(-1)).toBe("✅ Ответ принят. Передумаете — нажмите другой вариант.");
    expect(copyButtons(app, 8001, Q)).toEqual(["Да", "✅ Нет", "Пока не знаю"]);
    expect(await answers(id)).toEqual([{ userId: d.t1, choices: 0b10 }]);
    // the same option again changes nothing; another one replaces it
    await t1.press("✅ Нет");
    expect(copyButtons(app, 8001, Q)).toEqual(["Да", "✅ Нет", "Пока не знаю"]);
    await t1.press("Да");
    expect(copyButtons(app, 8001, Q)).toEqual(["✅ Да", "Нет", "Пока не знаю"]);
    await app.user(8002).press("Да");
    await app.user(8003).press("Пока не знаю");
    expect(await answers(id)).toEqual([
      { userId: d.t1, choices: 0b001 },
      { userId: d.t2, choices: 0b001 },
      { userId: d.t3, choices: 0b100 },
    ]);
    // the others' copies are theirs: t4 still sees no tick
    expect(copyButtons(app, 8004, Q)).toEqual(["Да", "Нет", "Пока не знаю"]);

    await refreshReports(app);
    const report = reportOf(app, 8000, id);
    expect(report.text).toContain("завершена");
    expect(report.text).toContain("📊 <b>Ответы</b>: 3 из 4 получивших");
    expect(report.text).toContain("1. Да — 2 (67%)\n2. Нет — 0 (0%)\n3. Пока не знаю — 1 (33%)");
    expect(report.text).not.toContain("в сумме");
    expect(report.buttons).toEqual(["🔒 Закрыть опрос", "📊 Ответы (.xlsx)"]);
    // answers after the delivery is over still reach the report
    await app.user(8004).press("Нет");
    await refreshReports(app);
    expect(reportOf(app, 8000, id).text).toContain("📊 <b>Ответы</b>: 4 из 4 получивших");
    expect(reportOf(app, 8000, id).text).toContain("2. Нет — 1 (25%)");

    await m.chat.send("/broadcasts");
    expect(m.chat.lastText()).toContain("📊 <b>Ответы</b>: 4 из 4 получивших\n1. Да — 2 (50%)\n2. Нет — 1 (25%)\n3. Пока не знаю — 1 (25%)");
    expect(m.chat.buttons().map((b) => b.text)).toEqual([`🔒 Закрыть опрос №\u00a0${id}`, `📊 Ответы №\u00a0${id} (.xlsx)`]);
  });

  it("several answers: each press ticks or unticks; percentages are of those who answered", async () => {
    const id = await launchSurvey(app, m, { text: Q, options: ["Понедельник", "Среда", "Пятница"], multiple: true });
    const t1 = app.user(8001);
    expect(copyButtons(app, 8001, Q)).toEqual(["☐ Понедельник", "☐ Среда", "☐ Пятница"]);
    await t1.press("Понедельник");
    expect(t1.toasts().at(-1)).toBe("☑️ Отмечено. Выбрано вариантов: 1. Нажмите ещё раз, чтобы снять отметку.");
    await t1.press("Пятница");
    expect(t1.toasts().at(-1)).toContain("Выбрано вариантов: 2");
    expect(copyButtons(app, 8001, Q)).toEqual(["✅ Понедельник", "☐ Среда", "✅ Пятница"]);
    await t1.press("Понедельник");
    expect(t1.toasts().at(-1)).toBe("Отметка снята. Выбрано вариантов: 1.");
    expect(copyButtons(app, 8001, Q)).toEqual(["☐ Понедельник", "☐ Среда", "✅ Пятница"]);
    await app.user(8002).press("Пятница");
    await app.user(8002).press("Среда");
    // t3 ticks and unticks: she counts as not answered
    await app.user(8003).press("Среда");
    await app.user(8003).press("Среда");
    expect(await answers(id)).toEqual([
      { userId: d.t1, choices: 0b100 },
      { userId: d.t2, choices: 0b110 },
      { userId: d.t3, choices: 0 },
    ]);
    await refreshReports(app);
    const report = reportOf(app, 8000, id).text;
    expect(report).toContain("📊 <b>Ответы</b>: 2 из 4 получивших");
    expect(report).toContain("1. Понедельник — 0 (0%)\n2. Среда — 1 (50%)\n3. Пятница — 2 (100%)");
    expect(report).toContain("в сумме бывают больше 100");
  });

  it("refuses a forged press by someone it was not sent to, and options it does not have", async () => {
    const id = await launchSurvey(app, m, { text: Q });
    const colleague = await registerMethodist(app, 8020, "Коллегова Ирина Петровна");
    const newcomer = await registerViaBot(app, 8100, { name: "Новикова Мария" });
    const press = broadcastAnswerData.pack({ id, option: 0 });
    // the author herself was not among the teachers it went to
    for (const who of [colleague.chat, newcomer.chat, m.chat, app.user(8005)]) {
      await who.pressData(press);
      expect(app.tg.callsOf("answerCallbackQuery").at(-1)!.payload).toMatchObject({
        text: "Этот опрос адресован не вам, поэтому ответ не принят. Спасибо за готовность помочь!",
        show_alert: true,
      });
    }
    // someone who never registered
    await app.user(8006).pressData(press);
    expect(app.tg.callsOf("answerCallbackQuery").at(-1)!.payload.text).toContain("адресован не вам");
    // a recipient with an option that is not there, or another broadcast
    const t1 = app.user(8001);
    for (const data of [broadcastAnswerData.pack({ id, option: 2 }), broadcastAnswerData.pack({ id: id + 100, option: 0 })]) {
      await t1.pressData(data);
      expect(t1.toasts().at(-1), data).toBe("Опрос не найден.");
    }
    // data no button of the bot carries: answered as a stale button
    for (const data of [`broadcast-q:${id}:-1`, `broadcast-q:${id}:x`]) {
      await t1.pressData(data);
      expect(t1.toasts().at(-1), data).toBe("Эта кнопка устарела. Откройте раздел заново из меню.");
    }
    expect(await answers(id)).toEqual([]);
    // a plain announcement has no answers to give
    const plain = await app.services.broadcasts.saveDraft(
      { id: m.userId, role: "methodist" },
      { text: "Без вопроса", entities: [], attachment: null, audience: { ...emptyAudience(), roles: ["teacher"] }, urgent: true },
    );
    await m.chat.pressData(broadcastData.pack({ action: "confirm", id: plain.id }));
    await t1.pressData(broadcastAnswerData.pack({ id: plain.id, option: 0 }));
    expect(t1.toasts().at(-1)).toBe("Опрос не найден.");
    expect(app.missing).toEqual([]);
  });

  it("closed by the author: a press gets «closed»; a teacher and a colleague can neither close it nor read its answers; an admin can", async () => {
    const id = await launchSurvey(app, m, { text: Q });
    const t1 = app.user(8001);
    const t2 = app.user(8002);
    await t1.press("Да");
    const other = await launchSurvey(app, m, { text: "Второй опрос" });
    const colleague = await registerMethodist(app, 8020, "Коллегова Ирина Петровна");
    const admin = await registerAdmin(app);

    // a teacher (even a recipient) presses crafted Close / Answers buttons: refused, nothing sent
    for (const action of ["close", "sheet"]) {
      await t1.pressData(broadcastData.pack({ action, id }));
      expect(t1.toasts().at(-1), action).toContain("только методисты");
    }
    // a colleague: refused in words of their own; her list shows the survey but not its answers
    for (const action of ["close", "sheet"]) {
      await colleague.chat.pressData(broadcastData.pack({ action, id }));
      expect(colleague.chat.toasts().at(-1), action).toBe("Видеть ответы и закрывать опрос могут только автор рассылки и администраторы.");
    }
    expect(app.tg.transcript(8020).filter((x) => x.kind === "document")).toEqual([]);
    expect(app.tg.transcript(8001).filter((x) => x.kind === "document")).toEqual([]);
    await colleague.chat.send("/broadcasts");
    expect(colleague.chat.lastText()).toContain("📊 Опрос (2 варианта): ответы видят автор рассылки и администраторы.");
    expect(colleague.chat.lastText()).not.toContain("Ответы</b>");
    expect(colleague.chat.buttons()).toEqual([]);

    // the author closes it in her report
    expect(reportOf(app, 8000, id).buttons).toEqual(["🔒 Закрыть опрос", "📊 Ответы (.xlsx)"]);
    await m.chat.pressData(broadcastData.pack({ action: "close", id }), reportOf(app, 8000, id).messageId);
    expect(m.chat.toasts().at(-1)).toBe("🔒 Опрос закрыт, новые ответы не принимаются.");
    const report = reportOf(app, 8000, id);
    expect(report.text).toContain("📊 <b>Ответы</b>: 1 из 4 получивших · 🔒 опрос закрыт");
    expect(report.buttons).toEqual(["📊 Ответы (.xlsx)"]);
    await t2.pressData(broadcastAnswerData.pack({ id, option: 1 }));
    expect(app.tg.callsOf("answerCallbackQuery").at(-1)!.payload).toMatchObject({
      text: "Опрос закрыт — ответы больше не принимаются. Спасибо!",
      show_alert: true,
    });
    // nor can the one who answered change her mind
    await t1.pressData(broadcastAnswerData.pack({ id, option: 1 }));
    expect(t1.toasts().at(-1)).toContain("Опрос закрыт");
    expect(await answers(id)).toEqual([{ userId: d.t1, choices: 1 }]);
    await m.chat.pressData(broadcastData.pack({ action: "close", id }));
    expect(m.chat.toasts().at(-1)).toBe("Этот опрос уже закрыт.");

    // the admin closes the other one from /broadcasts: the list is shown again in place, the author's report says so
    await admin.chat.send("/broadcasts");
    const list = admin.chat.messages().at(-1)!;
    expect(list.text).toContain("📊 <b>Ответы</b>: 1 из 4 получивших · 🔒 опрос закрыт");
    expect(admin.chat.buttons().map((b) => b.text)).toEqual([
      `🔒 Закрыть опрос №\u00a0${other}`,
      `📊 Ответы №\u00a0${other} (.xlsx)`,
      `📊 Ответы №\u00a0${id} (.xlsx)`,
    ]);
    await admin.chat.press(`Закрыть опрос №\u00a0${other}`);
    expect(admin.chat.messages().at(-1)!.message_id).toBe(list.message_id);
    expect(admin.chat.buttons().map((b) => b.text)).toEqual([`📊 Ответы №\u00a0${other} (.xlsx)`, `📊 Ответы №\u00a0${id} (.xlsx)`]);
    expect(reportOf(app, 8000, other).text).toContain("🔒 опрос закрыт");
    await admin.chat.press(`Ответы №\u00a0${other}`);
    expect(admin.chat.messages().at(-1)!.kind).toBe("document");
    expect(await app.db.prisma.broadcast.findUniqueOrThrow({ where: { id: other } })).toMatchObject({ closedAt: app.clock.now() });
  });

  it("a stopped broadcast takes no more answers", async () => {
    const actor = { id: m.userId, role: "methodist" as const };
    // delivered, but the report task has not yet seen it over: it is still "sending" and may be stopped
    const id = await launchSurvey(app, m, { text: Q, finish: false });
    await app.user(8001).press("Да");
    await app.services.broadcasts.stop(id, actor);
    await app.user(8002).press("Нет");
    expect(app.user(8002).toasts().at(-1)).toContain("Опрос закрыт");
    expect(await answers(id)).toEqual([{ userId: d.t1, choices: 1 }]);
    await m.chat.pressData(broadcastData.pack({ action: "close", id }));
    expect(m.chat.toasts().at(-1)).toBe("Этот опрос уже закрыт.");
  });

  it("presses at the same moment, by the same and different people, in one process and in two: one row per person, no tick lost", async () => {
    const single = await launchSurvey(app, m, { text: Q, options: ["Да", "Нет", "Не знаю"] });
    const multi = await launchSurvey(app, m, { text: "Какие дни удобны?", options: ["Пн", "Ср", "Пт"], multiple: true });
    const twin = await app.twin();
    const press = (a: TestApp, chat: number, id: number, option: number) => a.user(chat).pressData(broadcastAnswerData.pack({ id, option }));
    try {
      await Promise.all([
        press(app, 8001, single, 0),
        press(twin, 8001, single, 1),
        press(app, 8002, single, 2),
        press(twin, 8002, single, 2),
        press(twin, 8003, single, 1),
        // several: t1 ticks all three at once through both processes
        press(app, 8001, multi, 0),
        press(twin, 8001, multi, 1),
        press(twin, 8001, multi, 2),
        press(app, 8002, multi, 2),
      ]);
      // and straight through the domain, no per-chat ordering at all
      const svc = app.services.broadcastAnswers;
      await Promise.all([
        svc.answer(multi, d.t3, 0),
        svc.answer(multi, d.t3, 1),
        svc.answer(multi, d.t3, 0),
        svc.answer(multi, d.t4, 1),
        svc.answer(single, d.t4, 0),
        svc.answer(single, d.t4, 1),
      ]);
    } finally {
      await twin.close();
    }
    const one = await answers(single);
    expect(one.map((a) => a.userId)).toEqual([d.t1, d.t2, d.t3, d.t4]);
    // t1's two presses: one of them is her answer, exactly one option
    expect([0b001, 0b010]).toContain(one[0]!.choices);
    expect(one.slice(1, 3).map((a) => a.choices)).toEqual([0b100, 0b010]);
    expect([0b001, 0b010]).toContain(one[3]!.choices);
    // toggles are never lost: t3 ticked Пн twice (off again) and Ср once
    expect(await answers(multi)).toEqual([
      { userId: d.t1, choices: 0b111 },
      { userId: d.t2, choices: 0b100 },
      { userId: d.t3, choices: 0b010 },
      { userId: d.t4, choices: 0b010 },
    ]);
    await refreshReports(app);
    expect(reportOf(app, 8000, multi).text).toContain("1. Пн — 1 (25%)\n2. Ср — 3 (75%)\n3. Пт — 2 (50%)");
    expect(app.missing).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { broadcastData } from "../../src/bot/features/broadcasts/callbacks.js";
import { emptyAudience, type Audience } from "../../src/domain/broadcasts/index.js";
import { PRIORITY } from "../../src/domain/outbox.js";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { registerViaBot, type Person } from "../helpers/flows.js";
import type { TestApp } from "../helpers/test-app.js";
import { districtApp, expectAllHtmlValid, SCHOOL_A, T0, type District } from "./helpers.js";

const TEXT = "Завтра <b>не тег</b> & семинар в 15:00 🎓 *не_жирный";
/** the methodist's formatting, custom emoji included (Telegram shows the plain emoji where a bot may not use it) */
const ENTITIES = [
  { type: "bold", offset: 0, length: 6 },
  { type: "italic", offset: 23, length: 7 },
  { type: "custom_emoji", offset: 39, length: 2, custom_emoji_id: "5368324170671202286" },
];

describe.each(providers)("broadcasts on %s", (provider) => {
  let app: TestApp;
  let d: District;
  let m: Person;
  beforeEach(async () => {
    ({ app, d } = await districtApp(provider));
    m = d.methodist;
  });
  afterEach(async () => {
    expect(app.missing).toEqual([]);
    expectAllHtmlValid(app);
    await app.destroy();
  });

  const staff = () => ({ id: m.userId, role: "methodist" as const });
  const aud = (a: Partial<Audience>): Audience => ({ ...emptyAudience(), ...a });
  const sentTo = (chatId: number) => app.tg.calls.filter((c) => c.method.startsWith("send") && Number(c.payload.chat_id) === chatId && !c.payload.__failed);

  it("counts the audience of a seeded district: filters intersect, muted only for urgent, inactive and unregistered never", async () => {
    const count = (a: Partial<Audience>, urgent = false) => app.services.broadcasts.count(aud(a), urgent);
    // everyone: the methodist, t1, t2, t3 (t4 muted, t5 blocked the bot, 8006 never registered)
    expect(await count({})).toBe(4);
    expect(await count({}, true)).toBe(5);
    expect(await count({ subjectIds: [d.math] })).toBe(3);
    expect(await count({ subjectIds: [d.math, d.physics] })).toBe(4);
    expect(await count({ schoolIds: [d.schoolA] })).toBe(3);
    expect(await count({ subjectIds: [d.math], schoolIds: [d.schoolA] })).toBe(2);
    expect(await count({ subjectIds: [d.physics], schoolIds: [d.schoolB] })).toBe(1);
    expect(await count({ roles: ["methodist"] })).toBe(1);
    expect(await count({ roles: ["teacher"] })).toBe(3);
    expect(await count({ roles: ["teacher", "methodist"] })).toBe(4);
    // course participants: registered t1, completed t3, offered t4 (muted); t2 only waits
    expect(await count({ courseId: d.courseId })).toBe(2);
    expect(await count({ courseId: d.courseId }, true)).toBe(3);
    // with its waiting list: t2 too
    expect(await count({ courseId: d.courseId, courseWaiting: true })).toBe(3);
    // meeting: t1 going, t3 attended; t2 said no
    expect(await count({ meetingId: d.meetingId })).toBe(2);
    expect(await count({ courseId: d.courseId, subjectIds: [d.physics] })).toBe(1);
    expect(await count({ meetingId: d.meetingId, schoolIds: [d.schoolB] })).toBe(0);
  });

  it("composes, previews exactly, counts, confirms once, delivers with the entities kept, reports live and lists it", async () => {
    await m.chat.send("/broadcast");
    expect(m.chat.lastText()).toContain("Новое объявление");
    await m.chat.sendRaw({ sticker: { file_id: "st", file_unique_id: "st", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } });
    expect(m.chat.lastText()).toContain("Пришлите текст объявления");
    await m.chat.sendRaw({ text: TEXT, entities: ENTITIES });
    expect(m.chat.lastText()).toContain("только те, кто подходит под все сразу");
    expect(m.chat.lastText()).toContain("все зарегистрированные");
    expect(m.chat.lastText()).toContain("Получателей: <b>4</b>");

    await m.chat.press("Предметы");
    await m.chat.press("Математика");
    await m.chat.press("Готово");
    expect(m.chat.lastText()).toContain("предметы: Математика");
    expect(m.chat.lastText()).toContain("Получателей: <b>3</b>");
    await m.chat.press("Школы");
    await m.chat.send("сош 1");
    await m.chat.press(SCHOOL_A);
    expect(m.chat.buttons().some((b) => b.text === `✅ ${SCHOOL_A}`)).toBe(true);
    await m.chat.press("Готово");
    expect(m.chat.lastText()).toContain("предметы: Математика и школы: МБОУ «СОШ № 1»");
    expect(m.chat.lastText()).toContain("Получателей: <b>2</b>");
    await m.chat.press("Далее");

    // the preview: the very message recipients get (entities, no parse mode), then the count and buttons
    const copy = app.tg
      .callsOf("sendMessage")
      .filter((c) => c.payload.chat_id === 8000)
      .find((c) => c.payload.text === TEXT);
    expect(copy?.payload.entities).toEqual(ENTITIES);
    expect(copy?.payload.parse_mode).toBeUndefined();
    expect(m.chat.lastText()).toContain("Получателей: <b>2</b>");
    expect(m.chat.buttons().map((b) => b.text)).toEqual(["✅ Отправить", "✏️ Изменить", "✖️ Отменить"]);
    const b = await app.db.prisma.broadcast.findFirstOrThrow();
    expect(b).toMatchObject({ status: "draft", text: TEXT, recipientCount: 2, authorId: m.userId });
    const confirmData = m.chat.findButton("Отправить")!.data;

    await m.chat.press("Отправить");
    expect(m.chat.lastText()).toContain(`Рассылка №\u00a0${b.id}</b> — идёт отправка`);
    expect(m.chat.lastText()).toContain("В очереди: 2");
    expect(m.chat.buttons().map((x) => x.text)).toEqual(["⏹ Остановить рассылку"]);
    const reportId = m.chat.messages().at(-1)!.message_id;
    // a second press of the same Confirm (outside the finished flow) sends nothing
    await m.chat.pressData(confirmData);
    expect(m.chat.toasts().at(-1)).toContain("уже отправлена");
    expect(await app.db.prisma.outboxMessage.count({ where: { groupId: `broadcast-${b.id}` } })).toBe(2);
    // bulk: a reminder or a freed seat queued meanwhile goes first
    expect(await app.db.prisma.outboxMessage.count({ where: { groupId: `broadcast-${b.id}`, priority: PRIORITY.bulk } })).toBe(2);
    expect(await app.db.prisma.broadcast.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ status: "sending", reportMessageId: reportId });

    // a restart in the middle loses nothing: the report task lives in the database
    app = await app.restart();
    await deliverAll(app);
    // the methodist got the preview and then the broadcast itself
    for (const [chat, times] of [
      [8001, 1],
      [8000, 2],
    ] as const) {
      const got = sentTo(chat).filter((c) => c.payload.text === TEXT);
      expect(got, `chat ${chat}`).toHaveLength(times);
      expect(got[0]!.payload.entities).toEqual(ENTITIES);
      expect(got[0]!.payload.parse_mode).toBeUndefined();
    }
    for (const chat of [8002, 8003, 8004, 8005]) expect(sentTo(chat).filter((c) => c.payload.text === TEXT)).toHaveLength(0);

    app.clock.advance(10_000);
    await app.scheduler.tick();
    const report = app.tg.transcript(8000).find((x) => x.message_id === reportId)!;
    expect(report.text).toContain("завершена");
    expect(report.text).toContain("Доставлено: 2");
    expect(report.reply_markup).toBeUndefined();
    expect(await app.db.prisma.broadcast.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ status: "done", finishedAt: app.clock.now() });
    await deliverAll(app);
    const chat = app.user(8000);
    expect(chat.lastText()).toContain(`Рассылка №\u00a0${b.id} завершена.`);
    expect(chat.lastText()).toContain("Доставлено 2 из 2");
    // the summary comes once
    await app.scheduler.tick();
    app.clock.advance(10_000);
    await app.scheduler.tick();
    await deliverAll(app);
    expect(chat.textsSince(0).filter((t) => t.includes("завершена.</b>") || t.includes("завершена."))).toHaveLength(1);

    await chat.send("/broadcasts");
    expect(chat.lastText()).toContain(`№\u00a0${b.id}</b>`);
    expect(chat.lastText()).toContain("Сидорова Елена Викторовна: «Завтра &lt;b&gt;не тег&lt;/b&gt; &amp; семинар в 15:00 🎓 *не_жирный»");
    expect(chat.lastText()).toContain("предметы: Математика и школы: МБОУ «СОШ № 1»");
    expect(chat.lastText()).toContain("✅ 2 из 2");
  });

  it("a photo with a caption, Edit to change the text and the audience, Cancel discards the draft", async () => {
    await m.chat.send("/broadcast");
    // an album is refused once for all its messages: its first photo alone is not what she meant
    const mark = m.chat.mark();
    for (const n of [1, 2, 3])
      await m.chat.sendRaw({
        media_group_id: "album-1",
        photo: [{ file_id: `al-${n}`, file_unique_id: `al-${n}`, width: 90, height: 90 }],
        ...(n === 1 ? { caption: "Альбом" } : {}),
      });
    expect(m.chat.textsSince(mark)).toHaveLength(1);
    expect(m.chat.lastText()).toContain("не альбом");
    expect(m.chat.lastText()).toContain("Пришлите текст так");
    expect(await app.db.prisma.broadcast.count()).toBe(0);
    await m.chat.sendRaw({
      photo: [
        { file_id: "ph-small", file_unique_id: "a", width: 90, height: 90 },
        { file_id: "ph-big", file_unique_id: "b", width: 900, height: 900 },
      ],
      caption: "Афиша",
      caption_entities: [{ type: "bold", offset: 0, length: 5 }],
    });
    await m.chat.press("Роль");
    await m.chat.press("педагоги");
    await m.chat.press("Готово");
    expect(m.chat.lastText()).toContain("роль: педагоги");
    await m.chat.press("Далее");
    const photo = app.tg.callsOf("sendPhoto").at(-1)!;
    expect(photo.payload).toMatchObject({ chat_id: 8000, photo: "ph-big", caption: "Афиша", caption_entities: [{ type: "bold", offset: 0, length: 5 }] });
    expect(m.chat.lastText()).toContain("Получателей: <b>3</b>");

    await m.chat.press("Изменить");
    await m.chat.press("Текст");
    await m.chat.send("");
    await m.chat.sendRaw({ text: "Новая афиша" });
    // straight back to the preview, audience kept
    expect(app.tg.callsOf("sendMessage").at(-2)!.payload).toMatchObject({ text: "Новая афиша", entities: [] });
    expect(m.chat.lastText()).toContain("роль: педагоги");
    await m.chat.press("Изменить");
    await m.chat.press("Получателей");
    await m.chat.press("Срочное: нет");
    expect(m.chat.lastText()).toContain("получат все, даже те, кто отключил");
    expect(m.chat.lastText()).toContain("Получателей: <b>4</b>");
    await m.chat.press("Далее");
    const drafts = await app.db.prisma.broadcast.findMany();
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ text: "Новая афиша", attachmentId: null, urgent: true, recipientCount: 4, status: "draft" });

    // after a restart the flow is gone; Cancel on the preview still discards the draft
    app = await app.restart({ conversationsVersion: 99 });
    const chat = app.user(8000);
    await chat.press("Отменить");
    expect(chat.lastText()).toContain("ничего не отправлено");
    expect(await app.db.prisma.broadcast.count()).toBe(0);
    expect(await app.db.prisma.outboxMessage.count()).toBe(0);
  });

  it("an audience nobody is in is explained and chosen again; a course's and a meeting's participants", async () => {
    await m.chat.send("/broadcast");
    await m.chat.sendRaw({ text: "Про курс" });
    await m.chat.press("Встреча");
    await m.chat.press("Семинар РМО математиков");
    await m.chat.press("Школы");
    await m.chat.send("Марсианская");
    expect(m.chat.lastText()).toContain("Ничего не нашлось");
    await m.chat.send("сош 2");
    await m.chat.press("МБОУ «СОШ № 2»");
    await m.chat.press("Готово");
    expect(m.chat.lastText()).toContain("Получателей: <b>0</b>");
    await m.chat.press("Далее");
    expect(m.chat.textsSince(m.chat.mark() - 2).join("\n")).toContain("ни один человек");
    expect(m.chat.lastText()).toContain("Кому отправить?");
    expect(await app.db.prisma.broadcast.count()).toBe(0);

    await m.chat.press("Всем (сбросить)");
    await m.chat.press("Курс");
    await m.chat.press("Функциональная грамотность");
    expect(m.chat.lastText()).toContain("участники курса «Функциональная грамотность»");
    expect(m.chat.lastText()).toContain("Получателей: <b>2</b>");
    // its waiting list may be added, and taken away again
    await m.chat.press("И лист ожидания курса");
    expect(m.chat.lastText()).toContain("участники курса «Функциональная грамотность» вместе с листом ожидания");
    expect(m.chat.lastText()).toContain("Получателей: <b>3</b>");
    await m.chat.press("И лист ожидания курса");
    expect(m.chat.lastText()).not.toContain("листом ожидания");
    expect(m.chat.lastText()).toContain("Получателей: <b>2</b>");
    await m.chat.press("Далее");
    await m.chat.press("Отправить");
    await deliverAll(app);
    expect(sentTo(8001).map((c) => c.payload.text)).toEqual(["Про курс"]);
    expect(sentTo(8003).map((c) => c.payload.text)).toEqual(["Про курс"]);
    expect(sentTo(8002)).toEqual([]);
    expect(sentTo(8004)).toEqual([]);
  });

  it("a course further down the list is found by a word of its title", async () => {
    const day = 86_400_000;
    const now = app.clock.now().getTime();
    for (let i = 0; i < 30; i++) {
      await app.db.prisma.course.create({
        data: {
          title: `Курс ПК № ${i + 1}`,
          description: "—",
          provider: "ИРО",
          format: "online",
          startDate: new Date(now + (30 + i) * day),
          endDate: new Date(now + (31 + i) * day),
          hours: 16,
          seats: 5,
          registrationDeadline: new Date(now + (25 + i) * day),
        },
      });
    }
    await m.chat.send("/broadcast");
    await m.chat.sendRaw({ text: "Про курс" });
    await m.chat.press("Курс");
    expect(m.chat.lastText()).toContain("напишите слово из названия");
    // the newest first: the seeded course is not on the first page
    expect(m.chat.buttons().map((b) => b.text)).not.toContain("Функциональная грамотность");
    await m.chat.send("марсианский");
    expect(m.chat.lastText()).toContain("Ничего не нашлось");
    await m.chat.send("ГРАМОТНОСТЬ");
    await m.chat.press("Функциональная грамотность");
    expect(m.chat.lastText()).toContain("участники курса «Функциональная грамотность»");
    expect(m.chat.lastText()).toContain("Получателей: <b>2</b>");
  });

  it("stops midway: what was not sent yet is cancelled and never sent; the report and summary say so", async () => {
    // t1 and t2 were just sent something: their broadcast copies wait a second behind it
    await app.services.outbox.notify([d.t1, d.t2].map((userId) => ({ userId, key: "cancelled", dedupeKey: `test-${userId}` })));
    await deliverAll(app);
    const { id } = await app.services.broadcasts.saveDraft(
      staff(),
      { text: "Срочно", entities: [], attachment: null, audience: aud({ roles: ["teacher"] }), urgent: true },
      undefined,
    );
    // Confirm pressed on a preview whose flow is gone (after a restart, say) still works, once
    await m.chat.pressData(broadcastData.pack({ action: "confirm", id }));
    expect(m.chat.lastText()).toContain("В очереди: 4");
    await app.sender.runUntilIdle();
    expect(await app.services.outbox.groupStatus(`broadcast-${id}`)).toMatchObject({ sent: 2, queued: 2 });

    await m.chat.press("Остановить рассылку");
    expect(m.chat.toasts().at(-1)).toContain("Не отправлено: 2");
    expect(m.chat.lastText()).toContain("остановлена");
    expect(m.chat.lastText()).toContain("Отменено: 2");
    expect(m.chat.buttons()).toEqual([]);
    await m.chat.pressData(broadcastData.pack({ action: "stop", id }));
    expect(m.chat.toasts().at(-1)).toContain("уже завершена или остановлена");

    // nothing was in flight, so it is over at once: finished, and the summary is queued
    expect(await app.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "stopped", finishedAt: new Date(T0) });
    app.clock.advance(10_000);
    await deliverAll(app);
    expect(sentTo(8001).map((c) => c.payload.text)).not.toContain("Срочно");
    expect(sentTo(8002).map((c) => c.payload.text)).not.toContain("Срочно");
    expect(sentTo(8003).map((c) => c.payload.text)).toContain("Срочно");
    expect(sentTo(8004).map((c) => c.payload.text)).toContain("Срочно");
    await app.scheduler.tick();
    await deliverAll(app);
    expect(m.chat.textsSince(0).filter((t) => t.includes("остановлена.</b>"))).toHaveLength(1);
    expect(m.chat.lastText()).toContain(`Рассылка №\u00a0${id} остановлена.`);
    expect(m.chat.lastText()).toContain("Доставлено 2 из 4, отменено 2");
  });

  it("a document goes out as a document; someone who blocked the bot meanwhile is counted as blocked; long lists are shortened", async () => {
    const schools = await app.db.prisma.school.findMany({ orderBy: { id: "asc" }, take: 8 });
    const { id } = await app.services.broadcasts.saveDraft(staff(), {
      text: "План",
      entities: [],
      attachment: { kind: "document", fileId: "doc-plan" },
      audience: aud({ schoolIds: schools.map((s) => s.id) }),
      urgent: false,
    });
    await m.chat.pressData(broadcastData.pack({ action: "confirm", id }));
    expect(m.chat.lastText()).toContain("Получателей: 4");
    app.tg.blocked.add(8003);
    await deliverAll(app);
    expect(
      sentTo(8001)
        .filter((c) => c.method === "sendDocument")
        .map((c) => c.payload),
    ).toMatchObject([{ document: "doc-plan", caption: "План", caption_entities: [] }]);
    app.clock.advance(10_000);
    await app.scheduler.tick();
    // the methodist is at one of these schools: the document came to her too, below the report
    const report = m.chat.messages().find((x) => x.text.includes(`Рассылка №\u00a0${id}</b>`))!;
    expect(report.text).toContain("Заблокировали бота: 1");
    expect(report.text).toContain("Доставлено: 3");
    expect(await app.services.users.byId(d.t3)).toMatchObject({ isActive: false });
    await m.chat.send("/broadcasts");
    expect(m.chat.lastText()).toContain("и ещё 3");
    expect(m.chat.lastText()).toContain("📎 «План»");
    expect(m.chat.lastText()).toContain("✅ 3 из 4 · ⏳ 0 · 🚫 1");
  });

  it("/broadcasts pages through past broadcasts in place, newest first; drafts are not listed", async () => {
    for (let i = 1; i <= 7; i++) {
      const { id } = await app.services.broadcasts.saveDraft(staff(), {
        text: `Объявление ${i}`,
        entities: [],
        attachment: null,
        audience: aud({ roles: ["methodist"] }),
        urgent: false,
      });
      if (i < 7) await app.services.broadcasts.confirm(id, staff());
    }
    await m.chat.send("/broadcasts");
    const list = m.chat.messages().at(-1)!;
    expect(list.text).toContain("всего 6");
    expect(list.text).toContain("«Объявление 6»");
    expect(list.text).toContain("«Объявление 2»");
    expect(list.text).not.toContain("«Объявление 1»");
    expect(list.text).not.toContain("«Объявление 7»");
    await m.chat.press("▶");
    expect(m.chat.messages().at(-1)!.message_id).toBe(list.message_id);
    expect(list.text).toContain("«Объявление 1»");
    expect(list.text).not.toContain("«Объявление 2»");
  });

  it("confirming twice at the same moment queues every message once", async () => {
    const { id } = await app.services.broadcasts.saveDraft(staff(), { text: "Раз", entities: [], attachment: null, audience: emptyAudience(), urgent: false });
    const results = await Promise.allSettled([app.services.broadcasts.confirm(id, staff()), app.services.broadcasts.confirm(id, staff())]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["broadcast-already-confirmed"]);
    expect(await app.db.prisma.outboxMessage.count({ where: { groupId: `broadcast-${id}` } })).toBe(4);
  });

  it("Confirm pressed again and again at once, in this process and in a second one, sends once and posts one report", async () => {
    await m.chat.send("/broadcast");
    await m.chat.sendRaw({ text: "Один раз" });
    await m.chat.press("Далее");
    const confirm = m.chat.findButton("Отправить")!;
    const other = await app.twin();
    try {
      await Promise.all([
        m.chat.pressData(confirm.data, confirm.message_id),
        other.user(8000).pressData(confirm.data, confirm.message_id),
        m.chat.pressData(confirm.data, confirm.message_id),
      ]);
    } finally {
      await other.close();
    }
    const b = await app.db.prisma.broadcast.findFirstOrThrow();
    expect(b).toMatchObject({ status: "sending", recipientCount: 4 });
    expect(await app.db.prisma.outboxMessage.count({ where: { groupId: `broadcast-${b.id}` } })).toBe(4);
    expect(m.chat.messages().filter((x) => x.text.includes(`Рассылка №\u00a0${b.id}</b> — идёт отправка`))).toHaveLength(1);
    // the two other presses were told, as a reply or as a toast
    const refusals = [...m.chat.messages().map((x) => x.text), ...m.chat.toasts()].filter((t) => t.includes("уже отправлена"));
    expect(refusals).toHaveLength(2);
    expect(m.chat.messages().some((x) => x.text.includes("Что-то пошло не так"))).toBe(false);
    await deliverAll(app);
    expect(sentTo(8001).filter((c) => c.payload.text === "Один раз")).toHaveLength(1);
  });

  it("teachers reach none of it", async () => {
    const teacher = await registerViaBot(app, 8100, { name: "Учителева Анна" });
    const { id } = await app.services.broadcasts.saveDraft(staff(), { text: "Тест", entities: [], attachment: null, audience: emptyAudience(), urgent: false });
    await teacher.chat.send("/broadcast");
    expect(teacher.chat.lastText()).toContain("только методисты");
    await teacher.chat.send("/broadcasts");
    expect(teacher.chat.lastText()).toContain("только методисты");
    await teacher.chat.pressData(broadcastData.pack({ action: "confirm", id }));
    expect(teacher.chat.toasts().at(-1)).toContain("только методисты");
    await app.services.broadcasts.confirm(id, staff());
    await teacher.chat.pressData(broadcastData.pack({ action: "stop", id }));
    expect(teacher.chat.toasts().at(-1)).toContain("только методисты");
    expect(await app.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "sending" });
    expect(await app.db.prisma.conversationState.count({ where: { key: "8100" } })).toBe(0);
  });

  it("a methodist demoted in the middle of the flow cannot send what she prepared", async () => {
    await m.chat.send("/broadcast");
    await m.chat.sendRaw({ text: "Последнее слово" });
    await m.chat.press("Далее");
    await app.db.prisma.user.update({ where: { id: m.userId }, data: { role: "teacher" } });
    await m.chat.press("Отправить");
    expect(m.chat.lastText()).toContain("Недостаточно прав");
    expect(await app.db.prisma.broadcast.findFirstOrThrow()).toMatchObject({ status: "draft" });
    expect(await app.db.prisma.outboxMessage.count()).toBe(0);
  });

  it("names and titles with < > & never break a message (methodist's text is sent as written)", async () => {
    const db = app.db.prisma;
    await db.user.update({ where: { id: m.userId }, data: { fullName: "<b>Злая</b> & Ко" } });
    await db.course.update({ where: { id: d.courseId }, data: { title: "<i>Курс</i> & «ПК» <script>" } });
    await db.school.update({ where: { id: d.schoolA }, data: { name: "Школа <№1> & Co" } });
    await m.chat.send("/broadcast");
    await m.chat.sendRaw({ text: "<i>как есть</i> & <b>" });
    await m.chat.press("Курс");
    await m.chat.press("<i>Курс</i> & «ПК» <script>");
    await m.chat.press("Школы");
    await m.chat.send("школа");
    await m.chat.press("Школа <№1> & Co");
    await m.chat.press("Готово");
    expect(m.chat.lastText()).toContain("школы: Школа &lt;№1&gt; &amp; Co и участники курса «&lt;i&gt;Курс&lt;/i&gt; &amp; «ПК» &lt;script&gt;»");
    await m.chat.press("Далее");
    await m.chat.press("Отправить");
    await deliverAll(app);
    const got = sentTo(8001).find((c) => c.payload.text === "<i>как есть</i> & <b>");
    expect(got?.payload.parse_mode).toBeUndefined();
    expect(got?.payload.entities).toEqual([]);
    await m.chat.send("/broadcasts");
    expect(m.chat.lastText()).toContain("&lt;b&gt;Злая&lt;/b&gt; &amp; Ко: «&lt;i&gt;как есть&lt;/i&gt; &amp; &lt;b&gt;»");
    app.clock.advance(10_000);
    await app.scheduler.tick();
    await deliverAll(app);
    expect(expectAllHtmlValid(app)).toBeGreaterThan(10);
  });
});

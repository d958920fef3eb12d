import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { insertTeacher, registerMethodist } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { actor, publishMeeting } from "./helpers.js";

// the meeting: 26 November 2026, 15:00 Moscow (12:00 UTC); now: 23 November, 12:00 Moscow
const START = "2026-11-26T12:00:00Z";

describe.each(providers)("meeting reminders on %s", (provider) => {
  let app: TestApp;
  let methodistId: number;
  let meetingId: number;
  const GOING = 8101,
    SILENT = 8102,
    NOT_GOING = 8103;

  const reminders = (chatId: number) => receivedTexts(app, chatId).filter((t) => t.includes("Напоминание"));
  const nudges = (chatId: number) => receivedTexts(app, chatId).filter((t) => t.includes("Вы ещё не ответили"));

  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
    methodistId = (await registerMethodist(app, 8001)).userId;
    for (const id of [GOING, SILENT, NOT_GOING]) await insertTeacher(app, id, { name: `Учитель Номер${id}`.replace(/\d+/, (d) => "АБВ"[Number(d) - GOING]!) });
    meetingId = (await publishMeeting(app, methodistId, { startsAt: new Date(START) })).id;
    await deliverAll(app);
    await app.user(GOING).press("Приду");
    await app.user(NOT_GOING).press("Не смогу");
  });
  afterEach(() => closeTestApp(app));

  it("a day and an hour before to those going, a nudge a day before to those who did not answer; each once, across a restart", async () => {
    app.clock.set("2026-11-25T11:59:00Z");
    expect(await app.scheduler.tick()).toBe(0);
    app.clock.set("2026-11-25T12:00:00Z");
    expect(await app.scheduler.tick()).toBe(2); // the 24h reminder and the nudge
    await deliverAll(app);
    expect(reminders(GOING)).toHaveLength(1);
    expect(reminders(GOING)[0]).toContain("Заседание РМО «Заседание РМО учителей математики» — 26 ноября 2026, 15:00");
    expect(
      app
        .user(GOING)
        .buttons()
        .map((b) => b.text),
    ).toEqual(["📅 В календарь"]);
    expect(nudges(SILENT)).toHaveLength(1);
    expect(
      app
        .user(SILENT)
        .buttons()
        .map((b) => b.text),
    ).toEqual(["✅ Приду", "❌ Не смогу", "📅 В календарь"]);
    expect(reminders(SILENT)).toEqual([]);
    expect(receivedTexts(app, NOT_GOING)).toHaveLength(1); // the invitation only
    expect(nudges(GOING)).toEqual([]);

    // the process restarts: nothing is sent again
    app = await app.restart();
    expect(await app.scheduler.tick()).toBe(0);
    app.clock.set("2026-11-26T11:00:00Z");
    app = await app.restart();
    expect(await app.scheduler.tick()).toBe(1);
    expect(await app.scheduler.tick()).toBe(0);
    await deliverAll(app);
    expect(reminders(GOING)).toHaveLength(2);
    expect(reminders(SILENT)).toEqual([]);
    expect(nudges(SILENT)).toHaveLength(1);
    const tasks = await app.db.prisma.scheduledTask.findMany();
    expect(tasks.map((t) => t.status)).toEqual(["done", "done", "done"]);
  });

  it("a reminder due while the bot was down is sent once, late; once the meeting began it is dropped", async () => {
    app.clock.set("2026-11-25T12:00:00Z");
    await app.scheduler.tick();
    await deliverAll(app);
    // down from 10:30 to 11:40 UTC: the hour-before reminder (11:00) is late but the meeting has not begun
    app = await app.restart();
    app.clock.set("2026-11-26T11:40:00Z");
    expect(await app.scheduler.tick()).toBe(1);
    await deliverAll(app);
    expect(reminders(GOING)).toHaveLength(2);
    expect(reminders(GOING)[1]).toContain("26 ноября 2026, 15:00");

    const other = await publishMeeting(app, methodistId, { startsAt: new Date("2026-11-27T12:00:00Z"), title: "Семинар по ОГЭ" });
    await deliverAll(app);
    await app.user(GOING).press("Приду");
    app = await app.restart();
    app.clock.set("2026-11-27T12:05:00Z");
    await app.scheduler.tick();
    await deliverAll(app);
    expect(receivedTexts(app, GOING).filter((t) => t.includes("Напоминание") && t.includes("Семинар по ОГЭ"))).toEqual([]);
    const left = await app.db.prisma.scheduledTask.findMany({ where: { dedupeKey: { startsWith: `meeting:${other.id}:` } } });
    expect(left.every((t) => t.status === "cancelled")).toBe(true);
  });

  it("a moved meeting: those who may come are told, reminders follow the new time (the nudge is not repeated)", async () => {
    app.clock.set("2026-11-25T12:00:00Z");
    await app.scheduler.tick();
    await deliverAll(app);
    const m = await actor(app, methodistId);
    await app.services.meetings.reschedule(m, meetingId, new Date("2026-11-28T09:00:00Z"));
    await deliverAll(app);
    const moved = receivedTexts(app, GOING).filter((t) => t.includes("Время встречи изменилось"));
    expect(moved).toHaveLength(1);
    expect(moved[0]).toContain("Было: 26 ноября 2026, 15:00");
    expect(moved[0]).toContain("Стало: <b>28 ноября 2026, 12:00</b>");
    // she never answered but was invited, so she may come; who declined is not bothered
    expect(receivedTexts(app, SILENT).filter((t) => t.includes("изменилось"))).toHaveLength(1);
    expect(receivedTexts(app, NOT_GOING).filter((t) => t.includes("изменилось"))).toEqual([]);
    expect((await app.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).sequence).toBe(1);

    // the old times pass silently
    app.clock.set("2026-11-26T11:00:00Z");
    expect(await app.scheduler.tick()).toBe(0);
    app = await app.restart();
    app.clock.set("2026-11-27T09:00:00Z");
    expect(await app.scheduler.tick()).toBe(2);
    app.clock.set("2026-11-28T08:00:00Z");
    expect(await app.scheduler.tick()).toBe(1);
    await deliverAll(app);
    const r = reminders(GOING);
    expect(r).toHaveLength(3);
    expect(r[1]).toContain("28 ноября 2026, 12:00");
    expect(r[2]).toContain("28 ноября 2026, 12:00");
    expect(nudges(SILENT)).toHaveLength(1);
  });

  it("moved to less than an hour ahead: the reminders already past are not sent", async () => {
    app.clock.set("2026-11-26T09:00:00Z");
    await app.services.meetings.reschedule(await actor(app, methodistId), meetingId, new Date("2026-11-26T09:30:00Z"));
    app.clock.set("2026-11-26T09:20:00Z");
    expect(await app.scheduler.tick()).toBe(0);
    await deliverAll(app);
    expect(reminders(GOING)).toEqual([]);
  });

  it("a cancelled meeting: those who may come are told, who declined is not, no reminders follow", async () => {
    await app.services.meetings.cancel(await actor(app, methodistId), meetingId);
    await deliverAll(app);
    expect(receivedTexts(app, GOING).at(-1)).toContain("Встреча отменена");
    expect(receivedTexts(app, SILENT).at(-1)).toContain("Встреча отменена");
    expect(receivedTexts(app, NOT_GOING).filter((t) => t.includes("отменена"))).toEqual([]);
    app.clock.set("2026-11-26T11:30:00Z");
    expect(await app.scheduler.tick()).toBe(0);
    expect(reminders(GOING)).toEqual([]);
  });

  it("cancelled while the day-before reminder and nudge are still queued: they are not sent; the cancellation is", async () => {
    app.clock.set("2026-11-25T12:00:00Z");
    expect(await app.scheduler.tick()).toBe(2);
    // queued in the outbox, not sent yet (a large audience at the allowed rate takes a while)
    expect(await app.db.prisma.outboxMessage.count({ where: { status: "queued" } })).toBe(3); // the methodist did not answer either
    await app.services.meetings.cancel(await actor(app, methodistId), meetingId);
    await deliverAll(app);
    expect(reminders(GOING)).toEqual([]);
    expect(receivedTexts(app, GOING).at(-1)).toContain("Встреча отменена");
    // she would otherwise be asked to answer to a cancelled meeting; the invitation reached her, so she is told
    expect(nudges(SILENT)).toEqual([]);
    expect(receivedTexts(app, SILENT)).toHaveLength(2);
    expect(receivedTexts(app, SILENT).at(-1)).toContain("Встреча отменена");
  });

  it("cancelled before its invitations went out: they are not sent, and nobody hears of a cancellation", async () => {
    const other = await publishMeeting(app, methodistId, { title: "Семинар по ОГЭ" });
    await app.services.meetings.cancel(await actor(app, methodistId), other.id);
    await deliverAll(app);
    for (const id of [GOING, SILENT, NOT_GOING]) expect(receivedTexts(app, id).filter((t) => t.includes("Семинар по ОГЭ"))).toEqual([]);
    const left = await app.db.prisma.outboxMessage.findMany({ where: { groupId: `meeting-${other.id}` } });
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((r) => r.status === "cancelled")).toBe(true);
  });

  it("moved while the day-before reminder is still queued: the stale one is not sent, the new time's reminders are", async () => {
    app.clock.set("2026-11-25T12:00:00Z");
    expect(await app.scheduler.tick()).toBe(2);
    await app.services.meetings.reschedule(await actor(app, methodistId), meetingId, new Date("2026-11-28T09:00:00Z"));
    await deliverAll(app);
    expect(reminders(GOING)).toEqual([]);
    expect(receivedTexts(app, GOING).at(-1)).toContain("Стало: <b>28 ноября 2026, 12:00</b>");
    app.clock.set("2026-11-27T09:00:00Z");
    await app.scheduler.tick();
    await deliverAll(app);
    expect(reminders(GOING)).toHaveLength(1);
    expect(reminders(GOING)[0]).toContain("28 ноября 2026, 12:00");
  });

  it("offsets come from MEETING_REMINDER_OFFSETS", async () => {
    const other = await createTestApp(provider, { env: { MEETING_REMINDER_OFFSETS: "2d, 30m" } });
    try {
      const mId = (await registerMethodist(other, 8002)).userId;
      const meeting = await publishMeeting(other, mId, { startsAt: new Date(START) });
      const keys = (await other.db.prisma.scheduledTask.findMany({ orderBy: { dueAt: "asc" } })).map((t) => [t.dedupeKey, t.dueAt.toISOString()]);
      expect(keys).toEqual([
        [`meeting:${meeting.id}:remind:2880m`, "2026-11-24T12:00:00.000Z"],
        [`meeting:${meeting.id}:nudge`, "2026-11-25T12:00:00.000Z"],
        [`meeting:${meeting.id}:remind:30m`, "2026-11-26T11:30:00.000Z"],
      ]);
      expect(other.missing).toEqual([]);
    } finally {
      await other.destroy();
    }
  });
});

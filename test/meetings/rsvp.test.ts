import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { insertTeacher, registerMethodist, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { actor, publishMeeting } from "./helpers.js";

/** The uploaded file's text: the fake API keeps a multipart part as `__file_<field>` or, when grammY
 * names the part by a random key (`document: "attach://<key>"`), under that key. */
describe.each(providers)("answering and the calendar on %s", (provider) => {
  let app: TestApp;
  let methodistId: number;
  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
    methodistId = (await registerMethodist(app, 7001)).userId;
  });
  afterEach(() => closeTestApp(app));

  it("Going from the invitation, then Not going from the Meetings section; the answer is stored and shown", async () => {
    const t = await registerViaBot(app, 7101, { name: "Петрова Анна Сергеевна" });
    const meeting = await publishMeeting(app, methodistId);
    await deliverAll(app);
    expect(t.chat.lastText()).toContain("Заседание РМО учителей математики");
    await t.chat.press("Приду");
    expect(t.chat.toasts().at(-1)).toBe("Записали: вы придёте.");
    // the invitation turns into the card with the answer
    expect(t.chat.lastText()).toContain("Ваш ответ: приду");
    expect(t.chat.buttons().map((b) => b.text)).toEqual(["✔️ ✅ Приду", "❌ Не смогу", "📅 В календарь", "📤 Поделиться"]);
    expect(await app.db.prisma.meetingRsvp.findFirst({ where: { meetingId: meeting.id, userId: t.userId } })).toMatchObject({ answer: "going" });

    await t.chat.send("📅 Встречи");
    const texts = t.chat.textsSince(t.chat.mark() - 2);
    expect(texts[0]).toContain("Ближайшие встречи");
    expect(texts[0]).toContain("Посещённых встреч пока нет");
    expect(texts[1]).toContain("26 ноября 2026, 15:00 (90 мин)");
    expect(texts[1]).toContain("Ваш ответ: приду");
    await t.chat.press("Не смогу");
    expect(t.chat.lastText()).toContain("Ваш ответ: не смогу");
    expect(await app.services.meetings.answerOf(t.userId, meeting.id)).toBe("not_going");
    expect(await app.db.prisma.meetingRsvp.count()).toBe(1);
  });

  it("no answers after the deadline, after the start, to a cancelled meeting, or to a meeting for others", async () => {
    const t = await registerViaBot(app, 7102);
    await insertTeacher(app, 7103, { subjectCodes: ["history"] });
    const meeting = await publishMeeting(app, methodistId, { rsvpDeadline: new Date("2026-11-25T12:00:00Z") });
    await deliverAll(app);
    await app.user(7103).pressData(`meeting-r:1:${meeting.id}`);
    expect(app.user(7103).toasts().at(-1)).toContain("для другой группы");
    app.clock.set("2026-11-25T12:00:00Z");
    await t.chat.press("Приду");
    expect(t.chat.toasts().at(-1)).toContain("Срок ответа на это приглашение уже прошёл");
    expect(await app.db.prisma.meetingRsvp.count()).toBe(0);

    await publishMeeting(app, methodistId, { startsAt: new Date("2026-11-26T08:00:00Z") });
    await deliverAll(app);
    app.clock.set("2026-11-26T08:00:00Z");
    await t.chat.press("Приду");
    expect(t.chat.toasts().at(-1)).toContain("уже началась");
    const cancelled = await publishMeeting(app, methodistId, { startsAt: new Date("2026-12-26T08:00:00Z") });
    await app.services.meetings.cancel(await actor(app, methodistId), cancelled.id);
    await t.chat.pressData(`meeting-r:1:${cancelled.id}`);
    expect(t.chat.toasts().at(-1)).toContain("отменена");
    expect(await app.db.prisma.meetingRsvp.count()).toBe(0);
  });

  it("the answer can be changed until the deadline and not after it; a meeting moved before its deadline takes the deadline along", async () => {
    const t = await registerViaBot(app, 7106);
    const meeting = await publishMeeting(app, methodistId, { rsvpDeadline: new Date("2026-11-25T12:00:00Z") });
    await deliverAll(app);
    await t.chat.press("Приду");
    app.clock.set("2026-11-25T11:59:00Z");
    await t.chat.send("/meetings");
    expect(t.chat.lastText()).toContain("Ответить до 25 ноября 2026, 15:00");
    await t.chat.press("Не смогу");
    expect(t.chat.lastText()).toContain("Ваш ответ: не смогу");
    app.clock.set("2026-11-25T12:00:00Z");
    await t.chat.press("Приду");
    expect(t.chat.toasts().at(-1)).toContain("Срок ответа на это приглашение уже прошёл");
    // the card is left as it was, and so is the answer
    expect(t.chat.lastText()).toContain("Ваш ответ: не смогу");
    expect(await app.services.meetings.answerOf(t.userId, meeting.id)).toBe("not_going");

    const early = await publishMeeting(app, methodistId, { startsAt: new Date("2026-11-30T12:00:00Z"), rsvpDeadline: new Date("2026-11-29T12:00:00Z") });
    await app.services.meetings.reschedule(await actor(app, methodistId), early.id, new Date("2026-11-28T09:00:00Z"));
    expect((await app.db.prisma.meeting.findUniqueOrThrow({ where: { id: early.id } })).rsvpDeadline).toEqual(new Date("2026-11-28T09:00:00Z"));
  });

  it("only meetings for her are listed; none: a friendly empty list", async () => {
    const t = await registerViaBot(app, 7104, { subjects: ["История"] });
    await publishMeeting(app, methodistId); // maths
    await t.chat.send("/meetings");
    expect(t.chat.lastText()).toContain("Ближайших встреч для вас пока нет");
    await publishMeeting(app, methodistId, { audience: "everyone", subjectIds: [], title: "Методический день района" });
    await t.chat.send("/meetings");
    expect(t.chat.lastText()).toContain("Методический день района");
    expect(t.chat.lastText()).toContain("Вы ещё не ответили");
  });

  it("Add to calendar: an .ics with a stable UID, SEQUENCE, UTC start, place and description; an edit bumps SEQUENCE", async () => {
    const t = await registerViaBot(app, 7105, { locale: "en", subjects: ["Mathematics"] });
    const meeting = await publishMeeting(app, methodistId, { agenda: "Exam preparation", place: "Gymnasium No. 3, room 14" });
    await deliverAll(app);
    await t.chat.press("Add to calendar");
    const ics = (id = meeting.id) => {
      // what the teacher received: a document named after the meeting
      const received = app.tg.transcript(7105).at(-1)!;
      expect(received.kind).toBe("document");
      expect(received.file?.name).toBe(`meeting-${id}.ics`);
      const comp = new ICAL.Component(ICAL.parse(received.file!.bytes!.toString("utf8")));
      return comp.getFirstSubcomponent("vevent")!;
    };
    let ev = ics();
    expect(ev.getFirstPropertyValue("uid")).toBe(`meeting-${meeting.id}@metodset.bot`);
    expect(Number(ev.getFirstPropertyValue("sequence"))).toBe(0);
    const start = ev.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect(start.zone?.tzid).toBe("UTC");
    expect(start.toJSDate().toISOString()).toBe("2026-11-26T12:00:00.000Z");
    expect((ev.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate().toISOString()).toBe("2026-11-26T13:30:00.000Z");
    expect(ev.getFirstPropertyValue("location")).toBe("Gymnasium No. 3, room 14");
    expect(ev.getFirstPropertyValue("summary")).toBe("Заседание РМО учителей математики");
    expect(String(ev.getFirstPropertyValue("description"))).toContain("Subject association meeting");
    expect(String(ev.getFirstPropertyValue("description"))).toContain("Exam preparation");
    expect(t.chat.lastText()).toContain("Open the file to add the event to your phone's calendar");

    await app.services.meetings.reschedule(await actor(app, methodistId), meeting.id, new Date("2026-11-27T07:30:00Z"));
    await t.chat.press("Add to calendar");
    ev = ics();
    expect(ev.getFirstPropertyValue("uid")).toBe(`meeting-${meeting.id}@metodset.bot`);
    expect(Number(ev.getFirstPropertyValue("sequence"))).toBe(1);
    expect((ev.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe("2026-11-27T07:30:00.000Z");

    const online = await publishMeeting(app, methodistId, { place: null, onlineUrl: "https://telemost.yandex.ru/j/42" });
    await t.chat.pressData(`meeting-c:${online.id}`);
    ev = ics(online.id);
    expect(ev.getFirstPropertyValue("location")).toBe("https://telemost.yandex.ru/j/42");
    expect(String(ev.getFirstPropertyValue("url"))).toBe("https://telemost.yandex.ru/j/42");

    await app.services.meetings.cancel(await actor(app, methodistId), online.id);
    // cancelled: the file now takes it out of the calendar (same UID)
    await t.chat.pressData(`meeting-c:${online.id}`);
    expect(t.chat.lastText()).toContain("The event is cancelled");
    ev = ics(online.id);
    expect(ev.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(ev.getFirstPropertyValue("uid")).toBe(`meeting-${online.id}@metodset.bot`);
  });
});

import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { insertTeacher, registerMethodist, registerViaBot, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { publishMeeting } from "./helpers.js";

describe.each(providers)("a methodist's meetings on %s", (provider) => {
  let app: TestApp;
  let m: Person;
  let meetingId: number;
  // Anna and Vera will come, Galina will not, Dina never answers
  const ANNA = 9101,
    VERA = 9102,
    GALINA = 9103,
    DINA = 9104;

  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
    m = await registerMethodist(app, 9001);
    await insertTeacher(app, ANNA, { name: "Алексеева Анна" });
    await insertTeacher(app, VERA, { name: "Борисова Вера" });
    await insertTeacher(app, GALINA, { name: "Васильева Галина" });
    await insertTeacher(app, DINA, { name: "Горина Дина" });
    meetingId = (await publishMeeting(app, m.userId)).id;
    await deliverAll(app);
    await app.user(ANNA).press("Приду");
    await app.user(VERA).press("Приду");
    await app.user(GALINA).press("Не смогу");
  });
  afterEach(() => closeTestApp(app));

  /** The first message of the teacher's Meetings section: the list's header with her record. */
  async function header(chatId: number) {
    const chat = app.user(chatId);
    const from = chat.mark();
    await chat.send("📅 Встречи");
    return chat.textsSince(from)[0];
  }

  async function openMeeting() {
    await m.chat.send("/meetings_admin");
    await m.chat.press(/Заседание РМО учителей математики/);
  }

  it("lists meetings with counts and answers", async () => {
    await openMeeting();
    const card = m.chat.lastText();
    expect(card).toContain("Заседание РМО: Заседание РМО учителей математики");
    // four teachers and the methodist (maths)
    expect(card).toContain("Приглашено: 5 · придут: 2 · не смогут: 1 · посетили: 0");
    expect(m.chat.buttons().map((b) => b.text)).toEqual([
      "👥 Ответы",
      "📥 Таблица (.xlsx)",
      "🕒 Перенести",
      "⏱ Длительность",
      "📍 Сменить место",
      "✏️ Название",
      "📝 Повестка",
      "👥 Кого пригласить",
      "❌ Отменить встречу",
    ]);
    await m.chat.press("Ответы");
    // those who have not answered too (Dina, and the methodist, who teaches maths): whom to call
    expect(m.chat.lastText().split("\n")).toEqual([
      "👥 <b>Ответы</b>",
      "✅ Алексеева Анна",
      "✅ Борисова Вера",
      "❌ Васильева Галина",
      "",
      "▫️ <b>Не ответили: 2</b>",
      "▫️ Горина Дина",
      "▫️ Сидорова Елена Викторовна",
    ]);
  });

  it("«Ответы» before anyone answered lists everyone invited as not answered; in English too", async () => {
    const second = await publishMeeting(app, m.userId, { title: "Методический день" });
    await m.chat.send("/meetings_admin");
    await m.chat.press(/Методический день/);
    await m.chat.press("Ответы");
    expect(m.chat.lastText().split("\n")).toEqual([
      "👥 <b>Ответы</b>",
      "Пока никто не ответил.",
      "",
      "▫️ <b>Не ответили: 5</b>",
      "▫️ Алексеева Анна",
      "▫️ Борисова Вера",
      "▫️ Васильева Галина",
      "▫️ Горина Дина",
      "▫️ Сидорова Елена Викторовна",
    ]);
    await app.services.meetings.rsvp(await userIdOf(ANNA), second.id, "going");
    await app.db.prisma.user.update({ where: { id: m.userId }, data: { language: "en" } });
    await m.chat.send("/meetings_admin");
    await m.chat.press(/Методический день/);
    await m.chat.press("Answers");
    expect(m.chat.lastText()).toContain("✅ Алексеева Анна");
    expect(m.chat.lastText()).toContain("▫️ <b>Not answered: 4</b>");
    expect(second.id).toBeGreaterThan(meetingId);
  });

  it("a busy past month does not push the meetings ahead out of the list", async () => {
    // 25 seminars held in the last month, one a day from 29 October (now: 23 November 2026)
    await app.db.prisma.meeting.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        kind: "seminar" as const,
        title: `Прошедший семинар ${i + 1}`,
        startsAt: new Date(Date.UTC(2026, 9, 29 + i, 9)),
        durationMin: 60,
        place: "ИМЦ",
        audience: "everyone" as const,
        createdById: m.userId,
      })),
    });
    await m.chat.send("/meetings_admin");
    const labels = m.chat.buttons().map((b) => b.text);
    expect(labels[0]).toContain("Заседание РМО учителей математики");
    // then the ten latest held ones, latest first
    expect(labels.slice(1, 11).map((l) => l.replace(/^.* · /, ""))).toEqual(Array.from({ length: 10 }, (_, i) => `Прошедший семинар ${25 - i}`));
    expect(labels.slice(11)).toEqual(["➕ Назначить встречу"]);
    await m.chat.press(/Заседание РМО учителей математики/);
    expect(m.chat.buttons().map((b) => b.text)).toContain("❌ Отменить встречу");
  });

  it("moves the meeting through the bot: a past time is refused; those who may come are told, not who declined nor the methodist", async () => {
    await openMeeting();
    await m.chat.press("Перенести");
    await m.chat.send("01.11.2026 10:00");
    expect(m.chat.lastText()).toContain("уже прошло");
    await m.chat.send("27.11 16:00");
    expect(m.chat.lastText()).toContain("Встреча изменена");
    const stored = await app.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(stored).toMatchObject({ startsAt: new Date("2026-11-27T13:00:00Z"), sequence: 1 });
    await deliverAll(app);
    for (const id of [ANNA, VERA, DINA]) expect(receivedTexts(app, id).at(-1)).toContain("Стало: <b>27 ноября 2026, 16:00</b>");
    expect(receivedTexts(app, GALINA)).toHaveLength(1);
    expect(receivedTexts(app, 9001).join("\n")).not.toContain("Время встречи изменилось");
  });

  it("changes the place: a broken link is refused; those who may come are told", async () => {
    await openMeeting();
    await m.chat.press("Сменить место");
    await m.chat.send("https://");
    expect(m.chat.lastText()).toContain("Ссылка не похожа");
    await m.chat.send("https://telemost.yandex.ru/j/777");
    expect(m.chat.lastText()).toContain("Встреча изменена");
    expect(await app.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({
      place: null,
      onlineUrl: "https://telemost.yandex.ru/j/777",
      sequence: 1,
    });
    await deliverAll(app);
    for (const id of [ANNA, DINA]) expect(receivedTexts(app, id).at(-1)).toContain("Теперь: <b>https://telemost.yandex.ru/j/777</b>");
    expect(receivedTexts(app, GALINA)).toHaveLength(1);
  });

  it("changes the duration: wrong input is refused; those going are told how long, not that it moved", async () => {
    await openMeeting();
    await m.chat.press("Длительность");
    await m.chat.send("три часа");
    expect(m.chat.lastText()).toContain("Сколько продлится?");
    await m.chat.send("2 ч");
    expect(m.chat.lastText()).toContain("Встреча изменена");
    expect(await app.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({ durationMin: 120, sequence: 1 });
    await deliverAll(app);
    expect(receivedTexts(app, ANNA).at(-1)).toContain("Теперь: 120 мин.");
    expect(receivedTexts(app, ANNA).at(-1)).not.toContain("Было:");
    expect(receivedTexts(app, GALINA)).toHaveLength(1);
  });

  it("corrects the title and the agenda: validated, nobody is told, the calendar file gets the new text", async () => {
    await openMeeting();
    await m.chat.press("Название");
    await m.chat.send("РМ");
    expect(m.chat.lastText()).toContain("Название встречи");
    await m.chat.send("Заседание РМО: подготовка к ОГЭ <2027>");
    expect(m.chat.lastText()).toContain("Исправлено");
    await openMeeting();
    await m.chat.press("Повестка");
    await m.chat.send("1. Разбор демоверсии\n2. Критерии & баллы");
    expect(m.chat.lastText()).toContain("Исправлено");
    expect(await app.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({
      title: "Заседание РМО: подготовка к ОГЭ <2027>",
      agenda: "1. Разбор демоверсии\n2. Критерии & баллы",
      sequence: 2,
    });
    await deliverAll(app);
    expect(receivedTexts(app, ANNA)).toHaveLength(1);
    // the teacher's card shows the new title, escaped
    await app.user(ANNA).send("/meetings");
    expect(app.user(ANNA).lastText()).toContain("подготовка к ОГЭ &lt;2027&gt;");
    expect(app.missing).toEqual([]);
  });

  it('clears the agenda with "-": nobody is told, the teacher\'s card and calendar file lose it', async () => {
    await openMeeting();
    await m.chat.press("Повестка");
    await m.chat.send("-");
    expect(m.chat.lastText()).toContain("Исправлено");
    expect(await app.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({ agenda: "", sequence: 1 });
    await deliverAll(app);
    expect(receivedTexts(app, ANNA)).toHaveLength(1);
    const anna = app.user(ANNA);
    await anna.send("/meetings");
    expect(anna.lastText()).toContain("Заседание РМО учителей математики");
    expect(anna.lastText()).not.toContain("📝");
    await anna.press("В календарь");
    const file = app.tg.transcript(ANNA).at(-1)!.file!;
    const event = new ICAL.Component(ICAL.parse(file.bytes!.toString("utf8"))).getFirstSubcomponent("vevent")!;
    expect(Number(event.getFirstPropertyValue("sequence"))).toBe(1);
    expect(String(event.getFirstPropertyValue("description"))).toBe("Заседание РМО");
  });

  it("/cancel in the middle of an edit leaves the meeting as it was; what she types next is not taken as the answer", async () => {
    await openMeeting();
    await m.chat.press("Перенести");
    expect(m.chat.lastText()).toContain("Новые дата и время");
    await m.chat.send("/cancel");
    expect(m.chat.lastText()).toContain("Действие отменено");
    await m.chat.send("27.11 16:00");
    expect(m.chat.lastText()).toContain("не понял");
    await openMeeting();
    await m.chat.press("Сменить место");
    await m.chat.send("/cancel");
    await m.chat.send("https://telemost.yandex.ru/j/777");
    expect(m.chat.lastText()).toContain("не понял");
    expect(await app.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({
      startsAt: new Date("2026-11-26T12:00:00Z"),
      place: "МБОУ «Гимназия № 3», каб. 14",
      onlineUrl: null,
      sequence: 0,
    });
    expect(await app.db.prisma.conversationState.count()).toBe(0);
    await deliverAll(app);
    expect(receivedTexts(app, ANNA)).toHaveLength(1);
  });

  it("cancels after a confirmation: those who may come are told, who declined is not; teachers no longer see it", async () => {
    await openMeeting();
    await m.chat.press("Отменить встречу");
    await m.chat.press("Нет");
    expect(m.chat.lastText()).toContain("остаётся в силе");
    await m.chat.press("Отменить встречу");
    await m.chat.press("Да, отменить");
    expect(m.chat.lastText()).toContain("Встреча отменена, участники уведомлены");
    expect((await app.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe("cancelled");
    await deliverAll(app);
    for (const id of [ANNA, VERA, DINA]) expect(receivedTexts(app, id).at(-1)).toContain("Встреча отменена");
    expect(receivedTexts(app, GALINA)).toHaveLength(1);
    expect(receivedTexts(app, 9001).join("\n")).not.toContain("<b>Встреча отменена</b>");
    // the notice's button gives the file that takes the meeting out of her phone's calendar
    await app.user(ANNA).press("Убрать из календаря");
    const sent = app.tg.transcript(ANNA).at(-1)!;
    expect(sent.text).toContain("Событие отменено");
    const calendar = new ICAL.Component(ICAL.parse(sent.file!.bytes!.toString("utf8")));
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    const event = calendar.getFirstSubcomponent("vevent")!;
    expect(event.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.getFirstPropertyValue("uid")).toBe(`meeting-${meetingId}@metodset.bot`);
    expect(Number(event.getFirstPropertyValue("sequence"))).toBe(1);
    await app.user(ANNA).send("/meetings");
    expect(app.user(ANNA).lastText()).toContain("Ближайших встреч для вас пока нет");
    // a second press of the old button changes nothing
    await m.chat.pressData(`meeting-a:cancel-yes:${meetingId}`);
    expect(m.chat.toasts().at(-1)).toContain("отменена");
  });

  it("marks attendance after the start (all who said Going, then one by one, also those who never answered); the teacher's record shows it", async () => {
    const DARIA = 9105;
    // a maths teacher who never pressed a button, and a history teacher the meeting is not for
    const dariaId = await insertTeacher(app, DARIA, { name: "Григорьева Дарья" });
    const outsiderId = await insertTeacher(app, 9106, { name: "Дмитриева Елена", subjectCodes: ["history"] });
    await m.chat.pressData(`meeting-a:all:${meetingId}`);
    expect(m.chat.toasts().at(-1)).toContain("ещё не началась");
    await m.chat.pressData(`meeting-t:${meetingId}:0:${dariaId}`);
    expect(m.chat.toasts().at(-1)).toContain("ещё не началась");
    app.clock.set("2026-11-26T13:00:00Z");
    await openMeeting();
    expect(m.chat.buttons().map((b) => b.text)).toEqual(["👥 Ответы", "📥 Таблица (.xlsx)", "✅ Отметить посещение"]);
    await m.chat.press("Отметить посещение");
    // everyone invited: Going first, then Not going, then those who did not answer (the methodist too)
    expect(m.chat.buttons().map((b) => b.text)).toEqual([
      "▫️ Алексеева Анна ✋",
      "▫️ Борисова Вера ✋",
      "▫️ Васильева Галина",
      "▫️ Горина Дина",
      "▫️ Григорьева Дарья",
      "▫️ Сидорова Елена Викторовна",
      "✅ Отметить всех, кто обещал прийти",
    ]);
    await m.chat.press("Отметить всех");
    expect(m.chat.toasts().at(-1)).toBe("Отмечено: 2");
    await m.chat.press("✅ Борисова Вера");
    await m.chat.press("▫️ Васильева Галина");
    await m.chat.press("▫️ Григорьева Дарья");
    expect(
      m.chat
        .buttons()
        .map((b) => b.text)
        .slice(0, 6),
    ).toEqual(["✅ Алексеева Анна ✋", "▫️ Борисова Вера ✋", "✅ Васильева Галина", "▫️ Горина Дина", "✅ Григорьева Дарья", "▫️ Сидорова Елена Викторовна"]);
    const rows = await app.db.prisma.meetingRsvp.findMany({ orderBy: { userId: "asc" } });
    expect(rows.map((r) => [r.answer, r.attended])).toEqual([
      ["going", true],
      ["going", false],
      ["not_going", true],
      [null, true],
    ]);
    expect(rows[3]!.userId).toBe(dariaId);
    // someone the meeting is not for cannot be marked
    await m.chat.pressData(`meeting-t:${meetingId}:0:${outsiderId}`);
    expect(m.chat.toasts().at(-1)).toContain("не найден");
    expect(await app.db.prisma.meetingRsvp.count({ where: { userId: outsiderId } })).toBe(0);
    // an attendance page of a meeting that is no more
    await m.chat.pressData(`meeting-tp:${meetingId + 100}:1`);
    expect(m.chat.toasts().at(-1)).toContain("Этой встречи больше нет");
    await openMeeting();
    expect(m.chat.lastText()).toContain("посетили: 3");
    expect(await header(DARIA)).toContain("Вы посетили 1 встречу");

    // the meeting is still under way, so it is listed after the header with the record
    expect(await header(ANNA)).toContain("Вы посетили 1 встречу");
    expect(await header(VERA)).toContain("Посещённых встреч пока нет");
  });

  it("someone who erases her data disappears from the answers", async () => {
    const t = await registerViaBot(app, 9107, { name: "Дмитриева Елена" });
    await deliverAll(app);
    await t.chat.send("/meetings");
    await t.chat.press("Приду");
    expect(await app.db.prisma.meetingRsvp.count({ where: { userId: t.userId } })).toBe(1);
    await t.chat.send("/deleteme");
    await t.chat.press("Да, удалить всё");
    expect(await app.db.prisma.meetingRsvp.count({ where: { userId: t.userId } })).toBe(0);
  });

  it("changes the audience: those newly in it are invited once, those invited before are not invited again, answers stay", async () => {
    const ZOYA = 9110;
    await insertTeacher(app, ZOYA, { name: "Зотова Зоя", subjectCodes: ["physics"] });
    await openMeeting();
    await m.chat.press("Кого пригласить");
    await m.chat.press("По предметам");
    // no subject ticked: refused, asked again
    await m.chat.press("Готово");
    await m.chat.press("Физика");
    await m.chat.press("Готово");
    expect(m.chat.lastText()).toContain("Приглашение отправляется ещё 1 чел.");
    expect(await app.db.prisma.meetingSubject.findMany({ where: { meetingId }, include: { subject: true } })).toMatchObject([{ subject: { code: "physics" } }]);
    await deliverAll(app);
    expect(receivedTexts(app, ZOYA)).toHaveLength(1);
    expect(receivedTexts(app, ZOYA)[0]).toContain("Заседание РМО учителей математики");
    // back to everyone: Zoya and the maths teachers had it already
    await openMeeting();
    await m.chat.press("Кого пригласить");
    await m.chat.press("Все педагоги");
    expect(m.chat.lastText()).toContain("Новых приглашённых нет");
    await deliverAll(app);
    for (const id of [ANNA, DINA, ZOYA]) expect(receivedTexts(app, id)).toHaveLength(1);
    expect(await app.services.meetings.answerOf(await userIdOf(ANNA), meetingId)).toBe("going");
  });

  it("an invitation still queued goes to nobody the meeting is no longer for, and goes with the meeting as it is now", async () => {
    const second = await publishMeeting(app, m.userId, { title: "Методический день" });
    const me = (await app.services.users.byId(m.userId))!;
    // nothing delivered yet: moved, then for methodists only
    await app.services.meetings.reschedule(me, second.id, new Date("2026-11-27T10:00:00Z"));
    for (const id of [ANNA, DINA]) expect(await queuedTexts(second.id, id)).toEqual([expect.stringContaining("27 ноября 2026, 13:00")]);
    await app.services.meetings.retarget(me, second.id, { audience: "methodists", subjectIds: [], schoolIds: [] });
    await deliverAll(app);
    for (const id of [ANNA, VERA, GALINA, DINA]) expect(receivedTexts(app, id).join("\n")).not.toContain("Методический день");
    const methodist = receivedTexts(app, 9001).filter((t) => t.includes("Методический день"));
    // one invitation, with the new time, and no "moved" notice for a time she never saw
    expect(methodist).toHaveLength(1);
    expect(methodist[0]).toContain("27 ноября 2026, 13:00");
  });

  it("an edit that changes nothing is refused and tells nobody", async () => {
    await openMeeting();
    await m.chat.press("Перенести");
    await m.chat.send("26.11.2026 15:00");
    expect(m.chat.lastText()).toContain("ничего не изменено");
    await openMeeting();
    await m.chat.press("Сменить место");
    await m.chat.send("МБОУ «Гимназия № 3», каб. 14");
    expect(m.chat.lastText()).toContain("ничего не изменено");
    expect(await app.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({ sequence: 0 });
    await deliverAll(app);
    expect(receivedTexts(app, ANNA)).toHaveLength(1);
  });

  it("a conference's answers go out in several messages under Telegram's limit, nobody left out", async () => {
    // 150 more maths teachers with long names say they will come
    // names differ by their last word, made of letters (a name has no digits)
    const last = (i: number) => `${String.fromCharCode(1040 + (i % 32))}${String.fromCharCode(1072 + Math.floor(i / 32))}вна`;
    for (let i = 0; i < 150; i++) {
      const id = await insertTeacher(app, 20_000 + i, { name: `Константинопольская-Преображенская Александра ${last(i)}` });
      await app.services.meetings.rsvp(id, meetingId, "going");
    }
    await openMeeting();
    const from = m.chat.mark();
    await m.chat.press("Ответы");
    const parts = m.chat.textsSince(from);
    expect(parts.length).toBeGreaterThan(1);
    const all = parts.join("\n");
    for (let i = 0; i < 150; i++) expect(all).toContain(`Александра ${last(i)}`);
    expect(all).toContain("Алексеева Анна");
  });

  it("a conference's silent majority: those who have not answered, counted and named, in several messages; a region's thousands point to the spreadsheet", async () => {
    const last = (i: number) => `${String.fromCharCode(1040 + (i % 32))}${String.fromCharCode(1072 + Math.floor(i / 32))}вна`;
    const more = 340;
    for (let i = 0; i < more; i++) await insertTeacher(app, 30_000 + i, { name: `Новоприглашённая-Нерешительная Валентина ${last(i)}` });
    await openMeeting();
    const from = m.chat.mark();
    await m.chat.press("Ответы");
    const parts = m.chat.textsSince(from);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
    const all = parts.join("\n");
    expect(all).toContain("✅ Алексеева Анна");
    // 340 more and Dina and the methodist have not answered; the first 300 by name, the rest counted
    expect(all).toContain(`▫️ <b>Не ответили: ${more + 2}</b>`);
    expect(all.match(/^▫️ (?!<b>)/gm)).toHaveLength(300);
    expect(all).toContain("▫️ Горина Дина");
    expect(all).toContain(`…и ещё ${more + 2 - 300} — все они в таблице (📥 Таблица)`);
  });

  async function userIdOf(telegramId: number): Promise<number> {
    return (await app.db.prisma.user.findUniqueOrThrow({ where: { telegramId: BigInt(telegramId) } })).id;
  }

  async function queuedTexts(id: number, telegramId: number): Promise<string[]> {
    const rows = await app.db.prisma.outboxMessage.findMany({ where: { groupId: `meeting-${id}`, status: "queued", userId: await userIdOf(telegramId) } });
    return rows.map((r) => r.text);
  }
});

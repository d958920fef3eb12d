import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { insertTeacher, registerMethodist, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(providers)("creating a meeting on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
  });
  afterEach(() => closeTestApp(app));

  it("asks every field, explains wrong answers, previews, publishes to the subject's teachers and schedules reminders", async () => {
    const m = await registerMethodist(app, 6001);
    await insertTeacher(app, 6101, { name: "Алексеева Анна", subjectCodes: ["math"] });
    await insertTeacher(app, 6102, { name: "Борисова Вера", subjectCodes: ["russian"] });
    const c = m.chat;
    await c.send("/newmeeting");
    await c.press("Заседание РМО");
    await c.send("РМ");
    expect(c.lastText()).toContain("от 3 до 200 символов");
    await c.send("Заседание РМО учителей математики");
    await c.send("1. Итоги олимпиады\n2. Подготовка к <ОГЭ>");
    await c.send("20.11.2026 15:00");
    expect(c.lastText()).toContain("уже прошло");
    await c.send("завтра утром");
    expect(c.lastText()).toContain("Не понял дату");
    await c.send("01.12.2026 15:00");
    await c.send("полтора");
    expect(c.lastText()).toContain("Не понял продолжительность");
    await c.send("900");
    expect(c.lastText()).toContain("от 5 минут до 12 часов");
    await c.send("1:30");
    await c.send("https//telemost.yandex.ru/j/123");
    expect(c.lastText()).toContain("Ссылка не похожа");
    await c.send("http://localhost/meet");
    expect(c.lastText()).toContain("Ссылка не похожа");
    await c.send("https://telemost.yandex.ru/j/123");
    await c.press("По предметам");
    // the question is about the audience, not about her own subjects
    expect(c.lastText()).toContain("Для учителей каких предметов встреча?");
    await c.press("Готово");
    expect(c.toasts().at(-1)).toContain("хотя бы один предмет");
    await c.press("Математика");
    await c.press("Готово");
    await c.send("05.12.2026 10:00");
    expect(c.lastText()).toContain("не может быть позже начала");
    await c.send("22.11.2026 10:00");
    expect(c.lastText()).toContain("уже прошло");
    await c.send("в пятницу");
    expect(c.lastText()).toContain("Не понял дату");
    await c.send("30.11.2026 18:00");
    const preview = c.lastText();
    expect(preview).toContain("Проверьте встречу");
    expect(preview).toContain("Заседание РМО: Заседание РМО учителей математики");
    expect(preview).toContain("1 декабря 2026, 15:00 (90 мин)");
    expect(preview).toContain("Подготовка к &lt;ОГЭ&gt;");
    expect(preview).toContain("https://telemost.yandex.ru/j/123");
    expect(preview).toContain("Ответить до 30 ноября 2026, 18:00");
    // the methodist (maths, by default) and one teacher
    expect(preview).toContain("Приглашение получат: 2 чел.");
    await c.press("Опубликовать");
    expect(c.lastText()).toContain("Встреча опубликована");

    const meeting = await app.db.prisma.meeting.findFirstOrThrow({ include: { subjects: true } });
    expect(meeting).toMatchObject({
      kind: "association",
      title: "Заседание РМО учителей математики",
      agenda: "1. Итоги олимпиады\n2. Подготовка к <ОГЭ>",
      startsAt: new Date("2026-12-01T12:00:00Z"),
      durationMin: 90,
      place: null,
      onlineUrl: "https://telemost.yandex.ru/j/123",
      audience: "subjects",
      rsvpDeadline: new Date("2026-11-30T15:00:00Z"),
      status: "scheduled",
      sequence: 0,
      createdById: m.userId,
    });
    expect(meeting.subjects).toHaveLength(1);
    const tasks = await app.db.prisma.scheduledTask.findMany({ orderBy: { dueAt: "asc" } });
    expect(tasks.map((t) => [t.dedupeKey, t.dueAt.toISOString()])).toEqual(
      [
        [`meeting:${meeting.id}:remind:1440m`, "2026-11-30T12:00:00.000Z"],
        [`meeting:${meeting.id}:nudge`, "2026-11-30T12:00:00.000Z"],
        [`meeting:${meeting.id}:remind:60m`, "2026-12-01T11:00:00.000Z"],
      ].sort((a, b) => a[1]!.localeCompare(b[1]!)) as never,
    );

    await deliverAll(app);
    const got = receivedTexts(app, 6101);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain("Заседание РМО: Заседание РМО учителей математики");
    expect(got[0]).toContain("📝 1. Итоги олимпиады");
    expect(got[0]).toContain("💻 https://telemost.yandex.ru/j/123");
    expect(got[0]).toContain("Ответьте, пожалуйста, до 30 ноября 2026, 18:00");
    expect(
      app
        .user(6101)
        .buttons()
        .map((b) => b.text),
    ).toEqual(["✅ Приду", "❌ Не смогу", "📅 В календарь"]);
    expect(receivedTexts(app, 6102)).toEqual([]);
    expect(await app.services.outbox.groupStatus(`meeting-${meeting.id}`)).toMatchObject({ total: 2, sent: 2 });
  });

  it("schools: an empty choice is refused; only the chosen schools' teachers are invited, in their language", async () => {
    const m = await registerMethodist(app, 6002);
    const school2 = await app.db.prisma.school.findFirstOrThrow({ where: { name: "МБОУ «СОШ № 2»" } });
    await insertTeacher(app, 6201, { name: "Васильева Галина", schoolId: school2.id, subjectCodes: ["russian"], language: "en" });
    await insertTeacher(app, 6202, { name: "Григорьева Дарья" });
    const c = m.chat;
    await c.send("/newmeeting");
    await c.press("Семинар");
    await c.send("Функциональная грамотность");
    await c.send("-");
    await c.send("01.12 10:00");
    await c.send("2 ч");
    await c.send("МБОУ «Гимназия № 3», актовый зал");
    await c.press("По школам");
    await c.press("Готово");
    expect(c.toasts().at(-1)).toContain("хотя бы одну школу");
    await c.send("сош 2");
    expect(c.lastText()).toContain("Нашлись школы");
    await c.press("МБОУ «СОШ № 2»");
    expect(c.buttons().some((b) => b.text === "✅ МБОУ «СОШ № 2»")).toBe(true);
    // the paged list shows the school found by the query ticked
    await c.press("Весь список");
    const ticked: string[] = [];
    for (let i = 0; i < 4 && !ticked.length; i++) {
      ticked.push(
        ...c
          .buttons()
          .filter((b) => b.text.startsWith("✅"))
          .map((b) => b.text),
      );
      if (!ticked.length) await c.press("▶");
    }
    expect(ticked).toEqual(["✅ МБОУ «СОШ № 2»"]);
    await c.press("Готово");
    await c.send("-");
    expect(c.lastText()).toContain("Приглашение получат: 1 чел.");
    await c.press("Опубликовать");
    const meeting = await app.db.prisma.meeting.findFirstOrThrow({ include: { schools: true } });
    expect(meeting).toMatchObject({ kind: "seminar", agenda: "", durationMin: 120, place: "МБОУ «Гимназия № 3», актовый зал", rsvpDeadline: null });
    expect(meeting.schools.map((s) => s.schoolId)).toEqual([school2.id]);
    await deliverAll(app);
    const got = receivedTexts(app, 6201);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain("Seminar: Функциональная грамотность");
    expect(got[0]).toContain("1 December 2026, 10:00");
    expect(got[0]).not.toContain("📝");
    expect(receivedTexts(app, 6202)).toEqual([]);
  });

  it("methodists only; discarding publishes nothing", async () => {
    const m = await registerMethodist(app, 6003);
    await insertTeacher(app, 6301);
    const c = m.chat;
    await c.send("/newmeeting");
    await c.press("Методсовет");
    await c.send("Методсовет по аттестации");
    await c.send("-");
    await c.send("02.12 09:00");
    await c.send("60");
    await c.send("ИМЦ, каб. 5");
    await c.press("Только методисты");
    await c.send("-");
    expect(c.lastText()).toContain("Приглашение получат: 1 чел.");
    await c.press("Отмена");
    expect(c.lastText()).toContain("не опубликована");
    expect(await app.db.prisma.meeting.count()).toBe(0);
    expect(await app.db.prisma.outboxMessage.count()).toBe(0);
  });

  it("a teacher cannot create or manage meetings", async () => {
    const t = await registerViaBot(app, 6004);
    await t.chat.send("/newmeeting");
    expect(t.chat.lastText()).toContain("только методисты");
    await t.chat.send("/meetings_admin");
    expect(t.chat.lastText()).toContain("только методисты");
    await t.chat.pressData("meeting-a:cancel-yes:1");
    expect(t.chat.toasts().at(-1)).toContain("только методисты");
    await t.chat.pressData("meeting-t:1:0:1");
    expect(t.chat.toasts().at(-1)).toContain("только методисты");
    expect(await app.db.prisma.conversationState.count()).toBe(0);
  });

  it("a restart in the middle of the creation loses nothing", async () => {
    await registerMethodist(app, 6006);
    await app.user(6006).send("/newmeeting");
    await app.user(6006).press("Мастер-класс");
    await app.user(6006).send("Мастер-класс: смысловое чтение");
    app = await app.restart();
    const c = app.user(6006);
    await c.send("-");
    await c.send("03.12 14:00");
    await c.send("45");
    await c.send("МБОУ «Лицей № 4», каб. 21");
    await c.press("Все педагоги");
    await c.send("-");
    await c.press("Опубликовать");
    expect(c.lastText()).toContain("Встреча опубликована");
    expect(await app.db.prisma.meeting.findFirstOrThrow()).toMatchObject({
      kind: "master_class",
      title: "Мастер-класс: смысловое чтение",
      audience: "everyone",
    });
  });

  it("/cancel leaves the creation half-way; nothing is stored", async () => {
    const m = await registerMethodist(app, 6005);
    await m.chat.send("/newmeeting");
    await m.chat.press("Конференция");
    await m.chat.send("Районная конференция");
    await m.chat.send("/cancel");
    expect(m.chat.lastText()).toContain("Действие отменено");
    await m.chat.send("Ещё текст");
    expect(m.chat.lastText()).toContain("не понял");
    expect(await app.db.prisma.meeting.count()).toBe(0);
  });
});

// Certificates as a teacher gets them: from the button under the notice (a material published,
// attendance marked) or from «Мои документы»; a PDF read back for her name, school, what and when, the
// approving methodist and the number; the same number every time; Russian and English; nothing of
// anyone else's.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { certificateData } from "../../src/bot/features/documents/callbacks.js";
import { formatNumber, parseNumber } from "../../src/domain/documents/number.js";
import { ATTENDED_NOTICE_DELAY_MS } from "../../src/domain/meetings/types.js";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { insertTeacher, registerMethodist, registerViaBot, type Person } from "../helpers/flows.js";
import { readPdf } from "../helpers/pdf.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { approvedLesson } from "../lessons/helpers.js";
import { insertMaterial } from "../materials/helpers.js";
import { publishMeeting } from "../meetings/helpers.js";

describe.each(providers)("certificates on %s", (provider) => {
  let app: TestApp;
  let nina: Person;
  let methodist: Person;
  beforeEach(async () => {
    app = await createTestApp(provider);
    nina = await registerViaBot(app, 7001, { name: "Орлова Нина Павловна" });
    methodist = await registerMethodist(app, 7002, "Сидорова Елена Викторовна");
  });
  afterEach(() => closeTestApp(app));

  const lastDocument = (p: Person) => {
    const m = p.chat.messages().at(-1)!;
    expect(m.kind, p.chat.dump()).toBe("document");
    return m;
  };
  const stored = () => app.db.prisma.certificate.findMany({ orderBy: { id: "asc" } });

  it("a published material's notice gives the certificate of publication: her name, school, the material, the day, the methodist, a number; the same every time, in Russian and in English", async () => {
    await insertMaterial(app, nina.userId, { title: "Карточки по дробям", type: "worksheet", grades: ["5", "6"] }, methodist.userId);
    await deliverAll(app);
    expect(nina.chat.lastText()).toContain("«Карточки по дробям» опубликован");
    await nina.chat.press("Получить свидетельство");

    const [row] = await stored();
    expect(row).toMatchObject({ kind: "material", holderId: nina.userId, holderName: "Орлова Нина Павловна", title: "Карточки по дробям" });
    expect(parseNumber(row!.number)).toBe(row!.number);
    const number = formatNumber(row!.number);
    const sent = lastDocument(nina);
    expect(Buffer.from(sent.file!.name!, "latin1").toString("utf8")).toBe(`Свидетельство_${number}.pdf`);
    expect(sent.text).toContain(`№ <code>${number}</code>`);
    expect(sent.text).toContain(`https://t.me/metodset_test_bot?start=verify-${number}`);
    const pdf = await readPdf(sent);
    expect(pdf.pages).toBe(1);
    expect(pdf.title).toBe(`СВИДЕТЕЛЬСТВО № ${number}`);
    for (const part of [
      "Информационно-методический центр",
      "о публикации методического материала",
      `№ ${number}`,
      "Настоящим подтверждается, что Орлова Нина Павловна МБОУ «СОШ № 1»",
      "является автором методического материала «Карточки по дробям» (рабочий лист; математика, 5, 6 классы), опубликованного 23 ноября 2026 г. в банке методических материалов района.",
      "Материал проверен и одобрен методистом: Сидорова Елена Викторовна.",
      `команду /verify ${number}`,
      "Дата выдачи: 23 ноября 2026 г.",
      "Руководитель",
      "М. П.",
    ])
      expect(pdf.text).toContain(part);

    // a week later, again: the same number and date of issue, no second certificate
    app.clock.advance(7 * 24 * 3_600_000);
    await nina.chat.press("Получить свидетельство");
    const again = await readPdf(lastDocument(nina));
    expect(again.text).toContain(`№ ${number}`);
    expect(again.text).toContain("Дата выдачи: 23 ноября 2026 г.");
    expect(await stored()).toHaveLength(1);

    // the same certificate in English
    await nina.chat.press("In English");
    const en = await readPdf(lastDocument(nina));
    for (const part of [
      "of publication of a teaching material",
      `No. ${number}`,
      "This is to certify that Орлова Нина Павловна",
      "is the author of the teaching material “Карточки по дробям” (Worksheet; Mathematics, grades 5, 6), published on 23 November 2026 in the district's bank of teaching materials.",
      "Reviewed and approved by the methodist Сидорова Елена Викторовна.",
      "Date of issue: 23 November 2026",
      `the command /verify ${number}`,
    ])
      expect(en.text).toContain(part);
    expect(en.text).not.toContain("Дата выдачи");
    expect(await stored()).toHaveLength(1);
  });

  it("an open lesson's certificate comes once colleagues have had their week to rate it, with the rating", async () => {
    const lessonId = await approvedLesson(app, nina.userId, methodist.userId, { seats: 5 });
    const guests = await Promise.all([7101, 7102, 7103].map((id) => insertTeacher(app, id)));
    for (const g of guests) await app.services.lessons.signUp(g, lessonId);
    // the lesson: 10 December 2026, 14:30–15:15 in Moscow; rated the next day
    app.clock.set("2026-12-11T09:00:00Z");
    const scores = [
      [5, 5, 4],
      [5, 4, 5],
      [4, 5, 5],
    ] as const;
    for (const [i, [goalClarity, methodUse, pupilActivity]] of scores.entries()) {
      await app.services.lessons.rate(guests[i]!, lessonId, { goalClarity, methodUse, pupilActivity });
    }

    // while colleagues may still rate it, the list says from when, and the button refuses
    await nina.chat.send("/documents");
    expect(nina.chat.lastText()).toContain("10.12.2026 · урок «Сложение дробей»");
    expect(nina.chat.lastText()).toContain("будет доступно с 17.12.2026");
    expect(nina.chat.findButton("🏅 Сложение дробей")).toBeUndefined();
    await nina.chat.pressData(certificateData.pack({ kind: "lesson", id: lessonId, lang: "" }));
    expect(nina.chat.toasts().at(-1)).toContain("будет доступно с 17.12.2026");
    expect(await stored()).toHaveLength(0);

    app.clock.set("2026-12-18T09:00:00Z");
    await nina.chat.send("/documents");
    expect(nina.chat.lastText()).toContain("ещё не выдавалось");
    expect(nina.chat.findButton("🏅 Сложение дробей · 10.12.2026")).toBeDefined();
    // the summary of the ratings, sent when their week is over, carries the certificate's button
    await app.scheduler.tick();
    await deliverAll(app);
    expect(nina.chat.lastText()).toContain("Сложение дробей");
    expect(nina.chat.buttons().map((b) => b.text)).toEqual(["🏅 Получить свидетельство (PDF)"]);
    await nina.chat.press("Получить свидетельство");
    const pdf = await readPdf(lastDocument(nina));
    const number = formatNumber((await stored())[0]!.number);
    for (const part of [
      "о проведении открытого урока",
      `№ ${number}`,
      "Орлова Нина Павловна",
      "является автором открытого урока «Сложение дробей» (математика, 5 класс; метод: Работа в группах), проведённого 10 декабря 2026 г. для педагогов района.",
      "Оценка урока коллегами: 4,7 из 5 (3 оценки).",
      "Урок согласован методистом: Сидорова Елена Викторовна.",
      "Дата выдачи: 18 декабря 2026 г.",
    ])
      expect(pdf.text).toContain(part);
    // the list now shows the number
    await nina.chat.send("/documents");
    expect(nina.chat.lastText()).toContain(`№ ${number}`);
  });

  it("attendance marked: the participant is told a few minutes later and gets a certificate naming the methodist who marked it; a mark taken back at once tells nobody", async () => {
    const vera = await insertTeacher(app, 7201, { name: "Борисова Вера" });
    const meeting = await publishMeeting(app, methodist.userId);
    await deliverAll(app);
    app.clock.set("2026-11-26T14:00:00Z");
    const me = (await app.services.users.byId(methodist.userId))!;
    await app.services.meetings.markAttendance(me, meeting.id, nina.userId, true);
    // Vera was marked by mistake and unmarked at once
    await app.services.meetings.markAttendance(me, meeting.id, vera, true);
    await app.services.meetings.markAttendance(me, meeting.id, vera, false);
    const before = nina.chat.mark();
    await app.sender.runUntilIdle();
    expect(nina.chat.mark()).toBe(before);

    app.clock.advance(ATTENDED_NOTICE_DELAY_MS);
    await deliverAll(app);
    expect(nina.chat.lastText()).toContain("Методист отметил ваше участие: Заседание РМО «Заседание РМО учителей математики», 26 ноября 2026, 15:00.");
    expect(receivedTexts(app, 7201).join("\n")).not.toContain("отметил ваше участие");
    const rsvp = await app.db.prisma.meetingRsvp.findUniqueOrThrow({ where: { meetingId_userId: { meetingId: meeting.id, userId: nina.userId } } });
    expect(rsvp).toMatchObject({ attended: true, markedById: methodist.userId });

    await nina.chat.press("Получить свидетельство");
    const pdf = await readPdf(lastDocument(nina));
    const number = formatNumber((await stored())[0]!.number);
    expect(pdf.title).toBe(`СЕРТИФИКАТ № ${number}`);
    for (const part of [
      "участника методического мероприятия",
      "Орлова Нина Павловна МБОУ «СОШ № 1»",
      "является участником заседания районного методического объединения «Заседание РМО учителей математики», состоявшегося 26 ноября 2026 г. (продолжительность: 1,5 ч).",
      "Участие отмечено методистом: Сидорова Елена Викторовна.",
      "Дата выдачи: 26 ноября 2026 г.",
    ])
      expect(pdf.text).toContain(part);

    // marking her again (the list pressed twice) tells her nothing new
    await app.services.meetings.markAllGoing(me, meeting.id);
    await app.services.meetings.markAttendance(me, meeting.id, nina.userId, true);
    const told = nina.chat.mark();
    app.clock.advance(ATTENDED_NOTICE_DELAY_MS);
    await deliverAll(app);
    expect(nina.chat.mark()).toBe(told);
  });

  it("nothing of anyone else's: another teacher's material, a material not yet published, a meeting she was not marked at, a forged kind", async () => {
    const other = await registerViaBot(app, 7301, { name: "Волкова Дарья" });
    const theirs = await insertMaterial(app, other.userId, { title: "Чужой материал" }, methodist.userId);
    const pending = await insertMaterial(app, nina.userId, { title: "Черновик", approved: false });
    const meeting = await publishMeeting(app, methodist.userId);
    app.clock.set("2026-11-26T14:00:00Z");
    await app.services.meetings.markAttendance((await app.services.users.byId(methodist.userId))!, meeting.id, other.userId, true);

    await nina.chat.pressData(certificateData.pack({ kind: "material", id: theirs, lang: "" }));
    expect(nina.chat.toasts().at(-1)).toContain("Этого материала нет среди ваших опубликованных");
    await nina.chat.pressData(certificateData.pack({ kind: "material", id: pending, lang: "ru" }));
    expect(nina.chat.toasts().at(-1)).toContain("Этого материала нет среди ваших опубликованных");
    await nina.chat.pressData(certificateData.pack({ kind: "meeting", id: meeting.id, lang: "" }));
    expect(nina.chat.toasts().at(-1)).toContain("Отметки об участии в этой встрече нет");
    await nina.chat.pressData(certificateData.pack({ kind: "diploma", id: theirs, lang: "" }));
    expect(nina.chat.toasts().at(-1)).toContain("кнопка устарела");
    expect(nina.chat.messages().some((m) => m.kind === "document")).toBe(false);
    expect(await stored()).toHaveLength(0);

    // a stranger's press asks her to register
    await app.user(7399).pressData(certificateData.pack({ kind: "material", id: theirs, lang: "" }));
    expect(app.user(7399).toasts().at(-1)).toContain("/start");
  });

  it("«Мои документы» from the profile lists what earns a certificate, newest first, in English too", async () => {
    await insertMaterial(app, nina.userId, { title: "Карточки по дробям" }, methodist.userId);
    app.clock.set("2026-11-30T09:00:00Z");
    await insertMaterial(app, nina.userId, { title: "Тест по теме «Проценты»" }, methodist.userId);
    await nina.chat.send("/profile");
    await nina.chat.press("Мои документы");
    const text = nina.chat.lastText();
    expect(text).toContain("📄 <b>Мои документы</b>");
    expect(text.indexOf("30.11.2026 · «Тест по теме «Проценты»»")).toBeLessThan(text.indexOf("23.11.2026 · «Карточки по дробям»"));
    expect(nina.chat.buttons().map((b) => b.text)).toEqual([
      "🏅 Тест по теме «Проценты» · 30.11.2026",
      "🏅 Карточки по дробям · 23.11.2026",
      "📂 Портфолио 2026/2027",
      "📂 Портфолио 2025/2026",
      "📅 Портфолио за другой период",
    ]);

    await nina.chat.send("/language");
    await nina.chat.press("English");
    await nina.chat.send("/documents");
    expect(nina.chat.lastText()).toContain("📄 <b>My documents</b>");
    expect(nina.chat.lastText()).toContain("not issued yet");
    await nina.chat.press("🏅 Карточки по дробям");
    const pdf = await readPdf(lastDocument(nina));
    expect(pdf.text).toContain("of publication of a teaching material");
    // and the Russian one from its button
    await nina.chat.press("На русском");
    expect((await readPdf(lastDocument(nina))).text).toContain("о публикации методического материала");
  });

  it("a teacher with nothing to certify yet is told how to earn one", async () => {
    await nina.chat.send("/documents");
    expect(nina.chat.lastText()).toContain("Пока нет ничего, за что выдаётся свидетельство");
  });
});

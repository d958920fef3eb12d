// The portfolio for the attestation file, as a teacher takes it from «Мои документы» and as a methodist
// produces it from a teacher's card (/teacher): her academic year's courses with hours, lessons given with
// ratings, lessons visited, materials with votes, meetings attended, and the list of her certificates,
// each number checkable. Nobody gets another teacher's; a methodist only her district's.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { portfolioData, spanData, teacherData } from "../../src/bot/features/documents/callbacks.js";
import { formatNumber } from "../../src/domain/documents/number.js";
import { providers } from "../helpers/databases.js";
import { districtPeople } from "../helpers/districts.js";
import { insertTeacher, registerMethodist, registerViaBot, type Person } from "../helpers/flows.js";
import { readPdf } from "../helpers/pdf.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { makeCourse } from "../courses/helpers.js";
import { approvedLesson } from "../lessons/helpers.js";
import { insertMaterial } from "../materials/helpers.js";
import { publishMeeting } from "../meetings/helpers.js";

describe.each(providers)("the portfolio on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  const lastDocument = (p: Person) => {
    const m = p.chat.messages().at(-1)!;
    expect(m.kind, p.chat.dump()).toBe("document");
    return m;
  };

  /** Her year: two courses this year and one last year, her lesson (rated) and a colleague's she visited, a material (voted), a meeting attended. */
  async function aYearOfWork(nina: Person, methodist: Person) {
    const m = (await app.services.users.byId(methodist.userId))!;
    const colleague = await insertTeacher(app, 7601, { name: "Волкова Дарья Игоревна" });
    const voter = await insertTeacher(app, 7602, { name: "Зайцева Ольга" });
    const courses = [
      await makeCourse(app, methodist.userId, { hours: 72 }),
      await makeCourse(app, methodist.userId, { hours: 16, title: "Наставничество молодых педагогов", provider: "ИМЦ" }),
      await makeCourse(app, methodist.userId, { hours: 36, title: "Прошлогодний курс" }),
    ];
    for (const c of courses) await app.services.courses.signUp(nina.userId, c.id);
    await app.db.prisma.course.update({
      where: { id: courses[2]!.id },
      data: { startDate: new Date("2026-03-02T06:00:00Z"), endDate: new Date("2026-03-06T06:00:00Z") },
    });
    const meeting = await publishMeeting(app, methodist.userId);
    const own = await approvedLesson(app, nina.userId, methodist.userId, { seats: 5 });
    await app.services.lessons.signUp(voter, own);
    const visited = await approvedLesson(app, colleague, methodist.userId, { topic: "Деление дробей", startsAt: new Date("2026-12-14T08:00:00Z").getTime() });
    await app.services.lessons.signUp(nina.userId, visited);
    const material = await insertMaterial(app, nina.userId, { title: "Карточки по дробям" }, methodist.userId);
    await app.services.materials.vote(material, voter, 1);

    app.clock.set("2026-12-15T09:00:00Z");
    for (const c of courses) await app.services.courses.complete(m, c.id, null);
    await app.services.meetings.markAttendance(m, meeting.id, nina.userId, true);
    await app.services.lessons.rate(voter, own, { goalClarity: 5, methodUse: 4, pupilActivity: 5 });
    app.clock.set("2027-01-20T09:00:00Z");
  }

  it("her academic year from «Мои документы»: every kind of work, and every certificate with a number that checks; in English too", async () => {
    const nina = await registerViaBot(app, 7501, { name: "Орлова Нина Павловна" });
    const methodist = await registerMethodist(app, 7502, "Сидорова Елена Викторовна");
    await app.services.attestation.set(nina.userId, "first", new Date("2028-05-14T21:00:00Z"));
    await aYearOfWork(nina, methodist);

    await nina.chat.send("/profile");
    await nina.chat.press("Мои документы");
    await nina.chat.press("Портфолио 2026/2027");
    const sent = lastDocument(nina);
    expect(Buffer.from(sent.file!.name!, "latin1").toString("utf8")).toBe("Портфолио_Орлова_Нина_Павловна_2026-2027_учебный_год.pdf");
    const certificates = await app.db.prisma.certificate.findMany({ orderBy: { eventAt: "asc" } });
    // the material, the lesson (its week of ratings is over) and the meeting
    expect(certificates.map((c) => c.kind)).toEqual(["material", "meeting", "lesson"]);
    expect(sent.text).toContain("Свидетельств в нём: 3");
    const pdf = await readPdf(sent);
    for (const part of [
      "ПОРТФОЛИО ПЕДАГОГА",
      "за 2026/2027 учебный год (01.09.2026 – 31.08.2027)",
      "ФИО Орлова Нина Павловна",
      "Образовательная организация МБОУ «СОШ № 1»",
      "Предметы Математика",
      "Квалификационная категория первая категория, до 15.05.2028",
      "Курсов повышения квалификации: 2 (88 ч) · открытых уроков проведено: 1, посещено: 1 · публикаций: 1 · мероприятий: 1 · свидетельств: 3",
      "1 Функциональная грамотность ТОГИРРО 10.12.2026 – 12.12.2026 72",
      "2 Наставничество молодых педагогов ИМЦ 10.12.2026 – 12.12.2026 16",
      "Всего: 88 ч",
      "1 10.12.2026 Сложение дробей Математика, 5 класс 1 4,7 (1)",
      "1 14.12.2026 Деление дробей Математика, 5 класс Волкова Дарья Игоревна",
      "1 23.11.2026 Карточки по дробям Рабочий лист, математика 1 / 0",
      "1 26.11.2026 Заседание РМО учителей математики Заседание РМО",
      `${formatNumber(certificates[0]!.number)} 23.11.2026 Свидетельство о публикации: «Карточки по дробям»`,
      `${formatNumber(certificates[1]!.number)} 26.11.2026 Сертификат участника: «Заседание РМО учителей математики»`,
      `${formatNumber(certificates[2]!.number)} 10.12.2026 Свидетельство о проведении открытого урока: «Сложение дробей»`,
      "команда /verify в боте @metodset_test_bot",
      "Сформировано 20 января 2027 г.",
      "Портфолио: Орлова Нина Павловна · 2026/2027 учебный год · стр. 1 из",
    ])
      expect(pdf.text).toContain(part);
    expect(pdf.text).not.toContain("Прошлогодний курс");
    for (const c of certificates) expect((await app.services.documents.verify(c.number)).status).toBe("genuine");

    // asked again: the same numbers, none added
    await nina.chat.press("Портфолио 2026/2027");
    expect(await app.db.prisma.certificate.count()).toBe(3);

    await nina.chat.press("In English");
    const en = await readPdf(lastDocument(nina));
    for (const part of [
      "for the academic year 2026/2027 (01.09.2026 – 31.08.2027)",
      "Qualification category first category, until 15.05.2028",
      "1. Professional-development courses",
      "Total: 88 h",
      "1 10.12.2026 Сложение дробей Mathematics, grade 5 1 4.7 (1)",
      "Certificate of participation: “Заседание РМО учителей математики”",
      "Portfolio: Орлова Нина Павловна · academic year 2026/2027 · page 1 of",
    ])
      expect(en.text).toContain(part);

    // last academic year: the course of March 2026 only
    await nina.chat.send("/documents");
    await nina.chat.press("Портфолио 2025/2026");
    const last = await readPdf(lastDocument(nina));
    expect(last.text).toContain("1 Прошлогодний курс ТОГИРРО 02.03.2026 – 06.03.2026 36");
    expect(last.text).toContain("6. Свидетельства и сертификаты За этот период записей нет.");
  });

  it("a span she types: wrong answers are explained and the question stays; then the portfolio of those days", async () => {
    const nina = await registerViaBot(app, 7511, { name: "Орлова Нина Павловна" });
    const methodist = await registerMethodist(app, 7512, "Сидорова Елена Викторовна");
    await aYearOfWork(nina, methodist);
    await nina.chat.send("/documents");
    await nina.chat.press("Портфолио за другой период");
    expect(nina.chat.lastText()).toContain("За какой период собрать портфолио?");
    await nina.chat.send("с декабря");
    expect(nina.chat.lastText()).toContain("Напишите две даты с годом");
    await nina.chat.send("31.12.2026 – 01.12.2026");
    expect(nina.chat.lastText()).toContain("Вторая дата раньше первой");
    await nina.chat.send("31.02.2026 – 01.03.2026");
    expect(nina.chat.lastText()).toContain("Такой даты нет");
    await nina.chat.send("01.12.2026 – 31.12.2026");
    const pdf = await readPdf(lastDocument(nina));
    expect(pdf.text).toContain("за период с 01.12.2026 по 31.12.2026");
    expect(pdf.text).toContain("Сложение дробей");
    // the material was published in November and the meeting held then
    expect(pdf.text).not.toContain("Карточки по дробям");
    expect(pdf.text).not.toContain("Заседание РМО учителей математики");
    expect(pdf.text).toContain("Портфолио: Орлова Нина Павловна · 01.12.2026 – 31.12.2026");
    // the flow is over: the next text is not taken for a span
    await nina.chat.send("01.09.2026 – 31.12.2026");
    expect(nina.chat.messages().at(-1)!.kind).toBe("text");
  });

  it("nobody gets another teacher's; a methodist gets her district's teachers' from their card (/teacher), not another district's; a regional one any", async () => {
    const people = await districtPeople(app, 7700);
    const { northT, southT, northM, regional } = people;

    // a teacher, with forged buttons
    await northT.chat.pressData(portfolioData.pack({ u: southT.userId, y: 2026, lang: "" }));
    expect(northT.chat.toasts().at(-1)).toContain("Это документы другого человека");
    await northT.chat.pressData(spanData.pack({ u: southT.userId }));
    expect(northT.chat.toasts().at(-1)).toContain("Это документы другого человека");
    await northT.chat.pressData(teacherData.pack({ id: southT.userId }));
    expect(northT.chat.toasts().at(-1)).toContain("только методисты");
    await northT.chat.send("/teacher Орлова");
    expect(northT.chat.lastText()).toContain("только методисты");

    // the north's methodist: her teacher's card and portfolio
    await northM.chat.send("/teacher");
    expect(northM.chat.lastText()).toContain("Напишите после команды фамилию");
    await northM.chat.send("/teacher волкова");
    const card = northM.chat.lastText();
    expect(card).toContain("👤 <b>Волкова Дарья</b>");
    expect(card).toContain(`Школа: ${people.north.schoolName}, Северный район`);
    expect(card).toContain("Учебный год 2026/2027");
    await northM.chat.press("Портфолио 2026/2027");
    const pdf = await readPdf(lastDocument(northM));
    expect(pdf.text).toContain("ФИО Волкова Дарья");
    expect(pdf.text).toContain("Муниципальный район Северный район");

    // not the south's
    await northM.chat.send("/teacher Орлова");
    expect(northM.chat.lastText()).toContain("Никого с таким именем среди педагогов вашего района не нашлось");
    await northM.chat.pressData(teacherData.pack({ id: southT.userId }));
    expect(northM.chat.toasts().at(-1)).toContain("из другого района");
    await northM.chat.pressData(portfolioData.pack({ u: southT.userId, y: 2026, lang: "" }));
    expect(northM.chat.toasts().at(-1)).toContain("из другого района");
    await northM.chat.pressData(spanData.pack({ u: southT.userId }));
    expect(northM.chat.toasts().at(-1)).toContain("из другого района");
    expect(northM.chat.messages().filter((m) => m.kind === "document")).toHaveLength(1);

    // a methodist of the whole region: anyone, namesakes told apart by school and district
    await insertTeacher(app, 7799, { name: "Орлова Вера", schoolId: people.north.schoolIds[1]! });
    await regional.chat.send("/teacher орлова");
    expect(regional.chat.lastText()).toContain("Кого открыть?");
    const labels = regional.chat.buttons().map((b) => b.text);
    expect(labels).toHaveLength(2);
    expect(labels.find((l) => l.startsWith("Орлова Нина"))).toContain("Южный район");
    await regional.chat.press(/^Орлова Нина/);
    await regional.chat.press("Портфолио 2026/2027");
    expect((await readPdf(lastDocument(regional))).text).toContain("ФИО Орлова Нина");
  });
});

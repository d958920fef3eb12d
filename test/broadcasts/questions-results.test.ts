// A survey's answers as a file: everyone it reached with her answer (none yet: an empty cell), the
// counts per option; a district column where the directory has districts; in the reader's language.
// A district methodist's survey reaches and counts her district only.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { broadcastAnswerData } from "../../src/bot/features/broadcasts/callbacks.js";
import type { ChatMessage } from "../helpers/fake-telegram.js";
import { providers } from "../helpers/databases.js";
import { loadTwoDistricts, NORTH, registerDistrictMethodist } from "../helpers/districts.js";
import { insertTeacher, type Person } from "../helpers/flows.js";
import { closeTestApp, type TestApp } from "../helpers/test-app.js";
import { districtApp, expectAllHtmlValid, SCHOOL_A, SCHOOL_B, type District } from "./helpers.js";
import { launchSurvey, refreshReports, reportOf } from "./survey-helpers.js";
import { parseBook } from "../helpers/workbook.js";

const sheets = (file: ChatMessage) => parseBook(file);

describe.each(providers)("a survey's answers on %s", (provider) => {
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

  const names = async () => new Map((await app.db.prisma.user.findMany()).map((u) => [u.id, u.fullName!]));

  it("the .xlsx: one row per person reached with her answer(s), and the counts per option", async () => {
    const id = await launchSurvey(app, m, { text: "Какие темы разобрать на РМО?", options: ["ОГЭ", "ВПР", "Функциональная грамотность"], multiple: true });
    await app.user(8001).press("ОГЭ");
    await app.user(8001).press("Функциональная грамотность");
    await app.user(8003).press("ВПР");
    await refreshReports(app);
    await m.chat.press("📊 Ответы (.xlsx)");
    const file = m.chat.messages().at(-1)!;
    expect(file.kind).toBe("document");
    expect(file.file!.name).toBe(`survey-${id}.xlsx`);
    expect(file.text).toContain(`📎 Ответы на опрос №\u00a0${id} «Какие темы разобрать на РМО?» на 1 декабря 2026: ответили 2 из 4.`);

    const { names: sheetNames, rows } = await sheets(file);
    expect(sheetNames).toEqual(["Ответы", "Итоги"]);
    const n = await names();
    const [header, ...people] = rows("Ответы");
    // no districts in this directory: no district column
    expect(header).toEqual(["№", "ФИО", "Школа", "Школьный округ", "Ответ"]);
    // everyone it reached, by school then name; no answer yet: an empty cell
    const expected = [
      [n.get(d.t1), SCHOOL_A, "ОГЭ; Функциональная грамотность"],
      [n.get(d.t3), SCHOOL_A, "ВПР"],
      [n.get(d.t2), SCHOOL_B, undefined],
      [n.get(d.t4), SCHOOL_B, undefined],
    ].sort((a, b) => String(a[1]).localeCompare(String(b[1]), "ru") || String(a[0]).localeCompare(String(b[0]), "ru"));
    expect(people.map((r) => [r[1], r[2], r[4]])).toEqual(expected);
    expect(people.map((r) => r[0])).toEqual([1, 2, 3, 4]);
    expect(rows("Итоги")).toEqual([
      ["Вариант ответа", "Выбрали", "% ответивших"],
      ["ОГЭ", 1, 50],
      ["ВПР", 1, 50],
      ["Функциональная грамотность", 1, 50],
      ["Ответили 2 из 4", 2],
    ]);
    // the list (five broadcasts in one message) shortens long options; the file has them whole
    await m.chat.send("/broadcasts");
    expect(m.chat.lastText()).toContain("📊 <b>Ответы</b>: 2 из 4 получивших\n1. ОГЭ — 1 (50%)\n2. ВПР — 1 (50%)\n3. Функциональная грамотнос… — 1 (50%)");
  });

  it("a district methodist's survey reaches and counts her district; the file has the district column", async () => {
    const { north, south } = await loadTwoDistricts(app);
    const northM = await registerDistrictMethodist(app, 8101, north, { name: "Северова Анна" });
    const n1 = await insertTeacher(app, 8102, { name: "Абрамова Анна", schoolId: north.schoolIds[0] });
    const s1 = await insertTeacher(app, 8201, { name: "Борисова Вера", schoolId: south.schoolIds[0] });
    // everyone within her reach: the north's people only (the seeded school A is in the north too)
    const id = await launchSurvey(app, northM, { text: "Удобно ли время?", options: ["Да", "Нет"], audience: { roles: [] }, urgent: false });
    const reached = await app.db.prisma.outboxMessage.findMany({ where: { groupId: `broadcast-${id}` }, select: { userId: true } });
    expect(reached.map((r) => r.userId)).toContain(n1);
    expect(reached.map((r) => r.userId)).not.toContain(s1);
    await app.user(8102).press("Нет");
    // a south teacher's forged press: refused, not counted
    await app.user(8201).pressData(broadcastAnswerData.pack({ id, option: 0 }));
    expect(app.user(8201).toasts().at(-1)).toContain("адресован не вам");

    await northM.chat.press("📊 Ответы (.xlsx)");
    const { rows } = await sheets(northM.chat.messages().at(-1)!);
    const [header, ...people] = rows("Ответы");
    expect(header).toEqual(["№", "ФИО", "Школа", "Школьный округ", "Район", "Ответ"]);
    expect(people.every((r) => r[4] === NORTH)).toBe(true);
    expect(people.find((r) => r[1] === "Абрамова Анна")?.[5]).toBe("Нет");
    expect(people.some((r) => r[1] === "Борисова Вера")).toBe(false);
    expect(rows("Итоги").at(-1)).toEqual([`Ответили 1 из ${people.length}`, 1]);
  });

  it("in English: the teacher's toast, the report and the file", async () => {
    await app.db.prisma.user.update({ where: { id: m.userId }, data: { language: "en" } });
    await app.db.prisma.user.update({ where: { id: d.t2 }, data: { language: "en" } });
    const id = await launchSurvey(app, m, { text: "Will you come?", options: ["Yes", "No"] });
    const t2 = app.user(8002);
    await t2.press("No");
    expect(t2.toasts().at(-1)).toBe("✅ Answer saved. Changed your mind? Press another option.");
    await t2.pressData(broadcastAnswerData.pack({ id: id + 1, option: 0 }));
    expect(t2.toasts().at(-1)).toBe("Survey not found.");
    await refreshReports(app);
    const report = reportOf(app, 8000, id);
    expect(report.text).toContain("📊 <b>Answers</b>: 1 of 4 recipients answered");
    expect(report.text).toContain("2. No: 1 (100%)");
    await m.chat.press("Close the survey");
    expect(m.chat.toasts().at(-1)).toBe("🔒 Survey closed: no more answers are accepted.");
    await t2.press("Yes");
    expect(t2.toasts().at(-1)).toBe("The survey is closed: answers are no longer accepted. Thank you!");
    await m.chat.press("📊 Answers (.xlsx)");
    const file = m.chat.messages().at(-1)!;
    expect(file.text).toContain(`📎 Answers to survey #${id} “Will you come?” as of`);
    const { names: sheetNames, rows } = await sheets(file);
    expect(sheetNames).toEqual(["Answers", "Totals"]);
    expect(rows("Answers")[0]).toEqual(["No.", "Full name", "School", "School cluster", "Answer"]);
    expect(rows("Totals")).toEqual([
      ["Answer option", "Chosen by", "% of answers"],
      ["Yes", 0, 0],
      ["No", 1, 100],
      ["Answered 1 of 4", 1],
    ]);
    await m.chat.send("/broadcasts");
    expect(m.chat.lastText()).toContain("📊 <b>Answers</b>: 1 of 4 recipients answered · 🔒 survey closed");
    expect(m.chat.buttons().map((b) => b.text)).toEqual([`📊 Answers #${id} (.xlsx)`]);
  });
});

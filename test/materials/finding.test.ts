import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { searchPageData } from "../../src/bot/features/materials/callbacks.js";
import { parseQuery, stem } from "../../src/domain/materials/index.js";
import { providers } from "../helpers/databases.js";
import { insertTeacher, registerViaBot } from "../helpers/flows.js";
import type { TestUser } from "../helpers/fake-telegram.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { insertMaterial } from "./helpers.js";

describe("stems", () => {
  it("are Snowball's Russian stems, never shorter than three letters; other words stay whole", () => {
    expect(stem("игры")).toBe("игр");
    expect(stem("игра")).toBe("игр");
    expect(stem("детей")).toBe("дет");
    expect(stem("дети")).toBe("дет");
    expect(stem("она")).toBe("она");
    expect(stem("дроби")).toBe("дроб");
    expect(stem("дробями")).toBe("дроб");
    expect(stem("презентации")).toBe("презентац");
    expect(stem("урок")).toBe("урок");
    expect(stem("класс")).toBe("класс");
    expect(stem("fractions")).toBe("fractions");
  });
});

describe("queries", () => {
  it("a grade named with its number is a filter, a bare number stays a word", () => {
    const grade5 = { words: ["дроби"], grades: ["5"] };
    for (const q of ["дроби 5 класс", "Дроби 5-й класс", "дроби 5 кл.", "дроби, 5-го класса", "дроби 5й класс", "класс 5: дроби", "дроби 5 классов"]) {
      expect(parseQuery(q), q).toEqual(grade5);
    }
    expect(parseQuery("fractions grade 5")).toEqual({ words: ["fractions"], grades: ["5"] });
    expect(parseQuery("5th grade fractions")).toEqual({ words: ["fractions"], grades: ["5"] });
    expect(parseQuery("10 класс 11 класс")).toEqual({ words: [], grades: ["10", "11"] });
    // not a grade: a bare number, a number without "класс", a number no school has
    expect(parseQuery("дроби 5")).toEqual({ words: ["дроби", "5"], grades: [] });
    expect(parseQuery("5-й вариант")).toEqual({ words: ["5", "й", "вариант"], grades: [] });
    expect(parseQuery("12 класс")).toEqual({ words: ["12", "класс"], grades: [] });
    expect(parseQuery("классный час")).toEqual({ words: ["классный", "час"], grades: [] });
  });
});

describe.each(providers)("finding materials on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  const titles = (text: string) => [...text.matchAll(/^\d+\. (.+?) — /gm)].map((m) => m[1]);
  /** Menu → search → the query: the answer. */
  const searchBy = async (chat: TestUser, q: string) => {
    await chat.send("📂 Материалы");
    await chat.press("Поиск");
    await chat.send(q);
    return chat.lastText();
  };
  /** Menu → by subject → the subject → all types → all grades. */
  const browseAll = async (chat: TestUser, subject: string, count: number) => {
    await chat.send("📂 Материалы");
    await chat.press("По предметам");
    await chat.press(`${subject} (${count})`);
    await chat.press(`Все типы (${count})`);
    await chat.press("Все классы");
  };

  it("search by words: case, ё/е, word forms, every word must match; results paged", async () => {
    const a = await insertTeacher(app, 7401);
    await insertMaterial(app, a, { title: "Сложение ДРОБЕЙ", description: "Рабочий лист для 5 класса." });
    await insertMaterial(app, a, { title: "Ёлочные игрушки из бумаги", description: "Технология, мастер-класс для младших.", subject: "technology" });
    await insertMaterial(app, a, { title: "Дроби на координатной прямой", description: "Презентация к уроку в 6 классе." });
    await insertMaterial(app, a, { title: "Не опубликован: дроби", approved: false });
    const p = await registerViaBot(app, 7402);

    const search = (q: string) => searchBy(p.chat, q);
    expect(titles(await search("дроби"))).toEqual(expect.arrayContaining(["Сложение ДРОБЕЙ", "Дроби на координатной прямой"]));
    expect(titles(await search("ДРОБЯМИ")).length).toBe(2);
    expect(titles(await search("елочные"))).toEqual(["Ёлочные игрушки из бумаги"]);
    expect(titles(await search("ёлочные"))).toEqual(["Ёлочные игрушки из бумаги"]);
    expect(titles(await search("дроби презентация"))).toEqual(["Дроби на координатной прямой"]);
    expect(await search("дроби химия")).toContain("ничего не нашлось");
    expect(await search("!!!")).toContain("хотя бы одно слово");
    await p.chat.send("/cancel");
    // five words are kept; a pasted wall of letters is not a query
    expect(await search(`${"о".repeat(101)} дроби`)).toContain("Слишком длинный запрос (больше 100 символов)");
    await p.chat.send("/cancel");

    // paging: 7 matches, 5 per page, the query travels in the buttons
    for (let i = 1; i <= 5; i++) await insertMaterial(app, a, { title: `Дробь номер ${i}` });
    const first = await search("дробь");
    expect(first).toContain("найдено 7 материалов");
    expect(titles(first)).toHaveLength(5);
    await p.chat.press("▶");
    expect(titles(p.chat.lastText())).toHaveLength(2);
    await p.chat.press("◀");
    expect(titles(p.chat.lastText())).toEqual(titles(first));
    expect(searchPageData.pack({ p: 1, q: "дробь" })).toBe("material-q:1:дробь");
  });

  it("a query too long for a page button (Cyrillic takes two bytes) is searched and paged too, after a restart as well", async () => {
    const a = await insertTeacher(app, 7491);
    for (let i = 1; i <= 7; i++) {
      await insertMaterial(app, a, { title: `Рабочая программа по математике, вариант ${i}`, type: "work_programme" });
    }
    await insertMaterial(app, a, { title: "Рабочая программа по физике", subject: "physics", type: "work_programme" });
    const p = await registerViaBot(app, 7492);
    const search = (q: string) => searchBy(p.chat, q);
    const first = await search("Рабочая программа по математике");
    expect(first).toContain("найдено 7 материалов");
    expect(titles(first)).toHaveLength(5);
    const next = p.chat.buttons().find((b) => b.text === "▶")!;
    expect(Buffer.byteLength(next.data, "utf8")).toBeLessThanOrEqual(64);
    expect(next.data).toMatch(/^material-q:1:#/);

    const again = await app.restart();
    const chat = again.user(p.chat.id);
    await chat.press("▶");
    expect(chat.lastText()).toContain("найдено 7 материалов");
    expect(titles(chat.lastText())).toEqual(["Рабочая программа по математике, вариант 2", "Рабочая программа по математике, вариант 1"]);
    await chat.press("◀");
    expect(titles(chat.lastText())).toEqual(titles(first));
    expect(again.missing).toEqual([]);
    app = again;

    // a chat keeps its last five long queries: the buttons of an older one say so instead of showing another
    const firstResults = chat.messages().at(-1)!.message_id;
    for (const q of [
      "методическая разработка урока литературы",
      "технологическая карта урока математики",
      "контрольная работа по геометрии девятый",
      "самостоятельная работа по алгебре восьмой",
      "презентация по окружающему миру второй",
    ]) {
      await chat.send("📂 Материалы");
      await chat.press("Поиск");
      await chat.send(q);
      expect(chat.lastText()).toContain("ничего не нашлось");
    }
    await chat.pressData(next.data, firstResults);
    expect(chat.messages().find((m) => m.message_id === firstResults)!.text).toContain("результаты поиска устарели");
  });

  it("word forms: any form of a word finds the others, on both databases (Snowball stems)", async () => {
    const a = await insertTeacher(app, 7411);
    await insertMaterial(app, a, { title: "Игра для младших", description: "Подвижная игра на перемене." });
    await insertMaterial(app, a, { title: "Дети на продлёнке: чем занять", description: "Подборка для группы продлённого дня." });
    await insertMaterial(app, a, { title: "Дробями по геометрии", description: "Задачи с чертежами и ответами." });
    const found = async (q: string) => (await app.services.materials.search(q, 0, 5)).items.map((m) => m.title);
    expect(await found("игры")).toEqual(["Игра для младших"]);
    expect(await found("игр")).toEqual(["Игра для младших"]);
    expect(await found("детей")).toEqual(["Дети на продлёнке: чем занять"]);
    expect(await found("дроби")).toEqual(["Дробями по геометрии"]);
    // every word must still match: a form of one word does not stand in for another
    expect(await found("игры детей")).toEqual([]);
  });

  it("a grade in the query filters by the material's grades, as browsing does; a number matches whole numbers only", async () => {
    const a = await insertTeacher(app, 7501);
    await insertMaterial(app, a, { title: "Сложение дробей", description: "Рабочий лист с ответами.", grades: ["5"] });
    await insertMaterial(app, a, { title: "Дроби к олимпиаде 2025", description: "Задания для 6 класса, 15 штук.", grades: ["6"] });
    await insertMaterial(app, a, { title: "Дроби в старшей школе", description: "Повторение перед экзаменом.", grades: ["10"] });
    await insertMaterial(app, a, { title: "Дроби, вариант 5", description: "Самостоятельная работа.", grades: ["7"] });
    await insertMaterial(app, a, { title: "Дроби для малышей", description: "Делим пирог на части.", grades: ["1", "11"] });
    await insertMaterial(app, a, { title: "Fractions practice", description: "Ten questions on adding fractions.", grades: ["5"] });
    await insertMaterial(app, a, { title: "Дроби, не опубликован", grades: ["5"], approved: false });

    const p = await registerViaBot(app, 7502);
    const search = async (q: string) => titles(await searchBy(p.chat, q)).sort();
    // the bot's own example: the worksheet for grade 5 does not say "5 класс", the olympiad of 2025 for grade 6 does
    await p.chat.send("📂 Материалы");
    await p.chat.press("Поиск");
    expect(p.chat.lastText()).toContain("<i>дроби 5 класс</i>");
    await p.chat.send("/cancel");
    for (const q of ["дроби 5 класс", "Дроби 5-й класс", "дроби 5 кл", "класс 5 дроби"]) expect(await search(q), q).toEqual(["Сложение дробей"]);
    expect(await search("5 класс")).toEqual(["Fractions practice", "Сложение дробей"]);
    // grade 1 is not 10 or 11
    expect(await search("дроби 1 класс")).toEqual(["Дроби для малышей"]);
    expect(await search("дроби 11 класс")).toEqual(["Дроби для малышей"]);
    expect(await search("дроби 9 класс")).toEqual([]);
    // a bare number is a word, found as a whole number: not inside 15 or 2025
    expect(await search("дроби 5")).toEqual(["Дроби, вариант 5"]);
    expect(await search("2025")).toEqual(["Дроби к олимпиаде 2025"]);
    expect(await search("202")).toEqual([]);

    // the English example works too
    const en = await registerViaBot(app, 7503, { locale: "en" });
    await en.chat.send("📂 Materials");
    await en.chat.press("Search");
    expect(en.chat.lastText()).toContain("<i>fractions grade 5</i>");
    await en.chat.send("fractions grade 5");
    expect(titles(en.chat.lastText())).toEqual(["Fractions practice"]);
  });

  it("browse subject → type → grade, best first; cards count each colleague's view once", async () => {
    const a = await insertTeacher(app, 7421);
    const low = await insertMaterial(app, a, { title: "Слабый лист", grades: ["5", "6"] });
    const high = await insertMaterial(app, a, { title: "Сильный лист", grades: ["6"] });
    await insertMaterial(app, a, { title: "Программа 10 класс", type: "work_programme", grades: ["10"] });
    await insertMaterial(app, a, { title: "Про 1 класс", type: "worksheet", grades: ["1"] });
    // grade 1 must not match 10 or 11, and must match in a list with 11
    await insertMaterial(app, a, { title: "Лист для 10", grades: ["10"] });
    await insertMaterial(app, a, { title: "Лист для 11", grades: ["11"] });
    await insertMaterial(app, a, { title: "Лист для 1 и 11", grades: ["1", "11"] });
    // types come in the documented order, not by name ("other" sorts first by name)
    await insertMaterial(app, a, { title: "Разное", type: "other", grades: ["5"] });
    await insertMaterial(app, a, { title: "Слайды", type: "presentation", grades: ["5"] });
    await insertMaterial(app, a, { title: "Физика", subject: "physics", grades: ["7"] });
    for (let i = 0; i < 3; i++) await app.services.materials.vote(high, await insertTeacher(app, 7430 + i), 1);
    await app.services.materials.vote(low, await insertTeacher(app, 7440), -1);

    const p = await registerViaBot(app, 7422);
    await p.chat.send("📂 Материалы");
    await p.chat.press("По предметам");
    expect(p.chat.buttons().map((b) => b.text)).toEqual(["Математика (9)", "Физика (1)", "◀ Назад"]);
    await p.chat.press("Математика (9)");
    expect(p.chat.buttons().map((b) => b.text)).toEqual([
      "Все типы (9)",
      "Рабочая программа (1)",
      "Рабочий лист (6)",
      "Презентация (1)",
      "Другое (1)",
      "◀ Назад",
    ]);
    await p.chat.press("Рабочий лист (6)");
    expect(p.chat.buttons().map((b) => b.text)).toEqual(["Все классы", "1 (2)", "5 (1)", "6 (2)", "10 (1)", "11 (2)", "◀ Назад"]);
    await p.chat.press("6 (2)");
    const list = p.chat.lastText();
    expect(list).toContain("Математика</b> · Рабочий лист · 6");
    expect(titles(list)).toEqual(["Сильный лист", "Слабый лист"]);
    await p.chat.press("1. Сильный лист");
    expect(p.chat.lastText()).toContain("👍 3 · 👎 0");
    // views count colleagues, not taps: her second look adds nothing
    await p.chat.press("1. Сильный лист");
    expect(p.chat.lastText()).toContain("👁 1");
    expect((await app.db.prisma.material.findUniqueOrThrow({ where: { id: high } })).views).toBe(1);
    // grade 1: the grade-1 worksheets exactly, not those of grades 10 or 11
    await p.chat.press("◀ Назад");
    await p.chat.press("1 (2)");
    // the list message (above the two cards) was edited in place
    expect(titles(p.chat.messages().at(-3)!.text).sort()).toEqual(["Лист для 1 и 11", "Про 1 класс"]);
    await p.chat.press("◀ Назад");
    await p.chat.press("11 (2)");
    expect(titles(p.chat.messages().at(-3)!.text).sort()).toEqual(["Лист для 1 и 11", "Лист для 11"]);
  });

  it("browse pages: five a page, ▶ and ◀ turn them and the label says which", async () => {
    const a = await insertTeacher(app, 7511);
    for (let i = 1; i <= 7; i++) await insertMaterial(app, a, { title: `Физика, тема ${i}`, subject: "physics" });
    await insertMaterial(app, a, { title: "Алгебра", subject: "math" });
    const p = await registerViaBot(app, 7512);
    await browseAll(p.chat, "Физика", 7);
    const labels = () => p.chat.buttons().map((b) => b.text);
    // equal scores: the newest first
    expect(p.chat.lastText()).toContain("Найдено 7 материалов");
    expect(titles(p.chat.lastText())).toEqual(["Физика, тема 7", "Физика, тема 6", "Физика, тема 5", "Физика, тема 4", "Физика, тема 3"]);
    expect(labels()).toContain("1/2");
    expect(labels()).not.toContain("◀");
    await p.chat.press("▶");
    expect(p.chat.lastText()).toContain("Найдено 7 материалов");
    expect(p.chat.lastText()).toContain("6. Физика, тема 2");
    expect(titles(p.chat.lastText())).toEqual(["Физика, тема 2", "Физика, тема 1"]);
    expect(labels()).toContain("2/2");
    expect(labels()).not.toContain("▶");
    await p.chat.press("◀");
    expect(titles(p.chat.lastText())).toEqual(["Физика, тема 7", "Физика, тема 6", "Физика, тема 5", "Физика, тема 4", "Физика, тема 3"]);
    expect(labels()).toContain("1/2");
  });

  it("equal scores: fewer 👎 first, so 0👍 5👎 comes after an unrated one however new it is (lists and search)", async () => {
    const a = await insertTeacher(app, 7521);
    await insertMaterial(app, a, { title: "Углы без оценок", description: "Задачи про углы треугольника." });
    const disliked = await insertMaterial(app, a, { title: "Углы с минусами", description: "Задачи про углы треугольника." });
    for (let i = 0; i < 5; i++) await app.services.materials.vote(disliked, await insertTeacher(app, 7530 + i), -1);
    const p = await registerViaBot(app, 7522);
    await browseAll(p.chat, "Математика", 2);
    expect(titles(p.chat.lastText())).toEqual(["Углы без оценок", "Углы с минусами"]);
    expect(titles(await searchBy(p.chat, "углы"))).toEqual(["Углы без оценок", "Углы с минусами"]);
  });

  it("best of the month and of all time per subject", async () => {
    const a = await insertTeacher(app, 7451);
    app.clock.set("2026-09-01T09:00:00Z");
    const old = await insertMaterial(app, a, { title: "Старый хит" });
    app.clock.set("2026-11-20T09:00:00Z");
    const fresh = await insertMaterial(app, a, { title: "Новинка" });
    const unrated = await insertMaterial(app, a, { title: "Без оценок" });
    await insertMaterial(app, a, { title: "Физика месяца", subject: "physics" });
    for (let i = 0; i < 6; i++) await app.services.materials.vote(old, await insertTeacher(app, 7460 + i), 1);
    await app.services.materials.vote(fresh, await insertTeacher(app, 7470), 1);
    app.clock.set("2026-11-23T09:00:00Z");
    expect(unrated).toBeGreaterThan(0);

    const p = await registerViaBot(app, 7452);
    await p.chat.send("📂 Материалы");
    await p.chat.press("Лучшие");
    await p.chat.press("Математика (3)");
    expect(p.chat.lastText()).toContain("лучшее за месяц");
    expect(titles(p.chat.lastText())).toEqual(["Новинка"]);
    await p.chat.press("Лучшее за всё время");
    expect(titles(p.chat.lastText())).toEqual(["Старый хит", "Новинка"]);
    await p.chat.press("◀ Назад");
    await p.chat.press("Физика (1)");
    expect(p.chat.lastText()).toContain("Пока нет материалов с оценками");
  });

  it("my materials: statuses, votes and views; the author deletes her own (with confirmation), nobody else can", async () => {
    const p = await registerViaBot(app, 7481, { name: "Автор Списка" });
    const other = await registerViaBot(app, 7482, { name: "Чужая Рука" });
    await p.chat.send("📂 Материалы");
    await p.chat.press("Мои материалы");
    expect(p.chat.lastText()).toContain("пока нет материалов");
    const id = await insertMaterial(app, p.userId, { title: "Удаляемый" });
    await insertMaterial(app, p.userId, { title: "Ждёт проверки", approved: false });
    await app.services.materials.vote(id, other.userId, 1);
    await other.chat.pressData(`material-o:${id}`);
    await other.chat.pressData(`material-d:${id}:1`);
    expect(other.chat.toasts().at(-1)).toContain("больше нет");
    await other.chat.pressData(`material-k:${id}`);
    expect(other.chat.toasts().at(-1)).toContain("больше нет");

    await p.chat.send("📂 Материалы");
    await p.chat.press("Мои материалы");
    expect(p.chat.lastText()).toContain("⏳ Ждёт проверки");
    expect(p.chat.lastText()).toContain("✅ Удаляемый — 👍 1 · 👎 0 · 👁 1");
    await p.chat.press("Удаляемый");
    await p.chat.press("Удалить");
    expect(p.chat.lastText()).toContain("Удалить материал «Удаляемый»?");
    const asked = p.chat.messages().at(-1)!.message_id;
    await p.chat.press("Нет, оставить");
    expect(await app.db.prisma.material.count()).toBe(2);
    // the question turns back into the card: no live "delete" anywhere, and no second card
    expect(p.chat.findButton("Да, удалить")).toBeUndefined();
    expect(p.chat.messages().at(-1)!.message_id).toBe(asked);
    expect(p.chat.lastText()).toContain("📄 <b>Удаляемый</b>");
    expect(p.chat.buttons().map((b) => b.text)).toEqual(["📎 Получить файл", "🗑 Удалить"]);
    await p.chat.press("Удалить");
    await p.chat.press("Да, удалить");
    expect(p.chat.lastText()).toContain("«Удаляемый» удалён");
    expect(await app.db.prisma.material.count()).toBe(1);
    expect(await app.db.prisma.materialVote.count()).toBe(0);
    // "keep" on a question about a material deleted meanwhile: told, and its buttons go
    await p.chat.send("📂 Материалы");
    await p.chat.press("Мои материалы");
    await p.chat.press("Ждёт проверки");
    await p.chat.press("Удалить");
    const stale = p.chat.messages().at(-1)!.message_id;
    const left = await app.db.prisma.material.findFirstOrThrow();
    await app.services.materials.remove(left.id, p.userId);
    await p.chat.press("Нет, оставить");
    expect(p.chat.toasts().at(-1)).toContain("больше нет");
    expect(p.chat.messages().find((m) => m.message_id === stale)!.reply_markup).toBeUndefined();
  });
});

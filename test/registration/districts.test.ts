// Registration in a regional deployment: hundreds of schools, so the full list asks for the district
// first; search results say which district a school is in.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { loadTwoDistricts, NORTH, SOUTH } from "../helpers/districts.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(providers)("registration with districts on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  async function toSchoolStep(id: number, locale: "ru" | "en" = "ru") {
    const t = app.user(id, { language_code: locale });
    await t.send("/start");
    await t.press(locale === "en" ? "English" : "Русский");
    await t.press(locale === "en" ? "I agree" : "Даю согласие");
    await t.send("Петрова Анна");
    return t;
  }

  it("the full list: district, then its schools page by page, back to the districts, a school", async () => {
    await loadTwoDistricts(app);
    // a school the file left without a district is under "other schools"
    await app.services.directory.importCsv("name,district\nМБОУ «Вечерняя школа»,\n");
    const t = await toSchoolStep(2101);
    await t.press("Весь список");
    expect(t.lastText()).toContain("Выберите район, затем школу");
    expect(t.buttons().map((b) => b.text)).toEqual([NORTH, SOUTH, "Другие школы"]);
    await t.press(SOUTH);
    expect(t.lastText()).toContain(`${SOUTH}: школы, страница 1 из 2`);
    expect(t.buttons().map((b) => b.text)).toContain("МБОУ «Заречная СОШ»");
    await t.press("▶");
    expect(t.lastText()).toContain(`${SOUTH}: школы, страница 2 из 2`);
    expect(t.buttons().map((b) => b.text)).toContain("МБОУ «Покровская СОШ»");
    expect(t.buttons().map((b) => b.text)).not.toContain("МБОУ «СОШ № 1»");
    await t.press("К районам");
    await t.press("Другие школы");
    expect(t.buttons().map((b) => b.text)).toEqual(["МБОУ «Вечерняя школа»", "⬅️ К районам"]);
    await t.press("К районам");
    await t.press(NORTH);
    await t.press("МБОУ «СОШ № 1»");
    expect(t.lastText()).toContain("Какие предметы");
    await t.press("Математика");
    await t.press("Готово");
    const user = await app.db.prisma.user.findFirstOrThrow({ where: { telegramId: 2101 }, include: { school: { include: { district: true } } } });
    expect(user.school?.district?.name).toBe(NORTH);
  });

  it("search results name the district; in English too", async () => {
    await loadTwoDistricts(app);
    const t = await toSchoolStep(2102, "en");
    await t.send("покровская");
    expect(t.buttons().map((b) => b.text)).toEqual([`МБОУ «Покровская СОШ» · ${SOUTH}`, "📋 Full list"]);
    await t.press("Full list");
    expect(t.lastText()).toContain("Pick the district, then the school");
    await t.press(NORTH);
    expect(t.lastText()).toContain(`${NORTH}: schools, page 1 of 2`);
  });

  it("without districts the list is the plain paged list, as before", async () => {
    const t = await toSchoolStep(2103);
    await t.press("Весь список");
    expect(t.lastText()).toContain("Школы района, страница 1 из 3");
    expect(t.buttons().map((b) => b.text)).not.toContain("⬅️ К районам");
    await t.send("покровская");
    expect(t.buttons().map((b) => b.text)[0]).toBe("МБОУ «Покровская СОШ»");
  });
});

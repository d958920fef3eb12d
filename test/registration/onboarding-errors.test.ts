// Every onboarding step's wrong input gets a localized explanation and the question again; nothing is lost.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(providers)("onboarding wrong inputs on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  async function toNameStep(id: number, locale: "ru" | "en" = "ru") {
    const t = app.user(id, { language_code: locale });
    await t.send("/start");
    await t.press(locale === "en" ? "English" : "Русский");
    await t.press(locale === "en" ? "I agree" : "Даю согласие");
    return t;
  }

  it("language step: text instead of a button is answered and the question stays", async () => {
    const t = app.user(2001);
    await t.send("/start");
    await t.send("русский пожалуйста");
    expect(t.lastText()).toContain("нажмите одну из кнопок");
    await t.press("English");
    expect(t.lastText()).toContain("Consent to the processing of personal data");
  });

  it("consent step: says who sees the data; text or a stale button is answered and the question stays", async () => {
    const t = app.user(2012);
    await t.send("/start");
    const language = t.findButton("Русский")!;
    await t.press("Русский");
    const consent = t.lastText();
    expect(consent).toContain("коллеги — ваши ФИО и школу");
    expect(consent).toContain("методисты района, методисты региона и администраторы");
    expect(consent.length).toBeLessThan(900);
    await t.send("да, согласна");
    expect(t.lastText()).toContain("нажмите одну из кнопок");
    // the language button again (a double tap on the first question)
    await t.pressData(language.data, language.message_id);
    expect(t.toasts().at(-1)).toContain("Сначала завершите текущий шаг");
    expect(await app.db.prisma.user.count()).toBe(0);
    await t.press("Даю согласие");
    expect(t.lastText()).toContain("Как вас зовут");
  });

  it("refusing consent stores nothing and says how to come back", async () => {
    const t = app.user(2002);
    await t.send("/start");
    await t.press("Русский");
    await t.press("Не даю согласия");
    expect(t.lastText()).toContain("ничего не сохранили");
    expect(t.lastText()).toContain("/start");
    expect(await app.db.prisma.user.count()).toBe(0);
    expect(await app.db.prisma.session.count()).toBe(0);
    expect(await app.db.prisma.conversationState.count()).toBe(0);
    // and coming back works
    await t.send("/start");
    expect(t.lastText()).toContain("Выберите язык");
  });

  it("name step rejects digits, a single word, too many words and too long names", async () => {
    const t = await toNameStep(2003);
    await t.send("Иванова 123");
    expect(t.lastText()).toContain("только буквы");
    expect(t.lastText()).toContain("Как вас зовут");
    await t.send("Иванова");
    expect(t.lastText()).toContain("хотя бы фамилию и имя");
    await t.send("Иванова Мария Петровна Сидорова Кузнецова");
    expect(t.lastText()).toContain("Слишком много слов");
    await t.send(`Иванова ${"а".repeat(130)}`);
    expect(t.lastText()).toContain("не больше 120");
    await t.sendRaw({ sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } });
    expect(t.lastText()).toContain("ответьте текстом");
    await t.send("Анна-Мария О’Коннор");
    expect(t.lastText()).toContain("В какой школе");
  });

  it("school step: nothing found, paging through the list, a stale button", async () => {
    const t = await toNameStep(2004);
    await t.send("Петрова Анна");
    await t.send("Хогвартс");
    expect(t.lastText()).toContain("не нашлось");
    await t.press("Весь список");
    expect(t.lastText()).toContain("страница 1 из 3");
    await t.press("▶");
    expect(t.lastText()).toContain("страница 2 из 3");
    await t.press("◀");
    expect(t.lastText()).toContain("страница 1 из 3");
    // ё and е are the same letter for search, case does not matter
    await t.send("БЕРЕЗОВСКАЯ");
    await t.press("МБОУ «Берёзовская СОШ»");
    expect(t.lastText()).toContain("Какие предметы");
  });

  it("school step: a double tap on the list or a page button changes nothing and keeps her progress", async () => {
    const t = await toNameStep(2010);
    await t.send("Петрова Анна");
    const full = t.findButton("Весь список")!;
    await t.pressData(full.data, full.message_id);
    await t.pressData(full.data, full.message_id);
    expect(t.lastText()).toContain("страница 1 из 3");
    const next = t.findButton("▶")!;
    await t.pressData(next.data, next.message_id);
    await t.pressData(next.data, next.message_id);
    expect(t.lastText()).toContain("страница 2 из 3");
    expect(t.textsSince(0).join("\n")).not.toContain("Что-то пошло не так");
    await t.send("СОШ 7");
    await t.press("МБОУ «СОШ № 7»");
    expect(t.lastText()).toContain("Какие предметы");
  });

  it("school step: a long paste is answered within Telegram's limit, repeated only in part", async () => {
    const t = await toNameStep(2011);
    await t.send("Петрова Анна");
    const paste = `Хогвартс ${"очень длинный текст ".repeat(300)}`;
    await t.send(paste);
    expect(t.lastText()).toContain("не нашлось");
    expect(t.lastText()).toContain("Хогвартс очень длинный текст");
    expect(t.lastText().length).toBeLessThan(400);
    await t.send("СОШ 7");
    await t.press("МБОУ «СОШ № 7»");
    expect(t.lastText()).toContain("Какие предметы");
  });

  it("subjects step: Done with nothing ticked is refused; unticking works", async () => {
    const t = await toNameStep(2005);
    await t.send("Петрова Анна");
    await t.send("СОШ 7");
    await t.press("МБОУ «СОШ № 7»");
    await t.press("Готово");
    expect(t.toasts().at(-1)).toContain("хотя бы один предмет");
    await t.press("Химия");
    await t.press("Биология");
    await t.press("✅ Химия");
    await t.send("биология");
    expect(t.lastText()).toContain("Отметьте предметы кнопками");
    await t.press("Готово");
    const user = await app.services.users.byTelegramId(2005);
    const profile = await app.services.users.profile(user!.id);
    expect(profile!.subjects.map((s) => s.code)).toEqual(["biology"]);
  });

  it("the English flow is English throughout", async () => {
    const p = await registerViaBot(app, 2006, { locale: "en", name: "Smith John" });
    expect(p.chat.lastText()).toContain("You are registered");
    expect(p.chat.keyboard()).toContain("📚 Courses");
    expect((await app.services.users.byId(p.userId))!.language).toBe("en");
  });

  it("/language in the middle of registration: the rest is asked, and stored, in the new language", async () => {
    const t = await toNameStep(2013);
    await t.send("/language");
    await t.press("English");
    expect(t.lastText()).toContain("Language: English");
    await t.send("Petrova Anna");
    expect(t.lastText()).toContain("Which school do you work at?");
    await t.send("СОШ 7");
    await t.press("МБОУ «СОШ № 7»");
    await t.press("Mathematics");
    await t.press("Done");
    expect(t.lastText()).toContain("You are registered");
    expect(t.keyboard()).toContain("📚 Courses");
    expect((await app.services.users.byTelegramId(2013))!.language).toBe("en");
  });

  it("/cancel leaves registration anywhere; nothing is stored", async () => {
    const t = await toNameStep(2007);
    await t.send("/cancel");
    expect(t.lastText()).toContain("Действие отменено");
    await t.send("Петрова Анна");
    expect(t.lastText()).toContain("зарегистрируйтесь");
    expect(await app.db.prisma.user.count()).toBe(0);
    await t.send("/cancel");
    expect(t.lastText()).toContain("Отменять нечего");
  });

  it("/help mid-flow answers and keeps the flow; /start restarts it", async () => {
    const t = await toNameStep(2008);
    await t.send("/help");
    expect(t.lastText()).toContain("в середине действия");
    await t.send("Петрова Анна");
    expect(t.lastText()).toContain("В какой школе");
    await t.send("/start");
    expect(t.lastText()).toContain("Выберите язык");
  });

  it("a registered user's /start shows the menu, not registration again", async () => {
    const p = await registerViaBot(app, 2009);
    await p.chat.send("/start");
    expect(p.chat.lastText()).toContain("С возвращением");
  });
});

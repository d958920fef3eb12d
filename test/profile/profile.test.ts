import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { registerViaBot } from "../helpers/flows.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(providers)("profile on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(async () => {
    expect(app.missing).toEqual([]);
    await app.destroy();
  });

  it("shows what is stored, from the menu button and /profile", async () => {
    const p = await registerViaBot(app, 4001, { name: "Орлова Нина Павловна" });
    await p.chat.send("👤 Профиль");
    const card = p.chat.lastText();
    expect(card).toContain("Орлова Нина Павловна");
    expect(card).toContain("МБОУ «СОШ № 1»");
    expect(card).toContain("Математика");
    expect(card).toContain("Роль: педагог");
    await p.chat.send("/profile");
    expect(p.chat.lastText()).toBe(card);
  });

  it("changes name (validated), school and subjects", async () => {
    const p = await registerViaBot(app, 4002);
    await p.chat.send("/profile");
    await p.chat.press("ФИО");
    await p.chat.send("Вера 7");
    expect(p.chat.lastText()).toContain("только буквы");
    await p.chat.send("Новикова Вера");
    expect(p.chat.lastText()).toContain("Сохранено");
    await p.chat.send("/profile");
    await p.chat.press("Школа");
    await p.chat.send("лицей");
    await p.chat.press("МБОУ «Лицей № 4»");
    await p.chat.send("/profile");
    await p.chat.press("Предметы");
    // current subjects come ticked
    expect(p.chat.buttons().some((b) => b.text === "✅ Математика")).toBe(true);
    await p.chat.press("✅ Математика");
    await p.chat.press("Информатика");
    await p.chat.press("Готово");
    const profile = await app.services.users.profile(p.userId);
    expect(profile).toMatchObject({ fullName: "Новикова Вера", school: { name: "МБОУ «Лицей № 4»" } });
    expect(profile!.subjects.map((s) => s.code)).toEqual(["informatics"]);
  });

  it("toggles notification opt-outs in place", async () => {
    const p = await registerViaBot(app, 4003);
    await p.chat.send("/profile");
    await p.chat.press("Объявления");
    expect(p.chat.lastText()).toContain("Несрочные объявления: выкл.");
    await p.chat.press("Новые курсы");
    expect(p.chat.lastText()).toContain("Новые курсы по моим предметам: выкл.");
    expect(await app.services.users.byId(p.userId)).toMatchObject({ muteAnnouncements: true, notifyNewCourses: false });
  });

  it("/language switches the language of everything, also before registration", async () => {
    const stranger = app.user(4004, { language_code: "ru" });
    await stranger.send("/language");
    await stranger.press("English");
    await stranger.send("/help");
    expect(stranger.lastText()).toContain("please register");

    const p = await registerViaBot(app, 4005);
    await p.chat.send("/language");
    await p.chat.press("English");
    expect(p.chat.keyboard()).toContain("👤 Profile");
    await p.chat.send("👤 Profile");
    expect(p.chat.lastText()).toContain("Name:");
    expect((await app.services.users.byId(p.userId))!.language).toBe("en");
  });

  it("/deleteme erases the person after confirmation; they can register again", async () => {
    const p = await registerViaBot(app, 4006);
    await p.chat.send("/deleteme");
    await p.chat.press("Нет, оставить");
    expect(p.chat.lastText()).toContain("ничего не удалено");
    expect(await app.services.users.byId(p.userId)).not.toBeNull();

    await p.chat.send("/deleteme");
    await p.chat.press("Да, удалить всё");
    expect(p.chat.lastText()).toContain("данные удалены");
    expect(await app.db.prisma.user.count()).toBe(0);
    expect(await app.db.prisma.teacherSubject.count()).toBe(0);
    expect(await app.db.prisma.session.count()).toBe(0);
    await p.chat.send("/profile");
    expect(p.chat.lastText()).toContain("зарегистрируйтесь");
    const again = await registerViaBot(app, 4006, { name: "Снова Здесь" });
    expect((await app.services.users.byId(again.userId))!.fullName).toBe("Снова Здесь");
  });

  it("profile buttons pressed after erasure are refused politely", async () => {
    const p = await registerViaBot(app, 4007);
    await p.chat.send("/profile");
    await app.services.users.erase(p.userId);
    await p.chat.press("ФИО");
    expect(p.chat.toasts().at(-1)).toContain("зарегистрируйтесь");
  });
});

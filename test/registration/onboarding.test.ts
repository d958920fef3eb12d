import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(providers)("onboarding on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("registers a teacher in a few taps and shows the main menu", async () => {
    const t = app.user(1001, { username: "ivanova" });
    await t.send("/start");
    expect(t.lastText()).toContain("Выберите язык");
    await t.press("Русский");
    expect(t.lastText()).toContain("Согласие на обработку персональных данных");
    await t.press("Даю согласие");
    expect(t.lastText()).toContain("Как вас зовут");
    await t.send("иванова мария петровна");
    expect(t.lastText()).toContain("В какой школе");
    await t.send("5");
    expect(t.buttons()[0]!.text).toBe("МБОУ «СОШ № 5»");
    await t.press("МБОУ «СОШ № 5»");
    expect(t.lastText()).toContain("Какие предметы");
    await t.press("Математика");
    await t.press("Физика");
    expect(
      t
        .buttons()
        .filter((b) => b.text.startsWith("✅"))
        .map((b) => b.text),
    ).toEqual(["✅ Математика", "✅ Физика"]);
    await t.press("Готово");
    expect(t.lastText()).toContain("Вы зарегистрированы");
    expect(t.keyboard()).toContain("📚 Курсы");

    const user = await app.services.users.byTelegramId(1001);
    expect(user).toMatchObject({ fullName: "Иванова Мария Петровна", language: "ru", role: "teacher", username: "ivanova" });
    expect(user!.consentAt).toBeInstanceOf(Date);
    const profile = await app.services.users.profile(user!.id);
    expect(profile!.school!.name).toBe("МБОУ «СОШ № 5»");
    expect(profile!.subjects.map((s) => s.code).sort()).toEqual(["math", "physics"]);
    // the flow ended: nothing is left in the conversation store
    expect(await app.db.prisma.conversationState.count()).toBe(0);
  });
});

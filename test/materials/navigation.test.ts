// The first screens of «📚 По предметам» and «🏆 Лучшие» lead back to the section's start screen, in
// place, like every screen after them; with an empty bank too.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { insertMaterial } from "./helpers.js";

describe.each(providers)("materials: back from the subject screens on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("«По предметам» and «Лучшие» → «◀ Назад» → the start screen, in the same message", async () => {
    const anna = await registerViaBot(app, 5301);
    // an empty bank first
    await anna.chat.send("📂 Материалы");
    const count = anna.chat.mark();
    await anna.chat.press("📚 По предметам");
    expect(anna.chat.lastText()).toContain("В банке пока нет опубликованных материалов");
    await anna.chat.press("◀ Назад");
    expect(anna.chat.lastText()).toContain("Банк материалов");
    expect(anna.chat.mark()).toBe(count);

    await insertMaterial(app, anna.userId, { title: "Рабочий лист: дроби" });
    for (const [section, heading] of [
      ["📚 По предметам", "Выберите предмет"],
      ["🏆 Лучшие", "Лучшие материалы — выберите предмет"],
    ] as const) {
      await anna.chat.press(section);
      expect(anna.chat.lastText()).toContain(heading);
      expect(anna.chat.buttons().map((b) => b.text)).toEqual(["Математика (1)", "◀ Назад"]);
      await anna.chat.press("◀ Назад");
      expect(anna.chat.lastText()).toContain("Банк материалов");
      expect(anna.chat.buttons().map((b) => b.text)).toContain("🏆 Лучшие");
      expect(anna.chat.mark()).toBe(count);
    }
    // deeper screens still lead back to the subject screen, which leads back to the start
    await anna.chat.press("📚 По предметам");
    await anna.chat.press("Математика (1)");
    await anna.chat.press("◀ Назад");
    expect(anna.chat.lastText()).toContain("Выберите предмет");
    await anna.chat.press("◀ Назад");
    expect(anna.chat.lastText()).toContain("Банк материалов");
  });
});

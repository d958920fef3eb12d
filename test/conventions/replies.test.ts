// Edits that Telegram refuses are not lost (safeEdit sends the text anew), an unchanged message is left
// alone, and a domain refusal under a button Telegram will no longer answer still reaches the chat.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { registerMethodist, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { approvedLesson } from "../lessons/helpers.js";

describe.each(providers)("edits and refusals on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("a list Telegram will not let us edit any more comes as a new message", async () => {
    const anna = await registerViaBot(app, 5001);
    await anna.chat.send("🏫 Открытые уроки");
    const before = anna.chat.mark();
    app.tg.fail("editMessageText", { error_code: 400, description: "Bad Request: message can't be edited" });
    await anna.chat.press("📚 Предмет");
    expect(anna.chat.mark()).toBe(before + 1);
    expect(anna.chat.lastText()).toBe("Уроки по какому предмету показать?");
    expect(anna.chat.buttons().map((b) => b.text)).toContain("Математика");
  });

  it("an unchanged message is left as it is: no new message, no error", async () => {
    const anna = await registerViaBot(app, 5001);
    await anna.chat.send("🏫 Открытые уроки");
    const before = anna.chat.mark();
    app.tg.fail("editMessageText", {
      error_code: 400,
      description: "Bad Request: message is not modified: specified new message content and reply markup are exactly the same",
    });
    await anna.chat.press("📚 Предмет");
    expect(anna.chat.mark()).toBe(before);
    expect(anna.chat.lastText()).not.toContain("Что-то пошло не так");
  });

  it("a refusal under a button Telegram no longer answers is said in the chat", async () => {
    const methodist = await registerMethodist(app, 8001);
    const lesson = await approvedLesson(app, methodist.userId, methodist.userId, { topic: "Сложение дробей", seats: 1 });
    const anna = await registerViaBot(app, 5001);
    const vera = await registerViaBot(app, 5002, { name: "Белова Вера Олеговна" });
    await anna.chat.send(`/start lesson-${lesson}`);
    await vera.chat.send(`/start lesson-${lesson}`);
    await anna.chat.press("✍️ Записаться");
    // the last seat is taken: her press is refused, and the alert cannot be shown (the query is too old)
    app.tg.fail("answerCallbackQuery", { error_code: 400, description: "Bad Request: query is too old and response timeout expired or query ID is invalid" });
    await vera.chat.press("✍️ Записаться");
    expect(vera.chat.lastText()).toBe("Свободных мест больше нет.");
    expect(vera.chat.lastText()).not.toContain("Что-то пошло не так");
  });
});

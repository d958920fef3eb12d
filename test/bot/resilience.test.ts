// Restarts, deployments that change a flow, failures: the bot keeps its state and never goes silent.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(providers)("resilience on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("a teacher halfway through registration continues after a restart", async () => {
    const t = app.user(3001);
    await t.send("/start");
    await t.press("Русский");
    await t.press("Даю согласие");
    await t.send("Кузнецова Ирина");
    expect(t.lastText()).toContain("В какой школе");

    app = await app.restart();
    const again = app.user(3001);
    await again.send("СОШ 2");
    await again.press("МБОУ «СОШ № 2»");
    await again.press("История");
    await again.press("Готово");
    expect(again.lastText()).toContain("Кузнецова Ирина");
    expect(again.lastText()).toContain("Вы зарегистрированы");
  });

  it("a new version of the flows drops stored conversations and tells the user", async () => {
    const t = app.user(3002);
    await t.send("/start");
    await t.press("Русский");
    await t.press("Даю согласие");
    app = await app.restart({ conversationsVersion: 999 });
    const again = app.user(3002);
    await again.send("Кузнецова Ирина");
    const texts = again.textsSince(again.mark() - 2);
    expect(texts.join("\n")).toContain("Бот обновился");
    // the old answer is not taken as the name in a shifted flow: the user is simply not registered
    expect(await app.services.users.byTelegramId(3002)).toBeNull();
  });

  it("a failing Bot API call is retried (429 with retry_after) inside conversations too", async () => {
    const t = app.user(3003);
    await t.send("/start");
    app.tg.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 0", parameters: { retry_after: 0 } });
    await t.press("Русский");
    expect(t.lastText()).toContain("Согласие на обработку");
    const consentSends = app.tg.callsOf("sendMessage").filter((c) => String(c.payload.text).includes("Согласие"));
    expect(consentSends).toHaveLength(2); // the 429 and the retry
    expect(consentSends[0]!.payload.__failed).toBeDefined();
  });

  it("an error inside a handler gets a localized apology, and the bot keeps answering", async () => {
    const p = await registerViaBot(app, 3004);
    const original = app.services.users.profile;
    app.services.users.profile = async () => {
      throw new Error("database on fire");
    };
    await p.chat.send("/profile");
    expect(p.chat.lastText()).toContain("Что-то пошло не так");
    app.services.users.profile = original;
    await p.chat.send("/profile");
    expect(p.chat.lastText()).toContain("Профиль");
  });

  it("when the database fails before anything is loaded, the apology is still in the person's language", async () => {
    const ru = await registerViaBot(app, 3007);
    const en = await registerViaBot(app, 3008, { locale: "en", name: "Smith John" });
    const byTelegramId = app.services.users.byTelegramId;
    app.services.users.byTelegramId = async () => {
      throw new Error("SQLITE_IOERR: disk I/O error");
    };
    await ru.chat.send("/profile");
    expect(ru.chat.lastText()).toContain("Что-то пошло не так");
    await en.chat.send("/profile");
    expect(en.chat.lastText()).toContain("Something went wrong");
    // a button: the apology is the toast
    await en.chat.pressData("something:old");
    expect(en.chat.toasts().at(-1)).toContain("Something went wrong");
    app.services.users.byTelegramId = byTelegramId;
    await en.chat.send("/profile");
    expect(en.chat.lastText()).toContain("Profile");
  });

  it("unknown text and outdated buttons get a hint, never silence", async () => {
    const stranger = app.user(3005);
    await stranger.send("привет");
    expect(stranger.lastText()).toContain("зарегистрируйтесь");
    const p = await registerViaBot(app, 3006);
    await p.chat.send("что тут делать?");
    expect(p.chat.lastText()).toContain("Я не понял");
    await p.chat.pressData("something:old");
    expect(p.chat.toasts().at(-1)).toContain("кнопка устарела");
  });

  it("a user who blocks the bot is marked inactive, and active again when they write", async () => {
    const p = await registerViaBot(app, 3007);
    await p.chat.blockBot();
    expect((await app.services.users.byId(p.userId))!.isActive).toBe(false);
    await p.chat.send("/menu");
    expect((await app.services.users.byId(p.userId))!.isActive).toBe(true);
  });

  it("messages from groups are ignored", async () => {
    await app.bot.handleUpdate({
      update_id: 999_001,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: -100, type: "group", title: "РМО" },
        from: { id: 3008, is_bot: false, first_name: "A" },
        text: "/start",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      },
    } as never);
    expect(app.tg.calls).toHaveLength(0);
  });
});

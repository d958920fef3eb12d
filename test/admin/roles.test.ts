import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/bot/commands.js";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { insertTeacher, registerAdmin, registerMethodist, registerViaBot } from "../helpers/flows.js";
import { ADMIN_ID, closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(providers)("roles on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("every methodist and admin command answers a teacher with a refusal and does nothing", async () => {
    const teacher = await registerViaBot(app, 5001);
    const restricted = COMMANDS.filter((c) => c.scope !== "everyone");
    expect(restricted.length).toBeGreaterThan(0);
    for (const { command, scope } of restricted) {
      await teacher.chat.send(`/${command}`);
      expect(teacher.chat.lastText(), `/${command}`).toContain(scope === "admin" ? "только администраторы" : "только методисты");
    }
    await teacher.chat.send("🛠 Методисту");
    expect(teacher.chat.lastText()).toContain("только методисты");
    expect(await app.db.prisma.conversationState.count()).toBe(0);
  });

  it("admin commands refuse a methodist too", async () => {
    const m = await registerMethodist(app, 5002);
    for (const { command } of COMMANDS.filter((c) => c.scope === "admin")) {
      await m.chat.send(`/${command}`);
      expect(m.chat.lastText(), `/${command}`).toContain("только администраторы");
    }
  });

  it("the admin comes from config and makes a teacher a methodist and back", async () => {
    const admin = await registerAdmin(app);
    expect((await app.services.users.byId(admin.userId))!.role).toBe("admin");
    const teacher = await registerViaBot(app, 5003, { name: "Волкова Дарья" });
    expect(teacher.chat.keyboard()).not.toContain("🛠 Методисту");

    await admin.chat.send("/role");
    await admin.chat.send("Марс Марсович");
    expect(admin.chat.lastText()).toContain("Никого не нашлось");
    await admin.chat.send("волкова");
    await admin.chat.press("Волкова Дарья · педагог");
    expect(admin.chat.lastText()).toContain("Волкова Дарья — сейчас педагог");
    await admin.chat.press("Сделать методистом");
    expect(admin.chat.lastText()).toContain("Волкова Дарья теперь методист");
    expect((await app.services.users.byId(teacher.userId))!.role).toBe("methodist");
    // the new methodist's own command menu includes the methodist commands
    const menuCall = app.tg.callsOf("setMyCommands").find((c) => c.payload.scope?.chat_id === 5003);
    expect(menuCall).toBeDefined();

    await deliverAll(app);
    expect(teacher.chat.lastText()).toContain("Вам выдана роль методиста");
    await teacher.chat.send("/menu");
    expect(teacher.chat.keyboard()).toContain("🛠 Методисту");

    await admin.chat.send("/role");
    await admin.chat.send("5003");
    await admin.chat.press("Волкова Дарья · методист");
    await admin.chat.press("Сделать педагогом");
    expect((await app.services.users.byId(teacher.userId))!.role).toBe("teacher");
    expect(app.tg.callsOf("deleteMyCommands").some((c) => c.payload.scope?.chat_id === 5003)).toBe(true);
  });

  it("the notice of a new role changes the person's keyboard at once: the methodist panel appears, and goes when the role is taken away", async () => {
    const admin = await registerAdmin(app);
    const teacher = await registerViaBot(app, 5011, { name: "Зайцева Ирина" });
    const english = await registerViaBot(app, 5012, { name: "Lisina Vera", locale: "en" });
    expect(teacher.chat.keyboard()).not.toContain("🛠 Методисту");

    const setRole = async (query: string, person: string, action: string) => {
      await admin.chat.send("/role");
      await admin.chat.send(query);
      await admin.chat.press(person);
      await admin.chat.press(action);
    };
    await setRole("зайцева", "Зайцева Ирина · педагог", "Сделать методистом");
    await setRole("lisina", "Lisina Vera · педагог", "Сделать методистом");
    const before = teacher.chat.mark();
    await deliverAll(app);
    // she types nothing: the notice itself brings the new menu, in her language
    expect(teacher.chat.textsSince(before)).toHaveLength(1);
    const notice = teacher.chat.messages().at(-1)!;
    expect(notice.text).toContain("Вам выдана роль методиста");
    expect(teacher.chat.keyboard()).toEqual(["📚 Курсы", "🏫 Открытые уроки", "📂 Материалы", "📅 Встречи", "👤 Профиль", "🛠 Методисту"]);
    expect(notice.reply_markup?.is_persistent).toBe(true);
    expect(english.chat.lastText()).toContain("methodologist role");
    expect(english.chat.keyboard()).toContain("🛠 Methodist");
    expect(english.chat.keyboard()).toContain("📚 Courses");
    // the button she was told of works
    await teacher.chat.send("🛠 Методисту");
    expect(teacher.chat.lastText()).toContain("/newcourse");

    await setRole("зайцева", "Зайцева Ирина · методист", "Сделать педагогом");
    await deliverAll(app);
    expect(teacher.chat.lastText()).toContain("Роль методиста снята");
    expect(teacher.chat.keyboard()).toEqual(["📚 Курсы", "🏫 Открытые уроки", "📂 Материалы", "📅 Встречи", "👤 Профиль"]);
    // the notice is stored as what it means (her role's menu), not as Telegram's markup
    const stored = await app.db.prisma.outboxMessage.findMany({ where: { userId: teacher.userId }, orderBy: { id: "asc" } });
    expect(stored.map((m) => JSON.parse(m.replyMarkup!))).toEqual([
      { mainMenu: { role: "methodist", locale: "ru" } },
      { mainMenu: { role: "teacher", locale: "ru" } },
    ]);
  });

  it("the admin's own role cannot be changed in the bot; cancel leaves everything as it was", async () => {
    const admin = await registerAdmin(app);
    await admin.chat.send("/role");
    await admin.chat.send("Админова");
    await admin.chat.press("Админова Ольга Ивановна · администратор");
    expect(admin.chat.buttons().map((b) => b.text)).toEqual(["Отмена"]);
    await admin.chat.press("Отмена");
    expect(admin.chat.lastText()).toContain("отменено");
    expect((await app.services.users.byId(admin.userId))!.role).toBe("admin");
  });

  it("/methodists lists methodists and admins", async () => {
    const admin = await registerAdmin(app);
    await admin.chat.send("/methodists");
    expect(admin.chat.lastText()).toContain("Админова Ольга Ивановна — администратор");
    await registerMethodist(app, 5004, "Сидорова Елена");
    await admin.chat.send("/methodists");
    expect(admin.chat.lastText()).toContain("Сидорова Елена — методист");
  });

  it("/methodists of a region (dozens, long names) comes in several messages, each within Telegram's limit", async () => {
    const admin = await registerAdmin(app);
    const long = "Константинопольская-Черноморская Александра-Виктория";
    for (let i = 0; i < 80; i++) {
      const id = await insertTeacher(app, 5500 + i, { name: `${long} ${String.fromCharCode(1040 + (i % 32))}${"а".repeat(i % 7)}` });
      await app.db.prisma.user.update({ where: { id }, data: { role: "methodist" } });
    }
    const from = admin.chat.mark();
    await admin.chat.send("/methodists");
    const texts = admin.chat.textsSince(from);
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(4096);
    expect(texts.join("\n").match(/— методист/g)).toHaveLength(80);
  });

  it("a methodist's or admin's own command menu follows her registration, her language, her erasure and the config", async () => {
    const menu = (chatId: number) =>
      app.tg
        .callsOf("setMyCommands")
        .filter((c) => c.payload.scope?.chat_id === chatId)
        .at(-1)?.payload.commands as { command: string; description: string }[] | undefined;
    const roleCommand = (chatId: number) => menu(chatId)?.find((c) => c.command === "role")?.description;
    const removed = (chatId: number) => app.tg.callsOf("deleteMyCommands").filter((c) => c.payload.scope?.chat_id === chatId).length;

    // the admin from config registers: her menu at once, then in the language she switches to
    const admin = await registerAdmin(app);
    expect(roleCommand(ADMIN_ID)).toBe("Назначить или снять методиста");
    await admin.chat.send("/language");
    await admin.chat.press("English");
    expect(roleCommand(ADMIN_ID)).toBe("Grant or revoke the methodologist role");

    // a teacher has no menu of her own, whatever her language
    const teacher = await registerViaBot(app, 5301);
    await teacher.chat.send("/language");
    await teacher.chat.press("English");
    expect(menu(5301)).toBeUndefined();

    // a methodist erases her data: her menu goes with it
    const methodist = await registerMethodist(app, 5302);
    await methodist.chat.send("/language");
    await methodist.chat.press("English");
    expect(menu(5302)?.map((c) => c.command)).toContain("newcourse");
    await methodist.chat.send("/deleteme");
    await methodist.chat.press("Yes, delete everything");
    expect(removed(5302)).toBe(1);

    // the admin is no longer in config: at the next start she is a teacher and her menu goes
    app = await app.restart({ env: { ADMIN_TELEGRAM_IDS: "1" } });
    expect(removed(ADMIN_ID)).toBe(0);
    await app.syncCommands();
    expect(removed(ADMIN_ID)).toBe(1);
    expect((await app.services.users.byId(admin.userId))!.role).toBe("teacher");
  });

  it("an admin added to or removed from the config is told at the next start, and her keyboard follows like her command menu", async () => {
    await registerAdmin(app);
    await registerViaBot(app, 5401, { name: "Новикова Алла" });
    expect(app.user(ADMIN_ID).keyboard()).toContain("🛠 Методисту");
    app = await app.restart({ env: { ADMIN_TELEGRAM_IDS: "5401" } });
    await deliverAll(app);
    const former = app.user(ADMIN_ID);
    const newcomer = app.user(5401);
    expect(former.lastText()).toContain("Роль администратора снята");
    expect(former.keyboard()).toContain("📚 Курсы");
    expect(former.keyboard()).not.toContain("🛠 Методисту");
    expect(newcomer.lastText()).toContain("Вам выдана роль администратора");
    expect(newcomer.keyboard()).toContain("🛠 Методисту");
    // the next start changes nothing and says nothing
    const [a, b] = [former.mark(), newcomer.mark()];
    app = await app.restart({ env: { ADMIN_TELEGRAM_IDS: "5401" } });
    await deliverAll(app);
    expect([former.mark(), newcomer.mark()]).toEqual([a, b]);
  });

  it("an admin removed from config becomes a teacher at the next start", async () => {
    const admin = await registerAdmin(app);
    app = await app.restart();
    expect((await app.services.users.byId(admin.userId))!.role).toBe("admin");
    await app.db.prisma.user.update({ where: { id: admin.userId }, data: { telegramId: 777 } });
    await app.services.users.syncAdmins();
    expect((await app.services.users.byId(admin.userId))!.role).toBe("teacher");
  });
});

// /deleteme reaches what the bot itself stores about a person: her session and conversations, and other
// people's open conversations that hold her name (an admin's /role search that listed her).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { registerAdmin, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(providers)("erasure of stored state on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  const storedMentioning = async (text: string) => {
    const [sessions, conversations] = await Promise.all([
      app.db.prisma.session.findMany({ where: { value: { contains: text } } }),
      app.db.prisma.conversationState.findMany({ where: { value: { contains: text } } }),
    ]);
    return [...sessions, ...conversations].map((r) => r.key);
  };

  it("an admin's open /role search that listed her keeps nothing of her; the admin is told her flow stopped; others' flows go on", async () => {
    const admin = await registerAdmin(app);
    const teacher = await registerViaBot(app, 5601, { name: "Волкова Дарья Сергеевна" });
    const colleague = await registerViaBot(app, 5602, { name: "Колесова Анна Ивановна" });

    // the admin looks her up and leaves the list open
    await admin.chat.send("/role");
    await admin.chat.send("волкова");
    expect(admin.chat.buttons().map((b) => b.text)).toEqual(["Волкова Дарья Сергеевна · педагог · МБОУ «СОШ № 1»"]);
    // a colleague is halfway through a flow of her own, and so is the teacher
    await colleague.chat.send("/profile");
    await colleague.chat.press("ФИО");
    await teacher.chat.send("/profile");
    await teacher.chat.press("ФИО");
    expect(await app.db.prisma.conversationState.findUnique({ where: { key: "5601" } })).not.toBeNull();
    // her name is in the admin's flow (and in her own)
    expect((await storedMentioning("Волкова Дарья Сергеевна")).sort()).toEqual(["5601", "9000"]);
    const colleagueFlow = await app.db.prisma.conversationState.findUniqueOrThrow({ where: { key: "5602" } });

    await teacher.chat.send("/deleteme");
    await teacher.chat.press("Да, удалить всё");
    expect(teacher.chat.lastText()).toContain("данные удалены");

    // nothing stored mentions her: not by name, not by her chat
    expect(await storedMentioning("Волкова")).toEqual([]);
    expect(await app.db.prisma.session.findUnique({ where: { key: "5601" } })).toBeNull();
    const own = await app.db.prisma.conversationState.findUnique({ where: { key: "5601" } });
    if (own) expect(Object.values((JSON.parse(own.value) as { state: Record<string, unknown[]> }).state).flat()).toEqual([]);
    // the colleague's flow is untouched and goes on
    expect(await app.db.prisma.conversationState.findUniqueOrThrow({ where: { key: "5602" } })).toEqual(colleagueFlow);
    await colleague.chat.send("Колесова Анна Петровна");
    expect(colleague.chat.lastText()).toContain("Сохранено");
    expect((await app.services.users.byId(colleague.userId))!.fullName).toBe("Колесова Анна Петровна");

    // the admin presses the person she had found: told that her flow stopped, shown nothing of her
    const from = admin.chat.mark();
    await admin.chat.press("Волкова Дарья Сергеевна");
    const seen = admin.chat.textsSince(from).join("\n");
    expect(seen).toContain("пришлось прервать");
    expect(seen).not.toContain("Волкова");
    expect(await app.db.prisma.conversationState.findUnique({ where: { key: String(9000) } })).toBeNull();
    // and she can start again
    await admin.chat.send("/role");
    await admin.chat.send("волкова");
    expect(admin.chat.lastText()).toContain("Никого не нашлось");
  });

  it("a search by her Telegram id is reached too", async () => {
    const admin = await registerAdmin(app);
    const teacher = await registerViaBot(app, 5611, { name: "Зимина Ольга Олеговна" });
    await admin.chat.send("/role");
    await admin.chat.send("5611");
    expect(admin.chat.buttons().map((b) => b.text)[0]).toContain("Зимина Ольга Олеговна");
    expect(await storedMentioning('"5611"')).toEqual([String(9000)]);
    await app.services.users.erase(teacher.userId);
    expect(await storedMentioning("5611")).toEqual([]);
    expect(await storedMentioning("Зимина")).toEqual([]);
  });
});

// Nobody moderates her own work: a methodist's material is published when she shares it, and one she
// shared while still a teacher waits for a colleague, not for her.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { approveData, rejectData } from "../../src/bot/features/materials/callbacks.js";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { registerMethodist, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { insertMaterial, pdf } from "./helpers.js";

describe.each(providers)("a methodist's own materials on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  /** The buttons a message had when it was sent (the preview's are removed once pressed). */
  const sentButtons = (telegramId: number, heading: string) =>
    app.tg
      .callsOf("sendMessage")
      .filter((c) => Number(c.payload.chat_id) === telegramId && String(c.payload.text).includes(heading))
      .flatMap((c) => (c.payload.reply_markup?.inline_keyboard ?? []).flat().map((b: { text: string }) => b.text));

  it("a methodist shares a material: it is published at once, nobody is asked to moderate it, colleagues find it", async () => {
    const m = await registerMethodist(app, 7500, "Методистова Елена Павловна");
    const colleague = await registerMethodist(app, 7501, "Вторая Методист");
    const teacher = await registerViaBot(app, 7502, { name: "Волкова Дарья" });
    const mStart = m.chat.mark();
    const colleagueStart = colleague.chat.mark();

    await m.chat.send("📂 Материалы");
    await m.chat.press("Поделиться материалом");
    await m.chat.sendRaw(pdf("Дроби.pdf"));
    await m.chat.send("Дроби для методистов");
    await m.chat.press("Рабочий лист");
    await m.chat.press("Математика");
    await m.chat.press("5");
    await m.chat.press("Готово");
    await m.chat.send("Рабочий лист на сложение дробей, 20 заданий.");
    // the preview says what will happen
    expect(m.chat.lastText()).toContain("Так материал увидят коллеги.</b> Опубликовать?");
    await m.chat.press("Опубликовать");
    expect(sentButtons(7500, "Так материал увидят коллеги")).toEqual(["✅ Опубликовать", "❌ Отмена"]);
    expect(m.chat.lastText()).toContain("Материал «Дроби для методистов» опубликован в банке материалов");
    expect(m.chat.lastText()).not.toContain("на проверк");

    const stored = await app.db.prisma.material.findFirstOrThrow();
    expect(stored).toMatchObject({
      title: "Дроби для методистов",
      authorId: m.userId,
      status: "approved",
      moderatedById: m.userId,
      moderatedAt: app.clock.now(),
    });
    // nobody is asked to moderate it, and she is not told what she knows
    expect(await app.db.prisma.outboxMessage.count()).toBe(0);
    await deliverAll(app);
    expect(colleague.chat.textsSince(colleagueStart)).toEqual([]);
    expect(m.chat.textsSince(mStart).filter((t) => t.includes("на проверке") || t.includes("Ваш материал"))).toEqual([]);
    await colleague.chat.send("📂 Материалы");
    expect(colleague.chat.buttons().map((b) => b.text)).toContain("🗂 На проверке: 0");
    await colleague.chat.send("/moderate_materials");
    expect(colleague.chat.lastText()).toContain("Новых материалов на проверке нет");

    // a colleague finds it at once
    await teacher.chat.send("📂 Материалы");
    await teacher.chat.press("По предметам");
    await teacher.chat.press("Математика (1)");
    await teacher.chat.press("Все типы (1)");
    await teacher.chat.press("Все классы");
    await teacher.chat.press("Дроби для методистов");
    expect(teacher.chat.lastText()).toContain("Автор: Методистова Елена Павловна");
  });

  it("a teacher's pending material, then she is made a methodist: not in her queue, her verdict refused; a colleague approves it", async () => {
    const colleague = await registerMethodist(app, 7511, "Другая Методист");
    const t = await registerViaBot(app, 7510, { name: "Smith Anna", locale: "en" });
    const other = await registerViaBot(app, 7512, { name: "Волкова Дарья" });
    const own = await insertMaterial(app, t.userId, { title: "My own worksheet", approved: false });
    await insertMaterial(app, other.userId, { title: "Чужой лист", approved: false });
    await app.db.prisma.user.update({ where: { id: t.userId }, data: { role: "methodist" } });

    // her queue and its count: only what she may act on
    await t.chat.send("📂 Materials");
    expect(t.chat.buttons().map((b) => b.text)).toContain("🗂 Awaiting review: 1");
    await t.chat.send("/moderate_materials");
    expect(t.chat.lastText()).toContain("Materials awaiting review</b>: 1");
    expect(t.chat.lastText()).toContain("Чужой лист");
    expect(t.chat.lastText()).not.toContain("My own worksheet");

    // forged buttons on her own material are refused, and no reason is asked
    await t.chat.pressData(approveData.pack({ id: own }));
    expect(t.chat.toasts().at(-1)).toBe("You cannot review your own material: another methodologist will.");
    const before = t.chat.mark();
    await t.chat.pressData(rejectData.pack({ id: own }));
    expect(t.chat.toasts().at(-1)).toBe("You cannot review your own material: another methodologist will.");
    expect(t.chat.textsSince(before)).toEqual([]);
    const me = await app.db.prisma.user.findUniqueOrThrow({ where: { id: t.userId } });
    await expect(app.services.materials.approve(me, own)).rejects.toMatchObject({ code: "material-moderation-own" });
    await expect(app.services.materials.reject(me, own, "Сама себе отказываю")).rejects.toMatchObject({ code: "material-moderation-own" });
    expect(await app.db.prisma.material.findUniqueOrThrow({ where: { id: own } })).toMatchObject({ status: "pending", moderatedById: null, moderatedAt: null });

    // a colleague still sees it (oldest first) and approves it; the author is told
    await colleague.chat.send("/moderate_materials");
    expect(colleague.chat.lastText()).toContain("Материалы на проверке</b>: 2");
    expect(colleague.chat.lastText()).toContain("My own worksheet");
    await colleague.chat.press("Одобрить");
    expect(await app.db.prisma.material.findUniqueOrThrow({ where: { id: own } })).toMatchObject({ status: "approved", moderatedById: colleague.userId });
    await deliverAll(app);
    expect(t.chat.lastText()).toContain("Your material “My own worksheet” is published");
  });
});

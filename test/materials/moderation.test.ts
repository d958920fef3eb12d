import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openData, QUEUE } from "../../src/bot/features/materials/callbacks.js";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { registerMethodist, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { insertMaterial } from "./helpers.js";

describe.each(providers)("moderating materials on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("a methodist approves: the material is published, the author told and can open it; colleagues find it", async () => {
    const author = await registerViaBot(app, 7101, { name: "Белова Ольга" });
    const m = await registerMethodist(app, 7102);
    const id = await insertMaterial(app, author.userId, { title: "Тест по дробям", approved: false });
    const colleague = await registerViaBot(app, 7103, { name: "Серова Анна" });

    // not visible before moderation
    await colleague.chat.send("📂 Материалы");
    await colleague.chat.press("По предметам");
    expect(colleague.chat.lastText()).toContain("пока нет опубликованных");
    await colleague.chat.pressData(openData.pack({ id }));
    expect(colleague.chat.toasts().at(-1)).toContain("ещё не опубликован");

    await m.chat.send("📂 Материалы");
    await m.chat.press("На проверке: 1");
    expect(m.chat.lastText()).toContain("Материалы на проверке</b>: 1");
    expect(m.chat.lastText()).toContain("Тест по дробям");
    await m.chat.press("Получить файл");
    expect(m.chat.messages().at(-1)).toMatchObject({ kind: "document", file: { file_id: expect.stringMatching(/^file-/) } });
    await m.chat.press("Одобрить");
    expect(m.chat.textsSince(0).some((t) => t.includes("«Тест по дробям» опубликован"))).toBe(true);
    expect(m.chat.lastText()).toContain("Новых материалов на проверке нет");
    expect(await app.db.prisma.material.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "approved",
      moderatedById: m.userId,
      moderatedAt: app.clock.now(),
    });

    await deliverAll(app);
    expect(author.chat.lastText()).toContain("Ваш материал «Тест по дробям» опубликован");
    await author.chat.press("Открыть материал");
    expect(author.chat.lastText()).toContain("Статус: ✅ опубликован");

    await colleague.chat.send("📂 Материалы");
    await colleague.chat.press("По предметам");
    await colleague.chat.press("Математика (1)");
    await colleague.chat.press("Все типы (1)");
    await colleague.chat.press("Все классы");
    expect(colleague.chat.lastText()).toContain("Тест по дробям");
  });

  it("a rejection needs a reason; the author reads it in the notice and in her materials", async () => {
    const author = await registerViaBot(app, 7111, { name: "Белова Ольга" });
    const m = await registerMethodist(app, 7112);
    await insertMaterial(app, author.userId, { title: "Черновик", approved: false });
    await insertMaterial(app, author.userId, { title: "Второй", approved: false });
    await m.chat.send("/moderate_materials");
    expect(m.chat.lastText()).toContain("Материалы на проверке</b>: 2");
    await m.chat.press("Отклонить");
    expect(m.chat.lastText()).toContain("Почему материал «Черновик» отклонён");
    await m.chat.send("ну");
    expect(m.chat.lastText()).toContain("хотя бы 3 символа");
    await m.chat.send("Нет <описания> заданий");
    expect(m.chat.textsSince(0).some((t) => t.includes("«Черновик» отклонён"))).toBe(true);
    // the next one comes at once
    expect(m.chat.lastText()).toContain("Второй");
    expect(await app.db.prisma.material.findFirstOrThrow({ where: { title: "Черновик" } })).toMatchObject({
      status: "rejected",
      rejectReason: "Нет <описания> заданий",
    });

    await deliverAll(app);
    expect(author.chat.lastText()).toContain("Причина: Нет &lt;описания&gt; заданий");
    await author.chat.send("📂 Материалы");
    await author.chat.press("Мои материалы");
    expect(author.chat.lastText()).toContain("❌ Черновик");
    expect(author.chat.lastText()).toContain("⏳ Второй");
    await author.chat.press("Черновик");
    expect(author.chat.lastText()).toContain("Статус: ❌ отклонён");
    expect(author.chat.lastText()).toContain("Причина: Нет &lt;описания&gt; заданий");
  });

  it("two methodists at once: the material is moderated once, the second is told", async () => {
    const author = await registerViaBot(app, 7121);
    const a = await registerMethodist(app, 7122, "Первая Методист");
    const b = await registerMethodist(app, 7123, "Вторая Методист");
    const id = await insertMaterial(app, author.userId, { title: "Спорный", approved: false });
    await a.chat.send("/moderate_materials");
    await b.chat.send("/moderate_materials");
    await Promise.all([a.chat.press("Одобрить"), b.chat.press("Одобрить")]);
    expect(app.tg.callsOf("answerCallbackQuery").filter((c) => String(c.payload.text).includes("уже проверил"))).toHaveLength(1);
    await b.chat.send("/moderate_materials");
    expect(b.chat.lastText()).toContain("Новых материалов на проверке нет");
    // a stale reject button does not start a rejection
    await b.chat.pressData(`material-mr:${id}`);
    expect(b.chat.toasts().at(-1)).toContain("уже проверил");
    expect((await app.db.prisma.material.findUniqueOrThrow({ where: { id } })).status).toBe("approved");
    await deliverAll(app);
    expect(author.chat.textsSince(0).filter((t) => t.includes("опубликован"))).toHaveLength(1);
  });

  it("teachers cannot moderate: command, queue button and stale approve buttons are refused", async () => {
    const author = await registerViaBot(app, 7131);
    const teacher = await registerViaBot(app, 7132, { name: "Просто Учитель" });
    const id = await insertMaterial(app, author.userId, { title: "Ждёт", approved: false });
    await teacher.chat.send("/moderate_materials");
    expect(teacher.chat.lastText()).toContain("только методисты");
    await teacher.chat.send("📂 Материалы");
    expect(teacher.chat.buttons().some((b) => b.text.includes("на проверке"))).toBe(false);
    await teacher.chat.pressData(QUEUE);
    await teacher.chat.pressData(`material-ma:${id}`);
    await teacher.chat.pressData(`material-mr:${id}`);
    expect(
      teacher.chat
        .toasts()
        .slice(-3)
        .every((t) => t.includes("только методисты")),
    ).toBe(true);
    expect((await app.db.prisma.material.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
    // no rejection flow was started for the teacher
    await teacher.chat.send("Плохой материал");
    expect(teacher.chat.lastText()).toContain("Я не понял сообщение");
  });
});

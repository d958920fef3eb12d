// The materials bank in a regional deployment: a district's methodist moderates the materials of her
// district's teachers only (the author's school decides), a regional methodist and an admin any; one of
// a school in no district goes to them. Published materials stay open to colleagues of every district.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { approveData, openData, rejectData } from "../../src/bot/features/materials/callbacks.js";
import { providers } from "../helpers/databases.js";
import { districtPeople } from "../helpers/districts.js";
import { insertTeacher, registerMethodist } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { insertMaterial } from "./helpers.js";

const OTHER_DISTRICT = "Автор этого материала работает не в школе вашего района — материал проверят методисты района автора или всего региона.";

describe.each(providers)("moderating materials by district on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  const stored = (id: number) => app.db.prisma.material.findUniqueOrThrow({ where: { id } });
  const pending = (authorId: number, title: string) => insertMaterial(app, authorId, { title, approved: false });
  const user = (id: number) => app.db.prisma.user.findUniqueOrThrow({ where: { id } });
  /** who was asked to check the material */
  const asked = async (title: string) =>
    (await app.db.prisma.outboxMessage.findMany({ where: { text: { contains: `на проверке: «${title}»` } }, orderBy: { userId: "asc" } })).map((m) => m.userId);

  const region = () => districtPeople(app, 7000);

  it("each queue and its count hold the materials of the methodist's district; notices go to those who check them; the published one is open to all", async () => {
    const r = await region();
    const northern = await pending(r.northT.userId, "Северный лист");
    await pending(r.southT.userId, "Южный лист");
    await pending(r.loneT, "Лист вне районов");
    const ids = [r.northM.userId, r.southM.userId, r.regional.userId, r.admin.userId].sort((a, b) => a - b);
    expect(await asked("Северный лист")).toEqual(ids.filter((id) => id !== r.southM.userId));
    expect(await asked("Южный лист")).toEqual(ids.filter((id) => id !== r.northM.userId));
    expect(await asked("Лист вне районов")).toEqual([r.regional.userId, r.admin.userId].sort((a, b) => a - b));

    await r.northM.chat.send("📂 Материалы");
    expect(r.northM.chat.buttons().map((b) => b.text)).toContain("🗂 На проверке: 1");
    await r.northM.chat.send("/moderate_materials");
    expect(r.northM.chat.lastText()).toContain("Материалы на проверке</b>: 1");
    expect(r.northM.chat.lastText()).toContain("Северный лист");
    await r.southM.chat.send("/moderate_materials");
    expect(r.southM.chat.lastText()).toContain("Материалы на проверке</b>: 1");
    expect(r.southM.chat.lastText()).toContain("Южный лист");
    await r.regional.chat.send("📂 Материалы");
    expect(r.regional.chat.buttons().map((b) => b.text)).toContain("🗂 На проверке: 3");
    await r.admin.chat.send("/moderate_materials");
    expect(r.admin.chat.lastText()).toContain("Материалы на проверке</b>: 3");

    await r.northM.chat.send("/moderate_materials");
    await r.northM.chat.press("Одобрить");
    expect(r.northM.chat.lastText()).toContain("Новых материалов на проверке нет");
    expect(await stored(northern)).toMatchObject({ status: "approved", moderatedById: r.northM.userId });

    // a colleague of the other district finds and opens it
    await r.southT.chat.send("📂 Материалы");
    await r.southT.chat.press("По предметам");
    await r.southT.chat.press("Математика (1)");
    await r.southT.chat.press("Все типы (1)");
    await r.southT.chat.press("Все классы");
    await r.southT.chat.press(/Северный лист/);
    expect(r.southT.chat.lastText()).toContain("Северный лист");
    expect(await stored(northern)).toMatchObject({ views: 1 });
  });

  it("a verdict on another district's material, or on one of a school in no district, is refused and changes nothing", async () => {
    const r = await region();
    const southern = await pending(r.southT.userId, "Южный лист");
    const lone = await pending(r.loneT, "Лист вне районов");

    for (const id of [southern, lone]) {
      await r.northM.chat.pressData(approveData.pack({ id }));
      expect(r.northM.chat.toasts().at(-1)).toBe(OTHER_DISTRICT);
      const before = r.northM.chat.mark();
      await r.northM.chat.pressData(rejectData.pack({ id }));
      expect(r.northM.chat.toasts().at(-1)).toBe(OTHER_DISTRICT);
      expect(r.northM.chat.textsSince(before)).toEqual([]);
      expect(await stored(id)).toMatchObject({ status: "pending", moderatedById: null, moderatedAt: null, rejectReason: null });
      // not hers to look at before it is published
      await r.northM.chat.pressData(openData.pack({ id }));
      expect(r.northM.chat.toasts().at(-1)).toContain("ещё не опубликован");
    }
    const northM = await user(r.northM.userId);
    await expect(app.services.materials.approve(northM, southern)).rejects.toMatchObject({ code: "material-moderation-other-district" });
    await expect(app.services.materials.reject(northM, southern, "Не мой район")).rejects.toMatchObject({ code: "material-moderation-other-district" });
    await expect(app.services.materials.checkModerable(await user(r.southM.userId), lone)).rejects.toMatchObject({
      code: "material-moderation-other-district",
    });
    expect(await app.services.materials.card(southern, northM)).toBeNull();

    await app.db.prisma.user.update({ where: { id: r.northM.userId }, data: { language: "en" } });
    await r.northM.chat.pressData(approveData.pack({ id: southern }));
    expect(r.northM.chat.toasts().at(-1)).toContain("does not work at a school of your district");

    // those who reach them give the verdicts
    await r.southM.chat.pressData(openData.pack({ id: southern }));
    expect(r.southM.chat.lastText()).toContain("Южный лист");
    await r.southM.chat.pressData(approveData.pack({ id: southern }));
    await r.regional.chat.send("/moderate_materials");
    expect(r.regional.chat.lastText()).toContain("Лист вне районов");
    await r.regional.chat.press("Отклонить");
    await r.regional.chat.send("Добавьте ответы");
    expect(await stored(southern)).toMatchObject({ status: "approved", moderatedById: r.southM.userId });
    expect(await stored(lone)).toMatchObject({ status: "rejected", moderatedById: r.regional.userId, rejectReason: "Добавьте ответы" });
  });

  it("a district's methodist's own material is published at once; one she shared as a teacher waits for a colleague of her district", async () => {
    const r = await region();
    const old = await pending(r.northT.userId, "Лист до назначения");
    await app.db.prisma.user.update({ where: { id: r.northT.userId }, data: { role: "methodist", districtId: r.north.id } });
    await r.northT.chat.send("/moderate_materials");
    expect(r.northT.chat.lastText()).toContain("Новых материалов на проверке нет");
    await r.northT.chat.pressData(approveData.pack({ id: old }));
    expect(r.northT.chat.toasts().at(-1)).toBe("Свой материал проверять нельзя — его проверит другой методист.");
    await r.southM.chat.send("/moderate_materials");
    expect(r.southM.chat.lastText()).toContain("Новых материалов на проверке нет");
    await r.northM.chat.send("/moderate_materials");
    expect(r.northM.chat.lastText()).toContain("Лист до назначения");

    const own = await pending(r.northM.userId, "Лист методиста");
    expect(await stored(own)).toMatchObject({ status: "approved", moderatedById: r.northM.userId });
    expect(await asked("Лист методиста")).toEqual([]);
  });

  it("a deployment without districts: every methodist checks every teacher's material", async () => {
    const m1 = await registerMethodist(app, 7001, "Первая Методист");
    const m2 = await registerMethodist(app, 7002, "Вторая Методист");
    const t = await insertTeacher(app, 7101);
    const id = await pending(t, "Лист района");
    expect(await asked("Лист района")).toEqual([m1.userId, m2.userId].sort((a, b) => a - b));
    for (const m of [m1, m2]) {
      await m.chat.send("/moderate_materials");
      expect(m.chat.lastText()).toContain("Лист района");
    }
    await m2.chat.pressData(approveData.pack({ id }));
    expect(await stored(id)).toMatchObject({ status: "approved", moderatedById: m2.userId });
  });
});

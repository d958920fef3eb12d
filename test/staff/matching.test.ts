// Matching people of the bot to the staff list: asked "Это вы?" once at registration (exact, or near:
// ё/е, a typo, initials), linked only on her yes; a refusal links nothing; a methodist sees the unlinked
// on both sides and links by hand; a school's invitation link presets the school and the newcomer is
// matched; /deleteme removes her link, never the district's row.
import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { registerMethodist, registerViaBot, toSchoolStep, type Person } from "../helpers/flows.js";
import { BOT_INFO } from "../helpers/fake-telegram.js";
import { readPdf } from "../helpers/pdf.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { csv, loadStaff, schoolId, STAFF } from "./helpers.js";

describe.each(providers)("matching people to the staff list on %s", (provider) => {
  let app: TestApp;
  let methodist: Person;
  beforeEach(async () => {
    app = await createTestApp(provider);
    methodist = await registerMethodist(app, 9201);
    await loadStaff(methodist.chat, csv(STAFF));
  });
  afterEach(() => closeTestApp(app));

  const linkOf = async (name: string) => (await app.db.prisma.staffMember.findFirstOrThrow({ where: { fullName: name } })).userId;
  const userOf = async (telegramId: number) => (await app.services.users.byTelegramId(telegramId))!;

  /** from the school question on: the school found by `search`, pressed by `button` */
  async function pickSchool(chat: Person["chat"], search: string, button: string) {
    await chat.send(search);
    await chat.press(button);
  }
  async function finish(chat: Person["chat"]) {
    await chat.press("Математика");
    await chat.press("Готово");
  }

  it("an exact name at her school: asked once, linked on her yes", async () => {
    const chat = await toSchoolStep(app, 9301, "Петрова Анна Сергеевна");
    await pickSchool(chat, "СОШ 1", "МБОУ «СОШ № 1»");
    expect(chat.lastText()).toBe("В списке педагогов школы есть <b>Петрова Анна Сергеевна</b> (учитель). Это вы?");
    expect(await linkOf("Петрова Анна Сергеевна")).toBeNull();
    await chat.press("Петрова Анна Сергеевна · учитель");
    expect(chat.messages().at(-2)?.text).toContain("Это вы: Петрова Анна Сергеевна");
    await finish(chat);
    const user = await userOf(9301);
    expect(user.registeredAt).not.toBeNull();
    expect(await linkOf("Петрова Анна Сергеевна")).toBe(user.id);
    expect(app.missing).toEqual([]);
  });

  it("near names are offered (no patronymic, a typo, е for ё) and only the one she presses is linked", async () => {
    const initials = await toSchoolStep(app, 9302, "Петрова Анна");
    await pickSchool(initials, "СОШ 1", "МБОУ «СОШ № 1»");
    expect(initials.lastText()).toContain("похожие записи");
    await initials.press("Петрова Анна Сергеевна · учитель");
    await finish(initials);
    expect(await linkOf("Петрова Анна Сергеевна")).toBe((await userOf(9302)).id);

    const typo = await toSchoolStep(app, 9303, "Сколова Ирина Павловна");
    await pickSchool(typo, "СОШ 1", "МБОУ «СОШ № 1»");
    expect(typo.lastText()).toContain("похожие записи");
    await typo.press("Соколова Ирина Павловна · учитель");
    await finish(typo);
    expect(await linkOf("Соколова Ирина Павловна")).toBe((await userOf(9303)).id);

    const yo = await toSchoolStep(app, 9304, "Елкина Мария Петровна");
    await pickSchool(yo, "Гимназия", "МБОУ «Гимназия № 3»");
    expect(yo.lastText()).toContain("<b>Ёлкина Мария Петровна</b> (учитель). Это вы?");
    await yo.press("Ёлкина Мария Петровна · учитель");
    await finish(yo);
    expect(await linkOf("Ёлкина Мария Петровна")).toBe((await userOf(9304)).id);

    // another school's row is never offered; a different person is not asked
    const other = await toSchoolStep(app, 9305, "Морозова Анна Петровна");
    await pickSchool(other, "СОШ 1", "МБОУ «СОШ № 1»");
    expect(other.lastText()).toContain("Какие предметы");
  });

  it("refused: nothing is linked and registration goes on", async () => {
    const chat = await toSchoolStep(app, 9306, "Петрова Анна Сергеевна");
    await pickSchool(chat, "СОШ 1", "МБОУ «СОШ № 1»");
    await chat.press("Нет, это не я");
    expect(chat.messages().at(-2)?.text).toBe("Хорошо, не связываю.");
    await finish(chat);
    expect((await userOf(9306)).registeredAt).not.toBeNull();
    expect(await linkOf("Петрова Анна Сергеевна")).toBeNull();
  });

  it("a methodist sees the unlinked on both sides and links by hand", async () => {
    // registered before her school's list was matched, under a shorter name: not asked (no near match)
    await app.db.prisma.staffMember.updateMany({ where: { fullName: "Кузнецова Ольга Ивановна" }, data: { leftAt: app.clock.now() } });
    const teacher = await registerViaBot(app, 9307, { name: "Ольга Кузнецова" });
    await app.db.prisma.staffMember.updateMany({ where: { fullName: "Кузнецова Ольга Ивановна" }, data: { leftAt: null } });
    await methodist.chat.send("/staff");
    await methodist.chat.press("🔗 Кто не связан");
    const lists = methodist.chat.messages().at(-2)!.text;
    expect(lists).toContain("В списке, но ещё не в боте: 6");
    expect(lists).toContain("• Кузнецова Ольга Ивановна — МБОУ «СОШ № 1»");
    expect(lists).toContain("В боте, но нет в списке: 1");
    expect(lists).toContain("• Ольга Кузнецова — МБОУ «СОШ № 1»");
    await methodist.chat.press("Ольга Кузнецова");
    expect(methodist.chat.lastText()).toContain("Какая строка списка школы «МБОУ «СОШ № 1»» — это Ольга Кузнецова?");
    await methodist.chat.press("Кузнецова Ольга Ивановна · учитель");
    expect(methodist.chat.lastText()).toBe("✅ Связано.");
    expect(await linkOf("Кузнецова Ольга Ивановна")).toBe(teacher.userId);
    await methodist.chat.send("/staff");
    expect(methodist.chat.lastText()).toContain("из них в боте: 1");
  });

  it("an invitation link presets the school; the newcomer is matched; /deleteme removes her link, not the row", async () => {
    const gymnasium = await schoolId(app, "МБОУ «Гимназия № 3»");
    await methodist.chat.send("/staff");
    await methodist.chat.press("✉️ Приглашения по школам");
    expect(methodist.chat.lastText()).toContain("школ, где есть педагоги не в боте, — 3");
    await methodist.chat.press("МБОУ «Гимназия № 3» — не в боте 1 из 1");
    const doc = methodist.chat.messages().at(-1)!;
    const url = `https://t.me/${BOT_INFO.username}?start=school_${gymnasium}`;
    expect(doc.text).toContain(url);
    // the fake Bot API reads the multipart file name as Latin-1
    expect(Buffer.from(doc.file!.name!, "latin1").toString("utf8")).toBe("Приглашение_МБОУ_Гимназия_№_3.pdf");
    const pdf = await readPdf(doc);
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain("МБОУ «Гимназия № 3»");
    expect(pdf.text).toContain(url);
    if (process.env.SAVE_PDF) fs.writeFileSync(`${process.env.SAVE_PDF}/invitation-ru.pdf`, doc.file!.bytes!);

    const chat = app.user(9308);
    await chat.send(`/start school_${gymnasium}`);
    await chat.press("Русский");
    await chat.press("Даю согласие");
    await chat.send("Ёлкина Мария Петровна");
    expect(chat.messages().at(-2)?.text).toBe("🏫 Школа: МБОУ «Гимназия № 3» (по приглашению).");
    await chat.press("Ёлкина Мария Петровна · учитель");
    await finish(chat);
    const user = await userOf(9308);
    expect(user.schoolId).toBe(gymnasium);
    expect(await linkOf("Ёлкина Мария Петровна")).toBe(user.id);

    // a link to no school is an ordinary start
    const stray = app.user(9309);
    await stray.send("/start school_999999");
    await stray.press("Русский");
    await stray.press("Даю согласие");
    await stray.send("Жукова Анна Петровна");
    expect(stray.lastText()).toContain("школ");

    await chat.send("/deleteme");
    await chat.press("🗑 Да, удалить всё");
    expect(await app.services.users.byTelegramId(9308)).toBeNull();
    const row = await app.db.prisma.staffMember.findFirstOrThrow({ where: { fullName: "Ёлкина Мария Петровна" } });
    expect(row.userId).toBeNull();
    expect(row.category).toBe("highest");
  });

  it("the invitation in English", async () => {
    await app.db.prisma.user.update({ where: { id: methodist.userId }, data: { language: "en" } });
    await methodist.chat.send("/language");
    await methodist.chat.press("English");
    await methodist.chat.send("/staff");
    await methodist.chat.press("✉️ Invitations by school");
    await methodist.chat.press(/^МБОУ «СОШ № 2»/);
    const doc = methodist.chat.messages().at(-1)!;
    const pdf = await readPdf(doc);
    expect(pdf.text).toContain("The district's methodological network, in Telegram");
    expect(pdf.text).toContain("МБОУ «СОШ № 2»");
    if (process.env.SAVE_PDF) fs.writeFileSync(`${process.env.SAVE_PDF}/invitation-en.pdf`, doc.file!.bytes!);
    expect(app.missing).toEqual([]);
  });
});

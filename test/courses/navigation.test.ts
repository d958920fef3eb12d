// «◀ Назад» through the courses section, as in lessons and materials: the course card leads back to the
// catalog, a methodist's course panel to her list of courses, the participant list to the panel; each
// turns the message it is on into the screen it leads to.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { insertTeacher, registerMethodist, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { makeCourse } from "./helpers.js";

describe.each(providers)("courses: the way back on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("a teacher: the card and 'My courses' lead back to the catalog, in place", async () => {
    const m = await registerMethodist(app, 8200);
    await makeCourse(app, m.userId);
    const anna = await registerViaBot(app, 5201);
    await anna.chat.send("📚 Курсы");
    await anna.chat.press("1. Функциональная грамотность");
    expect(anna.chat.lastText()).toContain("задания PISA");
    expect(anna.chat.buttons().map((b) => b.text)).toEqual(["✍️ Записаться", "📅 В календарь", "📤 Поделиться", "◀ Назад"]);
    const count = anna.chat.mark();
    await anna.chat.press("◀ Назад");
    expect(anna.chat.mark()).toBe(count);
    expect(anna.chat.lastText()).toContain("Курсы повышения квалификации</b> (открыто: 1)");
    expect(anna.chat.buttons().map((b) => b.text)).toContain("1. Функциональная грамотность");

    await anna.chat.press("🗂 Мои курсы");
    expect(anna.chat.lastText()).toContain("Вы пока не записаны ни на один курс");
    await anna.chat.press("◀ Назад");
    expect(anna.chat.lastText()).toContain("Курсы повышения квалификации");
    expect(anna.chat.mark()).toBe(count + 1);
  });

  it("a methodist: the panel leads back to her list, the participants to the panel, in place", async () => {
    const m = await registerMethodist(app, 8210);
    const course = await makeCourse(app, m.userId);
    await app.services.courses.signUp(await insertTeacher(app, 5211, { name: "Гостева Анна Петровна" }), course.id);
    await m.chat.send("/courses_admin");
    await m.chat.press("Функциональная грамотность");
    expect(m.chat.lastText()).toContain("Занято мест: 1 из 2");
    expect(
      m.chat
        .buttons()
        .map((b) => b.text)
        .at(-1),
    ).toBe("◀ Назад");
    let count = m.chat.mark();
    await m.chat.press("◀ Назад");
    expect(m.chat.mark()).toBe(count);
    expect(m.chat.lastText()).toContain("<b>Курсы</b> (1)");

    await m.chat.press("Функциональная грамотность");
    await m.chat.press("👥 Участники");
    expect(m.chat.lastText()).toContain("1. Гостева Анна Петровна");
    expect(m.chat.buttons().map((b) => b.text)).toEqual(["◀ Назад"]);
    count = m.chat.mark();
    await m.chat.press("◀ Назад");
    expect(m.chat.mark()).toBe(count);
    expect(m.chat.lastText()).toContain("Занято мест: 1 из 2");
    expect(m.chat.buttons().map((b) => b.text)).toContain("👥 Участники");
    // and from there back to the list
    await m.chat.press("◀ Назад");
    expect(m.chat.lastText()).toContain("<b>Курсы</b> (1)");
    expect(m.chat.mark()).toBe(count);
  });
});

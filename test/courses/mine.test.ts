// "My courses" of a teacher with many registrations: paged like the other lists, every page within
// Telegram's 4096 characters, turned in place, with a way back to the catalog.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { visibleLength } from "../helpers/fake-telegram.js";
import { insertTeacher, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { makeCourse } from "./helpers.js";

describe.each(providers)("courses: a long 'My courses' on %s", (provider) => {
  let app: TestApp;
  let methodistId: number;
  beforeEach(async () => {
    app = await createTestApp(provider);
    methodistId = await insertTeacher(app, 8100, { name: "Сидорова Елена" });
    await app.db.prisma.user.update({ where: { id: methodistId }, data: { role: "methodist" } });
  });
  afterEach(() => closeTestApp(app));

  it("20 registrations: pages of six within Telegram's limit, turned in place, each course once; back to the catalog", async () => {
    const titles: string[] = [];
    const anna = await registerViaBot(app, 5101);
    const other = await insertTeacher(app, 5102);
    for (let i = 1; i <= 20; i++) {
      // a realistic programme title (they run to a hundred and more characters)
      const title = `${String(i).padStart(2, "0")}. Формирование и оценка функциональной грамотности обучающихся: математическая и естественнонаучная грамотность на уроках в условиях обновлённых ФГОС ООО`;
      titles.push(title);
      const c = await makeCourse(app, methodistId, {
        title,
        seats: 1,
        startDate: new Date(Date.UTC(2026, 11, 10 + i, 6)),
        endDate: new Date(Date.UTC(2026, 11, 11 + i, 6)),
      });
      // every other course full already: she is on its waiting list
      if (i % 2 === 0) await app.services.courses.signUp(other, c.id);
      await app.services.courses.signUp(anna.userId, c.id);
    }
    expect(await app.db.prisma.courseRegistration.count({ where: { userId: anna.userId } })).toBe(20);

    await anna.chat.send("/mycourses");
    const list = anna.chat.messages().at(-1)!;
    // all twenty in one message came to over 4,096 characters: Telegram refused it, she got an error
    expect(list.text).not.toContain("Что-то пошло не так");
    expect(visibleLength(list.text)).toBeLessThanOrEqual(4096);
    expect(list.text).toContain("Мои курсы</b>: 20");
    const labels = () => anna.chat.buttons().map((b) => b.text);
    expect(labels()).toContain("1/4");
    expect(labels()).toContain("▶");
    expect(labels()).not.toContain("◀");
    expect(labels()).toContain("◀ Назад");
    // the latest course first; each shown has its cancel button
    expect(list.text).toContain(titles[19]!);
    expect(labels().filter((l) => l.startsWith("Отменить запись:"))).toHaveLength(6);

    // every page: the same message, edited; each course appears on exactly one page
    const seen: string[] = [];
    const count = anna.chat.mark();
    for (let page = 1; page <= 4; page++) {
      const text = anna.chat.lastText();
      expect(visibleLength(text)).toBeLessThanOrEqual(4096);
      expect(labels()).toContain(`${page}/4`);
      seen.push(...titles.filter((t) => text.includes(t)));
      if (page < 4) await anna.chat.press("▶");
    }
    expect(anna.chat.mark()).toBe(count);
    expect(seen.sort()).toEqual([...titles].sort());
    expect(labels()).not.toContain("▶");
    expect(anna.chat.lastText()).toContain("⏳ лист ожидания, №\u00a01");
    await anna.chat.press("◀");
    expect(labels()).toContain("3/4");

    // back: the same message becomes the catalog
    await anna.chat.press("◀ Назад");
    expect(anna.chat.mark()).toBe(count);
    expect(anna.chat.lastText()).toContain("Курсы повышения квалификации");
    expect(labels()).toContain("🗂 Мои курсы");
  });

  it("an empty 'My courses' says so and leads back to the catalog", async () => {
    const anna = await registerViaBot(app, 5111);
    await anna.chat.send("/mycourses");
    expect(anna.chat.lastText()).toContain("Вы пока не записаны ни на один курс");
    expect(anna.chat.buttons().map((b) => b.text)).toEqual(["◀ Назад"]);
    await anna.chat.press("◀ Назад");
    expect(anna.chat.lastText()).toContain("Курсы повышения квалификации");
  });
});

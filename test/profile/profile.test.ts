import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { loadTwoDistricts, SOUTH } from "../helpers/districts.js";
import { insertTeacher, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { makeCourse } from "../courses/helpers.js";
import { approvedLesson, insertMethodist } from "../lessons/helpers.js";
import { insertMaterial } from "../materials/helpers.js";
import { publishMeeting } from "../meetings/helpers.js";

describe.each(providers)("profile on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("shows what is stored, from the menu button and /profile", async () => {
    const p = await registerViaBot(app, 4001, { name: "Орлова Нина Павловна" });
    await p.chat.send("👤 Профиль");
    const card = p.chat.lastText();
    expect(card).toContain("Орлова Нина Павловна");
    expect(card).toContain("МБОУ «СОШ № 1»");
    expect(card).toContain("Математика");
    expect(card).toContain("Роль: педагог");
    await p.chat.send("/profile");
    expect(p.chat.lastText()).toBe(card);
  });

  it("in a regional deployment the card names her school's district", async () => {
    const { south } = await loadTwoDistricts(app);
    const p = await registerViaBot(app, 4002, { name: "Орлова Нина Павловна", school: south.schoolName });
    await p.chat.send("/profile");
    expect(p.chat.lastText()).toContain(`${south.schoolName}, ${SOUTH}`);
  });

  it("changes name (validated), school and subjects", async () => {
    const p = await registerViaBot(app, 4002);
    await p.chat.send("/profile");
    await p.chat.press("ФИО");
    await p.chat.send("Вера 7");
    expect(p.chat.lastText()).toContain("только буквы");
    await p.chat.send("Новикова Вера");
    expect(p.chat.lastText()).toContain("Сохранено");
    await p.chat.send("/profile");
    await p.chat.press("Школа");
    await p.chat.send("лицей");
    await p.chat.press("МБОУ «Лицей № 4»");
    await p.chat.send("/profile");
    await p.chat.press("Предметы");
    // current subjects come ticked
    expect(p.chat.buttons().some((b) => b.text === "✅ Математика")).toBe(true);
    await p.chat.press("✅ Математика");
    await p.chat.press("Информатика");
    await p.chat.press("Готово");
    const profile = await app.services.users.profile(p.userId);
    expect(profile).toMatchObject({ fullName: "Новикова Вера", school: { name: "МБОУ «Лицей № 4»" } });
    expect(profile!.subjects.map((s) => s.code)).toEqual(["informatics"]);
  });

  it("toggles notification opt-outs in place", async () => {
    const p = await registerViaBot(app, 4003);
    await p.chat.send("/profile");
    await p.chat.press("Объявления");
    expect(p.chat.lastText()).toContain("Несрочные объявления: выкл.");
    await p.chat.press("Новые курсы");
    expect(p.chat.lastText()).toContain("Новые курсы по моим предметам: выкл.");
    expect(await app.services.users.byId(p.userId)).toMatchObject({ muteAnnouncements: true, notifyNewCourses: false });
  });

  it("/language switches the language of everything, also before registration", async () => {
    const stranger = app.user(4004, { language_code: "ru" });
    await stranger.send("/language");
    await stranger.press("English");
    await stranger.send("/help");
    expect(stranger.lastText()).toContain("please register");

    const p = await registerViaBot(app, 4005);
    await p.chat.send("/language");
    await p.chat.press("English");
    expect(p.chat.keyboard()).toContain("👤 Profile");
    await p.chat.send("👤 Profile");
    expect(p.chat.lastText()).toContain("Name:");
    expect((await app.services.users.byId(p.userId))!.language).toBe("en");
  });

  it("/deleteme erases the person after confirmation; they can register again", async () => {
    const p = await registerViaBot(app, 4006);
    await p.chat.send("/deleteme");
    await p.chat.press("Нет, оставить");
    expect(p.chat.lastText()).toContain("ничего не удалено");
    expect(await app.services.users.byId(p.userId)).not.toBeNull();

    await p.chat.send("/deleteme");
    await p.chat.press("Да, удалить всё");
    expect(p.chat.lastText()).toContain("данные удалены");
    expect(await app.db.prisma.user.count()).toBe(0);
    expect(await app.db.prisma.teacherSubject.count()).toBe(0);
    expect(await app.db.prisma.session.count()).toBe(0);
    await p.chat.send("/profile");
    expect(p.chat.lastText()).toContain("зарегистрируйтесь");
    const again = await registerViaBot(app, 4006, { name: "Снова Здесь" });
    expect((await app.services.users.byId(again.userId))!.fullName).toBe("Снова Здесь");
  });

  it("profile buttons pressed after erasure are refused politely", async () => {
    const p = await registerViaBot(app, 4007);
    await p.chat.send("/profile");
    await app.services.users.erase(p.userId);
    await p.chat.press("ФИО");
    expect(p.chat.toasts().at(-1)).toContain("зарегистрируйтесь");
  });

  it("the activity record sums up this academic year: completed courses and hours, meetings attended, open lessons given and visited, materials", async () => {
    const p = await registerViaBot(app, 4101, { name: "Орлова Нина Павловна" });
    const colleague = await insertTeacher(app, 4102, { subjectCodes: ["math"] });
    const mId = await insertMethodist(app, 4100);
    const methodist = (await app.services.users.byId(mId))!;

    await p.chat.send("/profile");
    expect(p.chat.lastText()).toContain("Учебный год 2026/2027");
    expect(p.chat.lastText()).toContain("Пройдено курсов повышения квалификации: 0\n");

    // two completed courses this year, one last year, one she is only registered for
    const thisYear = await makeCourse(app, mId, { hours: 72 });
    const short = await makeCourse(app, mId, { hours: 16, title: "Наставничество" });
    const lastYear = await makeCourse(app, mId, { hours: 36, title: "Прошлогодний курс" });
    const pending = await makeCourse(app, mId, { hours: 108, title: "Ещё идёт" });
    for (const c of [thisYear, short, lastYear, pending]) await app.services.courses.signUp(p.userId, c.id);
    await app.db.prisma.course.update({
      where: { id: lastYear.id },
      data: { startDate: new Date("2026-03-02T06:00:00Z"), endDate: new Date("2026-03-06T06:00:00Z") },
    });

    // a meeting she attended and one she said she would go to but did not
    const attended = await publishMeeting(app, mId);
    const missed = await publishMeeting(app, mId, { title: "Семинар", startsAt: new Date("2026-11-27T12:00:00Z") });
    for (const m of [attended, missed]) await app.services.meetings.rsvp(p.userId, m.id, "going");

    // her own open lesson, a colleague's she signed up for, and one that has not happened yet
    await approvedLesson(app, p.userId, mId);
    const visited = await approvedLesson(app, colleague, mId, { topic: "Деление дробей" });
    await app.services.lessons.signUp(p.userId, visited);
    const later = await approvedLesson(app, colleague, mId, { topic: "Проценты", startsAt: new Date("2027-01-20T11:30:00Z").getTime() });
    await app.services.lessons.signUp(p.userId, later);

    // one material approved, one still waiting for a methodist
    await insertMaterial(app, p.userId, { title: "Карточки по дробям" }, mId);
    await insertMaterial(app, p.userId, { title: "Черновик", approved: false });

    // after the events the methodists mark completion and attendance
    app.clock.set("2026-12-15T09:00:00Z");
    for (const c of [thisYear, short, lastYear]) await app.services.courses.complete(methodist, c.id, null);
    await app.services.meetings.markAttendance(methodist, attended.id, p.userId, true);
    await app.services.meetings.markAttendance(methodist, missed.id, p.userId, false);
    await p.chat.send("/profile");
    const card = p.chat.lastText();
    expect(card).toContain("📈 <b>Учебный год 2026/2027</b>");
    expect(card).toContain("Пройдено курсов повышения квалификации: 2 (88 ч)");
    expect(card).toContain("Посещено встреч: 1");
    expect(card).toContain("Открытые уроки: свои — 1, посещённые — 1");
    expect(card).toContain("Материалы в копилке: 1");

    await p.chat.send("/language");
    await p.chat.press("English");
    await p.chat.send("/profile");
    expect(p.chat.lastText()).toContain("Professional-development courses completed: 2 (88 h)");
    expect(p.chat.lastText()).toContain("Open lessons: given 1, visited 1");
  });
});

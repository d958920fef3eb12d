// Courses in a regional deployment, the teachers' side: a district's methodist creates her district's
// course; its teachers see it, are told of it and sign up; another district's teachers do not and cannot.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { courseCalendarData, courseOpenData, courseSignUpData } from "../../src/bot/features/courses/callbacks.js";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { loadTwoDistricts, NORTH, registerDistrictMethodist, type TestDistrict } from "../helpers/districts.js";
import { insertTeacher, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { makeCourse } from "./helpers.js";

const NOT_FOR_YOU = "Этот курс — для педагогов другого района: открыть его и записаться на него нельзя.";

describe.each(providers)("courses in districts, teachers, on %s", (provider) => {
  let app: TestApp;
  let north: TestDistrict;
  let south: TestDistrict;
  let northMethodist: Person;

  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
    ({ north, south } = await loadTwoDistricts(app));
    northMethodist = await registerDistrictMethodist(app, 8100, north);
  });
  afterEach(() => closeTestApp(app));

  it("a district methodist's /newcourse makes her district's course: the preview says so, only its teachers are told, see it and sign up", async () => {
    const northMath = await insertTeacher(app, 8101, { schoolId: north.schoolIds[1], subjectCodes: ["math"] });
    const optedOut = await insertTeacher(app, 8102, { schoolId: north.schoolIds[2], subjectCodes: ["math"] });
    await app.services.users.update(optedOut, { notifyNewCourses: false });
    await insertTeacher(app, 8103, { schoolId: north.schoolIds[3], subjectCodes: ["math"], language: "en" });
    const southMath = await insertTeacher(app, 8111, { schoolId: south.schoolIds[0], subjectCodes: ["math"] });
    // a teacher of a school the directory puts in no district sees only the courses for everyone
    const noDistrictSchool = await app.db.prisma.school.create({ data: { name: "МБОУ «СОШ № 99»", searchText: "мбоу сош 99" } });
    const nowhere = await insertTeacher(app, 8112, { schoolId: noDistrictSchool.id, subjectCodes: ["math"] });

    const me = northMethodist.chat;
    await me.send("/newcourse");
    await me.send("Формирующее оценивание");
    await me.send("Приёмы формирующего оценивания на уроках математики.");
    await me.send("ИМЦ Северного района");
    await me.press("очно");
    await me.send("Школа № 1, актовый зал");
    await me.send("10.12 10:00");
    await me.send("11.12");
    await me.send("36");
    await me.send("20");
    await me.send("05.12");
    await me.press("Математика");
    await me.press("Готово");
    expect(me.lastText()).toContain("Проверьте курс перед публикацией");
    expect(me.lastText()).toContain(`🏙 Для педагогов района «${NORTH}»`);
    await me.press("Опубликовать");
    expect(me.lastText()).toContain("опубликован, запись открыта");
    const course = await app.db.prisma.course.findFirstOrThrow();
    expect(course.districtId).toBe(north.id);

    // the notice reaches the district's teachers of the subject who want it, in their language
    await deliverAll(app);
    expect(receivedTexts(app, 8101)[0]).toContain("Новый курс по вашим предметам: <b>Формирующее оценивание</b>");
    expect(receivedTexts(app, 8102)).toEqual([]);
    expect(receivedTexts(app, 8103)[0]).toContain("A new course for your subjects");
    expect(receivedTexts(app, 8111)).toEqual([]);
    expect(receivedTexts(app, 8112)).toEqual([]);
    expect(await app.db.prisma.outboxMessage.count({ where: { groupId: `course-new:${course.id}` } })).toBe(2);

    // the district's teachers find it in the catalog with its district line, in both languages
    const teacher = app.user(8101);
    await teacher.send("/courses");
    expect(teacher.lastText()).toContain("(открыто: 1)");
    expect(teacher.lastText()).toContain(`Формирующее оценивание</b>\nИМЦ Северного района`);
    expect(teacher.lastText()).toContain(`🏙 Для педагогов района «${NORTH}»`);
    const english = app.user(8103);
    await english.send("/courses");
    expect(english.lastText()).toContain(`🏙 For teachers of the ${NORTH} district`);
    await teacher.press("1. Формирующее оценивание");
    expect(teacher.lastText()).toContain(`🏙 Для педагогов района «${NORTH}»`);
    await teacher.press("Записаться");
    expect(teacher.lastText()).toContain("Вы записаны");

    // another district's teacher: not in her catalog; a forged card, sign-up or calendar button is refused
    for (const [id, chat] of [
      [southMath, app.user(8111)],
      [nowhere, app.user(8112)],
    ] as const) {
      await chat.send("/courses");
      expect(chat.lastText()).toContain("(открыто: 0)");
      expect(chat.lastText()).not.toContain("Формирующее оценивание");
      await chat.pressData(courseOpenData.pack({ id: course.id }));
      expect(chat.lastText()).toBe(NOT_FOR_YOU);
      await chat.pressData(courseSignUpData.pack({ id: course.id }));
      expect(chat.lastText()).toBe(NOT_FOR_YOU);
      await chat.pressData(courseCalendarData.pack({ id: course.id }));
      expect(chat.lastText()).toBe(NOT_FOR_YOU);
      await expect(app.services.courses.signUp(id, course.id)).rejects.toMatchObject({ code: "course-not-for-your-district" });
    }
    expect(app.tg.callsOf("sendDocument")).toHaveLength(0);
    expect(await app.db.prisma.courseRegistration.findMany({ select: { userId: true } })).toEqual([{ userId: northMath }]);
    expect((await app.db.prisma.course.findUniqueOrThrow({ where: { id: course.id } })).seatsTaken).toBe(1);
  });

  it("the catalog holds the courses for everyone and the teacher's district's: her subjects first, paged, counted", async () => {
    const southMethodist = await registerDistrictMethodist(app, 8200, south);
    const regional = await registerDistrictMethodist(app, 8201, null, { name: "Регионова Ирина" });
    const start = (day: number) => ({ startDate: new Date(`2026-12-${day}T06:00:00Z`), endDate: new Date(`2026-12-${day}T00:00:00Z`) });
    await makeCourse(app, regional.userId, { title: "Регион: русский язык", subjectCodes: ["russian"], ...start(10) });
    await makeCourse(app, regional.userId, { title: "Регион: математика", subjectCodes: ["math"], ...start(11) });
    await makeCourse(app, northMethodist.userId, { title: "Север: русский язык", subjectCodes: ["russian"], ...start(12) });
    await makeCourse(app, northMethodist.userId, { title: "Север: математика", subjectCodes: ["math"], ...start(13) });
    await makeCourse(app, northMethodist.userId, { title: "Север: физика", subjectCodes: ["physics"], ...start(14) });
    await makeCourse(app, northMethodist.userId, { title: "Север: химия", subjectCodes: ["chemistry"], ...start(15) });
    await makeCourse(app, southMethodist.userId, { title: "Юг: математика", subjectCodes: ["math"], ...start(10) });
    await makeCourse(app, southMethodist.userId, { title: "Юг: русский язык", subjectCodes: ["russian"], ...start(11) });
    expect((await app.db.prisma.course.findMany({ where: { districtId: null } })).map((c) => c.title)).toEqual(["Регион: русский язык", "Регион: математика"]);

    await insertTeacher(app, 8202, { schoolId: north.schoolIds[4], subjectCodes: ["math"] });
    const t = app.user(8202);
    await t.send("/courses");
    expect(t.lastText()).toContain("(открыто: 6)");
    expect(
      t
        .buttons()
        .map((b) => b.text)
        .slice(0, 5),
    ).toEqual(["1. Регион: математика", "2. Север: математика", "3. Регион: русский язык", "4. Север: русский язык", "5. Север: физика"]);
    await t.press("▶");
    expect(t.buttons()[0]!.text).toBe("6. Север: химия");
    expect(t.lastText()).not.toContain("Юг:");

    await insertTeacher(app, 8203, { schoolId: south.schoolIds[4], subjectCodes: ["russian"] });
    const s = app.user(8203);
    await s.send("/courses");
    expect(s.lastText()).toContain("(открыто: 4)");
    expect(
      s
        .buttons()
        .map((b) => b.text)
        .filter((x) => /^\d\./.test(x)),
    ).toEqual(["1. Регион: русский язык", "2. Юг: русский язык", "3. Юг: математика", "4. Регион: математика"]);
  });

  it("offers, reminders and cancellation reach the registrants only; 'My courses' keeps hers after her school moves district", async () => {
    const courseId = (await makeCourse(app, northMethodist.userId, { seats: 1 })).id;
    const first = await insertTeacher(app, 8301, { schoolId: north.schoolIds[1] });
    const second = await insertTeacher(app, 8302, { schoolId: north.schoolIds[2] });
    await insertTeacher(app, 8303, { schoolId: north.schoolIds[3] });
    await insertTeacher(app, 8311, { schoolId: south.schoolIds[1] });
    await app.services.courses.signUp(first, courseId);
    expect(await app.services.courses.signUp(second, courseId)).toEqual({ status: "waiting", position: 1 });

    // the second teacher's school moves to the south: her registration and "My courses" stay
    await app.db.prisma.user.update({ where: { id: second }, data: { schoolId: south.schoolIds[2] } });
    const moved = app.user(8302);
    await moved.send("/mycourses");
    expect(moved.lastText()).toContain("Функциональная грамотность");
    expect(moved.lastText()).toContain("лист ожидания, №\u00a01");
    await moved.pressData(courseOpenData.pack({ id: courseId }));
    expect(moved.lastText()).toContain("Ваша запись: ⏳ лист ожидания, №\u00a01");
    await moved.send("/courses");
    expect(moved.lastText()).toContain("(открыто: 0)");

    // the first leaves: the freed seat is offered to the one waiting, nobody else hears of it
    const reg = await app.db.prisma.courseRegistration.findFirstOrThrow({ where: { userId: first } });
    await app.services.courses.cancelRegistration(first, reg.id);
    await deliverAll(app);
    expect(receivedTexts(app, 8302).at(-1)).toContain("освободилось место");
    await moved.press("✅ Беру место");
    expect(moved.lastText()).toContain("Место на курсе «Функциональная грамотность» за вами");

    // the day-before reminder and the cancellation reach her alone
    app.clock.set("2026-12-09T07:00:00Z");
    await app.scheduler.tick();
    await deliverAll(app);
    expect(receivedTexts(app, 8302).at(-1)).toContain("завтра начинается курс «Функциональная грамотность»");
    await app.services.courses.cancel((await app.services.users.byId(northMethodist.userId))!, courseId);
    await deliverAll(app);
    expect(receivedTexts(app, 8302).at(-1)).toContain("❌ Курс «Функциональная грамотность» отменён");
    for (const other of [8301, 8303, 8311]) expect(receivedTexts(app, other)).toEqual([]);
  });
});

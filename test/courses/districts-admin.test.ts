// Courses in a regional deployment, the methodists' side (/courses_admin): a district's methodist manages
// her district's courses, sees the courses for everyone with her district's participants only, and is
// refused another district's course; methodists of all districts and admins see and manage everything.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { courseAdminData, courseCompleteData } from "../../src/bot/features/courses/callbacks.js";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { loadTwoDistricts, NORTH, registerDistrictMethodist, SOUTH, type TestDistrict } from "../helpers/districts.js";
import type { ChatMessage } from "../helpers/fake-telegram.js";
import { insertTeacher, registerAdmin, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { makeCourse, staff } from "./helpers.js";
import { parseBook } from "../helpers/workbook.js";

const OTHER_DISTRICT = "Это курс другого района: им управляют методисты того района.";
const READ_ONLY = "Это курс для всех районов: изменять его, закрывать запись, отменять и отмечать прохождение могут только методисты региона и администраторы.";

/** the second column (the name) of every row below the header */
const namesInSheet = async (file: ChatMessage): Promise<unknown[]> =>
  (await parseBook(file))
    .rows()
    .slice(1)
    .map((r) => r[1]);

describe.each(providers)("courses in districts, /courses_admin, on %s", (provider) => {
  let app: TestApp;
  let north: TestDistrict;
  let south: TestDistrict;
  let northM: Person;
  let southM: Person;
  let regionalM: Person;
  let ids: { north: number; south: number; regional: number };

  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
    ({ north, south } = await loadTwoDistricts(app));
    northM = await registerDistrictMethodist(app, 8400, north);
    southM = await registerDistrictMethodist(app, 8401, south);
    regionalM = await registerDistrictMethodist(app, 8402, null, { name: "Регионова Ирина" });
    ids = {
      regional: (await makeCourse(app, regionalM.userId, { title: "Курс института", seats: 2, startDate: new Date("2026-12-10T06:00:00Z") })).id,
      north: (await makeCourse(app, northM.userId, { title: "Курс Севера", seats: 5, startDate: new Date("2026-12-10T07:00:00Z") })).id,
      south: (await makeCourse(app, southM.userId, { title: "Курс Юга", seats: 5, startDate: new Date("2026-12-10T08:00:00Z") })).id,
    };
  });
  afterEach(() => closeTestApp(app));

  const course = (id: number) => app.db.prisma.course.findUniqueOrThrow({ where: { id } });
  const titlesIn = (chat: Person["chat"]) =>
    chat
      .buttons()
      .map((b) => b.text)
      .filter((t) => t.startsWith("Курс"));

  it("each sees her district's courses and those for everyone; methodists of all districts and admins see all", async () => {
    expect([(await course(ids.regional)).districtId, (await course(ids.north)).districtId, (await course(ids.south)).districtId]).toEqual([
      null,
      north.id,
      south.id,
    ]);

    await northM.chat.send("/courses_admin");
    expect(northM.chat.lastText()).toContain("Курсы</b> (2)");
    expect(titlesIn(northM.chat)).toEqual(["Курс института", "Курс Севера"]);
    expect(northM.chat.lastText()).toContain(`🏙 Для педагогов района «${NORTH}»`);
    expect(northM.chat.lastText()).not.toContain(SOUTH);

    await southM.chat.send("/courses_admin");
    expect(titlesIn(southM.chat)).toEqual(["Курс института", "Курс Юга"]);

    const admin = await registerAdmin(app);
    for (const chat of [regionalM.chat, admin.chat]) {
      await chat.send("/courses_admin");
      expect(chat.lastText()).toContain("Курсы</b> (3)");
      expect(titlesIn(chat)).toEqual(["Курс института", "Курс Севера", "Курс Юга"]);
      expect(chat.lastText()).toContain(`🏙 Для педагогов района «${NORTH}»`);
      expect(chat.lastText()).toContain(`🏙 Для педагогов района «${SOUTH}»`);
    }
    // an admin's course, like a regional methodist's, is for everyone
    await makeCourse(app, admin.userId, { title: "Курс администратора" });
    expect((await app.db.prisma.course.findFirstOrThrow({ where: { title: "Курс администратора" } })).districtId).toBeNull();

    // her own course: the whole panel, and she closes its registration
    await northM.chat.send("/courses_admin");
    await northM.chat.press("Курс Севера");
    expect(northM.chat.buttons().map((b) => b.text)).toEqual([
      "👥 Участники",
      "📥 Таблица (.xlsx)",
      "✏️ Изменить",
      "🔒 Закрыть запись",
      "❌ Отменить курс",
      "◀ Назад",
    ]);
    await northM.chat.press("🔒 Закрыть запись");
    expect(northM.chat.lastText()).toContain("Запись на курс закрыта");
    expect((await course(ids.north)).status).toBe("closed");
  });

  it("another district's course through a stale or forged button is refused, and nothing changes", async () => {
    const southTeacher = await insertTeacher(app, 8411, { schoolId: south.schoolIds[1] });
    await app.services.courses.signUp(southTeacher, ids.south);
    const me = northM.chat;
    for (const action of ["card", "people", "xlsx", "edit", "close", "cancel", "cancel!"]) {
      const before = me.mark();
      await me.pressData(courseAdminData.pack({ id: ids.south, action }));
      expect(me.textsSince(before)).toEqual([OTHER_DISTRICT]);
    }
    app.clock.set("2026-12-10T12:00:00Z");
    const reg = await app.db.prisma.courseRegistration.findFirstOrThrow({ where: { userId: southTeacher } });
    await me.pressData(courseCompleteData.pack({ id: ids.south, reg: reg.id }));
    expect(me.lastText()).toBe(OTHER_DISTRICT);
    await me.pressData(courseCompleteData.pack({ id: ids.south, reg: 0 }));
    expect(me.lastText()).toBe(OTHER_DISTRICT);
    expect(app.tg.callsOf("sendDocument")).toHaveLength(0);
    const north_ = await staff(app, northM.userId);
    await expect(app.services.courses.update(north_, ids.south, { hours: 10 })).rejects.toMatchObject({ code: "course-other-district" });
    await expect(app.services.courses.participants(north_, ids.south, "ru")).rejects.toMatchObject({ code: "course-other-district" });

    const stored = await course(ids.south);
    expect([stored.status, stored.hours]).toEqual(["open", 72]);
    expect((await app.db.prisma.courseRegistration.findUniqueOrThrow({ where: { id: reg.id } })).status).toBe("registered");
    await deliverAll(app);
    expect(receivedTexts(app, 8411)).toEqual([]);
    expect(app.missing).toEqual([]);
  });

  it("a course for everyone: a district's methodist sees it and her district's participants only; methodists of all districts manage it", async () => {
    const people = [
      await insertTeacher(app, 8421, { name: "Северова Анна", schoolId: north.schoolIds[1] }),
      await insertTeacher(app, 8422, { name: "Южина Вера", schoolId: south.schoolIds[1] }),
      await insertTeacher(app, 8423, { name: "Южина Галина", schoolId: south.schoolIds[2] }),
      await insertTeacher(app, 8424, { name: "Северова Дарья", schoolId: north.schoolIds[2] }),
    ];
    for (const id of people) await app.services.courses.signUp(id, ids.regional);

    const me = northM.chat;
    await me.send("/courses_admin");
    await me.press("Курс института");
    expect(me.lastText()).toContain("Занято мест: 2 из 2");
    expect(me.lastText()).toContain("👁 Это курс для всех районов");
    expect(me.buttons().map((b) => b.text)).toEqual(["👥 Участники", "📥 Таблица (.xlsx)", "◀ Назад"]);
    await me.press("👥 Участники");
    expect(me.lastText()).toContain("Только участники из вашего района.");
    expect(me.lastText()).toContain("Записаны (1):</b>\n1. Северова Анна");
    // her place in the course's own queue: second, after a teacher of the other district
    expect(me.lastText()).toContain("Лист ожидания (1):</b>\n2. Северова Дарья");
    expect(me.lastText()).not.toContain("Южина");
    await me.press("📥 Таблица (.xlsx)");
    expect(await namesInSheet(me.messages().at(-1)!)).toEqual(["Северова Анна", "Северова Дарья"]);

    // the changes are refused, whether through a stale button or the service
    for (const action of ["edit", "close", "cancel", "cancel!"]) {
      const before = me.mark();
      await me.pressData(courseAdminData.pack({ id: ids.regional, action }));
      expect(me.textsSince(before)).toEqual([READ_ONLY]);
    }
    const north_ = await staff(app, northM.userId);
    await expect(app.services.courses.update(north_, ids.regional, { seats: 10 })).rejects.toMatchObject({ code: "course-regional-read-only" });
    app.clock.set("2026-12-10T12:00:00Z");
    await me.press("👥 Участники");
    expect(me.buttons().map((b) => b.text)).toEqual(["◀ Назад"]); // no completion buttons for her
    await me.pressData(courseCompleteData.pack({ id: ids.regional, reg: 0 }));
    expect(me.lastText()).toBe(READ_ONLY);
    expect((await course(ids.regional)).status).toBe("open");
    expect(await app.db.prisma.courseRegistration.count({ where: { status: "completed" } })).toBe(0);

    // the methodist of all districts: everyone, and the completion buttons
    await regionalM.chat.send("/courses_admin");
    await regionalM.chat.press("Курс института");
    expect(regionalM.chat.lastText()).not.toContain("👁");
    await regionalM.chat.press("👥 Участники");
    expect(regionalM.chat.lastText()).toContain("Записаны (2):</b>\n1. Северова Анна, МБОУ");
    expect(regionalM.chat.lastText()).toContain("Лист ожидания (2):</b>\n1. Южина Галина");
    await regionalM.chat.press("Отметить прохождение у всех");
    expect(await app.db.prisma.courseRegistration.count({ where: { status: "completed" } })).toBe(2);
    expect(app.missing).toEqual([]);
  });
});

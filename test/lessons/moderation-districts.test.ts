// Open lessons in a regional deployment: a district's methodist reviews the lessons of her district's
// teachers only (the author's school decides), a regional methodist and an admin review any; a lesson of
// a school in no district goes to them. Published lessons stay open to colleagues of every district.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lessonCalendar, lessonCard, lessonModerate } from "../../src/bot/features/lessons/callbacks.js";
import type { LessonDraft } from "../../src/domain/lessons/types.js";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { districtPeople } from "../helpers/districts.js";
import { insertTeacher, registerMethodist } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { offerViaBot } from "./helpers.js";

const OTHER_DISTRICT = "Автор этого урока работает не в школе вашего района — урок проверят методисты района автора или всего региона.";

describe.each(providers)("moderating open lessons by district on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  async function lesson(authorId: number, topic: string): Promise<number> {
    const math = await app.db.prisma.subject.findUniqueOrThrow({ where: { code: "math" } });
    const draft: LessonDraft = {
      subjectId: math.id,
      grade: "5",
      topic,
      method: "Работа в группах",
      startsAt: new Date("2026-12-10T11:30:00Z").getTime(),
      durationMin: 45,
      place: { kind: "school", room: "каб. 21" },
      seats: 3,
    };
    return (await app.services.lessons.create(authorId, draft)).id;
  }
  const stored = (id: number) => app.db.prisma.openLesson.findUniqueOrThrow({ where: { id } });
  /** who was asked to review the lesson */
  const asked = async (topic: string) =>
    (await app.db.prisma.outboxMessage.findMany({ where: { text: { contains: `на проверке: <b>${topic}</b>` } }, orderBy: { userId: "asc" } })).map(
      (m) => m.userId,
    );

  const region = () => districtPeople(app, 6000);

  it("each queue holds the lessons of the methodist's district; notices go to those who review them; the published lesson is open to all", async () => {
    const r = await region();
    await offerViaBot(r.northT, { topic: "Северный урок" });
    await offerViaBot(r.southT, { topic: "Южный урок" });
    await lesson(r.loneT, "Урок вне районов");
    const ids = [r.northM.userId, r.southM.userId, r.regional.userId, r.admin.userId].sort((a, b) => a - b);
    expect(await asked("Северный урок")).toEqual(ids.filter((id) => id !== r.southM.userId));
    expect(await asked("Южный урок")).toEqual(ids.filter((id) => id !== r.northM.userId));
    expect(await asked("Урок вне районов")).toEqual([r.regional.userId, r.admin.userId].sort((a, b) => a - b));

    await r.northM.chat.send("/moderate_lessons");
    expect(r.northM.chat.lastText()).toContain("Уроки на проверке</b>: 1.");
    expect(r.northM.chat.lastText()).toContain("Северный урок");
    await r.southM.chat.send("/moderate_lessons");
    expect(r.southM.chat.lastText()).toContain("Уроки на проверке</b>: 1.");
    expect(r.southM.chat.lastText()).toContain("Южный урок");
    await r.regional.chat.send("/moderate_lessons");
    expect(r.regional.chat.lastText()).toContain("Уроки на проверке</b>: 3.");
    await r.admin.chat.send("/moderate_lessons");
    expect(r.admin.chat.lastText()).toContain("Уроки на проверке</b>: 3.");

    // the northern methodist approves hers; her queue is empty, the southern one's still holds its own
    const approving = r.northM.chat.mark();
    await r.northM.chat.press("✅ Одобрить");
    expect(r.northM.chat.textsSince(approving)[0]).toContain("Урок «Северный урок» одобрен");
    expect(r.northM.chat.lastText()).toContain("Уроков на проверке нет");
    const northern = await app.db.prisma.openLesson.findFirstOrThrow({ where: { topic: "Северный урок" } });
    expect(northern).toMatchObject({ status: "approved", moderatedById: r.northM.userId });
    await r.southM.chat.send("/moderate_lessons");
    expect(r.southM.chat.lastText()).toContain("Южный урок");

    // a colleague of the other district sees the published lesson and signs up
    await deliverAll(app);
    await r.southT.chat.send("🏫 Открытые уроки");
    await r.southT.chat.press(/Северный урок/);
    await r.southT.chat.press("Записаться");
    expect(r.southT.chat.toasts().at(-1)).toContain("Вы записаны");
    expect(await app.db.prisma.lessonVisit.count({ where: { lessonId: northern.id, userId: r.southT.userId, status: "going" } })).toBe(1);

    // the author corrects the published lesson: those who review her lessons are shown what changed
    await app.services.lessons.revise(r.northT.userId, northern.id, { topic: "Северный урок, исправленный" });
    const staffNotices = await app.db.prisma.outboxMessage.findMany({ where: { text: { contains: "Автор изменил одобренный открытый урок" } } });
    expect(staffNotices.map((m) => m.userId).sort((a, b) => a! - b!)).toEqual(ids.filter((id) => id !== r.southM.userId));
  });

  it("a verdict on another district's lesson, or on one of a school in no district, is refused and changes nothing", async () => {
    const r = await region();
    const southern = await lesson(r.southT.userId, "Южный урок");
    const lone = await lesson(r.loneT, "Урок вне районов");

    // forged buttons: refused with a clear answer, no reason asked, nothing stored
    for (const id of [southern, lone]) {
      await r.northM.chat.pressData(lessonModerate.pack({ id, ok: true, v: 0 }));
      expect(r.northM.chat.toasts().at(-1)).toBe(OTHER_DISTRICT);
      const before = r.northM.chat.mark();
      await r.northM.chat.pressData(lessonModerate.pack({ id, ok: false, v: 0 }));
      expect(r.northM.chat.toasts().at(-1)).toBe(OTHER_DISTRICT);
      expect(r.northM.chat.textsSince(before)).toEqual([]);
      expect(await stored(id)).toMatchObject({ status: "pending", moderatedById: null, moderatedAt: null, rejectReason: null });
    }
    await expect(app.services.lessons.approve(r.northM.userId, southern)).rejects.toMatchObject({ code: "lesson-moderation-other-district" });
    await expect(app.services.lessons.reject(r.northM.userId, southern, "Не мой район")).rejects.toMatchObject({ code: "lesson-moderation-other-district" });
    await expect(app.services.lessons.checkReviewable(r.southM.userId, lone)).rejects.toMatchObject({ code: "lesson-moderation-other-district" });

    // a lesson under review is not hers to look at either; published ones are
    await r.northM.chat.pressData(lessonCard.pack({ id: southern }));
    expect(r.northM.chat.toasts().at(-1)).toBe("Этот урок не найден — возможно, его удалили.");
    await r.southM.chat.pressData(lessonCard.pack({ id: southern }));
    expect(r.southM.chat.lastText()).toContain("Южный урок");
    // nor is its calendar file
    await r.northM.chat.pressData(lessonCalendar.pack({ id: southern }));
    expect(r.northM.chat.toasts().at(-1)).toBe("Этот урок не найден — возможно, его удалили.");
    expect(app.tg.callsOf("sendDocument")).toEqual([]);

    // in English too
    await app.db.prisma.user.update({ where: { id: r.northM.userId }, data: { language: "en" } });
    await r.northM.chat.pressData(lessonModerate.pack({ id: southern, ok: true, v: 0 }));
    expect(r.northM.chat.toasts().at(-1)).toContain("does not work at a school of your district");

    // those who reach them give the verdicts
    await app.services.lessons.approve(r.southM.userId, southern, 0);
    await r.regional.chat.send("/moderate_lessons");
    expect(r.regional.chat.lastText()).toContain("Урок вне районов");
    await r.regional.chat.press("❌ Отклонить");
    await r.regional.chat.send("Уточните кабинет");
    expect(await stored(southern)).toMatchObject({ status: "approved", moderatedById: r.southM.userId });
    expect(await stored(lone)).toMatchObject({ status: "rejected", moderatedById: r.regional.userId, rejectReason: "Уточните кабинет" });
    await r.admin.chat.send("/moderate_lessons");
    expect(r.admin.chat.lastText()).toContain("Уроков на проверке нет");
  });

  it("a district's methodist's own lesson is published at once; one she offered as a teacher waits for a colleague of her district", async () => {
    const r = await region();
    // offered while a teacher of the north, then she is made its methodist
    const old = await lesson(r.northT.userId, "Урок до назначения");
    await app.db.prisma.user.update({ where: { id: r.northT.userId }, data: { role: "methodist", districtId: r.north.id } });
    await r.northT.chat.send("/moderate_lessons");
    expect(r.northT.chat.lastText()).toContain("Уроков на проверке нет");
    await r.northT.chat.pressData(lessonModerate.pack({ id: old, ok: true, v: 0 }));
    expect(r.northT.chat.toasts().at(-1)).toBe("Свой урок проверять нельзя — его проверит другой методист.");
    await r.southM.chat.send("/moderate_lessons");
    expect(r.southM.chat.lastText()).toContain("Уроков на проверке нет");
    await r.northM.chat.send("/moderate_lessons");
    expect(r.northM.chat.lastText()).toContain("Урок до назначения");

    await offerViaBot(r.northM, { topic: "Урок методиста", submit: "Опубликовать" });
    expect(r.northM.chat.lastText()).toContain("Урок опубликован");
    expect(await app.db.prisma.openLesson.findFirstOrThrow({ where: { topic: "Урок методиста" } })).toMatchObject({
      status: "approved",
      moderatedById: r.northM.userId,
    });
    expect(await asked("Урок методиста")).toEqual([]);
  });

  it("a deployment without districts: every methodist reviews every teacher's lesson", async () => {
    const m1 = await registerMethodist(app, 6001, "Первая Методист");
    const m2 = await registerMethodist(app, 6002, "Вторая Методист");
    const t = await insertTeacher(app, 6101);
    const id = await lesson(t, "Урок района");
    expect(await asked("Урок района")).toEqual([m1.userId, m2.userId].sort((a, b) => a - b));
    for (const m of [m1, m2]) {
      await m.chat.send("/moderate_lessons");
      expect(m.chat.lastText()).toContain("Урок района");
    }
    await m2.chat.pressData(lessonCard.pack({ id }));
    expect(m2.chat.lastText()).toContain("Урок района");
    await app.services.lessons.approve(m1.userId, id);
    expect(await stored(id)).toMatchObject({ status: "approved", moderatedById: m1.userId });
  });
});

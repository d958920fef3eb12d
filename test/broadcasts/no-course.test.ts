// "No course this year": the broadcast audience that is exactly /coverage's list of teachers not
// covered, reachable from the coverage report with one tap.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emptyAudience, type Audience } from "../../src/domain/broadcasts/index.js";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { registerViaBot, type Person } from "../helpers/flows.js";
import { closeTestApp, type TestApp } from "../helpers/test-app.js";
import { districtApp, type District } from "./helpers.js";

describe.each(providers)("broadcasts to teachers with no course this year on %s", (provider) => {
  let app: TestApp;
  let d: District;
  let m: Person;
  beforeEach(async () => {
    ({ app, d } = await districtApp(provider));
    m = d.methodist;
    // t2 completed a course last academic year: that does not cover this one
    const last = await app.db.prisma.course.create({
      data: {
        title: "Прошлогодний курс",
        description: "36 часов",
        provider: "ИРО",
        format: "online",
        startDate: new Date("2026-03-01T06:00:00Z"),
        endDate: new Date("2026-03-10T06:00:00Z"),
        hours: 36,
        seats: 10,
        registrationDeadline: new Date("2026-02-20T06:00:00Z"),
        status: "finished",
      },
    });
    await app.db.prisma.courseRegistration.create({
      data: { courseId: last.id, userId: d.t2, status: "completed", queuedAt: new Date("2026-02-01T06:00:00Z") },
    });
  });
  afterEach(() => closeTestApp(app));

  const sentTo = (chatId: number) => app.tg.calls.filter((c) => c.method.startsWith("send") && Number(c.payload.chat_id) === chatId && !c.payload.__failed);

  it("counts those /coverage lists as not covered, alone and with other filters", async () => {
    const count = (a: Partial<Audience>, urgent = false) => app.services.broadcasts.count({ ...emptyAudience(), ...a }, urgent);
    // this year's course: t1 registered, t3 completed (covered); t2 waits (and did last year's), t4 was
    // offered a seat (muted); t5 blocked the bot; the methodist is not a teacher
    expect(await count({ noCourseThisYear: true })).toBe(1);
    expect(await count({ noCourseThisYear: true }, true)).toBe(2);
    expect(await count({ noCourseThisYear: true, subjectIds: [d.physics] })).toBe(1);
    expect(await count({ noCourseThisYear: true, schoolIds: [d.schoolA] })).toBe(0);
    expect(await count({ noCourseThisYear: true, roles: ["methodist"] })).toBe(0);
    // a course's participants who are not covered: t4, only offered a seat (muted: urgent only)
    expect(await count({ noCourseThisYear: true, courseId: d.courseId })).toBe(0);
    expect(await count({ noCourseThisYear: true, courseId: d.courseId }, true)).toBe(1);
    const report = await app.services.coverage.courses((await app.services.users.byId(m.userId))!, "ru");
    expect(report.uncovered.map((u) => u.name).sort()).toEqual(
      (await app.db.prisma.user.findMany({ where: { id: { in: [d.t2, d.t4] } }, select: { fullName: true } })).map((u) => u.fullName).sort(),
    );
  });

  it("from /coverage, one tap opens a broadcast to exactly them; it reaches only them", async () => {
    await m.chat.send("/coverage");
    await m.chat.press("📣 Написать педагогам без курсов");
    expect(m.chat.lastText()).toContain("Новое объявление");
    await m.chat.send("Открыта запись на курсы ПК — успейте до 10 декабря.");
    const panel = m.chat.lastText();
    expect(panel).toContain("педагоги без курсов ПК в 2026/2027 учебном году");
    expect(panel).toContain("Получателей: <b>1</b>");
    expect(m.chat.buttons().map((b) => b.text)).toContain("✅ 📉 Без курсов в этом году");
    // urgent reaches the muted teacher too
    await m.chat.press("Срочное");
    expect(m.chat.lastText()).toContain("Получателей: <b>2</b>");
    await m.chat.press("Далее");
    await m.chat.press("Отправить");
    await deliverAll(app);
    expect(sentTo(8002).map((c) => c.payload.text)).toEqual(["Открыта запись на курсы ПК — успейте до 10 декабря."]);
    expect(sentTo(8004)).toHaveLength(1);
    for (const covered of [8001, 8003]) expect(sentTo(covered)).toEqual([]);
    const b = await app.db.prisma.broadcast.findFirstOrThrow();
    expect(JSON.parse(b.audience)).toMatchObject({ noCourseThisYear: true });
    expect(b.recipientCount).toBe(2);
  });

  it('is a toggle on the audience panel, and "everyone" clears it', async () => {
    await m.chat.send("/broadcast");
    await m.chat.send("Текст");
    await m.chat.press("📉 Без курсов в этом году");
    expect(m.chat.lastText()).toContain("Получателей: <b>1</b>");
    await m.chat.press("✅ 📉 Без курсов в этом году");
    expect(m.chat.lastText()).toContain("Получателей: <b>4</b>");
    await m.chat.press("📉 Без курсов в этом году");
    await m.chat.press("Всем (сбросить)");
    expect(m.chat.lastText()).toContain("Получателей: <b>4</b>");
    expect(m.chat.buttons().map((b) => b.text)).toContain("📉 Без курсов в этом году");
  });

  it("a teacher's press of the coverage button is refused and opens nothing", async () => {
    const teacher = await registerViaBot(app, 8100, { name: "Учителева Анна" });
    await teacher.chat.pressData("coverage-write");
    expect(teacher.chat.toasts().at(-1)).toContain("только методисты");
    expect(await app.db.prisma.conversationState.count({ where: { key: "8100" } })).toBe(0);
  });
});

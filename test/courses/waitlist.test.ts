import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { insertTeacher, registerViaBot, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { makeCourse } from "./helpers.js";

describe.each(providers)("courses: the waiting list and offers on %s", (provider) => {
  let app: TestApp;
  let courseId: number;
  let holder: Person;
  let first: Person;
  let second: Person;

  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000", COURSE_OFFER_HOURS: "12" } });
    const m = await insertTeacher(app, 8000, { name: "Сидорова Елена" });
    await app.db.prisma.user.update({ where: { id: m }, data: { role: "methodist", notifyNewCourses: false } });
    // nobody of them is told about the new course (they register afterwards), so chats stay simple
    courseId = (await makeCourse(app, m, { seats: 1 })).id;
    holder = await registerViaBot(app, 6001, { name: "Петрова Анна Сергеевна" });
    first = await registerViaBot(app, 6002, { name: "Борисов Иван Петрович" });
    second = await registerViaBot(app, 6003, { name: "Kate Smith", locale: "en" });
    await app.services.courses.signUp(holder.userId, courseId);
    await app.services.courses.signUp(first.userId, courseId);
    await app.services.courses.signUp(second.userId, courseId);
  });
  afterEach(() => closeTestApp(app));

  const statuses = async () => (await app.db.prisma.courseRegistration.findMany({ where: { courseId }, orderBy: { id: "asc" } })).map((r) => r.status);
  const seatsTaken = async () => (await app.db.prisma.course.findUniqueOrThrow({ where: { id: courseId } })).seatsTaken;

  async function holderCancels() {
    await holder.chat.send("/mycourses");
    await holder.chat.press("Отменить запись: Функциональная грамотность");
    await holder.chat.press("Да, отменить");
    await deliverAll(app);
  }

  it("a freed seat is offered to the first in the queue with buttons and a deadline; accepting registers her", async () => {
    await holderCancels();
    expect(await statuses()).toEqual(["cancelled", "offered", "waiting"]);
    expect(await seatsTaken()).toBe(1);
    expect(first.chat.lastText()).toContain("На курсе «Функциональная грамотность» освободилось место");
    expect(first.chat.lastText()).toContain("Ответьте до 24 ноября 2026, 00:00");
    const task = await app.db.prisma.scheduledTask.findFirstOrThrow({ where: { kind: "course.offer-expire" } });
    expect(task.dueAt.toISOString()).toBe("2026-11-23T21:00:00.000Z");
    // her "My courses" shows the offer with its deadline
    await first.chat.send("/mycourses");
    expect(first.chat.lastText()).toContain("вам предложено место — ответьте до 24 ноября 2026, 00:00");
    await first.chat.press("✅ Беру место");
    expect(first.chat.lastText()).toContain("Место на курсе «Функциональная грамотность» за вами");
    expect(await statuses()).toEqual(["cancelled", "registered", "waiting"]);
    expect((await app.db.prisma.scheduledTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("cancelled");
    // the old offer message's button again: a clear answer, nothing changes
    const offer = first.chat.messages().find((m) => m.text.includes("освободилось место"))!;
    const { courseOfferData } = await import("../../src/bot/features/courses/callbacks.js");
    const reg = await app.db.prisma.courseRegistration.findFirstOrThrow({ where: { userId: first.userId } });
    await first.chat.pressData(courseOfferData.pack({ reg: reg.id, yes: true }), offer.message_id);
    expect(first.chat.lastText()).toContain("Вы уже приняли это место");
    expect(await seatsTaken()).toBe(1);
  });

  it("declining passes the offer to the next (in her language)", async () => {
    await holderCancels();
    const decline = first.chat.findButton("✖ Отказаться")!;
    await first.chat.press("✖ Отказаться");
    expect(first.chat.lastText()).toContain("Вы отказались от места");
    // the same button again (or accepting after declining): the offer is gone, nothing changes
    await first.chat.pressData(decline.data, decline.message_id);
    expect(first.chat.lastText()).toBe("Это предложение уже неактуально.");
    await deliverAll(app);
    expect(await statuses()).toEqual(["cancelled", "declined", "offered"]);
    expect(second.chat.lastText()).toContain("A seat has freed up on “Функциональная грамотность”");
    await second.chat.press("✅ Take the seat");
    expect(second.chat.lastText()).toContain("You are registered.");
    expect(await statuses()).toEqual(["cancelled", "declined", "registered"]);
    expect(await seatsTaken()).toBe(1);
  });

  it("no answer by the deadline: the scheduler expires the offer and offers the seat to the next; accepting late is refused clearly", async () => {
    await holderCancels();
    app.clock.set("2026-11-23T20:59:00Z");
    await app.scheduler.tick();
    expect(await statuses()).toEqual(["cancelled", "offered", "waiting"]);
    app.clock.set("2026-11-23T21:00:30Z");
    expect(await app.scheduler.tick()).toBe(1);
    await deliverAll(app);
    expect(await statuses()).toEqual(["cancelled", "expired", "offered"]);
    expect(receivedTexts(app, 6002).at(-1)).toContain("Время на ответ истекло: место на курсе «Функциональная грамотность» передано следующему");
    expect(second.chat.lastText()).toContain("A seat has freed up");
    await first.chat.press("✅ Беру место");
    expect(first.chat.lastText()).toContain("Время на ответ истекло, и место передано следующему в очереди");
    expect(await statuses()).toEqual(["cancelled", "expired", "offered"]);
    expect(await seatsTaken()).toBe(1);
    // nobody left after her: when she lets it expire too, the seat is free again
    app.clock.set("2026-11-24T10:00:00Z");
    await app.scheduler.tick();
    expect(await statuses()).toEqual(["cancelled", "expired", "expired"]);
    expect(await seatsTaken()).toBe(0);
  });

  it("accepting after the deadline but before the scheduler ran is refused and the seat moves on at once", async () => {
    await holderCancels();
    app.clock.set("2026-11-23T22:00:00Z");
    await first.chat.press("✅ Беру место");
    expect(first.chat.lastText()).toContain("Время на ответ истекло");
    await deliverAll(app);
    expect(await statuses()).toEqual(["cancelled", "expired", "offered"]);
    expect(second.chat.lastText()).toContain("A seat has freed up");
    // the task then finds nothing to do
    await app.scheduler.tick();
    expect(await statuses()).toEqual(["cancelled", "expired", "offered"]);
  });

  it("the course moved to start before the offer runs out: the offer ends at the new start, she is told once with the buttons", async () => {
    await holderCancels();
    const m = await app.db.prisma.user.findFirstOrThrow({ where: { role: "methodist" } });
    // 18:00 UTC = 21:00 in Moscow, three hours before the offer would have run out
    await app.services.courses.update((await app.services.users.byId(m.id))!, courseId, {
      startDate: new Date("2026-11-23T18:00:00Z"),
      endDate: new Date("2026-11-24T18:00:00Z"),
      registrationDeadline: new Date("2026-11-23T17:00:00Z"),
    });
    await deliverAll(app);
    const texts = receivedTexts(app, 6002);
    expect(texts.at(-1)).toBe(
      "🔔 Курс «Функциональная грамотность» начнётся раньше, поэтому ответить на предложенное вам место нужно до 23 ноября 2026, 21:00, иначе оно перейдёт следующему в очереди.",
    );
    expect(texts.filter((t) => t.includes("Изменились даты"))).toEqual([]);
    expect(first.chat.buttons().map((b) => b.text)).toEqual(["✅ Беру место", "✖ Отказаться"]);
    const reg = await app.db.prisma.courseRegistration.findFirstOrThrow({ where: { userId: first.userId } });
    expect(reg.offerExpiresAt?.toISOString()).toBe("2026-11-23T18:00:00.000Z");
    const task = await app.db.prisma.scheduledTask.findFirstOrThrow({ where: { kind: "course.offer-expire" } });
    expect(task.dueAt.toISOString()).toBe("2026-11-23T18:00:00.000Z");
    await first.chat.send("/mycourses");
    expect(first.chat.lastText()).toContain("ответьте до 23 ноября 2026, 21:00");
    // unanswered at the start: the offer expires and, the course under way, nobody else is offered the seat
    app.clock.set("2026-11-23T18:00:30Z");
    await app.scheduler.tick();
    expect(await statuses()).toEqual(["cancelled", "expired", "waiting"]);
    expect(await seatsTaken()).toBe(0);
  });

  it("moved earlier, then later again: the offer cut short gets back its usual time (never past the start), and she is told", async () => {
    await holderCancels();
    const m = (await app.services.users.byId((await app.db.prisma.user.findFirstOrThrow({ where: { role: "methodist" } })).id))!;
    const usual = (await app.db.prisma.courseRegistration.findFirstOrThrow({ where: { userId: first.userId } })).offerExpiresAt!;
    expect(usual.toISOString()).toBe("2026-11-23T21:00:00.000Z");
    await app.services.courses.update(m, courseId, {
      startDate: new Date("2026-11-23T18:00:00Z"),
      endDate: new Date("2026-11-24T18:00:00Z"),
      registrationDeadline: new Date("2026-11-23T17:00:00Z"),
    });
    await app.services.courses.update(m, courseId, {
      startDate: new Date("2026-11-30T06:00:00Z"),
      endDate: new Date("2026-12-04T14:00:00Z"),
      registrationDeadline: new Date("2026-11-27T17:00:00Z"),
    });
    await deliverAll(app);
    expect(receivedTexts(app, 6002).at(-1)).toBe(
      "🔔 Курс «Функциональная грамотность» перенесён на более позднее время, поэтому ответить на предложенное место теперь можно до 24 ноября 2026, 00:00.",
    );
    expect(first.chat.buttons().map((b) => b.text)).toEqual(["✅ Беру место", "✖ Отказаться"]);
    const reg = await app.db.prisma.courseRegistration.findFirstOrThrow({ where: { userId: first.userId } });
    expect(reg.offerExpiresAt?.toISOString()).toBe(usual.toISOString());
    const task = await app.db.prisma.scheduledTask.findFirstOrThrow({ where: { kind: "course.offer-expire" } });
    expect(task.dueAt.toISOString()).toBe(usual.toISOString());
    // an offer that kept its usual time is not touched by a move: no notice, no change
    const told = receivedTexts(app, 6002).length;
    await app.services.courses.update(m, courseId, { startDate: new Date("2026-12-01T06:00:00Z"), endDate: new Date("2026-12-04T14:00:00Z") });
    await deliverAll(app);
    expect(
      receivedTexts(app, 6002)
        .slice(told)
        .filter((t) => t.includes("предложенн")),
    ).toEqual([]);
    // she still answers in time
    await first.chat.press("Беру место");
    expect(await statuses()).toEqual(["cancelled", "registered", "waiting"]);
  });

  it("someone who cancels while waiting leaves the queue; the queue moves up", async () => {
    await first.chat.send("/mycourses");
    expect(first.chat.lastText()).toContain("лист ожидания, №\u00a01");
    await first.chat.press("Отменить запись: Функциональная грамотность");
    await first.chat.press("Да, отменить");
    await second.chat.send("/mycourses");
    expect(second.chat.lastText()).toContain("waiting list, number 1");
    expect(await seatsTaken()).toBe(1);
  });
});

// The teacher's main path in English, end to end: catalog, card, sign-up, the refusals (twice, after
// the deadline, a closed course, a completed course), "My courses", cancelling with confirmation, the
// freed seat offered to the next person, who accepts (or lets the offer run out and answers late), and
// a course the methodist cancels.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { insertTeacher, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { makeCourse, staff } from "./helpers.js";

describe.each(providers)("courses: a teacher's path in English on %s", (provider) => {
  let app: TestApp;
  let methodistId: number;
  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
    methodistId = await insertTeacher(app, 8100, { name: "Helen Brown", language: "en" });
    await app.db.prisma.user.update({ where: { id: methodistId }, data: { role: "methodist", notifyNewCourses: false } });
  });
  afterEach(() => closeTestApp(app));

  const regs = (courseId: number) =>
    app.db.prisma.courseRegistration.findMany({ where: { courseId }, orderBy: { id: "asc" }, select: { userId: true, status: true } });
  const seatsTaken = async (id: number) => (await app.db.prisma.course.findUniqueOrThrow({ where: { id } })).seatsTaken;

  it("signs up, is refused a second time, cancels with confirmation; the next in the queue is offered the seat and takes it", async () => {
    const course = await makeCourse(app, methodistId, { seats: 1, title: "Functional literacy", description: "PISA-style tasks in mathematics lessons." });
    const kate = await registerViaBot(app, 8101, { locale: "en", name: "Kate Smith" });
    const tom = await registerViaBot(app, 8102, { locale: "en", name: "Tom Jones" });

    await kate.chat.send("📚 Courses");
    expect(kate.chat.lastText()).toContain("open: 1");
    expect(kate.chat.lastText()).toContain("ТОГИРРО · in person");
    expect(kate.chat.lastText()).toContain("seats left: 1 of 1");
    await kate.chat.press("1. Functional literacy");
    expect(kate.chat.lastText()).toContain("PISA-style tasks in mathematics lessons.");
    const signUp = kate.chat.findButton("Sign up")!;
    await kate.chat.press("Sign up");
    expect(kate.chat.lastText()).toContain("You are registered for “Functional literacy”. The seat is yours.");
    // twice: a clear answer, nothing changes
    await kate.chat.pressData(signUp.data);
    expect(kate.chat.lastText()).toBe("You are already signed up for this course (or on its waiting list). See “🗂 My courses”.");
    expect(await regs(course.id)).toEqual([{ userId: kate.userId, status: "registered" }]);
    expect(await seatsTaken(course.id)).toBe(1);

    await tom.chat.send("/courses");
    expect(tom.chat.lastText()).toContain("the only seat is taken — join the waiting list");
    await tom.chat.press("1. Functional literacy");
    await tom.chat.press("Sign up");
    expect(tom.chat.lastText()).toContain("You are number 1 on the waiting list");

    await kate.chat.send("/mycourses");
    expect(kate.chat.lastText()).toContain("<b>Functional literacy</b> · 10 December 2026 — 12 December 2026\n✅ registered, the seat is yours");
    await kate.chat.press("Cancel registration: Functional literacy");
    expect(kate.chat.lastText()).toBe(
      "Cancel your registration for “Functional literacy”? Your seat (or your place on the waiting list) goes to the next person.",
    );
    await kate.chat.press("No, keep it");
    expect(kate.chat.lastText()).toBe("Your registration is kept.");
    expect(await regs(course.id)).toEqual([
      { userId: kate.userId, status: "registered" },
      { userId: tom.userId, status: "waiting" },
    ]);
    await kate.chat.press("Cancel registration: Functional literacy");
    const yes = kate.chat.findButton("Yes, cancel")!;
    await kate.chat.press("Yes, cancel");
    expect(kate.chat.lastText()).toBe("Registration cancelled.");
    // the same confirmation again: already done, nothing changes
    await kate.chat.pressData(yes.data, yes.message_id);
    expect(kate.chat.lastText()).toBe("This registration is already cancelled.");

    await deliverAll(app);
    expect(await regs(course.id)).toEqual([
      { userId: kate.userId, status: "cancelled" },
      { userId: tom.userId, status: "offered" },
    ]);
    expect(await seatsTaken(course.id)).toBe(1);
    expect(tom.chat.lastText()).toContain("A seat has freed up on “Functional literacy” and it is yours if you confirm. Answer by 24 November 2026");
    await tom.chat.press("✅ Take the seat");
    expect(tom.chat.lastText()).toContain("The seat on “Functional literacy” is yours. You are registered.");
    await tom.chat.send("/mycourses");
    expect(tom.chat.lastText()).toContain("✅ registered, the seat is yours");
    expect(await seatsTaken(course.id)).toBe(1);
  });

  it("after the deadline, to a closed course, cancelling a completed course: clear answers in English, nothing stored", async () => {
    const course = await makeCourse(app, methodistId, { title: "Functional literacy" });
    const kate = await registerViaBot(app, 8111, { locale: "en", name: "Kate Smith" });
    await kate.chat.send("📚 Courses");
    await kate.chat.press("1. Functional literacy");
    const signUp = kate.chat.findButton("Sign up")!;

    app.clock.set("2026-12-06T09:00:00Z");
    await kate.chat.pressData(signUp.data);
    expect(kate.chat.lastText()).toBe("The registration deadline for this course has passed.");
    // the course's card (from an old notice) no longer offers signing up
    const { courseOpenData } = await import("../../src/bot/features/courses/callbacks.js");
    await kate.chat.pressData(courseOpenData.pack({ id: course.id }));
    expect(kate.chat.lastText()).toContain("Functional literacy");
    expect(kate.chat.buttons().map((b) => b.text)).toEqual(["📅 Add to calendar", "📤 Share", "◀ Back"]);
    expect(await regs(course.id)).toEqual([]);

    app.clock.set("2026-11-23T09:00:00Z");
    await app.services.courses.close(await staff(app, methodistId), course.id);
    await kate.chat.pressData(signUp.data);
    expect(kate.chat.lastText()).toBe("Registration for this course is closed.");
    expect(await regs(course.id)).toEqual([]);
    expect(await seatsTaken(course.id)).toBe(0);

    // a completed course: her registration stays completed
    const other = await makeCourse(app, methodistId, { title: "Digital school" });
    await app.services.courses.signUp(kate.userId, other.id);
    await kate.chat.send("/mycourses");
    const leave = kate.chat.findButton("Cancel registration: Digital school")!;
    app.clock.set("2026-12-10T12:00:00Z");
    await app.services.courses.complete(await staff(app, methodistId), other.id, null);
    await kate.chat.pressData(leave.data);
    expect(kate.chat.lastText()).toBe("This course is already completed: the registration cannot be cancelled.");
    await kate.chat.send("/mycourses");
    expect(kate.chat.lastText()).toContain("🎓 completed");
    expect(await regs(other.id)).toEqual([{ userId: kate.userId, status: "completed" }]);
  });

  it("an offer left unanswered expires with a notice, accepting it late is refused; a course the methodist cancels is told and shown in English", async () => {
    const course = await makeCourse(app, methodistId, { seats: 1, title: "Functional literacy" });
    const [kate, tom, lucy] = [
      await registerViaBot(app, 8121, { locale: "en", name: "Kate Smith" }),
      await registerViaBot(app, 8122, { locale: "en", name: "Tom Jones" }),
      await registerViaBot(app, 8123, { locale: "en", name: "Lucy Gray" }),
    ];
    for (const p of [kate, tom, lucy]) await app.services.courses.signUp(p.userId, course.id);
    await app.services.courses.cancelRegistration(
      kate.userId,
      (await app.db.prisma.courseRegistration.findFirstOrThrow({ where: { userId: kate.userId } })).id,
    );
    await deliverAll(app);
    expect(tom.chat.lastText()).toContain("A seat has freed up on “Functional literacy”");

    // a day later, no answer: the seat goes to Lucy, Tom is told
    app.clock.set("2026-11-24T09:00:30Z");
    await app.scheduler.tick();
    await deliverAll(app);
    expect(tom.chat.lastText()).toBe(
      "Time to answer ran out: the seat on “Functional literacy” went to the next person in the queue. You can sign up again under “📚 Courses” while registration is open.",
    );
    expect(lucy.chat.lastText()).toContain("A seat has freed up on “Functional literacy”");
    await tom.chat.press("✅ Take the seat");
    expect(tom.chat.lastText()).toBe(
      "Time to answer ran out and the seat went to the next person in the queue. If registration is still open, you can sign up again.",
    );
    expect(await regs(course.id)).toEqual([
      { userId: kate.userId, status: "cancelled" },
      { userId: tom.userId, status: "expired" },
      { userId: lucy.userId, status: "offered" },
    ]);
    await tom.chat.send("/mycourses");
    expect(tom.chat.lastText()).toContain("<b>Functional literacy</b> · 10 December 2026 — 12 December 2026\n✖ the seat offer expired");
    await lucy.chat.press("✅ Take the seat");

    // the methodist cancels the course: Lucy, who holds the seat, is told; Kate and Tom, who hold nothing, are not
    await app.services.courses.cancel(await staff(app, methodistId), course.id);
    await deliverAll(app);
    expect(lucy.chat.lastText()).toBe("❌ The course “Functional literacy” is cancelled. Your registration is withdrawn.");
    expect(receivedTexts(app, 8121).some((t) => t.includes("is cancelled"))).toBe(false);
    expect(receivedTexts(app, 8122).some((t) => t.includes("is cancelled"))).toBe(false);
    await lucy.chat.send("/mycourses");
    expect(lucy.chat.lastText()).toContain("<b>Functional literacy</b> · 10 December 2026 — 12 December 2026\n❌ the course is cancelled");
    expect(lucy.chat.buttons().map((b) => b.text)).toEqual(["◀ Back"]);
    await kate.chat.send("/mycourses");
    // she had left it before: the course being cancelled is what she needs to know now
    expect(kate.chat.lastText()).toContain("<b>Functional literacy</b> · 10 December 2026 — 12 December 2026\n❌ the course is cancelled");
  });
});

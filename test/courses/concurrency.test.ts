// Seats are never oversold, whatever arrives at once: on PostgreSQL these calls really run in
// parallel through the connection pool.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { insertTeacher } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { makeCourse } from "./helpers.js";

describe.each(providers)("courses: concurrency on %s", (provider) => {
  let app: TestApp;
  let methodistId: number;
  beforeEach(async () => {
    app = await createTestApp(provider);
    methodistId = await insertTeacher(app, 8000, { name: "Сидорова Елена" });
    await app.db.prisma.user.update({ where: { id: methodistId }, data: { role: "methodist", notifyNewCourses: false } });
  });
  afterEach(() => closeTestApp(app));

  async function teachers(n: number, from: number): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) ids.push(await insertTeacher(app, from + i, { name: `Учитель Номер ${String.fromCharCode(1040 + (i % 32))}` }));
    return ids;
  }

  it("50 concurrent sign-ups for 10 seats: exactly 10 registered, 40 waiting with positions 1..40", async () => {
    const course = await makeCourse(app, methodistId, { seats: 10 });
    const ids = await teachers(50, 10_000);
    const results = await Promise.all(ids.map((id) => app.services.courses.signUp(id, course.id)));
    expect(results.filter((r) => r.status === "registered")).toHaveLength(10);
    const positions = results.flatMap((r) => (r.status === "waiting" ? [r.position] : [])).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const regs = await app.db.prisma.courseRegistration.groupBy({ by: ["status"], where: { courseId: course.id }, _count: { _all: true } });
    expect(Object.fromEntries(regs.map((r) => [r.status, r._count._all]))).toEqual({ registered: 10, waiting: 40 });
    expect((await app.db.prisma.course.findUniqueOrThrow({ where: { id: course.id } })).seatsTaken).toBe(10);
    // and My courses agrees with the answers
    const mine = await Promise.all(ids.map((id) => app.services.courses.myRegistrations(id, 0, 10)));
    expect(mine.flatMap((m) => (m.items[0]!.position ? [m.items[0]!.position] : [])).sort((a, b) => a - b)).toEqual(positions);
  });

  it("the same teacher pressing sign-up five times at once gets one registration", async () => {
    const course = await makeCourse(app, methodistId, { seats: 3 });
    const [id] = await teachers(1, 11_000);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => app.services.courses.signUp(id!, course.id)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "course-already-signed-up" });
    expect(await app.db.prisma.courseRegistration.count({ where: { courseId: course.id } })).toBe(1);
    expect((await app.db.prisma.course.findUniqueOrThrow({ where: { id: course.id } })).seatsTaken).toBe(1);
  });

  it("cancellations racing with sign-ups and offers never oversell nor lose a seat", async () => {
    const course = await makeCourse(app, methodistId, { seats: 5 });
    const ids = await teachers(20, 12_000);
    for (const id of ids.slice(0, 12)) await app.services.courses.signUp(id, course.id);
    const regs = await app.db.prisma.courseRegistration.findMany({ where: { courseId: course.id, status: "registered" } });
    // 5 registered cancel, 8 newcomers sign up, all at once
    await Promise.all([
      ...regs.map((r) => app.services.courses.cancelRegistration(r.userId, r.id)),
      ...ids.slice(12).map((id) => app.services.courses.signUp(id, course.id)),
    ]);
    const all = await app.db.prisma.courseRegistration.findMany({ where: { courseId: course.id } });
    const count = (s: string) => all.filter((r) => r.status === s).length;
    const c = await app.db.prisma.course.findUniqueOrThrow({ where: { id: course.id } });
    expect(count("cancelled")).toBe(5);
    expect(count("registered") + count("offered")).toBe(5);
    expect(c.seatsTaken).toBe(5);
    expect(count("waiting")).toBe(10);
    // the 7 who waited before the race are served first: the freed seats never go to a newcomer
    const early = all.filter((r) => ids.slice(5, 12).includes(r.userId));
    expect(early.filter((r) => r.status === "offered")).toHaveLength(5);
    expect(all.filter((r) => ids.slice(12).includes(r.userId)).every((r) => r.status === "waiting")).toBe(true);
  });

  /**
   * A one-seat course whose holder (and `waiters` behind her) signed up; `setUp` readies the release of
   * the seat, which then races a newcomer's sign-up, twelve times: the seat is never lost (freed while
   * she is put on the waiting list). She ends with it, registered or offered, and the course counts it.
   */
  async function releaseRacingSignUp(setUp: (courseId: number, holder: number) => Promise<() => Promise<unknown>>, waiters = 0) {
    const [holder, newcomer, ...queue] = await teachers(2 + waiters, 14_000 + waiters * 100);
    const start = app.clock.now();
    for (let i = 0; i < 12; i++) {
      const course = await makeCourse(app, methodistId, { seats: 1 });
      for (const id of [holder!, ...queue]) await app.services.courses.signUp(id, course.id);
      const release = await setUp(course.id, holder!);
      // each round starts one of the two a few ticks later (0..5): other interleavings of their statements
      const later = async <T>(turns: number, f: () => Promise<T>) => {
        for (let t = 0; t < turns; t++) await new Promise((r) => process.nextTick(r));
        return f();
      };
      const lag = i >> 1;
      await Promise.all([later(i % 2 ? lag : 0, release), later(i % 2 ? 0 : lag, () => app.services.courses.signUp(newcomer!, course.id))]);
      app.clock.set(start);
      const regs = await app.db.prisma.courseRegistration.findMany({ where: { courseId: course.id } });
      const taken = (await app.db.prisma.course.findUniqueOrThrow({ where: { id: course.id } })).seatsTaken;
      expect({ round: i, holding: regs.filter((r) => r.status === "registered" || r.status === "offered").map((r) => r.userId), taken }).toEqual({
        round: i,
        holding: [newcomer],
        taken: 1,
      });
      expect(regs.filter((r) => r.status === "waiting")).toEqual([]);
    }
  }

  const regOf = (courseId: number, userId: number) => app.db.prisma.courseRegistration.findFirstOrThrow({ where: { courseId, userId } });

  it("a registered teacher cancels as a newcomer signs up to the full course: the seat goes to the newcomer", async () => {
    await releaseRacingSignUp(async (courseId, holder) => {
      const reg = await regOf(courseId, holder);
      return () => app.services.courses.cancelRegistration(holder, reg.id);
    });
  });

  it("a teacher erases her data as a newcomer signs up: the seat she held goes to the newcomer", async () => {
    await releaseRacingSignUp(async (_, holder) => () => app.services.courses.releaseAllOf(holder));
  });

  /** the holder leaves, the one waiting is offered her seat */
  async function offerOf(courseId: number, holder: number) {
    await app.services.courses.cancelRegistration(holder, (await regOf(courseId, holder)).id);
    return app.db.prisma.courseRegistration.findFirstOrThrow({ where: { courseId, status: "offered" } });
  }

  it("an offer declined as a newcomer signs up: the seat goes to the newcomer", async () => {
    await releaseRacingSignUp(async (courseId, holder) => {
      const offer = await offerOf(courseId, holder);
      return () => app.services.courses.declineOffer(offer.userId, offer.id);
    }, 1);
  });

  it("an offer expiring as a newcomer signs up: the seat goes to the newcomer", async () => {
    await releaseRacingSignUp(async (courseId, holder) => {
      const offer = await offerOf(courseId, holder);
      app.clock.set(offer.offerExpiresAt!);
      return () => app.scheduler.tick();
    }, 1);
  });

  it("accepting, declining and expiring the same offer at once: exactly one outcome, the seat held once", async () => {
    const course = await makeCourse(app, methodistId, { seats: 1 });
    const [a, b, ...rest] = await teachers(4, 13_000);
    for (const id of [a!, b!, ...rest]) await app.services.courses.signUp(id, course.id);
    const ra = await app.db.prisma.courseRegistration.findFirstOrThrow({ where: { userId: a } });
    await app.services.courses.cancelRegistration(a!, ra.id);
    const rb = await app.db.prisma.courseRegistration.findFirstOrThrow({ where: { userId: b } });
    expect(rb.status).toBe("offered");
    // just before the deadline: accept and decline race, one of them wins
    app.clock.set(new Date(rb.offerExpiresAt!.getTime() - 1));
    const outcomes = await Promise.allSettled([
      app.services.courses.acceptOffer(b!, rb.id),
      app.services.courses.declineOffer(b!, rb.id),
      app.services.courses.acceptOffer(b!, rb.id),
      app.services.courses.declineOffer(b!, rb.id),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    let after = await app.db.prisma.courseRegistration.findMany({ where: { courseId: course.id }, orderBy: { id: "asc" } });
    expect(after.filter((r) => r.status === "registered" || r.status === "offered")).toHaveLength(1);
    expect((await app.db.prisma.course.findUniqueOrThrow({ where: { id: course.id } })).seatsTaken).toBe(1);

    // the next offer, at the very moment it expires: decline, late accepts and the scheduler race
    const holder = after.find((r) => r.status === "offered") ?? after.find((r) => r.status === "registered")!;
    await app.services.courses.cancelRegistration(holder.userId, holder.id);
    after = await app.db.prisma.courseRegistration.findMany({ where: { courseId: course.id }, orderBy: { id: "asc" } });
    const offered = after.find((r) => r.status === "offered")!;
    expect(offered).toBeDefined();
    {
      app.clock.set(offered.offerExpiresAt!);
      const race = await Promise.allSettled([
        app.services.courses.acceptOffer(offered.userId, offered.id),
        app.services.courses.declineOffer(offered.userId, offered.id),
        app.scheduler.tick(),
        app.services.courses.acceptOffer(offered.userId, offered.id),
      ]);
      // no accept can win after the deadline; the offer ends once, declined or expired
      expect((race[0] as PromiseSettledResult<unknown>).status).toBe("rejected");
      expect((race[3] as PromiseSettledResult<unknown>).status).toBe("rejected");
      const final = await app.db.prisma.courseRegistration.findUniqueOrThrow({ where: { id: offered.id } });
      expect(["declined", "expired"]).toContain(final.status);
    }
    after = await app.db.prisma.courseRegistration.findMany({ where: { courseId: course.id }, orderBy: { id: "asc" } });
    const held = after.filter((r) => r.status === "registered" || r.status === "offered").length;
    expect((await app.db.prisma.course.findUniqueOrThrow({ where: { id: course.id } })).seatsTaken).toBe(held);
  });
});

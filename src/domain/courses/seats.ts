// Seats and the waiting list. Every change of a seat is ONE conditional UPDATE (seats_taken < seats,
// status = 'waiting', status = 'offered' ...), so concurrent sign-ups, cancellations, offers and
// their expiry never oversell a course nor hand one seat to two people, on SQLite and PostgreSQL.
// What decides between the seat and the waiting list (a sign-up; a released seat: the first waiting,
// or back to the pool) runs holding the course (`exclusive`), so a seat freed because nobody waits
// never misses a newcomer being put on the list at that very moment.
import type { Db, DbProvider } from "../../db/client.js";
import type { Clock } from "../clock.js";
import type { Notice, Outbox } from "../outbox.js";
import type { Tasks } from "../tasks.js";
import { formatDateTime } from "../time.js";

export const OFFER_TASK = "course.offer-expire";
export const offerTaskKey = (registrationId: number) => `course-offer:${registrationId}:expire`;

export interface SeatDeps {
  db: Db;
  provider: DbProvider;
  clock: Clock;
  outbox: Outbox;
  tasks: Tasks;
  offerHours: number;
  zone: string;
}

/** a rush of sign-ups queues for the pool and for the course's row lock: wait, do not fail */
const TX_LIMITS = { maxWait: 30_000, timeout: 30_000 };

export function createCourseSeats({ db, provider, clock, outbox, tasks, offerHours, zone }: SeatDeps) {
  /** SQLite: the tail of each course's queue of `exclusive` calls in this process */
  const queues = new Map<number, Promise<void>>();

  const seats = {
    /**
     * Runs `fn` holding the course: calls for one course run one after another. PostgreSQL: in a
     * transaction holding the course's row lock (every replica waits for it; `fn`'s statements go
     * through `client` and are rolled back if it throws). SQLite: a queue per course in this process
     * (a SQLite deployment is one process; its one connection runs statements, not transactions,
     * one at a time, so `client` is the database itself and nothing is rolled back).
     */
    async exclusive<T>(courseId: number, fn: (client: Db) => Promise<T>): Promise<T> {
      if (provider === "postgresql") {
        return db.$transaction(async (tx) => {
          await tx.$queryRaw`SELECT id FROM courses WHERE id = ${courseId} FOR UPDATE`;
          return fn(tx as unknown as Db);
        }, TX_LIMITS);
      }
      const before = queues.get(courseId) ?? Promise.resolve();
      let done!: () => void;
      const mine = new Promise<void>((resolve) => (done = resolve));
      const tail = before.then(() => mine);
      queues.set(courseId, tail);
      await before;
      try {
        return await fn(db);
      } finally {
        done();
        if (queues.get(courseId) === tail) queues.delete(courseId);
      }
    },

    /** Takes one free seat for the waiting list; false when the course is full or over. */
    async take(courseId: number): Promise<boolean> {
      // a closed course still serves its waiting list (only new sign-ups are refused)
      const n = await db.$executeRaw`UPDATE courses SET seats_taken = seats_taken + 1
        WHERE id = ${courseId} AND status IN ('open', 'closed') AND seats_taken < seats`;
      return n === 1;
    },

    /** Position on the waiting list (1 = next): earlier queue time first, then earlier row. */
    async position(reg: { id: number; courseId: number; queuedAt: Date }): Promise<number> {
      const ahead = await db.courseRegistration.count({
        where: {
          courseId: reg.courseId,
          status: "waiting",
          OR: [{ queuedAt: { lt: reg.queuedAt } }, { queuedAt: reg.queuedAt, id: { lt: reg.id } }],
        },
      });
      return ahead + 1;
    },

    /**
     * A held seat is released: it goes to the first on the waiting list as an offer (the seat stays
     * taken), or back to the pool when nobody waits or the course no longer takes people.
     */
    async pass(courseId: number): Promise<void> {
      const now = clock.now();
      const offer = await seats.exclusive(courseId, async (client) => {
        const course = await client.course.findUnique({ where: { id: courseId } });
        const canOffer = course && (course.status === "open" || course.status === "closed") && course.startDate > now;
        for (let tries = 0; canOffer && tries < 50; tries++) {
          const next = await client.courseRegistration.findFirst({
            where: { courseId, status: "waiting" },
            orderBy: [{ queuedAt: "asc" }, { id: "asc" }],
            include: { user: { select: { language: true } } },
          });
          if (!next) break;
          const expires = new Date(Math.min(now.getTime() + offerHours * 3_600_000, course.startDate.getTime()));
          const won = await client.courseRegistration.updateMany({
            where: { id: next.id, status: "waiting" },
            data: { status: "offered", offeredAt: now, offerExpiresAt: expires },
          });
          if (won.count === 1) return { next, expires, title: course.title };
          // cancelled meanwhile: the next one
        }
        await client.$executeRaw`UPDATE courses SET seats_taken = seats_taken - 1 WHERE id = ${courseId} AND seats_taken > 0`;
        return null;
      });
      if (!offer) return;
      const { next, expires, title } = offer;
      await tasks.schedule({ kind: OFFER_TASK, payload: { registrationId: next.id }, dueAt: expires, dedupeKey: offerTaskKey(next.id) });
      const notice: Notice = {
        userId: next.userId,
        key: "course-offer-notice",
        vars: { title, until: formatDateTime(expires, next.user.language, zone) },
        buttons: [
          [
            { key: "course-offer-accept", action: { do: "course-offer", reg: next.id, yes: true } },
            { key: "course-offer-decline", action: { do: "course-offer", reg: next.id, yes: false } },
          ],
        ],
        dedupeKey: `course-offer:${next.id}:${now.getTime()}`,
        // an offer that reaches her only after it ran out would be a seat she cannot take
        expiresAt: expires,
      };
      await outbox.notify([notice]);
    },

    /**
     * The course moved: each pending offer runs for its usual time, but never past the start (a seat
     * answered for after the start would be a seat on a course already under way). Offers the new start
     * cuts short end at it; offers an earlier move had cut short get back the time the later start
     * allows. Their expiry follows, and each teacher is told the new time to answer, with the buttons
     * again. Returns the people told, so that the general "the course changed" notice does not reach
     * them twice.
     */
    async fitOffers(courseId: number): Promise<number[]> {
      const now = clock.now();
      const course = await db.course.findUnique({ where: { id: courseId }, select: { title: true, startDate: true } });
      if (!course) return [];
      // an offer already past its time is the expiry task's, not ours
      const regs = await db.courseRegistration.findMany({
        where: { courseId, status: "offered", offerExpiresAt: { gt: now } },
        include: { user: { select: { language: true } } },
      });
      const told: number[] = [];
      for (const reg of regs) {
        const usual = (reg.offeredAt ?? now).getTime() + offerHours * 3_600_000;
        const until = new Date(Math.min(usual, course.startDate.getTime()));
        if (until.getTime() === reg.offerExpiresAt!.getTime()) continue;
        const moved = await db.courseRegistration.updateMany({
          where: { id: reg.id, status: "offered", offerExpiresAt: reg.offerExpiresAt },
          data: { offerExpiresAt: until },
        });
        if (moved.count !== 1) continue; // answered, expired or moved meanwhile
        await tasks.schedule({ kind: OFFER_TASK, payload: { registrationId: reg.id }, dueAt: until, dedupeKey: offerTaskKey(reg.id) });
        await outbox.notify([
          {
            userId: reg.userId,
            key: until < reg.offerExpiresAt! ? "course-offer-shortened-notice" : "course-offer-extended-notice",
            vars: { title: course.title, until: formatDateTime(until, reg.user.language, zone) },
            buttons: [
              [
                { key: "course-offer-accept", action: { do: "course-offer", reg: reg.id, yes: true } },
                { key: "course-offer-decline", action: { do: "course-offer", reg: reg.id, yes: false } },
              ],
            ],
            dedupeKey: `course-offer:${reg.id}:until-${until.getTime()}`,
            expiresAt: until,
          },
        ]);
        told.push(reg.userId);
      }
      return told;
    },

    /** Free seats (more seats after an edit) are offered to the waiting list, one by one. */
    async fill(courseId: number): Promise<void> {
      // once it has begun nobody is offered a seat (pass would give each back at once)
      const course = await db.course.findUnique({ where: { id: courseId }, select: { startDate: true } });
      if (!course || course.startDate <= clock.now()) return;
      for (let i = 0; i < 10_000; i++) {
        const waiting = await db.courseRegistration.count({ where: { courseId, status: "waiting" } });
        if (!waiting || !(await seats.take(courseId))) return;
        await seats.pass(courseId);
      }
    },
  };
  return seats;
}

export type Seats = ReturnType<typeof createCourseSeats>;

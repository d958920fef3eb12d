// Seats and the waiting list. Every change of a seat is ONE conditional UPDATE (seats_taken < seats,
// status = 'waiting', status = 'offered' ...), so concurrent sign-ups, cancellations, offers and
// their expiry never oversell a course nor hand one seat to two people, on SQLite and PostgreSQL.
import type { Db } from "../../db/client.js";
import type { Clock } from "../clock.js";
import type { Notice, Outbox } from "../outbox.js";
import type { Tasks } from "../tasks.js";
import { formatDateTime } from "../time.js";

export const OFFER_TASK = "course.offer-expire";
export const offerTaskKey = (registrationId: number) => `course-offer:${registrationId}:expire`;

export interface SeatDeps {
  db: Db;
  clock: Clock;
  outbox: Outbox;
  tasks: Tasks;
  offerHours: number;
  zone: string;
  /** callback data of the offer's buttons */
  offerButtons: (registrationId: number) => { accept: string; decline: string };
}

export function createSeats({ db, clock, outbox, tasks, offerHours, zone, offerButtons }: SeatDeps) {
  const seats = {
    /** Takes one free seat for the waiting list; false when the course is full or over. */
    async take(courseId: number): Promise<boolean> {
      // a closed course still serves its waiting list (only new sign-ups are refused)
      const n = await db.$executeRaw`UPDATE courses SET seats_taken = seats_taken + 1
        WHERE id = ${courseId} AND status IN ('open', 'closed') AND seats_taken < seats`;
      return n === 1;
    },

    /** Gives a seat back (nobody on the waiting list wanted it). */
    async free(courseId: number): Promise<void> {
      await db.$executeRaw`UPDATE courses SET seats_taken = seats_taken - 1 WHERE id = ${courseId} AND seats_taken > 0`;
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
      const course = await db.course.findUnique({ where: { id: courseId } });
      const canOffer = course && (course.status === "open" || course.status === "closed") && course.startDate > now;
      for (let tries = 0; canOffer && tries < 50; tries++) {
        const next = await db.courseRegistration.findFirst({
          where: { courseId, status: "waiting" },
          orderBy: [{ queuedAt: "asc" }, { id: "asc" }],
          include: { user: { select: { language: true } } },
        });
        if (!next) break;
        const expires = new Date(Math.min(now.getTime() + offerHours * 3_600_000, course.startDate.getTime()));
        const won = await db.courseRegistration.updateMany({
          where: { id: next.id, status: "waiting" },
          data: { status: "offered", offeredAt: now, offerExpiresAt: expires },
        });
        if (won.count !== 1) continue; // cancelled or offered meanwhile: the next one
        await tasks.schedule({ kind: OFFER_TASK, payload: { registrationId: next.id }, dueAt: expires, dedupeKey: offerTaskKey(next.id) });
        const b = offerButtons(next.id);
        const notice: Notice = {
          userId: next.userId,
          key: "course-offer-notice",
          vars: { title: course.title, until: formatDateTime(expires, next.user.language, zone) },
          buttons: [[{ key: "course-offer-accept", data: b.accept }, { key: "course-offer-decline", data: b.decline }]],
          dedupeKey: `course-offer:${next.id}:${now.getTime()}`,
          // an offer that reaches her only after it ran out would be a seat she cannot take
          expiresAt: expires,
        };
        await outbox.notify([notice]);
        return;
      }
      await seats.free(courseId);
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
        const b = offerButtons(reg.id);
        await outbox.notify([
          {
            userId: reg.userId,
            key: until < reg.offerExpiresAt! ? "course-offer-shortened-notice" : "course-offer-extended-notice",
            vars: { title: course.title, until: formatDateTime(until, reg.user.language, zone) },
            buttons: [[{ key: "course-offer-accept", data: b.accept }, { key: "course-offer-decline", data: b.decline }]],
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

export type Seats = ReturnType<typeof createSeats>;

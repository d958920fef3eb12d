// Visits: colleagues take and give back a lesson's seats (never oversold).
import { DomainError } from "../errors.js";
import type { LessonCore } from "./core.js";
import type { LessonView } from "./types.js";

export function createLessonVisits(core: LessonCore) {
  const { db, load, guestNews, deps } = core;
  const { clock } = deps;
  const visits = {
    async isGoing(userId: number, lessonId: number): Promise<boolean> {
      return (await db.lessonVisit.count({ where: { userId, lessonId, status: "going" } })) > 0;
    },

    /**
     * Takes a seat. The visit row is claimed first (so one person never holds two seats), then the
     * seat with one conditional UPDATE (`seats_taken < seats`): never oversold, on either database.
     */
    async signUp(userId: number, lessonId: number): Promise<LessonView> {
      const l = await load(lessonId);
      const now = clock.now();
      if (l.status !== "approved") throw new DomainError("lesson-not-open");
      if (l.startsAt <= now.getTime()) throw new DomainError("lesson-already-started");
      if (l.authorId === userId) throw new DomainError("lesson-own");
      const created = await db.$executeRaw`INSERT INTO lesson_visits (lesson_id, user_id, status, created_at, updated_at)
        VALUES (${lessonId}, ${userId}, 'going', ${now}, ${now}) ON CONFLICT (lesson_id, user_id) DO NOTHING`;
      if (!created) {
        const back = await db.lessonVisit.updateMany({ where: { lessonId, userId, status: "withdrawn" }, data: { status: "going", updatedAt: now } });
        if (!back.count) throw new DomainError("lesson-already-going");
      }
      const seat = await db.$executeRaw`UPDATE open_lessons SET seats_taken = seats_taken + 1, updated_at = ${now}
        WHERE id = ${lessonId} AND status = 'approved' AND seats_taken < seats`;
      if (!seat) {
        await db.lessonVisit.updateMany({ where: { lessonId, userId, status: "going" }, data: { status: "withdrawn", updatedAt: now } });
        throw new DomainError("lesson-full");
      }
      await guestNews.changed(l);
      return load(lessonId);
    },

    async withdraw(userId: number, lessonId: number): Promise<LessonView> {
      const l = await load(lessonId);
      if (l.startsAt <= clock.now().getTime()) throw new DomainError("lesson-already-started");
      if (!(await visits.release(userId, lessonId))) throw new DomainError("lesson-not-going");
      await guestNews.changed(l);
      return load(lessonId);
    },

    /** Gives the seat back if the person held one (withdrawal, erasure). */
    async release(userId: number, lessonId: number): Promise<boolean> {
      const r = await db.lessonVisit.updateMany({ where: { lessonId, userId, status: "going" }, data: { status: "withdrawn", updatedAt: clock.now() } });
      if (!r.count) return false;
      await db.$executeRaw`UPDATE open_lessons SET seats_taken = seats_taken - 1, updated_at = ${clock.now()} WHERE id = ${lessonId} AND seats_taken > 0`;
      return true;
    },
  };
  return visits;
}

export type VisitsService = ReturnType<typeof createLessonVisits>;

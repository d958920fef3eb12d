// Moderation: the methodists' queue and their verdicts (nobody moderates her own work; a district's
// methodist reviews the lessons of her district's teachers).
import { DomainError } from "../errors.js";
import { reachesDistrict, scopeOf } from "../scope.js";
import { validateReason } from "./validate.js";
import type { LessonCore } from "./core.js";
import type { LessonView } from "./types.js";

export function createLessonModeration(core: LessonCore) {
  const { db, include, views, load, staff, reviewedBy, authorDistrict, notPending, scheduleFor, notices, cardButton, watchReview, reviewExpiryKey, deps } =
    core;
  const { clock, outbox, tasks } = deps;
  /** Lessons waiting for this methodist's verdict: under review, not begun, not her own, of teachers she reviews. */
  const awaiting = (actor: { id: number } & Parameters<typeof scopeOf>[0], now: Date) => ({
    status: "pending" as const,
    startsAt: { gt: now },
    authorId: { not: actor.id },
    ...reviewedBy(scopeOf(actor)),
  });
  const moderation = {
    /**
     * The moderation queue, oldest first (lessons already begun are left out), without the methodist's
     * own: a teacher's lessons still wait after she is made a methodist, for a colleague to review. A
     * district's methodist sees the lessons of her district's teachers only.
     */
    async queue(actorId: number): Promise<{ first: LessonView | null; total: number }> {
      const actor = await staff(actorId);
      const where = awaiting(actor, clock.now());
      const [row, total] = await Promise.all([
        db.openLesson.findFirst({ where, include, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
        db.openLesson.count({ where }),
      ]);
      return { first: row ? (await views([row]))[0]! : null, total };
    },

    /** The whole queue of `queue` as a list, oldest first (the site's moderation page). */
    async queueList(actorId: number, limit = 100): Promise<LessonView[]> {
      const actor = await staff(actorId);
      const where = awaiting(actor, clock.now());
      return views(await db.openLesson.findMany({ where, include, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: limit }));
    },

    /**
     * `seen`: the lesson's sequence as the methodist saw it. The author may edit a lesson under review;
     * a verdict on a version she no longer has is refused, so nobody approves what she did not read.
     * Her own lesson is refused too (the author is part of the condition, so no race slips past it), and
     * so is one of a teacher beyond her district (a stale or forged button).
     */
    async approve(actorId: number, id: number, seen?: number): Promise<LessonView> {
      const actor = await staff(actorId);
      const now = clock.now();
      const r = await db.openLesson.updateMany({
        where: { id, ...awaiting(actor, now), ...(seen === undefined ? {} : { sequence: seen }) },
        data: { status: "approved", moderatedById: actorId, moderatedAt: now },
      });
      if (!r.count) throw await notPending(actor, id, seen);
      await tasks.cancel(reviewExpiryKey(id));
      const l = await load(id);
      await scheduleFor(l);
      await outbox.notify(await notices([l.authorId], "lesson-notice-approved", l, `approved-${l.sequence}`, { buttons: cardButton(l) }));
      return l;
    },

    /** Like approve: a lesson whose time came unreviewed is closed (its author was told), not rejected after the fact. */
    async reject(actorId: number, id: number, reasonText: string, seen?: number): Promise<LessonView> {
      const actor = await staff(actorId);
      const reason = validateReason(reasonText);
      const now = clock.now();
      const r = await db.openLesson.updateMany({
        where: { id, ...awaiting(actor, now), ...(seen === undefined ? {} : { sequence: seen }) },
        data: { status: "rejected", rejectReason: reason, moderatedById: actorId, moderatedAt: now },
      });
      if (!r.count) throw await notPending(actor, id, seen);
      await tasks.cancel(reviewExpiryKey(id));
      const l = await load(id);
      await outbox.notify(await notices([l.authorId], "lesson-notice-rejected", l, `rejected-${l.sequence}`, { vars: { reason }, buttons: cardButton(l) }));
      return l;
    },

    /**
     * Refuses (DomainError) unless the methodist may still give a verdict on this lesson as she saw it
     * (`seen`): checked before she is asked for a reason, so that she does not type one in vain.
     */
    async checkReviewable(actorId: number, id: number, seen?: number): Promise<LessonView> {
      const actor = await staff(actorId);
      const l = await load(id);
      if (l.authorId === actorId) throw new DomainError("lesson-moderation-own");
      if (!reachesDistrict(scopeOf(actor), await authorDistrict(l.authorId))) throw new DomainError("lesson-moderation-other-district");
      if (l.status !== "pending") throw new DomainError("lesson-not-pending");
      if (l.startsAt <= clock.now().getTime()) throw new DomainError("lesson-review-too-late");
      if (seen !== undefined && l.sequence !== seen) throw new DomainError("lesson-changed-under-review");
      return l;
    },

    /**
     * Lessons waiting for review that nobody watches: offered before this release, which added the
     * "not reviewed in time" notice. Each gets its task (a lesson whose start passed in the last three
     * days is noticed at once, older ones are left alone). Run at start; returns how many were watched.
     */
    async watchUnwatched(): Promise<number> {
      const since = new Date(clock.now().getTime() - 3 * 86_400_000);
      const pending = await db.openLesson.findMany({ where: { status: "pending", startsAt: { gt: since } }, select: { id: true, startsAt: true } });
      if (!pending.length) return 0;
      const keys = pending.map((l) => reviewExpiryKey(l.id));
      const watched = new Set((await db.scheduledTask.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } })).map((t) => t.dedupeKey));
      const unwatched = pending.filter((l) => !watched.has(reviewExpiryKey(l.id)));
      for (const l of unwatched) await watchReview(l);
      return unwatched.length;
    },
  };
  return moderation;
}

export type ModerationService = ReturnType<typeof createLessonModeration>;

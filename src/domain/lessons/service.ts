// Open lessons (открытые уроки): a teacher offers a lesson, a methodist approves or rejects it,
// colleagues sign up for its seats, everyone is reminded, guests rate it afterwards. In a regional
// deployment a district's methodist reviews the lessons of her district's teachers (the author's school
// decides); a regional methodist or an admin reviews any. The lessons themselves are open region-wide.
import type { Db } from "../../db/client.js";
import type { Prisma } from "../../generated/sqlite/client.js";
import type { Translator } from "../../i18n.js";
import type { Clock } from "../clock.js";
import { certificateData } from "../documents/actions.js";
import { DomainError } from "../errors.js";
import type { Notice, Outbox } from "../outbox.js";
import type { Tasks } from "../tasks.js";
import { parseFutureDateTime } from "../time.js";
import { isScoped, reachesDistrict, scopeOf, usersInScope, type Scope } from "../scope.js";
import type { User, UserService } from "../users.js";
import { isMethodistRole } from "../users.js";
import { LESSON_OFFER, LESSON_QUEUE, lessonCalendar, lessonCard, lessonRate } from "./actions.js";
import { lessonState, lessonVars } from "./format.js";
import { createGuestNews } from "./guest-news.js";
import { bayesianAverage, FEEDBACK_DAYS, feedbackScore, formatRating, MIN_RATINGS, type Scores } from "./rating.js";
import {
  parseDuration,
  parseSeats,
  validateComment,
  validateGrade,
  validateMethod,
  validateReason,
  validateRoom,
  validateScore,
  validateTopic,
  validateUrl,
} from "./validate.js";

export type LessonStatus = "pending" | "approved" | "rejected" | "cancelled";

/** A lesson as the bot shows it: plain data (times as epoch ms, so it survives a conversation's replay log). */
export interface LessonView {
  id: number;
  authorId: number;
  authorName: string;
  subjectId: number;
  subjectRu: string;
  subjectEn: string;
  grade: string;
  topic: string;
  method: string;
  startsAt: number;
  durationMin: number;
  schoolName: string | null;
  room: string | null;
  onlineUrl: string | null;
  seats: number;
  seatsTaken: number;
  sequence: number;
  status: LessonStatus;
  rejectReason: string | null;
  ratingAvg: number | null;
  ratingCount: number;
}

export interface LessonDraft {
  subjectId: number;
  grade: string;
  topic: string;
  method: string;
  /** epoch ms */
  startsAt: number;
  durationMin: number;
  place: { kind: "school"; room: string } | { kind: "online"; url: string };
  seats: number;
}

export interface FeedbackInput extends Scores {
  comment?: string | null;
}

export const REMINDER_KIND = "lesson.reminder";
export const FEEDBACK_REQUEST_KIND = "lesson.feedback-request";
export const SUMMARY_KIND = "lesson.summary";
/** a lesson still under review when it was to begin: closed unreviewed, its author told */
export const REVIEW_EXPIRED_KIND = "lesson.review-expired";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** when reminders go out, before the start */
const REMINDERS = { day: DAY, hour: HOUR } as const;

const include = { author: { select: { fullName: true } }, subject: true, school: { select: { name: true } } } satisfies Prisma.OpenLessonInclude;
type Row = Prisma.OpenLessonGetPayload<{ include: typeof include }>;

/** Dedupe keys of everything about one lesson start with this (tasks and outbox messages). */
export const lessonKey = (id: number) => `lesson:${id}:`;
const reviewExpiryKey = (id: number) => `${lessonKey(id)}review-expiry`;

export interface LessonDeps {
  clock: Clock;
  outbox: Outbox;
  tasks: Tasks;
  users: UserService;
  t: Translator;
  zone: string;
}

export function createLessonService(db: Db, deps: LessonDeps) {
  const { clock, outbox, tasks, zone } = deps;
  const endOf = (l: { startsAt: Date | number; durationMin: number }) => new Date(new Date(l.startsAt).getTime() + l.durationMin * 60_000);

  type Stats = Map<number, { avg: number; count: number; sum: number }>;
  /** Each lesson's feedback: the sum and mean of the scores (see rating.ts), and how many. */
  async function stats(where: Prisma.LessonFeedbackWhereInput, minCount = 1): Promise<Stats> {
    const out: Stats = new Map();
    const rows = await db.lessonFeedback.groupBy({
      by: ["lessonId"],
      where,
      having: { lessonId: { _count: { gte: minCount } } },
      _sum: { goalClarity: true, methodUse: true, pupilActivity: true },
      _count: { _all: true },
    });
    for (const r of rows) {
      const sum = ((r._sum.goalClarity ?? 0) + (r._sum.methodUse ?? 0) + (r._sum.pupilActivity ?? 0)) / 3;
      out.set(r.lessonId, { sum, count: r._count._all, avg: sum / r._count._all });
    }
    return out;
  }

  async function views(rows: Row[]): Promise<LessonView[]> {
    const s: Stats = rows.length ? await stats({ lessonId: { in: rows.map((r) => r.id) } }) : new Map();
    return rows.map((r) => ({
      id: r.id,
      authorId: r.authorId,
      authorName: r.author.fullName ?? "—",
      subjectId: r.subjectId,
      subjectRu: r.subject.nameRu,
      subjectEn: r.subject.nameEn,
      grade: r.grade,
      topic: r.topic,
      method: r.method,
      startsAt: r.startsAt.getTime(),
      durationMin: r.durationMin,
      schoolName: r.school?.name ?? null,
      room: r.room,
      onlineUrl: r.onlineUrl,
      seats: r.seats,
      seatsTaken: r.seatsTaken,
      sequence: r.sequence,
      status: r.status,
      rejectReason: r.rejectReason,
      ratingAvg: s.get(r.id)?.avg ?? null,
      ratingCount: s.get(r.id)?.count ?? 0,
    }));
  }

  async function load(id: number): Promise<LessonView> {
    const row = await db.openLesson.findUnique({ where: { id }, include });
    if (!row) throw new DomainError("lesson-not-found");
    return (await views([row]))[0]!;
  }

  /** One page of lessons and how many there are in all. */
  async function paged(where: Prisma.OpenLessonWhereInput, orderBy: Prisma.OpenLessonOrderByWithRelationInput[], page: number, size: number) {
    const [rows, total] = await Promise.all([
      db.openLesson.findMany({ where, include, orderBy, skip: page * size, take: size }),
      db.openLesson.count({ where }),
    ]);
    return { items: await views(rows), total };
  }

  /** The author's lesson still open for her changes: not cancelled, not begun (a rejected one she may fix and send again). */
  async function own(authorId: number, id: number): Promise<LessonView> {
    const l = await load(id);
    if (l.authorId !== authorId) throw new DomainError("lesson-not-yours");
    if (l.status === "cancelled") throw new DomainError("lesson-closed");
    if (l.startsAt <= clock.now().getTime()) throw new DomainError("lesson-already-started");
    return l;
  }

  async function staff(actorId: number) {
    const actor = await deps.users.byId(actorId);
    if (!actor?.registeredAt || !isMethodistRole(actor.role)) throw new DomainError("forbidden");
    return actor;
  }

  /** The lessons a methodist of `scope` reviews: those whose author's school is in her district (all for the whole deployment). */
  const reviewedBy = (scope: Scope): Prisma.OpenLessonWhereInput => (isScoped(scope) ? { author: usersInScope(scope) } : {});

  /** The district of the author's school (null: a school of no district, or none). */
  const authorDistrict = async (authorId: number): Promise<number | null> =>
    (await db.user.findUnique({ where: { id: authorId }, select: { school: { select: { districtId: true } } } }))?.school?.districtId ?? null;

  /**
   * Methodists and admins who review a lesson of this author (she is left out: nobody moderates her own
   * work): those whose scope reaches her school's district. A lesson of a school in no district goes to
   * those of the whole deployment.
   */
  async function reviewers(authorId: number): Promise<number[]> {
    const district = await authorDistrict(authorId);
    return (await deps.users.methodists()).filter((u) => u.id !== authorId && reachesDistrict(scopeOf(u), district)).map((u) => u.id);
  }

  /**
   * Writes an author's change to a lesson still open for changes, in one conditional statement (a
   * cancellation or the start racing with it wins), and bumps the calendar's SEQUENCE.
   */
  async function editOpen(id: number, data: Prisma.OpenLessonUncheckedUpdateManyInput): Promise<void> {
    const r = await db.openLesson.updateMany({
      where: { id, status: { in: ["pending", "approved", "rejected"] }, startsAt: { gt: clock.now() } },
      data: { ...data, sequence: { increment: 1 } },
    });
    if (!r.count) throw new DomainError("lesson-closed");
  }

  /**
   * Why a verdict did not apply: the lesson is the methodist's own (nobody moderates her own work), its
   * author is beyond her district, someone else gave one, or the author changed the lesson meanwhile.
   */
  async function notPending(actor: User, id: number, seen: number | undefined): Promise<DomainError> {
    const l = await db.openLesson.findUnique({ where: { id }, select: { authorId: true, status: true, sequence: true, startsAt: true } });
    if (l?.authorId === actor.id) return new DomainError("lesson-moderation-own");
    if (l && !reachesDistrict(scopeOf(actor), await authorDistrict(l.authorId))) return new DomainError("lesson-moderation-other-district");
    if (l?.status === "pending" && l.startsAt <= clock.now()) return new DomainError("lesson-review-too-late");
    return l?.status === "pending" && seen !== undefined && l.sequence !== seen
      ? new DomainError("lesson-changed-under-review")
      : new DomainError("lesson-not-pending");
  }

  const guests = async (lessonId: number) =>
    (await db.lessonVisit.findMany({ where: { lessonId, status: "going" }, select: { userId: true }, orderBy: { id: "asc" } })).map((v) => v.userId);

  /** Reminders and the feedback request follow the lesson's time: the same dedupe keys move them. */
  async function scheduleFor(l: LessonView): Promise<void> {
    const now = clock.now().getTime();
    const startsAt = new Date(l.startsAt);
    for (const [which, before] of Object.entries(REMINDERS)) {
      const key = `${lessonKey(l.id)}remind-${which}`;
      const dueAt = l.startsAt - before;
      if (dueAt > now)
        await tasks.schedule({ kind: REMINDER_KIND, payload: { lessonId: l.id, which }, dueAt: new Date(dueAt), eventAt: startsAt, dedupeKey: key });
      else await tasks.cancel(key);
    }
    const end = endOf(l);
    await tasks.schedule({ kind: FEEDBACK_REQUEST_KIND, payload: { lessonId: l.id }, dueAt: end, dedupeKey: `${lessonKey(l.id)}feedback` });
    await tasks.schedule({
      kind: SUMMARY_KIND,
      payload: { lessonId: l.id },
      dueAt: new Date(end.getTime() + FEEDBACK_DAYS * DAY),
      dedupeKey: `${lessonKey(l.id)}summary`,
    });
  }

  /**
   * Notices about a lesson to several people, each rendered with the lesson's details in their own
   * language. Dedupe key: lesson:<id>:<tag>:<userId>.
   */
  async function notices(
    userIds: number[],
    key: string,
    l: LessonView,
    tag: string,
    extra: { vars?: Record<string, string | number>; buttons?: Notice["buttons"] } = {},
  ): Promise<Notice[]> {
    if (!userIds.length) return [];
    const langs = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, language: true } })).map((u) => [u.id, u.language]));
    return userIds.map((userId) => {
      const lang = langs.get(userId) ?? "ru";
      const vars = { ...lessonVars(l, lang, (k, v) => deps.t(lang, k, v), zone), ...extra.vars };
      return { userId, key, vars, buttons: extra.buttons, dedupeKey: `${lessonKey(l.id)}${tag}:${userId}`, groupId: `lesson:${l.id}` };
    });
  }
  const cardButton = (l: LessonView) => [[{ key: "lesson-open-card", data: lessonCard.pack({ id: l.id }) }]];

  /**
   * Nobody moderates her own work: a lesson offered by a methodist (or an admin) skips the queue and is
   * approved at once, by her, as if she had approved it.
   */
  const selfApproved = (authorId: number, now: Date) => ({ status: "approved" as const, moderatedById: authorId, moderatedAt: now });
  /** Methodists other than the author who review her lessons (see reviewers) are asked to review one waiting for them. */
  async function askReview(l: LessonView, tag: string): Promise<void> {
    await watchReview(l);
    const methodists = await reviewers(l.authorId);
    await outbox.notify(await notices(methodists, "lesson-notice-submitted", l, tag, { buttons: [[{ key: "lesson-queue-open", data: LESSON_QUEUE }]] }));
  }
  /**
   * A lesson under review that nobody reviewed before it was to begin is closed unreviewed (a derived
   * state, see lessonState): at its start its author is told so (REVIEW_EXPIRED_KIND). Moving the lesson
   * moves the task (the same dedupe key); a verdict drops it.
   */
  const watchReview = (l: Pick<LessonView, "id"> & { startsAt: LessonView["startsAt"] | Date }) =>
    tasks.schedule({ kind: REVIEW_EXPIRED_KIND, payload: { lessonId: l.id }, dueAt: new Date(l.startsAt), dedupeKey: reviewExpiryKey(l.id) });
  /**
   * Whether a (cancelled) lesson was ever published: only an approval leaves a cancelled lesson
   * moderated (a rejected one cannot be cancelled, a resubmitted one is not moderated).
   */
  const wasPublished = async (id: number) => (await db.openLesson.count({ where: { id, moderatedAt: { not: null } } })) > 0;
  /** the author hears of sign-ups and withdrawals, collected (see guest-news.ts) */
  const guestNews = createGuestNews(db, { tasks, clock, t: deps.t, zone, load: (id) => load(id).catch(() => null), keyPrefix: lessonKey });

  const service = {
    load,
    endOf,

    /**
     * A teacher offers a lesson: it waits for a methodist; methodists are told. A methodist's own lesson
     * is published at once (see selfApproved): nobody is asked, she is not told what she already knows.
     */
    async create(authorId: number, d: LessonDraft): Promise<LessonView> {
      const author = await deps.users.byId(authorId);
      if (!author?.registeredAt) throw new DomainError("lesson-not-found");
      if (!(await db.subject.findUnique({ where: { id: d.subjectId } }))) throw new DomainError("subject-not-found");
      const now = clock.now();
      if (d.startsAt <= now.getTime()) throw new DomainError("date-past");
      const row = await db.openLesson.create({
        data: {
          authorId,
          subjectId: d.subjectId,
          grade: validateGrade(d.grade),
          topic: validateTopic(d.topic),
          method: validateMethod(d.method),
          startsAt: new Date(d.startsAt),
          durationMin: parseDuration(d.durationMin),
          schoolId: d.place.kind === "school" ? author.schoolId : null,
          room: d.place.kind === "school" ? validateRoom(d.place.room) : null,
          onlineUrl: d.place.kind === "online" ? validateUrl(d.place.url) : null,
          seats: parseSeats(d.seats),
          createdAt: now,
          ...(isMethodistRole(author.role) ? selfApproved(authorId, now) : {}),
        },
      });
      const l = await load(row.id);
      if (l.status === "approved") await scheduleFor(l);
      else await askReview(l, "submitted");
      return l;
    },

    /**
     * The moderation queue, oldest first (lessons already begun are left out), without the methodist's
     * own: a teacher's lessons still wait after she is made a methodist, for a colleague to review. A
     * district's methodist sees the lessons of her district's teachers only.
     */
    async queue(actorId: number): Promise<{ first: LessonView | null; total: number }> {
      const actor = await staff(actorId);
      const where = { status: "pending" as const, startsAt: { gt: clock.now() }, authorId: { not: actorId }, ...reviewedBy(scopeOf(actor)) };
      const [row, total] = await Promise.all([
        db.openLesson.findFirst({ where, include, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
        db.openLesson.count({ where }),
      ]);
      return { first: row ? (await views([row]))[0]! : null, total };
    },

    /** The whole queue of `queue` as a list, oldest first (the site's moderation page). */
    async queueList(actorId: number, limit = 100): Promise<LessonView[]> {
      const actor = await staff(actorId);
      const where = { status: "pending" as const, startsAt: { gt: clock.now() }, authorId: { not: actorId }, ...reviewedBy(scopeOf(actor)) };
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
        where: {
          id,
          status: "pending",
          authorId: { not: actorId },
          startsAt: { gt: now },
          ...(seen === undefined ? {} : { sequence: seen }),
          ...reviewedBy(scopeOf(actor)),
        },
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
        where: {
          id,
          status: "pending",
          authorId: { not: actorId },
          startsAt: { gt: now },
          ...(seen === undefined ? {} : { sequence: seen }),
          ...reviewedBy(scopeOf(actor)),
        },
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

    /** The author moves her lesson: reminders follow, guests are told, calendars update (sequence). */
    async reschedule(authorId: number, id: number, text: string): Promise<LessonView> {
      const before = await own(authorId, id);
      const startsAt = parseFutureDateTime(text, zone, clock.now());
      if (startsAt.getTime() === before.startsAt) return before;
      await editOpen(id, { startsAt });
      const l = await load(id);
      if (l.status === "pending") await watchReview(l);
      if (l.status === "approved") {
        await scheduleFor(l);
        await outbox.notify(await notices(await guests(id), "lesson-notice-moved", l, `moved-${l.sequence}`, { buttons: cardButton(l) }));
      }
      return l;
    },

    /** The author changes the number of seats: never below the guests already signed up. */
    async changeSeats(authorId: number, id: number, text: string): Promise<LessonView> {
      await own(authorId, id);
      const seats = parseSeats(text);
      // one conditional statement: a sign-up racing with it either fits or is refused
      const r = await db.openLesson.updateMany({ where: { id, seatsTaken: { lte: seats } }, data: { seats } });
      if (!r.count) throw new DomainError("lesson-seats-below-taken", { taken: (await load(id)).seatsTaken });
      return load(id);
    },

    /** The author changes the room or the link: guests are told, calendars update (sequence). */
    async changePlace(authorId: number, id: number, place: LessonDraft["place"]): Promise<LessonView> {
      await own(authorId, id);
      const author = await deps.users.byId(authorId);
      const data =
        place.kind === "school"
          ? { schoolId: author?.schoolId ?? null, room: validateRoom(place.room), onlineUrl: null }
          : { schoolId: null, room: null, onlineUrl: validateUrl(place.url) };
      await editOpen(id, data);
      const l = await load(id);
      if (l.status === "approved")
        await outbox.notify(await notices(await guests(id), "lesson-notice-place", l, `place-${l.sequence}`, { buttons: cardButton(l) }));
      return l;
    },

    /**
     * The author corrects the topic or the method description. An approved lesson stays approved (its
     * guests keep their seats, reminders and the feedback request still go out); the guests are told
     * what they signed up for now, and the methodists see what changed, before → after, so that an
     * approval cannot quietly turn into a different lesson. A lesson under review needs no notice: the
     * methodists' queue shows it as it is.
     */
    async revise(authorId: number, id: number, change: { topic?: string; method?: string }): Promise<LessonView> {
      const before = await own(authorId, id);
      const topic = change.topic === undefined ? before.topic : validateTopic(change.topic);
      const method = change.method === undefined ? before.method : validateMethod(change.method);
      if (topic === before.topic && method === before.method) return before;
      await editOpen(id, { topic, method });
      const l = await load(id);
      if (l.status === "approved") {
        await outbox.notify(await notices(await guests(id), "lesson-notice-revised", l, `revised-${l.sequence}`, { buttons: cardButton(l) }));
        // those who review her lessons watch over them after the approval too
        const methodists = await reviewers(authorId);
        await outbox.notify(
          await notices(methodists, "lesson-notice-revised-staff", l, `revised-staff-${l.sequence}`, {
            vars: { oldTopic: before.topic, oldMethod: before.method },
            buttons: cardButton(l),
          }),
        );
      }
      return l;
    },

    /** The author changes how long the lesson lasts: the feedback request follows its end, guests are told. */
    async changeDuration(authorId: number, id: number, text: string): Promise<LessonView> {
      const before = await own(authorId, id);
      const durationMin = parseDuration(text);
      if (durationMin === before.durationMin) return before;
      await editOpen(id, { durationMin });
      const l = await load(id);
      if (l.status === "approved") {
        await scheduleFor(l);
        await outbox.notify(await notices(await guests(id), "lesson-notice-duration", l, `duration-${l.sequence}`, { buttons: cardButton(l) }));
      }
      return l;
    },

    /**
     * Whether a methodist sees this author's lessons before they are published (under review, rejected,
     * cancelled): a methodist whose scope reaches the author's school. Published ones everyone sees.
     */
    async reviews(actor: Pick<User, "role" | "districtId">, authorId: number): Promise<boolean> {
      return isMethodistRole(actor.role) && reachesDistrict(scopeOf(actor), await authorDistrict(authorId));
    },

    /**
     * A lesson as this person may see it: a published one anyone, and so one cancelled after it was
     * published (colleagues keep its old buttons; they are told it is cancelled); one under review,
     * rejected, or cancelled unpublished its author and the methodists who review her lessons only. To
     * anyone else (a stale or forged button) it is not found.
     */
    async visibleTo(viewer: Pick<User, "id" | "role" | "districtId">, id: number): Promise<LessonView> {
      const l = await load(id);
      if (l.status === "approved" || l.authorId === viewer.id || (await service.reviews(viewer, l.authorId))) return l;
      if (l.status === "cancelled" && (await wasPublished(id))) return l;
      throw new DomainError("lesson-not-found");
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

    /**
     * A lesson for the "Add to calendar" button: one the person may see, and published. One cancelled
     * after it was published may be in calendars: it is given (status cancelled), for a file that takes
     * it out; one withdrawn before publication never was, and is refused.
     */
    async forCalendar(viewer: Pick<User, "id" | "role" | "districtId">, id: number): Promise<LessonView> {
      const l = await service.visibleTo(viewer, id);
      if (l.status === "cancelled") {
        if (await wasPublished(id)) return l;
        throw new DomainError("lesson-calendar-cancelled");
      }
      if (l.status !== "approved") throw new DomainError("lesson-calendar-unpublished");
      return l;
    },

    /** Refuses (DomainError) unless the person may still change this lesson: hers, not closed, not begun. */
    async checkEditable(authorId: number, id: number): Promise<LessonView> {
      return own(authorId, id);
    },

    /**
     * A rejected lesson, fixed by its author, goes back to the methodists' queue; they are told. A
     * methodist's own (rejected while she was a teacher) is published at once, like a new one of hers.
     */
    async resubmit(authorId: number, id: number): Promise<LessonView> {
      const before = await own(authorId, id);
      const now = clock.now();
      const author = await deps.users.byId(authorId);
      const r = await db.openLesson.updateMany({
        where: { id, status: "rejected", startsAt: { gt: now } },
        data: {
          status: "pending",
          rejectReason: null,
          moderatedById: null,
          moderatedAt: null,
          sequence: { increment: 1 },
          ...(isMethodistRole(author?.role) ? selfApproved(authorId, now) : {}),
        },
      });
      if (!r.count) throw new DomainError(before.status === "rejected" ? "lesson-already-started" : "lesson-not-rejected");
      const l = await load(id);
      if (l.status === "approved") await scheduleFor(l);
      else await askReview(l, `resubmitted-${l.sequence}`);
      return l;
    },

    /** The author cancels: reminders are dropped, guests are told. */
    async cancel(authorId: number, id: number): Promise<LessonView> {
      const before = await own(authorId, id);
      if (before.status === "rejected") throw new DomainError("lesson-cancel-rejected");
      const r = await db.openLesson.updateMany({
        where: { id, status: { in: ["pending", "approved"] } },
        data: { status: "cancelled", sequence: { increment: 1 } },
      });
      if (!r.count) throw new DomainError("lesson-closed");
      await tasks.cancel(lessonKey(id));
      await outbox.cancelByPrefix(`${lessonKey(id)}remind`);
      if (before.status === "approved") {
        // the file that takes it out of a guest's phone calendar
        const buttons = [[{ key: "calendar-remove-button", data: lessonCalendar.pack({ id }) }]];
        await outbox.notify(await notices(await guests(id), "lesson-notice-cancelled", before, "cancelled", { buttons }));
      }
      return load(id);
    },

    /** Approved lessons still ahead, soonest first; optionally of one subject and grade. */
    async upcoming(filter: { subjectId?: number; grade?: string }, page: number, size: number): Promise<{ items: LessonView[]; total: number }> {
      const where: Prisma.OpenLessonWhereInput = {
        status: "approved",
        startsAt: { gt: clock.now() },
        ...(filter.subjectId ? { subjectId: filter.subjectId } : {}),
        ...(filter.grade ? { grade: filter.grade } : {}),
      };
      return paged(where, [{ startsAt: "asc" }, { id: "asc" }], page, size);
    },

    /** The author's own lessons, newest first, a page at a time. */
    async mine(authorId: number, page: number, size: number): Promise<{ items: LessonView[]; total: number }> {
      return paged({ authorId }, [{ startsAt: "desc" }, { id: "desc" }], page, size);
    },

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
      if (!(await service.release(userId, lessonId))) throw new DomainError("lesson-not-going");
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

    /** Only a guest who signed up may rate, after the lesson ended and for FEEDBACK_DAYS days. */
    async checkCanRate(userId: number, lessonId: number): Promise<LessonView> {
      const l = await load(lessonId);
      if (l.status !== "approved" || !(await service.isGoing(userId, lessonId))) throw new DomainError("lesson-rate-not-guest");
      const now = clock.now().getTime();
      const end = endOf(l).getTime();
      if (now < end) throw new DomainError("lesson-rate-too-early");
      if (now > end + FEEDBACK_DAYS * DAY) throw new DomainError("lesson-rate-closed", { days: FEEDBACK_DAYS });
      return l;
    },

    /** One feedback per guest; giving it again changes it. */
    async rate(userId: number, lessonId: number, input: FeedbackInput): Promise<void> {
      await service.checkCanRate(userId, lessonId);
      const data = {
        goalClarity: validateScore(input.goalClarity),
        methodUse: validateScore(input.methodUse),
        pupilActivity: validateScore(input.pupilActivity),
        comment: input.comment ? validateComment(input.comment) : null,
      };
      await db.lessonFeedback.upsert({
        where: { lessonId_userId: { lessonId, userId } },
        create: { lessonId, userId, ...data, createdAt: clock.now() },
        update: data,
      });
    },

    async feedbackOf(userId: number, lessonId: number) {
      return db.lessonFeedback.findUnique({ where: { lessonId_userId: { lessonId, userId } } });
    },

    /** Past lessons ranked by the Bayesian average of their ratings (see rating.ts). */
    async best(subjectId: number | null, limit = 10): Promise<(LessonView & { ranked: number })[]> {
      // one grouped query over the feedback of past lessons, however many lessons there are
      const s = await stats({ lesson: { status: "approved", startsAt: { lt: clock.now() }, ...(subjectId ? { subjectId } : {}) } }, MIN_RATINGS);
      const ranked = [...s.entries()]
        .map(([id, x]) => ({ id, ranked: bayesianAverage(x.sum, x.count) }))
        .sort((a, b) => b.ranked - a.ranked || a.id - b.id)
        .slice(0, limit);
      const full = await views(await db.openLesson.findMany({ where: { id: { in: ranked.map((r) => r.id) } }, include }));
      const byId = new Map(full.map((l) => [l.id, l]));
      return ranked.map((r) => ({ ...byId.get(r.id)!, ranked: r.ranked }));
    },

    /** The author's summary: averages per criterion and the comments. */
    async summary(lessonId: number) {
      const rows = await db.lessonFeedback.findMany({ where: { lessonId }, orderBy: { id: "asc" } });
      const avg = (k: keyof Scores) => (rows.length ? rows.reduce((s, r) => s + r[k], 0) / rows.length : 0);
      return {
        count: rows.length,
        goalClarity: avg("goalClarity"),
        methodUse: avg("methodUse"),
        pupilActivity: avg("pupilActivity"),
        overall: rows.length ? rows.reduce((s, r) => s + feedbackScore(r), 0) / rows.length : 0,
        comments: rows.map((r) => r.comment).filter((c): c is string => !!c),
      };
    },

    guests,
  };

  tasks.handle(REMINDER_KIND, async ({ payload, late }) => {
    const l = await load(Number(payload.lessonId)).catch(() => null);
    if (l?.status !== "approved") return [];
    const which = payload.which === "day" ? "day" : "hour";
    // the sequence in the key: a lesson moved after a reminder went out is reminded of again
    return notices([l.authorId, ...(await guests(l.id))], `lesson-reminder-${which}`, l, `remind-${which}-${l.sequence}`, {
      buttons: cardButton(l),
      vars: { late: late ? "yes" : "no" },
    });
  });

  tasks.handle(REVIEW_EXPIRED_KIND, async ({ payload, now }) => {
    const l = await load(Number(payload.lessonId)).catch(() => null);
    // approved, rejected or cancelled meanwhile, or moved later (the task moved too): nothing to say
    if (!l || lessonState(l, now.getTime()) !== "expired") return [];
    return notices([l.authorId], "lesson-notice-expired", l, "review-expired", { buttons: [[{ key: "lesson-offer-button", data: LESSON_OFFER }]] });
  });

  tasks.handle(FEEDBACK_REQUEST_KIND, async ({ payload }) => {
    const l = await load(Number(payload.lessonId)).catch(() => null);
    if (l?.status !== "approved") return [];
    return notices(await guests(l.id), "lesson-feedback-request", l, "rate", {
      vars: { days: FEEDBACK_DAYS },
      buttons: [[{ key: "lesson-rate-button", data: lessonRate.pack({ id: l.id }) }]],
    });
  });

  tasks.handle(SUMMARY_KIND, async ({ payload }) => {
    const l = await load(Number(payload.lessonId)).catch(() => null);
    if (l?.status !== "approved") return [];
    const s = await service.summary(l.id);
    // a lesson nobody signed up for needs no summary
    if (!s.count && !(await guests(l.id)).length) return [];
    const f = (x: number) => formatRating(x);
    return notices([l.authorId], s.count ? "lesson-summary" : "lesson-summary-empty", l, "summary", {
      // the ratings are in: the certificate of the lesson (domain/documents) is hers from now on
      buttons: [[{ key: "documents-certificate-button", data: certificateData.pack({ kind: "lesson", id: l.id, lang: "" }) }]],
      vars: {
        count: s.count,
        goal: f(s.goalClarity),
        method: f(s.methodUse),
        activity: f(s.pupilActivity),
        overall: f(s.overall),
        comments: s.comments.map((c) => `— ${c}`).join("\n") || "—",
      },
    });
  });

  deps.users.onErase(async (userId) => {
    // an author who erases her data cancels her lessons still ahead: the guests are told
    const ahead = await db.openLesson.findMany({
      where: { authorId: userId, status: { in: ["pending", "approved"] }, startsAt: { gt: clock.now() } },
      select: { id: true },
    });
    for (const l of ahead) await service.cancel(userId, l.id);
    const visits = await db.lessonVisit.findMany({ where: { userId, status: "going" }, select: { lessonId: true } });
    for (const v of visits) await service.release(userId, v.lessonId);
  });

  return service;
}

export type LessonService = ReturnType<typeof createLessonService>;

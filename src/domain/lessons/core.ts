// What the lesson modules share: loading a lesson as plain data, who reviews whose lessons, the
// author's open-for-changes checks, the reminders' schedule and the notices about a lesson. The modules
// (authoring, moderation, visibility, visits, feedback, reminders) are built on it by service.ts.
import type { Db } from "../../db/client.js";
import type { Prisma } from "../../generated/sqlite/client.js";
import type { Translator } from "../../i18n.js";
import type { Clock } from "../clock.js";
import { DomainError } from "../errors.js";
import type { Notice, NoticeButton, Outbox } from "../outbox.js";
import type { Tasks } from "../tasks.js";
import { isScoped, reachesDistrict, scopeOf, usersInScope, type Scope } from "../scope.js";
import type { User, UserService } from "../users.js";
import { isMethodistRole } from "../users.js";
import { lessonVars } from "./format.js";
import { createLessonGuestNews } from "./guest-news.js";
import { FEEDBACK_DAYS } from "./rating.js";
import { FEEDBACK_REQUEST_KIND, lessonKey, type LessonView, REMINDER_KIND, REVIEW_EXPIRED_KIND, SUMMARY_KIND } from "./types.js";

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** when reminders go out, before the start */
const REMINDERS = { day: DAY, hour: HOUR } as const;

const include = { author: { select: { fullName: true } }, subject: true, school: { select: { name: true } } } satisfies Prisma.OpenLessonInclude;
type Row = Prisma.OpenLessonGetPayload<{ include: typeof include }>;

const reviewExpiryKey = (id: number) => `${lessonKey(id)}review-expiry`;

export interface LessonDeps {
  clock: Clock;
  outbox: Outbox;
  tasks: Tasks;
  users: UserService;
  t: Translator;
  zone: string;
}

export function createLessonCore(db: Db, deps: LessonDeps) {
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
  const cardButton = (l: LessonView): NoticeButton[][] => [[{ key: "lesson-open-card", action: { do: "lesson-card", id: l.id } }]];

  /**
   * Nobody moderates her own work: a lesson offered by a methodist (or an admin) skips the queue and is
   * approved at once, by her, as if she had approved it.
   */
  const selfApproved = (authorId: number, now: Date) => ({ status: "approved" as const, moderatedById: authorId, moderatedAt: now });
  /** Methodists other than the author who review her lessons (see reviewers) are asked to review one waiting for them. */
  async function askReview(l: LessonView, tag: string): Promise<void> {
    await watchReview(l);
    const methodists = await reviewers(l.authorId);
    await outbox.notify(
      await notices(methodists, "lesson-notice-submitted", l, tag, { buttons: [[{ key: "lesson-queue-open", action: { do: "lesson-queue" } }]] }),
    );
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
  const guestNews = createLessonGuestNews(db, { tasks, clock, t: deps.t, zone, load: (id) => load(id).catch(() => null), keyPrefix: lessonKey });

  return {
    db,
    deps,
    include,
    endOf,
    stats,
    views,
    load,
    paged,
    own,
    staff,
    reviewedBy,
    authorDistrict,
    reviewers,
    editOpen,
    notPending,
    guests,
    scheduleFor,
    notices,
    cardButton,
    selfApproved,
    askReview,
    watchReview,
    wasPublished,
    guestNews,
    reviewExpiryKey,
  };
}

export type LessonCore = ReturnType<typeof createLessonCore>;

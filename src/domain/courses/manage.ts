// What methodists do with a course: create (teachers of its subjects are told), edit (reminders
// follow the dates, more seats go to the waiting list), close, cancel, participants, completion.
import type { Db } from "../../db/client.js";
import type { Course, CourseStatus, RegistrationStatus } from "../../generated/sqlite/client.js";
import type { Clock } from "../clock.js";
import { DomainError } from "../errors.js";
import type { Notice, Outbox } from "../outbox.js";
import type { Tasks } from "../tasks.js";
import { scopeOf, usersInScope, visibleInDistrict, type Scope } from "../scope.js";
import { formatDate, formatDateTime } from "../time.js";
import type { User } from "../users.js";
import { isMethodistRole } from "../users.js";
import type { CourseInfo, Participant } from "./types.js";
import type { createCourseFinishing } from "./finish.js";
import type { createCourseReminders } from "./reminders.js";
import { offerTaskKey, type Seats } from "./seats.js";
import { checkDraft, venueOf, type CourseDraft } from "./validate.js";

const ACTIVE: RegistrationStatus[] = ["registered", "waiting", "offered"];

/**
 * What a methodist may do with a course. Staff of the whole deployment (admins, methodists of all
 * districts) manage every course. A district's methodist manages her district's courses; she sees the
 * courses for everyone (the region's institute courses) with the participants from her district, but
 * only the whole deployment's staff change them; another district's courses are not hers at all.
 */
export type CourseAccess = "manage" | "view";

export function courseAccess(scope: Scope, course: Pick<Course, "districtId">): CourseAccess | null {
  if (scope.districtId === null || course.districtId === scope.districtId) return "manage";
  return course.districtId === null ? "view" : null;
}

export interface ManagementDeps {
  clock: Clock;
  outbox: Outbox;
  tasks: Tasks;
  zone: string;
  seats: Seats;
  reminders: ReturnType<typeof createCourseReminders>;
  finishing: ReturnType<typeof createCourseFinishing>;
  get: (id: number) => Promise<CourseInfo>;
}

export function createCourseManagement(db: Db, { clock, outbox, tasks, zone, seats, reminders, finishing, get: courseOrThrow }: ManagementDeps) {
  function staffOnly(actor: Pick<User, "role">) {
    if (!isMethodistRole(actor.role)) throw new DomainError("forbidden");
  }

  /** The actor's access to the course; refuses another district's course (a stale button). */
  function accessTo(actor: Pick<User, "role" | "districtId">, course: Pick<Course, "districtId">): CourseAccess {
    staffOnly(actor);
    const access = courseAccess(scopeOf(actor), course);
    if (!access) throw new DomainError("course-other-district");
    return access;
  }

  /** Refuses a change by a district's methodist to a course she only sees. */
  function ensureManages(actor: Pick<User, "role" | "districtId">, course: Pick<Course, "districtId">): void {
    if (accessTo(actor, course) !== "manage") throw new DomainError("course-regional-read-only");
  }

  async function tellTeachersAbout(course: CourseInfo): Promise<number> {
    const teachers = await db.user.findMany({
      where: {
        registeredAt: { not: null },
        notifyNewCourses: true,
        id: course.createdById ? { not: course.createdById } : undefined,
        subjects: { some: { subjectId: { in: course.subjects.map((s) => s.id) } } },
        // a district's course: only that district's teachers
        ...usersInScope({ districtId: course.districtId }),
      },
      select: { id: true, language: true },
    });
    return outbox.notify(
      teachers.map(
        (u): Notice => ({
          userId: u.id,
          key: "course-new-notice",
          vars: {
            title: course.title,
            provider: course.provider,
            start: formatDate(course.startDate, u.language, zone),
            // "until 20 December, 18:00": the day alone would let her miss a deadline in the afternoon
            deadline: formatDateTime(course.registrationDeadline, u.language, zone),
          },
          buttons: [[{ key: "course-open-button", action: { do: "course-card", id: course.id } }]],
          dedupeKey: `course-new:${course.id}:${u.id}`,
          groupId: `course-new:${course.id}`,
          priority: "bulk",
        }),
      ),
    );
  }

  async function tellParticipants(
    courseId: number,
    statuses: RegistrationStatus[],
    key: string,
    vars: Record<string, string | number>,
    tag: string,
    except: number[] = [],
  ) {
    const regs = await db.courseRegistration.findMany({ where: { courseId, status: { in: statuses }, userId: { notIn: except } }, select: { userId: true } });
    await outbox.notify(regs.map((r) => ({ userId: r.userId, key, vars, dedupeKey: `course-${tag}:${courseId}:${r.userId}` })));
  }

  return {
    async create(actor: User, draft: CourseDraft): Promise<CourseInfo> {
      staffOnly(actor);
      const now = clock.now();
      checkDraft(draft, zone);
      const { subjectIds, ...fields } = draft;
      const created = await db.course.create({
        // a district's methodist creates her district's course (the seats it contracted); others, one for everyone
        data: {
          ...fields,
          place: venueOf(draft),
          districtId: scopeOf(actor).districtId,
          createdById: actor.id,
          createdAt: now,
          updatedAt: now,
          subjects: { create: [...new Set(subjectIds)].map((subjectId) => ({ subjectId })) },
        },
      });
      const course = await courseOrThrow(created.id);
      await reminders.schedule(course, now);
      await finishing.schedule(course);
      await tellTeachersAbout(course);
      return course;
    },

    async update(actor: User, courseId: number, change: Partial<CourseDraft>): Promise<CourseInfo> {
      staffOnly(actor);
      const now = clock.now();
      const before = await courseOrThrow(courseId);
      ensureManages(actor, before);
      if (before.status === "cancelled" || before.status === "finished") throw new DomainError("course-not-editable");
      const draft: CourseDraft = { ...before, subjectIds: before.subjects.map((s) => s.id), ...change };
      checkDraft(draft, zone);
      // a new format or place: an online course needs a working link (an untouched one stays as it was)
      const venue = change.format !== undefined || change.place !== undefined ? { place: venueOf(draft) } : {};
      if (change.seats !== undefined) {
        // fewer seats than people already holding one is refused in the same statement that sets them
        const n = await db.$executeRaw`UPDATE courses SET seats = ${change.seats} WHERE id = ${courseId} AND seats_taken <= ${change.seats}`;
        if (n !== 1) throw new DomainError("course-seats-below-taken", { taken: before.seatsTaken });
      }
      const { subjectIds, seats: _seats, ...fields } = change;
      await db.course.update({
        where: { id: courseId },
        // the clock's time: the calendar file's SEQUENCE is derived from it
        data: {
          ...fields,
          ...venue,
          updatedAt: now,
          ...(subjectIds ? { subjects: { deleteMany: {}, create: [...new Set(subjectIds)].map((subjectId) => ({ subjectId })) } } : {}),
        },
      });
      const after = await courseOrThrow(courseId);
      if (change.seats !== undefined && change.seats > before.seats) await seats.fill(courseId);
      const moved = after.startDate.getTime() !== before.startDate.getTime() || after.endDate.getTime() !== before.endDate.getTime();
      let toldOfOffer: number[] = [];
      if (moved) {
        await reminders.schedule(after, now);
        await finishing.schedule(after);
        if (after.startDate.getTime() !== before.startDate.getTime()) toldOfOffer = await seats.fitOffers(courseId);
      }
      if (moved || after.place !== before.place) {
        await tellParticipants(
          courseId,
          ["registered", "offered"],
          "course-changed-notice",
          { title: after.title },
          `changed:${after.updatedAt.getTime()}`,
          toldOfOffer,
        );
      }
      return after;
    },

    /** No more sign-ups; those registered and waiting stay. */
    async close(actor: User, courseId: number): Promise<void> {
      staffOnly(actor);
      const course = await db.course.findUnique({ where: { id: courseId }, select: { districtId: true } });
      if (course) ensureManages(actor, course);
      const r = await db.course.updateMany({ where: { id: courseId, status: "open" }, data: { status: "closed", updatedAt: clock.now() } });
      if (r.count !== 1) throw new DomainError("course-not-open");
    },

    /** The course will not take place: everyone signed up is told, their registrations end. */
    async cancel(actor: User, courseId: number): Promise<number> {
      staffOnly(actor);
      const course = await courseOrThrow(courseId);
      ensureManages(actor, course);
      const r = await db.course.updateMany({
        where: { id: courseId, status: { in: ["open", "closed"] } },
        data: { status: "cancelled", updatedAt: clock.now() },
      });
      if (r.count !== 1) throw new DomainError("course-not-editable");
      const regs = await db.courseRegistration.findMany({ where: { courseId, status: { in: ACTIVE } }, select: { id: true, userId: true } });
      await db.courseRegistration.updateMany({ where: { courseId, status: { in: ACTIVE } }, data: { status: "cancelled", cancelledAt: clock.now() } });
      for (const reg of regs) await tasks.cancel(offerTaskKey(reg.id));
      await reminders.cancel(courseId);
      await finishing.cancel(courseId);
      await outbox.notify(
        regs.map((reg) => ({
          userId: reg.userId,
          key: "course-cancelled-notice",
          vars: { title: course.title },
          // the file that takes it out of her phone's calendar
          buttons: [[{ key: "calendar-remove-button", action: { do: "course-calendar", id: courseId } }]],
          dedupeKey: `course-cancelled:${courseId}:${reg.userId}`,
          groupId: `course-cancelled:${courseId}`,
        })),
      );
      return regs.length;
    },

    /** What the actor may do with the course (for the panel's buttons); refuses another district's course. */
    async access(actor: User, courseId: number): Promise<CourseAccess> {
      return accessTo(actor, await courseOrThrow(courseId));
    },

    /** Refuses (before a flow starts) a course the actor may not change. */
    async ensureManageable(actor: User, courseId: number): Promise<void> {
      ensureManages(actor, await courseOrThrow(courseId));
    },

    /**
     * Courses for the methodists' list: the running ones (open or closed registration) by start,
     * then the finished ones, the latest first (their participants are still marked as completed).
     * A district's methodist lists her district's courses and those for everyone.
     */
    async adminList(actor: User, page: number, pageSize: number): Promise<{ items: (Course & { districtName: string | null })[]; total: number }> {
      staffOnly(actor);
      const scope = scopeOf(actor);
      const mine = scope.districtId === null ? {} : visibleInDistrict(scope.districtId);
      const running = { status: { in: ["open", "closed"] as CourseStatus[] }, ...mine };
      const finished = { status: "finished" as CourseStatus, ...mine };
      const district = { district: { select: { name: true } } };
      const [runningCount, finishedCount] = await Promise.all([db.course.count({ where: running }), db.course.count({ where: finished })]);
      const from = page * pageSize;
      const rows =
        from < runningCount
          ? await db.course.findMany({ where: running, include: district, orderBy: [{ startDate: "asc" }, { id: "asc" }], skip: from, take: pageSize })
          : [];
      if (rows.length < pageSize) {
        const skip = Math.max(0, from - runningCount);
        rows.push(
          ...(await db.course.findMany({
            where: finished,
            include: district,
            orderBy: [{ startDate: "desc" }, { id: "desc" }],
            skip,
            take: pageSize - rows.length,
          })),
        );
      }
      return { items: rows.map(({ district: d, ...c }) => ({ ...c, districtName: d?.name ?? null })), total: runningCount + finishedCount };
    },

    /**
     * Everyone whose registration counts, in waiting-list order; subject names in `language`. A district's
     * methodist looking at a course for everyone sees the participants from her district (positions in
     * the waiting list stay the course's own).
     */
    async participants(actor: User, courseId: number, language: string): Promise<Participant[]> {
      staffOnly(actor);
      const course = await db.course.findUnique({ where: { id: courseId }, select: { districtId: true } });
      const access = course ? accessTo(actor, course) : "manage";
      const regs = await db.courseRegistration.findMany({
        where: { courseId, status: { in: ["registered", "offered", "waiting", "completed"] } },
        include: {
          user: {
            select: {
              fullName: true,
              school: { select: { name: true, cluster: true, districtId: true } },
              subjects: { select: { subject: { select: { nameRu: true, nameEn: true, sortOrder: true } } } },
            },
          },
        },
        orderBy: [{ queuedAt: "asc" }, { id: "asc" }],
      });
      const { districtId } = scopeOf(actor);
      let waiting = 0;
      return regs.flatMap((r) => {
        const position = r.status === "waiting" ? ++waiting : null;
        if (access === "view" && r.user.school?.districtId !== districtId) return [];
        return [
          {
            id: r.id,
            userId: r.userId,
            status: r.status,
            name: r.user.fullName ?? "—",
            school: r.user.school?.name ?? "—",
            cluster: r.user.school?.cluster ?? "",
            subjects: r.user.subjects
              .map((s) => s.subject)
              .sort((a, b) => a.sortOrder - b.sortOrder)
              .map((s) => (language === "en" ? s.nameEn : s.nameRu)),
            position,
            queuedAt: r.queuedAt,
            completedAt: r.completedAt,
          },
        ];
      });
    },

    /** Marks completion for one registration, or for everyone registered (`registrationId` null). */
    async complete(actor: User, courseId: number, registrationId: number | null): Promise<number> {
      staffOnly(actor);
      const course = await courseOrThrow(courseId);
      ensureManages(actor, course);
      const now = clock.now();
      if (course.status === "cancelled") throw new DomainError("course-is-cancelled");
      if (course.startDate > now) throw new DomainError("course-not-started");
      const r = await db.courseRegistration.updateMany({
        where: { courseId, status: "registered", ...(registrationId !== null ? { id: registrationId } : {}) },
        data: { status: "completed", completedAt: now },
      });
      if (registrationId !== null && r.count !== 1) throw new DomainError("course-not-registered");
      return r.count;
    },
  };
}

// Courses (курсы ПК): the catalog, sign-up with seats and a waiting list, offers of freed seats,
// reminders; what methodists do is in manage.ts.
import type { Db, DbProvider } from "../../db/client.js";
import type { Clock } from "../clock.js";
import { DomainError } from "../errors.js";
import { visibleInDistrict } from "../scope.js";
import type { Outbox } from "../outbox.js";
import type { Tasks } from "../tasks.js";
import { createCourseManagement } from "./manage.js";
import { createCourseFinishing } from "./finish.js";
import { createCourseReminders, nextReminder } from "./reminders.js";
import { createCourseSeats, OFFER_TASK, offerTaskKey } from "./seats.js";
import type { Course, CourseInfo, CourseRegistration, MyRegistration, RegistrationStatus, SignUpResult } from "./types.js";

export interface CourseServiceDeps {
  provider: DbProvider;
  clock: Clock;
  outbox: Outbox;
  tasks: Tasks;
  zone: string;
  offerHours: number;
}

const ACTIVE: RegistrationStatus[] = ["registered", "waiting", "offered"];
const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === "P2002";

export function createCourseService(db: Db, deps: CourseServiceDeps) {
  const { clock, outbox, tasks, zone } = deps;
  const seats = createCourseSeats({
    db,
    provider: deps.provider,
    clock,
    outbox,
    tasks,
    offerHours: deps.offerHours,
    zone,
  });
  const reminders = createCourseReminders(db, tasks, zone);
  const finishing = createCourseFinishing(db, tasks, zone);

  async function courseOrThrow(id: number): Promise<CourseInfo> {
    const c = await db.course.findUnique({ where: { id }, include: { subjects: { include: { subject: true } }, district: { select: { name: true } } } });
    if (!c) throw new DomainError("course-not-found");
    const { subjects, district, ...course } = c;
    return {
      ...course,
      districtName: district?.name ?? null,
      subjects: subjects
        .map((s) => s.subject)
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((s) => ({ id: s.id, nameRu: s.nameRu, nameEn: s.nameEn })),
    };
  }

  /** The district of a teacher's school (null: none, or no school): which district courses she sees. */
  async function districtOfTeacher(userId: number): Promise<number | null> {
    const u = await db.user.findUnique({ where: { id: userId }, select: { school: { select: { districtId: true } } } });
    return u?.school?.districtId ?? null;
  }

  /** A district course is for that district's teachers only: others are refused (a stale or forged button). */
  async function ensureForTeacher(userId: number, course: Pick<Course, "districtId">): Promise<void> {
    if (course.districtId !== null && course.districtId !== (await districtOfTeacher(userId))) throw new DomainError("course-not-for-your-district");
  }

  /** Someone's registration; refuses other people's. */
  async function ownRegistration(userId: number, registrationId: number) {
    const reg = await db.courseRegistration.findUnique({ where: { id: registrationId }, include: { course: true } });
    if (!reg || reg.userId !== userId) throw new DomainError("course-registration-not-found");
    return reg;
  }

  /** An offer whose time ran out: the seat goes to the next. True when this call expired it. */
  async function expireOffer(registrationId: number): Promise<boolean> {
    const now = clock.now();
    const reg = await db.courseRegistration.findUnique({ where: { id: registrationId } });
    if (!reg) return false;
    const r = await db.courseRegistration.updateMany({
      where: { id: registrationId, status: "offered", offerExpiresAt: { lte: now } },
      data: { status: "expired" },
    });
    if (r.count !== 1) return false;
    await seats.pass(reg.courseId);
    return true;
  }

  tasks.handle(OFFER_TASK, async ({ payload }) => {
    const id = Number(payload.registrationId);
    if (!(await expireOffer(id))) return [];
    const reg = await db.courseRegistration.findUnique({ where: { id }, include: { course: true } });
    if (!reg) return [];
    return [
      {
        userId: reg.userId,
        key: "course-offer-expired-notice",
        vars: { title: reg.course.title },
        dedupeKey: `course-offer-expired:${id}:${reg.offeredAt?.getTime() ?? 0}`,
      },
    ];
  });

  const service = {
    seats,
    get: courseOrThrow,

    /**
     * Open courses whose deadline has not passed, those for everyone and those of her school's district:
     * the teacher's subjects first, then by start.
     */
    async catalog(userId: number, page: number, pageSize: number): Promise<{ items: (CourseInfo & { mine: boolean })[]; total: number }> {
      const now = clock.now();
      const mySubjects = new Set((await db.teacherSubject.findMany({ where: { userId }, select: { subjectId: true } })).map((s) => s.subjectId));
      const rows = await db.course.findMany({
        where: { status: "open", registrationDeadline: { gt: now }, ...visibleInDistrict(await districtOfTeacher(userId)) },
        include: { subjects: { include: { subject: true } }, district: { select: { name: true } } },
        orderBy: [{ startDate: "asc" }, { id: "asc" }],
      });
      const all = rows
        .map(({ subjects, district, ...c }) => ({
          ...c,
          districtName: district?.name ?? null,
          subjects: subjects.map((s) => ({ id: s.subject.id, nameRu: s.subject.nameRu, nameEn: s.subject.nameEn })),
          mine: subjects.some((s) => mySubjects.has(s.subjectId)),
        }))
        .sort((a, b) => Number(b.mine) - Number(a.mine));
      return { items: all.slice(page * pageSize, (page + 1) * pageSize), total: all.length };
    },

    /**
     * A course as a teacher opens it (its card, its calendar file): one for everyone, one of her school's
     * district, or one she is (or was) on; another district's course is refused.
     */
    async forTeacher(userId: number, courseId: number): Promise<CourseInfo> {
      const course = await courseOrThrow(courseId);
      if (course.districtId === null) return course;
      const reg = await db.courseRegistration.findUnique({ where: { courseId_userId: { courseId, userId } }, select: { status: true } });
      if (reg && [...ACTIVE, "completed"].includes(reg.status)) return course;
      await ensureForTeacher(userId, course);
      return course;
    },

    /** How many wait in each course's queue (courses with nobody waiting are absent). */
    async waitingCounts(courseIds: number[]): Promise<Map<number, number>> {
      if (!courseIds.length) return new Map();
      const groups = await db.courseRegistration.groupBy({
        by: ["courseId"],
        where: { courseId: { in: courseIds }, status: "waiting" },
        _count: { _all: true },
      });
      return new Map(groups.map((g) => [g.courseId, g._count._all]));
    },

    /** The teacher's registration for a course, if any (for the card). */
    registrationOf(userId: number, courseId: number): Promise<CourseRegistration | null> {
      return db.courseRegistration.findUnique({ where: { courseId_userId: { courseId, userId } } });
    },

    async signUp(userId: number, courseId: number): Promise<SignUpResult> {
      const now = clock.now();
      const course = await courseOrThrow(courseId);
      await ensureForTeacher(userId, course);
      if (course.status === "cancelled") throw new DomainError("course-is-cancelled");
      if (course.status !== "open") throw new DomainError("course-closed");
      if (course.registrationDeadline <= now) throw new DomainError("course-deadline-passed");
      const existing = await db.courseRegistration.findUnique({ where: { courseId_userId: { courseId, userId } } });
      if (existing && [...ACTIVE, "completed"].includes(existing.status)) throw new DomainError("course-already-signed-up");

      const data = (status: RegistrationStatus) => ({ status, queuedAt: now, offeredAt: null, offerExpiresAt: null, cancelledAt: null, completedAt: null });
      /** a seat if one is free, then the row (new, or the old one reused after a cancellation) */
      const write = async (client: Db): Promise<{ seated: boolean; regId: number | null }> => {
        const seated =
          (await client.$executeRaw`UPDATE courses SET seats_taken = seats_taken + 1
          WHERE id = ${courseId} AND status = 'open' AND seats_taken < seats`) === 1;
        const status: RegistrationStatus = seated ? "registered" : "waiting";
        if (existing) {
          // signing up again after cancelling (or a passed-on offer): the back of the queue
          const r = await client.courseRegistration.updateMany({
            where: { id: existing.id, status: { in: ["cancelled", "declined", "expired"] } },
            data: data(status),
          });
          return { seated, regId: r.count === 1 ? existing.id : null };
        }
        try {
          return { seated, regId: (await client.courseRegistration.create({ data: { courseId, userId, ...data(status), createdAt: now } })).id };
        } catch (e) {
          if (isUniqueViolation(e)) return { seated, regId: null };
          throw e;
        }
      };
      // the course held (seats.exclusive): sign-ups one at a time, so the queue order (row ids) is the
      // order of the answers and each position told is exact; and a seat released meanwhile is either
      // already back (she takes it) or offered after her row is written (she may be the first waiting)
      let w: { seated: boolean; regId: number | null };
      try {
        w = await seats.exclusive(courseId, async (client) => {
          const w = await write(client);
          // PostgreSQL: a duplicate rolls the seat back with the row
          if (w.regId === null && deps.provider === "postgresql") throw new DomainError("course-already-signed-up");
          return w;
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw new DomainError("course-already-signed-up");
        throw e;
      }
      const { seated, regId } = w;
      if (regId === null) {
        // SQLite: the same person pressed twice at once, the other press won; give back the seat this one took
        if (seated) await seats.pass(courseId);
        throw new DomainError("course-already-signed-up");
      }
      if (seated) return { status: "registered", reminder: nextReminder(course.startDate, zone, now) };
      return { status: "waiting", position: await seats.position({ id: regId, courseId, queuedAt: now }) };
    },

    /** Her registrations, the latest course first, a page at a time, and how many there are. */
    async myRegistrations(userId: number, page: number, pageSize: number): Promise<{ items: MyRegistration[]; total: number }> {
      const [regs, total] = await Promise.all([
        db.courseRegistration.findMany({
          where: { userId },
          include: { course: true },
          orderBy: [{ course: { startDate: "desc" } }, { id: "desc" }],
          skip: page * pageSize,
          take: pageSize,
        }),
        db.courseRegistration.count({ where: { userId } }),
      ]);
      const items: MyRegistration[] = [];
      for (const r of regs) items.push({ ...r, position: r.status === "waiting" ? await seats.position(r) : null });
      return { items, total };
    },

    async registration(userId: number, registrationId: number): Promise<MyRegistration> {
      const r = await ownRegistration(userId, registrationId);
      return { ...r, position: r.status === "waiting" ? await seats.position(r) : null };
    },

    /** The teacher leaves a course (or its waiting list); a held seat passes to the next. */
    async cancelRegistration(userId: number, registrationId: number): Promise<void> {
      const reg = await ownRegistration(userId, registrationId);
      if (reg.status === "completed") throw new DomainError("course-cancel-completed");
      if (!ACTIVE.includes(reg.status)) throw new DomainError("course-already-cancelled");
      const now = clock.now();
      // once it has begun, her place is what the methodist marks as completed: not to be dropped here
      if (reg.course.startDate <= now || reg.course.status === "finished") throw new DomainError("course-cancel-started");
      const r = await db.courseRegistration.updateMany({ where: { id: reg.id, status: reg.status }, data: { status: "cancelled", cancelledAt: now } });
      if (r.count !== 1) throw new DomainError("course-registration-changed");
      if (reg.status === "offered") await tasks.cancel(offerTaskKey(reg.id));
      if (reg.status !== "waiting") await seats.pass(reg.courseId);
    },

    async acceptOffer(userId: number, registrationId: number): Promise<Course> {
      const reg = await ownRegistration(userId, registrationId);
      const now = clock.now();
      const r = await db.courseRegistration.updateMany({
        where: { id: reg.id, status: "offered", offerExpiresAt: { gt: now } },
        data: { status: "registered", offerExpiresAt: null },
      });
      if (r.count === 1) {
        await tasks.cancel(offerTaskKey(reg.id));
        return reg.course;
      }
      // why not: read again (a concurrent press may have just changed it)
      const fresh = (await db.courseRegistration.findUnique({ where: { id: reg.id } })) ?? reg;
      if (fresh.status === "registered") throw new DomainError("course-offer-already-accepted");
      if (fresh.status === "offered" || fresh.status === "expired") {
        await expireOffer(reg.id); // its time ran out: pass the seat on now, not at the next tick
        throw new DomainError("course-offer-expired");
      }
      throw new DomainError("course-offer-gone");
    },

    async declineOffer(userId: number, registrationId: number): Promise<void> {
      const reg = await ownRegistration(userId, registrationId);
      const r = await db.courseRegistration.updateMany({ where: { id: reg.id, status: "offered" }, data: { status: "declined" } });
      if (r.count !== 1) {
        const fresh = await db.courseRegistration.findUnique({ where: { id: reg.id } });
        throw new DomainError(fresh?.status === "expired" ? "course-offer-expired" : "course-offer-gone");
      }
      await tasks.cancel(offerTaskKey(reg.id));
      await seats.pass(reg.courseId);
    },

    ...createCourseManagement(db, { clock, outbox, tasks, zone, seats, reminders, finishing, get: courseOrThrow }),

    /** Seats a user holds are released before their data is erased. */
    async releaseAllOf(userId: number): Promise<void> {
      const regs = await db.courseRegistration.findMany({ where: { userId, status: { in: ["registered", "offered"] } } });
      for (const reg of regs) {
        const r = await db.courseRegistration.updateMany({
          where: { id: reg.id, status: reg.status },
          data: { status: "cancelled", cancelledAt: clock.now() },
        });
        if (r.count === 1) await seats.pass(reg.courseId);
      }
    },
  };
  return service;
}

export type CourseService = ReturnType<typeof createCourseService>;

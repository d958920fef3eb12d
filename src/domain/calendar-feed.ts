// A person's private calendar feed: one unguessable link (<PUBLIC_URL>/calendar/feed/<token>.ics) that her
// phone's calendar subscribes to and fetches again and again, so a moved meeting moves and a cancelled one
// is struck out there too. It holds her meetings (invited to and not declined, or made by her), her courses
// (signed up, offered a seat, completed; a cancelled course stays, cancelled) and her open lessons (signed
// up for, or given by her), from two months back. Tokens are 32 random bytes shown to her once; only their
// SHA-256 is kept (a copy of the database opens no feed). A new link replaces the old, which stops working.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client.js";
import type { CalendarEvent } from "./calendar.js";
import type { Clock } from "./clock.js";
import { courseEvent } from "./courses/calendar.js";
import { lessonEvent } from "./lessons/calendar.js";
import type { LessonView } from "./lessons/types.js";
import { meetingsForWhere } from "./meetings/audience.js";
import type { MeetingService } from "./meetings/service.js";
import type { User } from "./users.js";

/** events that ended longer ago than this are left out */
export const FEED_HISTORY_DAYS = 60;
/** at most this many of each kind (the soonest, then the latest past) */
const MOST = 200;

const hash = (token: string): string => createHash("sha256").update(token).digest("hex");
/** a token as we issue it: 43 characters of base64url; anything else is not looked up */
const wellFormed = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);

export interface FeedDeps {
  clock: Clock;
  zone: string;
  meetings: Pick<MeetingService, "calendarEvent">;
  lessons: { load(id: number): Promise<LessonView> };
}

/** The event titles that need a translation (plain text: a calendar is not HTML). */
export type FeedT = (key: string, vars?: Record<string, string | number>) => string;

export function createCalendarFeedService(db: Db, deps: FeedDeps) {
  const { clock, zone } = deps;

  return {
    /** A new link for her: the old one (if any) stops working. The token is returned once, never stored. */
    async issue(userId: number): Promise<string> {
      const token = randomBytes(32).toString("base64url");
      const data = { tokenHash: hash(token), createdAt: clock.now(), lastUsedAt: null };
      await db.calendarFeed.upsert({ where: { userId }, create: { userId, ...data }, update: data });
      return token;
    },

    /** Whether she has a link, since when, when a calendar last fetched it. */
    async status(userId: number): Promise<{ createdAt: Date; lastUsedAt: Date | null } | null> {
      return db.calendarFeed.findUnique({ where: { userId }, select: { createdAt: true, lastUsedAt: true } });
    },

    /** Her link stops working; there is none until she makes a new one. */
    async revoke(userId: number): Promise<void> {
      await db.calendarFeed.deleteMany({ where: { userId } });
    },

    /** The person whose link this is (registered, not erased), or null for any other string. */
    async ownerOf(token: string): Promise<User | null> {
      if (!wellFormed(token)) return null;
      const row = await db.calendarFeed.findUnique({ where: { tokenHash: hash(token) }, include: { user: true } });
      if (!row?.user.registeredAt) return null;
      await db.calendarFeed.update({ where: { id: row.id }, data: { lastUsedAt: clock.now() } });
      return row.user;
    },

    /** Her events, soonest first. `locale`: the meetings' kinds; `t`: the lessons' titles. */
    async events(user: Pick<User, "id" | "role" | "schoolId">, locale: string, t: FeedT): Promise<CalendarEvent[]> {
      const now = clock.now();
      const since = new Date(now.getTime() - FEED_HISTORY_DAYS * 24 * 3600_000);
      const me = await db.user.findUnique({
        where: { id: user.id },
        select: { subjects: { select: { subjectId: true } }, school: { select: { districtId: true } } },
      });
      const member = {
        id: user.id,
        role: user.role,
        schoolId: user.schoolId,
        subjectIds: me?.subjects.map((s) => s.subjectId) ?? [],
        districtId: me?.school?.districtId ?? null,
      };
      const [meetings, registrations, visits, authored] = await Promise.all([
        db.meeting.findMany({
          where: { startsAt: { gt: since }, OR: [meetingsForWhere(member), { createdById: user.id }] },
          include: { rsvps: { where: { userId: user.id }, select: { answer: true } } },
          orderBy: [{ startsAt: "asc" }, { id: "asc" }],
          take: MOST,
        }),
        db.courseRegistration.findMany({
          where: {
            userId: user.id,
            course: { endDate: { gt: since } },
            OR: [{ status: { in: ["registered", "offered", "completed"] } }, { status: "cancelled", course: { status: "cancelled" } }],
          },
          include: { course: true },
          orderBy: [{ course: { startDate: "asc" } }],
          take: MOST,
        }),
        db.lessonVisit.findMany({
          where: { userId: user.id, status: "going", lesson: { startsAt: { gt: since }, status: { in: ["approved", "cancelled"] } } },
          select: { lessonId: true },
          take: MOST,
        }),
        db.openLesson.findMany({
          where: { authorId: user.id, startsAt: { gt: since }, status: { in: ["approved", "cancelled"] }, moderatedAt: { not: null } },
          select: { id: true },
          take: MOST,
        }),
      ]);
      const events: CalendarEvent[] = [];
      for (const { rsvps, ...m } of meetings) {
        // one she said she will not come to is not in her calendar (unless it is hers)
        if (rsvps[0]?.answer === "not_going" && m.createdById !== user.id) continue;
        events.push({ ...deps.meetings.calendarEvent(m, locale), lastModified: m.updatedAt });
      }
      for (const r of registrations) events.push(courseEvent(r.course, zone, now));
      for (const id of new Set([...visits.map((v) => v.lessonId), ...authored.map((l) => l.id)])) {
        const l = await deps.lessons.load(id);
        events.push(lessonEvent(l, t("lesson-calendar-title", { topic: l.topic }), now));
      }
      return events.sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
    },
  };
}

export type CalendarFeedService = ReturnType<typeof createCalendarFeedService>;

// Answers: people answer Going / Not going, see their meetings ahead, get a meeting's calendar event.
import type { Meeting, RsvpAnswer, User } from "../../generated/sqlite/client.js";
import type { CalendarEvent } from "../calendar.js";
import { DomainError } from "../errors.js";
import { ownedByScope, scopeOf } from "../scope.js";
import { isMethodistRole } from "../users.js";
import { audienceWhere, meetingsForWhere } from "./audience.js";
import type { MeetingCore } from "./core.js";
import type { MeetingView } from "./types.js";

export function createMeetingAnswers(core: MeetingCore) {
  const { db, view, withLinks, load, loadManaged, concerns, deps } = core;
  const { clock, t } = deps;
  const answers = {
    get: load,

    /**
     * A person answers Going / Not going; allowed until the deadline (or the start). Another district's
     * meeting is not found for her.
     */
    async rsvp(userId: number, id: number, answer: RsvpAnswer): Promise<MeetingView> {
      const m = await load(id);
      if (!(await concerns(userId, m))) throw new DomainError("meeting-not-found");
      const now = clock.now();
      if (m.status === "cancelled") throw new DomainError("meeting-cancelled");
      if (m.startsAt <= now) throw new DomainError("meeting-started");
      if (m.rsvpDeadline && m.rsvpDeadline <= now) throw new DomainError("meeting-rsvp-closed");
      const member = await db.user.count({ where: { AND: [{ id: userId }, audienceWhere(m)] } });
      const answeredBefore = await db.meetingRsvp.count({ where: { meetingId: id, userId } });
      if (!member && !answeredBefore) throw new DomainError("meeting-not-for-you");
      await db.meetingRsvp.upsert({
        where: { meetingId_userId: { meetingId: id, userId } },
        create: { meetingId: id, userId, answer, answeredAt: now, createdAt: now },
        update: { answer, answeredAt: now },
      });
      return m;
    },

    /** A person's answer to a meeting (null: none yet). */
    async answerOf(userId: number, id: number): Promise<RsvpAnswer | null> {
      const r = await db.meetingRsvp.findUnique({ where: { meetingId_userId: { meetingId: id, userId } } });
      return r?.answer ?? null;
    },

    /**
     * A meeting as a person may see it (its calendar file): one for everyone, or of her district, or
     * one she answered; a methodist sees those she manages too. Otherwise it is not found.
     */
    async visibleTo(user: Pick<User, "id" | "role" | "districtId">, id: number): Promise<MeetingView> {
      const m = await load(id);
      if (isMethodistRole(user.role)) {
        const own = ownedByScope(scopeOf(user));
        if (own.districtId === undefined || own.districtId === m.districtId) return m;
      }
      if (!(await concerns(user.id, m))) throw new DomainError("meeting-not-found");
      return m;
    },

    /** A meeting the methodist manages (another district's is not found for a district's methodist). */
    managed: loadManaged,

    /** Meetings ahead (or under way) for this person, soonest first, with her answer. */
    async upcomingFor(userId: number, limit = 10): Promise<(MeetingView & { answer: RsvpAnswer | null })[]> {
      const u = await db.user.findUnique({
        where: { id: userId },
        include: { subjects: { select: { subjectId: true } }, school: { select: { districtId: true } } },
      });
      if (!u) return [];
      const now = clock.now();
      const rows = await db.meeting.findMany({
        where: {
          status: "scheduled",
          // a day back at most, then filtered by the end time below
          startsAt: { gt: new Date(now.getTime() - 12 * 3600_000) },
          ...meetingsForWhere({
            id: u.id,
            role: u.role,
            schoolId: u.schoolId,
            subjectIds: u.subjects.map((s) => s.subjectId),
            districtId: u.school?.districtId ?? null,
          }),
        },
        include: { ...withLinks, rsvps: { where: { userId }, select: { answer: true } } },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        take: limit + 10,
      });
      return rows
        .filter((m) => m.startsAt.getTime() + m.durationMin * 60_000 > now.getTime())
        .slice(0, limit)
        .map(({ rsvps, ...m }) => ({ ...view(m), answer: rsvps[0]?.answer ?? null }));
    },

    /** The meeting as a calendar event: stable UID, SEQUENCE from the edits. */
    calendarEvent(m: Meeting, locale: string): CalendarEvent {
      const description = [t(locale, `meeting-kind-${m.kind}`), m.agenda, m.onlineUrl ?? ""].filter(Boolean).join("\n\n");
      return {
        uid: `meeting-${m.id}`,
        sequence: m.sequence,
        title: m.title,
        description,
        location: m.place ?? m.onlineUrl ?? undefined,
        url: m.onlineUrl ?? undefined,
        start: m.startsAt,
        end: new Date(m.startsAt.getTime() + m.durationMin * 60_000),
        stamp: clock.now(),
        cancelled: m.status === "cancelled",
      };
    },
  };
  return answers;
}

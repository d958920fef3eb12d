// Attendance: after a meeting the methodist marks who came (each one marked is told of her certificate).
import type { Meeting, RsvpAnswer, User } from "../../generated/sqlite/client.js";
import { DomainError } from "../errors.js";
import { ownedByScope, scopeOf } from "../scope.js";
import { audienceWhere } from "./audience.js";
import type { MeetingCore } from "./core.js";
import type { RsvpRow } from "./types.js";

export function createMeetingAttendance(core: MeetingCore) {
  const { db, who, person, sortRows, ensureMethodist, load, loadManaged, attendedKey, tellAttended, deps } = core;
  const { clock, outbox } = deps;
  const attendance = {
    /**
     * The methodist's list: meetings ahead, soonest first, then those of the last month, latest first
     * (for marking attendance). Two queries, so a busy past month never pushes the next meetings out.
     * A district's methodist's list holds her district's meetings only.
     */
    async recent(actor: User, ahead = 20, past = 10): Promise<Meeting[]> {
      ensureMethodist(actor);
      const own = ownedByScope(scopeOf(actor));
      const now = clock.now();
      const since = new Date(now.getTime() - 30 * 24 * 3600_000);
      const next = await db.meeting.findMany({ where: { startsAt: { gt: now }, ...own }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], take: ahead });
      const before = await db.meeting.findMany({
        where: { startsAt: { gt: since, lte: now }, ...own },
        orderBy: [{ startsAt: "desc" }, { id: "desc" }],
        take: past,
      });
      return [...next, ...before];
    },

    async counts(id: number): Promise<{ going: number; notGoing: number; attended: number; audience: number }> {
      const m = await load(id);
      const groups = await db.meetingRsvp.groupBy({ by: ["answer"], where: { meetingId: id }, _count: { _all: true } });
      const of = (a: RsvpAnswer) => groups.find((g) => g.answer === a)?._count._all ?? 0;
      const attended = await db.meetingRsvp.count({ where: { meetingId: id, attended: true } });
      return { going: of("going"), notGoing: of("not_going"), attended, audience: await db.user.count({ where: audienceWhere(m) }) };
    },

    /**
     * Whom attendance can be marked for: everyone who answered and everyone the meeting is for (many
     * come without pressing a button), Going first, then Not going, then no answer, by name. Also the
     * answers the methodist reads (those who have not answered are whom she calls) and the spreadsheet.
     */
    async attendanceList(actor: User, id: number): Promise<RsvpRow[]> {
      const m = await loadManaged(actor, id);
      const rows = await db.meetingRsvp.findMany({ where: { meetingId: id }, include: { user: { select: person } } });
      const silent = await db.user.findMany({
        where: { AND: [audienceWhere(m), { meetingRsvps: { none: { meetingId: id } } }] },
        select: { id: true, ...person },
      });
      return sortRows([
        ...rows.map((r) => ({ userId: r.userId, ...who(r.user), answer: r.answer, attended: r.attended })),
        ...silent.map((u) => ({ userId: u.id, ...who(u), answer: null, attended: null })),
      ]);
    },

    /**
     * After the start: marks one person (who answered, or whom the meeting is for) as attended or not,
     * recording who marked it (the methodist her participation certificate names). A person newly marked
     * is told, a few minutes later, that her certificate is ready; a mark taken back within those minutes
     * withdraws the notice.
     */
    async markAttendance(actor: User, id: number, userId: number, attended: boolean): Promise<void> {
      const m = await loadManaged(actor, id);
      if (m.status === "cancelled") throw new DomainError("meeting-cancelled");
      const now = clock.now();
      if (m.startsAt > now) throw new DomainError("meeting-not-started");
      const mark = { attended, markedById: actor.id, markedAt: now };
      const r = await db.meetingRsvp.updateMany({ where: { meetingId: id, userId }, data: mark });
      if (!r.count) {
        const member = await db.user.count({ where: { AND: [{ id: userId }, audienceWhere(m)] } });
        if (!member) throw new DomainError("user-not-found");
        // she came without answering: a row with no answer keeps the mark
        await db.meetingRsvp.upsert({
          where: { meetingId_userId: { meetingId: id, userId } },
          create: { meetingId: id, userId, ...mark, createdAt: now },
          update: mark,
        });
      }
      if (attended) await tellAttended(m, [userId], actor.id);
      else await outbox.cancelByPrefix(attendedKey(id, userId));
    },

    /** After the start: everyone who said Going attended (marked by this methodist). Returns how many were marked. */
    async markAllGoing(actor: User, id: number): Promise<number> {
      const m = await loadManaged(actor, id);
      if (m.status === "cancelled") throw new DomainError("meeting-cancelled");
      const now = clock.now();
      if (m.startsAt > now) throw new DomainError("meeting-not-started");
      const fresh = await db.meetingRsvp.findMany({
        where: { meetingId: id, answer: "going", OR: [{ attended: null }, { attended: false }] },
        select: { userId: true },
      });
      const r = await db.meetingRsvp.updateMany({ where: { meetingId: id, answer: "going" }, data: { attended: true, markedById: actor.id, markedAt: now } });
      await tellAttended(
        m,
        fresh.map((f) => f.userId),
        actor.id,
      );
      return r.count;
    },

    /** The teacher's record: meetings she attended (marked by a methodist). */
    async attendedCount(userId: number): Promise<number> {
      return db.meetingRsvp.count({ where: { userId, attended: true, meeting: { status: "scheduled" } } });
    },
  };
  return attendance;
}

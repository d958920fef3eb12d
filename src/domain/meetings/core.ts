// What the meeting modules share: a meeting as plain data, who manages and who is concerned by it, the
// audience's checks, the invitations and nudges (withdrawn and sent again after a change), the notices.
// service.ts builds the modules (planning, answers, attendance, tasks) on it.
import type { Db } from "../../db/client.js";
import type { Meeting, RsvpAnswer, User } from "../../generated/sqlite/client.js";
import { DomainError } from "../errors.js";
import type { Notice, NoticeButton } from "../outbox.js";
import { ownedByScope, schoolsInScope, scopeOf, usersInDistricts, usersInScope } from "../scope.js";
import { formatDateTime } from "../time.js";
import { isMethodistRole } from "../users.js";
import { audienceWhere, type AudienceSpec } from "./audience.js";
import { parseVenue, validateAgenda, validateTitle } from "./validate.js";
import { ATTENDED_NOTICE_DELAY_MS, groupOf, type MeetingDraft, type MeetingServiceDeps, type MeetingView, type RsvpRow } from "./types.js";

const withLinks = {
  subjects: { select: { subjectId: true } },
  schools: { select: { schoolId: true } },
  districts: { select: { districtId: true, district: { select: { name: true } } } },
  district: { select: { name: true } },
} as const;
type WithLinks = Meeting & {
  subjects: { subjectId: number }[];
  schools: { schoolId: number }[];
  districts: { districtId: number; district: { name: string } }[];
  district: { name: string } | null;
};
const view = ({ subjects, schools, districts, district, ...m }: WithLinks): MeetingView => {
  const invited = [...districts].sort((a, b) => a.district.name.localeCompare(b.district.name, "ru"));
  return {
    ...m,
    subjectIds: subjects.map((s) => s.subjectId),
    schoolIds: schools.map((s) => s.schoolId),
    districtIds: invited.map((d) => d.districtId),
    districtNames: invited.map((d) => d.district.name),
    districtName: district?.name ?? null,
  };
};

/** who a row is: the name and the school, for lists and spreadsheets */
const person = { fullName: true, school: { select: { name: true, cluster: true } } } as const;
type Person = { fullName: string | null; school: { name: string; cluster: string | null } | null };
const who = (u: Person) => ({ name: u.fullName ?? "—", school: u.school?.name ?? "—", cluster: u.school?.cluster ?? "" });

const rank = (a: RsvpAnswer | null) => (a === "going" ? 0 : a === "not_going" ? 1 : 2);
const sortRows = (rows: RsvpRow[]): RsvpRow[] => rows.sort((a, b) => rank(a.answer) - rank(b.answer) || a.name.localeCompare(b.name, "ru"));

/** every outbox dedupe key of a meeting starts with this (the dash keeps meeting 1 apart from 10) */
const dedupePrefix = (meetingId: number) => `meeting-${meetingId}-`;

export function createMeetingCore(db: Db, deps: MeetingServiceDeps) {
  const { clock, config, t, outbox } = deps;
  const zone = config.TIMEZONE;

  function ensureMethodist(actor: Pick<User, "role">): void {
    if (!isMethodistRole(actor.role)) throw new DomainError("forbidden");
  }

  async function load(id: number): Promise<MeetingView> {
    const m = await db.meeting.findUnique({ where: { id }, include: withLinks });
    if (!m) throw new DomainError("meeting-not-found");
    return view(m);
  }

  /**
   * A meeting the methodist manages: any for an admin or a methodist of the whole deployment, her
   * district's for a district's methodist; another district's is as good as missing.
   */
  async function loadManaged(actor: Pick<User, "role" | "districtId">, id: number): Promise<MeetingView> {
    ensureMethodist(actor);
    const m = await load(id);
    const own = ownedByScope(scopeOf(actor));
    if (own.districtId !== undefined && m.districtId !== own.districtId) throw new DomainError("meeting-not-found");
    return m;
  }

  /**
   * Whether a district's meeting (or a regional one for chosen districts) is any of this person's
   * business: she is of its district (her school is), or she answered it already (she stays able to
   * change her answer). Other meetings for everyone are.
   */
  async function concerns(userId: number, m: Pick<MeetingView, "id" | "districtId" | "audience" | "districtIds">): Promise<boolean> {
    const where = m.districtId !== null ? usersInScope({ districtId: m.districtId }) : m.audience === "districts" ? usersInDistricts(m.districtIds) : null;
    if (where === null) return true;
    const inDistrict = await db.user.count({ where: { AND: [{ id: userId }, where] } });
    return inDistrict > 0 || (await db.meetingRsvp.count({ where: { meetingId: m.id, userId } })) > 0;
  }

  /** A meeting that can still change: announced, not cancelled, not begun; the methodist manages it. */
  async function loadEditable(actor: User, id: number): Promise<MeetingView> {
    const m = await loadManaged(actor, id);
    if (m.status === "cancelled") throw new DomainError("meeting-cancelled");
    if (m.startsAt.getTime() <= clock.now().getTime()) throw new DomainError("meeting-started");
    return m;
  }

  function checkDraft(d: MeetingDraft): MeetingDraft {
    const now = clock.now().getTime();
    const title = validateTitle(d.title);
    const agenda = validateAgenda(d.agenda);
    if (d.startsAt.getTime() <= now) throw new DomainError("date-past");
    if (!Number.isInteger(d.durationMin) || d.durationMin < 5 || d.durationMin > 720) throw new DomainError("meeting-duration-range");
    if (!d.place && !d.onlineUrl) throw new DomainError("meeting-place-missing");
    const venue = parseVenue(d.onlineUrl ?? d.place!);
    checkAudience(d);
    if (d.rsvpDeadline) checkDeadline(d.rsvpDeadline, d.startsAt);
    return { ...d, title, agenda, ...venue };
  }

  function checkAudience(d: AudienceSpec): void {
    if ((d.audience === "subjects" && !d.subjectIds.length) || (d.audience === "schools" && !d.schoolIds.length)) {
      throw new DomainError("meeting-audience-empty");
    }
    if (d.audience === "districts" && !d.districtIds?.length) throw new DomainError("meeting-districts-empty");
  }

  /**
   * The audience as it will be stored: a district's methodist's schools are her district's (the picker
   * offers nothing else), invited districts exist (and she, not offered them, keeps only her own).
   */
  async function settleAudience(actor: Pick<User, "role" | "districtId">, d: AudienceSpec): Promise<AudienceSpec> {
    checkAudience(d);
    const { districtId } = scopeOf(actor);
    const spec: AudienceSpec = {
      audience: d.audience,
      subjectIds: d.audience === "subjects" ? [...new Set(d.subjectIds)] : [],
      schoolIds: d.audience === "schools" ? [...new Set(d.schoolIds)] : [],
      districtIds: [],
    };
    if (districtId !== null && spec.audience === "schools") {
      const ours = await db.school.findMany({ where: { id: { in: spec.schoolIds }, ...schoolsInScope({ districtId }) }, select: { id: true } });
      spec.schoolIds = ours.map((s) => s.id);
      if (!spec.schoolIds.length) throw new DomainError("meeting-audience-empty");
    }
    if (spec.audience === "districts") {
      const ids = (d.districtIds ?? []).filter((id) => districtId === null || id === districtId);
      const found = await db.district.findMany({ where: { id: { in: ids } }, select: { id: true } });
      spec.districtIds = found.map((x) => x.id);
      if (!spec.districtIds.length) throw new DomainError("meeting-districts-empty");
    }
    return spec;
  }

  /** The audience's links as Prisma nested writes (subjects, schools or districts; none for the rest). */
  const links = (spec: AudienceSpec) => ({
    subjects: { create: spec.subjectIds.map((subjectId) => ({ subjectId })) },
    schools: { create: spec.schoolIds.map((schoolId) => ({ schoolId })) },
    districts: { create: (spec.districtIds ?? []).map((id) => ({ districtId: id })) },
  });

  const nudgeGroup = (meetingId: number) => `${groupOf(meetingId)}-nudge`;

  /** Who holds a message of this group that is not cancelled (queued, on its way, sent, refused). */
  async function holders(groupId: string): Promise<Set<number>> {
    const rows = await db.outboxMessage.findMany({ where: { groupId, status: { not: "cancelled" }, userId: { not: null } }, select: { userId: true } });
    return new Set(rows.map((r) => r.userId!));
  }

  /**
   * The invitation (Going / Not going buttons) to everyone the meeting is for who holds none yet: one
   * per person, whatever happens to the meeting later, unless one still queued was withdrawn because
   * the meeting changed. The key carries the meeting's version, so a fresh one can follow.
   */
  async function invite(meeting: Meeting): Promise<number> {
    const has = await holders(groupOf(meeting.id));
    const list = await notices(meeting, "audience", (u) => ({
      key: "meeting-announce",
      vars: {
        agenda: meeting.agenda,
        hasAgenda: meeting.agenda ? "yes" : "no",
        deadline: meeting.rsvpDeadline ? formatDateTime(meeting.rsvpDeadline, u.language, zone) : "",
        hasDeadline: meeting.rsvpDeadline ? "yes" : "no",
      },
      buttons: rsvpButtons(meeting.id),
      dedupeKey: `meeting-${meeting.id}-announce-v${meeting.sequence}-u${u.id}`,
      groupId: groupOf(meeting.id),
      // a whole audience's worth: behind reminders and offers
      priority: "bulk",
    }));
    return outbox.notify(list.filter((n) => !has.has(n.userId)));
  }

  /** The day-before nudge to those it is for who have not answered and hold none yet (or only some). */
  async function nudges(m: Meeting, late: boolean, only?: Set<number>): Promise<Notice[]> {
    const answered = new Set(
      (await db.meetingRsvp.findMany({ where: { meetingId: m.id, answer: { not: null } }, select: { userId: true } })).map((r) => r.userId),
    );
    const has = await holders(nudgeGroup(m.id));
    const list = await notices(m, "audience", (u) => ({
      key: "meeting-nudge",
      vars: { late: late ? "yes" : "no" },
      buttons: rsvpButtons(m.id),
      dedupeKey: `meeting-${m.id}-nudge-v${m.sequence}-u${u.id}`,
      groupId: nudgeGroup(m.id),
      // asking for an answer once the meeting has begun would be pointless
      expiresAt: m.startsAt,
    }));
    return list.filter((n) => !answered.has(n.userId) && !has.has(n.userId) && (!only || only.has(n.userId)));
  }

  /**
   * After a change of time, place, title or agenda: invitations and nudges still queued would go out
   * with the old text, so they are withdrawn and sent again as the meeting is now (one a sender has
   * already taken goes as it is; its recipient is told of the change like everyone who got one).
   */
  async function refreshQueued(m: Meeting): Promise<void> {
    const queued = await db.outboxMessage.findMany({
      where: { groupId: { in: [groupOf(m.id), nudgeGroup(m.id)] }, status: "queued" },
      select: { id: true, userId: true, groupId: true },
    });
    if (!queued.length) return;
    const withdrawn = await withdraw(queued.map((q) => q.id));
    await invite(m);
    const nudged = queued.filter((q) => q.groupId === nudgeGroup(m.id) && withdrawn.has(q.id)).map((q) => q.userId!);
    if (nudged.length) await outbox.notify(await nudges(m, false, new Set(nudged)));
  }

  /** Cancels these messages where they are still queued; returns those it cancelled. */
  async function withdraw(ids: number[]): Promise<Set<number>> {
    const done = new Set<number>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await db.outboxMessage.updateMany({ where: { id: { in: chunk }, status: "queued" }, data: { status: "cancelled" } });
      for (const r of await db.outboxMessage.findMany({ where: { id: { in: chunk }, status: "cancelled" }, select: { id: true } })) done.add(r.id);
    }
    return done;
  }

  /** Invitations still queued for people the meeting is no longer for are withdrawn. */
  async function withdrawInvitations(meeting: MeetingView): Promise<void> {
    const queued = await db.outboxMessage.findMany({
      where: { groupId: groupOf(meeting.id), status: "queued", userId: { not: null } },
      select: { id: true, userId: true },
    });
    const stays = new Set<number>();
    for (let i = 0; i < queued.length; i += 500) {
      const ids = queued.slice(i, i + 500).map((q) => q.userId!);
      const members = await db.user.findMany({ where: { AND: [{ id: { in: ids } }, audienceWhere(meeting)] }, select: { id: true } });
      for (const m of members) stays.add(m.id);
    }
    await withdraw(queued.filter((q) => !stays.has(q.userId!)).map((q) => q.id));
  }

  function checkDeadline(deadline: Date, startsAt: Date): void {
    if (deadline.getTime() <= clock.now().getTime()) throw new DomainError("date-past");
    if (deadline.getTime() > startsAt.getTime()) throw new DomainError("meeting-deadline-after-start");
  }

  /** The vars every meeting message shows, in one recipient's language. */
  function vars(m: Meeting, locale: string): Record<string, string> {
    return {
      kind: t(locale, `meeting-kind-${m.kind}`),
      title: m.title,
      when: formatDateTime(m.startsAt, locale, zone),
      place: m.onlineUrl ?? m.place ?? "—",
      icon: m.onlineUrl ? "💻" : "📍",
    };
  }

  const rsvpButtons = (id: number): NoticeButton[][] => [
    [
      { key: "meeting-going", action: { do: "meeting-rsvp", id, going: true } },
      { key: "meeting-not-going", action: { do: "meeting-rsvp", id, going: false } },
    ],
    [{ key: "calendar-button", action: { do: "meeting-calendar", id } }],
  ];
  const calendarButton = (id: number): NoticeButton[][] => [[{ key: "calendar-button", action: { do: "meeting-calendar", id } }]];

  /** Dedupe keys of the "your attendance was marked" notices of one person (a mark taken back and given again gets a new one). */
  const attendedKey = (meetingId: number, userId: number) => `meeting-${meetingId}-attended-u${userId}-`;
  const attendedGroup = (meetingId: number) => `${groupOf(meetingId)}-attended`;

  /**
   * Tells people newly marked as present that their participation certificate is ready (a button gets
   * it), once per meeting: not again if a notice is on its way or was sent. It waits a few minutes, so
   * that a mark the methodist takes back at once (a wrong name pressed) withdraws it unsent. The
   * methodist who marks herself knows.
   */
  async function tellAttended(m: Meeting, userIds: number[], actorId: number): Promise<void> {
    const ids = userIds.filter((u) => u !== actorId);
    if (!ids.length) return;
    const told = await db.outboxMessage.findMany({
      where: { groupId: attendedGroup(m.id), status: { not: "cancelled" }, userId: { in: ids } },
      select: { userId: true },
    });
    const skip = new Set(told.map((r) => r.userId));
    const now = clock.now();
    await outbox.notify(
      await notices(
        m,
        ids.filter((u) => !skip.has(u)),
        (u) => ({
          key: "meeting-attended-notice",
          buttons: [[{ key: "documents-certificate-button", action: { do: "certificate", kind: "meeting", id: m.id } }]],
          dedupeKey: `${attendedKey(m.id, u.id)}${now.getTime()}`,
          groupId: attendedGroup(m.id),
          notBefore: new Date(now.getTime() + ATTENDED_NOTICE_DELAY_MS),
        }),
      ),
    );
  }

  async function notices(
    m: Meeting,
    userIds: number[] | "audience",
    make: (user: { id: number; language: string }) => Omit<Notice, "userId" | "vars"> & { vars?: Record<string, string> },
  ): Promise<Notice[]> {
    const spec = userIds === "audience" ? audienceWhere(await load(m.id)) : { id: { in: userIds } };
    const users = await db.user.findMany({ where: spec, select: { id: true, language: true } });
    // the same for everyone with one language: formatted once per language, not once per teacher
    const byLanguage = new Map<string, Record<string, string>>();
    return users.map((u) => {
      const n = make(u);
      let common = byLanguage.get(u.language);
      if (!common) byLanguage.set(u.language, (common = vars(m, u.language)));
      return { ...n, userId: u.id, vars: { ...common, ...n.vars } };
    });
  }

  async function goingIds(meetingId: number): Promise<number[]> {
    return (await db.meetingRsvp.findMany({ where: { meetingId, answer: "going" }, select: { userId: true } })).map((r) => r.userId);
  }

  /**
   * Who must hear that the meeting moved or was cancelled: those who said Going, and those who were
   * invited (the invitation or the nudge reached them) and did not say Not going, since they may come
   * without answering. Someone whose invitation was never sent learns nothing she must unlearn.
   */
  async function expectedIds(meetingId: number, actor: User): Promise<number[]> {
    const [rsvps, invited] = await Promise.all([
      db.meetingRsvp.findMany({ where: { meetingId, answer: { not: null } }, select: { userId: true, answer: true } }),
      db.outboxMessage.findMany({
        // one a sender holds is on its way: its recipient is told too (after it, in her chat's order)
        where: { groupId: { in: [groupOf(meetingId), nudgeGroup(meetingId)] }, status: { in: ["sent", "sending"] }, userId: { not: null } },
        select: { userId: true },
      }),
    ]);
    const declined = new Set(rsvps.filter((r) => r.answer === "not_going").map((r) => r.userId));
    const ids = new Set(rsvps.filter((r) => r.answer === "going").map((r) => r.userId));
    for (const { userId } of invited) if (userId !== null && !declined.has(userId)) ids.add(userId);
    // the methodist who made the change knows of it
    ids.delete(actor.id);
    return [...ids];
  }

  return {
    db,
    deps,
    zone,
    view,
    who,
    person,
    sortRows,
    dedupePrefix,
    withLinks,
    ensureMethodist,
    load,
    loadManaged,
    concerns,
    loadEditable,
    checkDraft,
    checkAudience,
    settleAudience,
    links,
    nudgeGroup,
    holders,
    invite,
    nudges,
    refreshQueued,
    withdraw,
    withdrawInvitations,
    checkDeadline,
    vars,
    rsvpButtons,
    calendarButton,
    attendedKey,
    attendedGroup,
    tellAttended,
    notices,
    goingIds,
    expectedIds,
  };
}

export type MeetingCore = ReturnType<typeof createMeetingCore>;

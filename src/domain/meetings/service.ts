// Meetings (заседания РМО, семинары, мастер-классы ...): a methodist announces one to an audience,
// people answer Going / Not going until the deadline, are reminded, and afterwards the methodist marks
// who attended. Every message the bot sends on its own goes through the outbox.
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import type { Meeting, MeetingAudience, MeetingKind, RsvpAnswer, User } from "../../generated/sqlite/client.js";
import type { Translator } from "../../i18n.js";
import type { CalendarEvent } from "../calendar.js";
import type { Clock } from "../clock.js";
import { DomainError } from "../errors.js";
import type { Notice, NoticeButton, Outbox } from "../outbox.js";
import { ownedByScope, schoolsInScope, scopeOf, usersInDistricts, usersInScope } from "../scope.js";
import type { Tasks } from "../tasks.js";
import { formatDateTime } from "../time.js";
import { isMethodistRole } from "../users.js";
import { certificateData } from "../documents/actions.js";
import { meetingCalendarData, meetingRsvpData } from "./actions.js";
import { audienceWhere, meetingsForWhere, type AudienceSpec } from "./audience.js";
import { parseVenue, validateAgenda, validateTitle, type Venue } from "./input.js";
import { NUDGE_TASK, REMIND_TASK, scheduleReminders, taskPrefix, type RemindPayload } from "./reminders.js";

export type { Meeting, MeetingAudience, MeetingKind, RsvpAnswer };

export interface MeetingDraft extends AudienceSpec, Venue {
  kind: MeetingKind;
  title: string;
  agenda: string;
  startsAt: Date;
  durationMin: number;
  rsvpDeadline: Date | null;
}

export interface MeetingView extends Meeting {
  subjectIds: number[];
  schoolIds: number[];
  /** the audience "districts": the districts whose people are invited, and their names (by name) */
  districtIds: number[];
  districtNames: string[];
  /** the name of the district whose meeting it is (null: a meeting for everyone) */
  districtName: string | null;
}

export interface RsvpRow {
  userId: number;
  name: string;
  school: string;
  /** the school's cluster (школьный округ), "" when the directory has none */
  cluster: string;
  answer: RsvpAnswer | null;
  attended: boolean | null;
}

export interface MeetingServiceDeps {
  clock: Clock;
  config: Pick<Config, "TIMEZONE" | "MEETING_REMINDER_OFFSETS">;
  t: Translator;
  outbox: Outbox;
  tasks: Tasks;
}

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

export const groupOf = (meetingId: number) => `meeting-${meetingId}`;
/** how long "your attendance was marked" waits, so that a mark taken back at once withdraws it unsent */
export const ATTENDED_NOTICE_DELAY_MS = 3 * 60_000;
/** every outbox dedupe key of a meeting starts with this (the dash keeps meeting 1 apart from 10) */
const dedupePrefix = (meetingId: number) => `meeting-${meetingId}-`;

export function createMeetingService(db: Db, deps: MeetingServiceDeps) {
  const { clock, config, t, outbox, tasks } = deps;
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
      { key: "meeting-going", data: meetingRsvpData.pack({ id, going: true }) },
      { key: "meeting-not-going", data: meetingRsvpData.pack({ id, going: false }) },
    ],
    [{ key: "calendar-button", data: meetingCalendarData.pack({ id }) }],
  ];
  const calendarButton = (id: number): NoticeButton[][] => [[{ key: "calendar-button", data: meetingCalendarData.pack({ id }) }]];

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
          buttons: [[{ key: "documents-certificate-button", data: certificateData.pack({ kind: "meeting", id: m.id, lang: "" }) }]],
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

  tasks.handle(REMIND_TASK, async ({ payload }) => {
    const { meetingId, offsetMin } = payload as unknown as RemindPayload;
    const m = await db.meeting.findUnique({ where: { id: meetingId } });
    if (m?.status !== "scheduled") return [];
    return notices(m, await goingIds(m.id), () => ({
      key: "meeting-reminder",
      buttons: calendarButton(m.id),
      dedupeKey: `meeting-${m.id}-remind-${offsetMin}m-${m.startsAt.getTime()}`,
      groupId: `${groupOf(m.id)}-remind`,
    })).then((list) => list.map((n) => ({ ...n, dedupeKey: `${n.dedupeKey}-u${n.userId}` })));
  });

  tasks.handle(NUDGE_TASK, async ({ payload, late }) => {
    const { meetingId } = payload as unknown as RemindPayload;
    const m = await db.meeting.findUnique({ where: { id: meetingId } });
    if (m?.status !== "scheduled") return [];
    if (m.rsvpDeadline && m.rsvpDeadline.getTime() <= clock.now().getTime()) return [];
    return nudges(m, late);
  });

  const service = {
    get: load,

    /** How many people a meeting with this audience (and district) reaches (shown in the preview). */
    audienceSize(spec: AudienceSpec): Promise<number> {
      return db.user.count({ where: audienceWhere(spec) });
    },

    /**
     * Stores the meeting, tells its audience (Going / Not going buttons) and schedules the reminders.
     * A district's methodist's meeting is her district's: for its people only.
     */
    async publish(actor: User, draft: MeetingDraft): Promise<{ meeting: MeetingView; recipients: number }> {
      ensureMethodist(actor);
      const d = checkDraft(draft);
      const { districtId } = scopeOf(actor);
      const audience = await settleAudience(actor, d);
      const created = await db.meeting.create({
        data: {
          kind: d.kind,
          title: d.title,
          agenda: d.agenda,
          startsAt: d.startsAt,
          durationMin: d.durationMin,
          place: d.place,
          onlineUrl: d.onlineUrl,
          audience: audience.audience,
          rsvpDeadline: d.rsvpDeadline,
          districtId,
          createdById: actor.id,
          createdAt: clock.now(),
          ...links(audience),
        },
        include: withLinks,
      });
      const meeting = view(created);
      const recipients = await invite(meeting);
      await scheduleReminders(tasks, clock.now(), meeting, config.MEETING_REMINDER_OFFSETS);
      return { meeting, recipients };
    },

    /** Moves the meeting or changes its duration; those expected there are told, reminders follow. */
    async reschedule(actor: User, id: number, startsAt: Date, durationMin?: number): Promise<MeetingView> {
      ensureMethodist(actor);
      const before = await loadEditable(actor, id);
      if (startsAt.getTime() <= clock.now().getTime()) throw new DomainError("date-past");
      // nothing to tell anyone about
      if (startsAt.getTime() === before.startsAt.getTime() && (durationMin ?? before.durationMin) === before.durationMin) {
        throw new DomainError("meeting-unchanged");
      }
      // a deadline after the new start would let people answer after the meeting began
      const rsvpDeadline = before.rsvpDeadline && before.rsvpDeadline > startsAt ? startsAt : before.rsvpDeadline;
      const m = await db.meeting.update({
        where: { id },
        data: { startsAt, durationMin: durationMin ?? before.durationMin, rsvpDeadline, sequence: { increment: 1 } },
      });
      await scheduleReminders(tasks, clock.now(), m, config.MEETING_REMINDER_OFFSETS);
      // reminders still queued show the old time; the new time's reminders follow
      if (m.startsAt.getTime() !== before.startsAt.getTime()) await outbox.cancelGroup(`${groupOf(id)}-remind`);
      await refreshQueued(m);
      await outbox.notify(
        await notices(m, await expectedIds(id, actor), (u) => ({
          // the same start and another duration: say how long, not "moved from 10:00 to 10:00"
          key: m.startsAt.getTime() === before.startsAt.getTime() ? "meeting-duration-changed" : "meeting-moved",
          vars: { old: formatDateTime(before.startsAt, u.language, zone), minutes: String(m.durationMin) },
          buttons: calendarButton(id),
          dedupeKey: `meeting-${id}-change-${m.sequence}-u${u.id}`,
          groupId: `${groupOf(id)}-change-${m.sequence}`,
        })),
      );
      return load(id);
    },

    /**
     * Corrects the title or the agenda (a typo, a new item). Nobody is told, but the calendar file's
     * SEQUENCE grows, so "Add to calendar" updates the entry.
     */
    async revise(actor: User, id: number, change: { title: string } | { agenda: string }): Promise<MeetingView> {
      ensureMethodist(actor);
      const before = await loadEditable(actor, id);
      const data = "title" in change ? { title: validateTitle(change.title) } : { agenda: validateAgenda(change.agenda) };
      if ("title" in data ? data.title === before.title : data.agenda === before.agenda) throw new DomainError("meeting-unchanged");
      await refreshQueued(await db.meeting.update({ where: { id }, data: { ...data, sequence: { increment: 1 } } }));
      return load(id);
    },

    /** Changes the place or link; those expected there are told. */
    async relocate(actor: User, id: number, venueText: string): Promise<MeetingView> {
      ensureMethodist(actor);
      const before = await loadEditable(actor, id);
      const venue = parseVenue(venueText);
      if (venue.place === before.place && venue.onlineUrl === before.onlineUrl) throw new DomainError("meeting-unchanged");
      const m = await db.meeting.update({ where: { id }, data: { ...venue, sequence: { increment: 1 } } });
      await refreshQueued(m);
      await outbox.notify(
        await notices(m, await expectedIds(id, actor), (u) => ({
          key: "meeting-relocated",
          buttons: calendarButton(id),
          dedupeKey: `meeting-${id}-change-${m.sequence}-u${u.id}`,
          groupId: `${groupOf(id)}-change-${m.sequence}`,
        })),
      );
      return load(id);
    },

    /**
     * Changes whom the meeting is for (a wrong subject picked, another school to invite). Those newly
     * in the audience get the invitation; those already invited are not invited again. Someone left out
     * keeps an answer she gave (and is reminded if she said Going); an invitation still waiting in the
     * queue for her is withdrawn. Returns the meeting and how many were newly invited.
     */
    async retarget(actor: User, id: number, change: AudienceSpec): Promise<{ meeting: MeetingView; invited: number }> {
      ensureMethodist(actor);
      await loadEditable(actor, id);
      const spec = await settleAudience(actor, change);
      await db.$transaction([
        db.meetingSubject.deleteMany({ where: { meetingId: id } }),
        db.meetingSchool.deleteMany({ where: { meetingId: id } }),
        db.meetingDistrict.deleteMany({ where: { meetingId: id } }),
        db.meeting.update({ where: { id }, data: { audience: spec.audience, ...links(spec) } }),
      ]);
      const meeting = await load(id);
      await withdrawInvitations(meeting);
      const invited = await invite(meeting);
      return { meeting, invited };
    },

    /** Cancels: reminders and unsent announcements are dropped, those expected there are told. */
    async cancel(actor: User, id: number): Promise<MeetingView> {
      ensureMethodist(actor);
      await loadEditable(actor, id);
      const m = await db.meeting.update({ where: { id }, data: { status: "cancelled", sequence: { increment: 1 } } });
      await tasks.cancel(taskPrefix(id));
      // everything about this meeting still queued (invitations, reminders, nudges, changes): a nudge
      // would ask someone to answer to a cancelled meeting, and she is not told of the cancellation
      await outbox.cancelByPrefix(dedupePrefix(id));
      await outbox.notify(
        await notices(m, await expectedIds(id, actor), (u) => ({
          key: "meeting-cancelled-notice",
          // the file that takes it out of her phone's calendar
          buttons: [[{ key: "calendar-remove-button", data: meetingCalendarData.pack({ id }) }]],
          dedupeKey: `meeting-${id}-cancelled-u${u.id}`,
          groupId: `${groupOf(id)}-cancelled`,
        })),
      );
      return load(id);
    },

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
  return service;
}

export type MeetingService = ReturnType<typeof createMeetingService>;

// Planning: a methodist announces a meeting to an audience and, until it begins, moves, edits,
// retargets or cancels it; those expected there are told.
import type { User } from "../../generated/sqlite/client.js";
import { DomainError } from "../errors.js";
import { scopeOf } from "../scope.js";
import { formatDateTime } from "../time.js";
import { audienceWhere, type AudienceSpec } from "./audience.js";
import { parseVenue, validateAgenda, validateTitle } from "./validate.js";
import { scheduleReminders, taskPrefix } from "./reminders.js";
import type { MeetingCore } from "./core.js";
import { groupOf, type MeetingDraft, type MeetingView } from "./types.js";

export function createMeetingPlanning(core: MeetingCore) {
  const {
    db,
    zone,
    view,
    dedupePrefix,
    withLinks,
    ensureMethodist,
    load,
    loadEditable,
    checkDraft,
    settleAudience,
    links,
    invite,
    refreshQueued,
    withdrawInvitations,
    calendarButton,
    notices,
    expectedIds,
    deps,
  } = core;
  const { clock, config, outbox, tasks } = deps;
  const planning = {
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
          buttons: [[{ key: "calendar-remove-button", action: { do: "meeting-calendar", id } }]],
          dedupeKey: `meeting-${id}-cancelled-u${u.id}`,
          groupId: `${groupOf(id)}-cancelled`,
        })),
      );
      return load(id);
    },
  };
  return planning;
}

// The meeting's tasks: the reminders to those going and the day-before nudge to those who have not answered.
import { NUDGE_TASK, REMIND_TASK, type RemindPayload } from "./reminders.js";
import type { MeetingCore } from "./core.js";
import { groupOf } from "./types.js";

export function handleMeetingTasks(core: MeetingCore): void {
  const { db, notices, calendarButton, nudges, goingIds, deps } = core;
  const { clock, tasks } = deps;
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
}

// Reminders of a meeting as scheduled tasks: one per configured offset (to those who said Going) and
// one nudge a day before (to those who have not answered). Task keys are per meeting and offset, so
// scheduling again moves a task; message keys carry the start time, so a moved meeting is reminded of
// again at its new time, and each reminder goes out exactly once for a given time.
import type { Tasks } from "../tasks.js";

export const REMIND_TASK = "meeting.remind";
export const NUDGE_TASK = "meeting.nudge";
export const NUDGE_BEFORE_MIN = 24 * 60;

export const taskPrefix = (meetingId: number) => `meeting:${meetingId}:`;
const remindKey = (meetingId: number, offsetMin: number) => `meeting:${meetingId}:remind:${offsetMin}m`;
const nudgeKey = (meetingId: number) => `meeting:${meetingId}:nudge`;

export interface RemindPayload {
  meetingId: number;
  offsetMin: number;
}

/** (Re)schedules every reminder of a meeting from its start time; ones already due are dropped. */
export async function scheduleReminders(tasks: Tasks, now: Date, meeting: { id: number; startsAt: Date }, offsets: number[]): Promise<void> {
  const plan: { key: string; kind: string; dueAt: Date; payload: Record<string, unknown> }[] = [
    ...offsets.map((offsetMin) => ({
      key: remindKey(meeting.id, offsetMin),
      kind: REMIND_TASK,
      dueAt: new Date(meeting.startsAt.getTime() - offsetMin * 60_000),
      payload: { meetingId: meeting.id, offsetMin } satisfies RemindPayload,
    })),
    {
      key: nudgeKey(meeting.id),
      kind: NUDGE_TASK,
      dueAt: new Date(meeting.startsAt.getTime() - NUDGE_BEFORE_MIN * 60_000),
      payload: { meetingId: meeting.id, offsetMin: NUDGE_BEFORE_MIN } satisfies RemindPayload,
    },
  ];
  for (const p of plan) {
    // a reminder whose time has passed (a meeting announced or moved to less than that ahead) is not sent
    if (p.dueAt.getTime() <= now.getTime()) await tasks.cancel(p.key);
    else await tasks.schedule({ kind: p.kind, payload: p.payload, dueAt: p.dueAt, eventAt: meeting.startsAt, dedupeKey: p.key });
  }
}

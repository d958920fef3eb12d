// Reminders before a course starts: the day before at 10:00, and an hour before the start when the
// course starts at a given time (not for a start given as a bare date, i.e. midnight, nor at night).
// One task per course and kind (re-scheduled when its dates move, dropped when it is cancelled); at
// run time it tells everyone then registered, once (the notices' dedupe keys).
import { DateTime } from "luxon";
import type { Db } from "../../db/client.js";
import type { Notice } from "../outbox.js";
import type { Tasks } from "../tasks.js";
import { formatDateTime } from "../time.js";

export const REMIND_TASK = "course.remind";
const KINDS = ["day", "hour"] as const;
type ReminderKind = (typeof KINDS)[number];
export const remindKey = (courseId: number, kind: ReminderKind = "day") => `course-remind:${courseId}:${kind}`;

/** The day before the start, at 10:00 in the deployment's zone. */
export function reminderTime(start: Date, zone: string): Date {
  return DateTime.fromJSDate(start, { zone }).minus({ days: 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

/** An hour before the start; none when the start is a bare date (midnight) or that hour is before 07:00. */
export function soonReminderTime(start: Date, zone: string): Date | null {
  const local = DateTime.fromJSDate(start, { zone });
  const at = local.minus({ hours: 1 });
  if ((local.hour === 0 && local.minute === 0) || at.hour < 7) return null;
  return at.toJSDate();
}

/** The reminder someone signing up now will still get: the day before, an hour before, or none (it is too late for both). */
export function nextReminder(start: Date, zone: string, now: Date): "day" | "hour" | null {
  if (reminderTime(start, zone) > now) return "day";
  const soon = soonReminderTime(start, zone);
  return soon && soon > now ? "hour" : null;
}

export function createCourseReminders(db: Db, tasks: Tasks, zone: string) {
  tasks.handle(REMIND_TASK, async ({ payload, late }) => {
    const courseId = Number(payload.courseId);
    const kind: ReminderKind = payload.kind === "hour" ? "hour" : "day";
    const course = await db.course.findUnique({ where: { id: courseId } });
    if (!course || course.status === "cancelled" || course.status === "finished") return [];
    const regs = await db.courseRegistration.findMany({ where: { courseId, status: "registered" }, include: { user: { select: { language: true } } } });
    return regs.map(
      (r): Notice => ({
        userId: r.userId,
        key: kind === "hour" ? "course-reminder-soon" : "course-reminder",
        vars: { title: course.title, start: formatDateTime(course.startDate, r.user.language, zone), place: course.place ?? "—", late: late ? "yes" : "no" },
        // the day reminder kept its original key: a reminder already sent is not sent again
        dedupeKey: `course-remind:${courseId}:${r.userId}:${course.startDate.getTime()}${kind === "hour" ? ":hour" : ""}`,
        groupId: `course-remind:${courseId}`,
      }),
    );
  });

  async function one(course: { id: number; startDate: Date }, kind: ReminderKind, dueAt: Date | null, now: Date): Promise<void> {
    if (!dueAt || dueAt.getTime() <= now.getTime()) {
      await tasks.cancel(remindKey(course.id, kind));
      return;
    }
    await tasks.schedule({
      kind: REMIND_TASK,
      payload: { courseId: course.id, kind },
      dueAt,
      eventAt: course.startDate,
      dedupeKey: remindKey(course.id, kind),
    });
  }

  return {
    async schedule(course: { id: number; startDate: Date }, now: Date): Promise<void> {
      await one(course, "day", reminderTime(course.startDate, zone), now);
      await one(course, "hour", soonReminderTime(course.startDate, zone), now);
    },
    cancel: (courseId: number) => tasks.cancel(`course-remind:${courseId}:`),
  };
}

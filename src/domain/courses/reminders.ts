// Reminders before a course starts: one task per course (re-scheduled when its dates move, dropped
// when it is cancelled); at run time it tells everyone then registered.
import { DateTime } from "luxon";
import type { Db } from "../../db/client.js";
import type { Notice } from "../outbox.js";
import type { Tasks } from "../tasks.js";
import { formatDateTime } from "../time.js";

export const REMIND_TASK = "course.remind";
export const remindKey = (courseId: number) => `course-remind:${courseId}:day`;

/** The day before the start, at 10:00 in the deployment's zone. */
export function reminderTime(start: Date, zone: string): Date {
  return DateTime.fromJSDate(start, { zone }).minus({ days: 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

export function createReminders(db: Db, tasks: Tasks, zone: string) {
  tasks.handle(REMIND_TASK, async ({ payload }) => {
    const courseId = Number(payload.courseId);
    const course = await db.course.findUnique({ where: { id: courseId } });
    if (!course || course.status === "cancelled" || course.status === "finished") return [];
    const regs = await db.courseRegistration.findMany({ where: { courseId, status: "registered" }, include: { user: { select: { language: true } } } });
    return regs.map(
      (r): Notice => ({
        userId: r.userId,
        key: "course-reminder",
        vars: { title: course.title, start: formatDateTime(course.startDate, r.user.language, zone), place: course.place ?? "—" },
        dedupeKey: `course-remind:${courseId}:${r.userId}:${course.startDate.getTime()}`,
        groupId: `course-remind:${courseId}`,
      }),
    );
  });

  return {
    async schedule(course: { id: number; startDate: Date }, now: Date): Promise<void> {
      const dueAt = reminderTime(course.startDate, zone);
      if (dueAt.getTime() <= now.getTime()) {
        await tasks.cancel(`course-remind:${course.id}:`);
        return;
      }
      await tasks.schedule({ kind: REMIND_TASK, payload: { courseId: course.id }, dueAt, eventAt: course.startDate, dedupeKey: remindKey(course.id) });
    },
    cancel: (courseId: number) => tasks.cancel(`course-remind:${courseId}:`),
  };
}

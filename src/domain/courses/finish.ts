// A course is over at the end of its last day (deployment's zone): a task then marks it finished, so
// it leaves "running" lists; the methodists still find it (under the running ones) to mark completion.
import { DateTime } from "luxon";
import type { Db } from "../../db/client.js";
import type { Tasks } from "../tasks.js";

export const FINISH_TASK = "course.finish";
export const finishKey = (courseId: number) => `course-finish:${courseId}:end`;

/** The end of the course's last day (endDate is the start of that day). */
export function finishTime(endDate: Date, zone: string): Date {
  return DateTime.fromJSDate(endDate, { zone }).startOf("day").plus({ days: 1 }).toJSDate();
}

export function createCourseFinishing(db: Db, tasks: Tasks, zone: string) {
  tasks.handle(FINISH_TASK, async ({ payload, now }) => {
    const id = Number(payload.courseId);
    const course = await db.course.findUnique({ where: { id }, select: { endDate: true } });
    // the end moved later after this run was claimed: its own (re-scheduled) task finishes it
    if (!course || finishTime(course.endDate, zone) > now) return [];
    await db.course.updateMany({ where: { id, status: { in: ["open", "closed"] } }, data: { status: "finished", updatedAt: now } });
    return [];
  });

  return {
    schedule: (course: { id: number; endDate: Date }) =>
      tasks.schedule({ kind: FINISH_TASK, payload: { courseId: course.id }, dueAt: finishTime(course.endDate, zone), dedupeKey: finishKey(course.id) }),
    cancel: (courseId: number) => tasks.cancel(finishKey(courseId)),
  };
}

// A teacher's record of professional activity in the current academic year: courses completed (and
// their hours), meetings attended, open lessons given and visited, materials published. What she shows
// at attestation, and what the profile card sums up.
import type { Db } from "../db/client.js";
import type { Clock } from "./clock.js";
import { academicYear } from "./coverage/index.js";

export interface ActivityRecord {
  /** "2026/2027" */
  year: string;
  coursesCompleted: number;
  courseHours: number;
  meetingsAttended: number;
  lessonsGiven: number;
  lessonsVisited: number;
  materialsPublished: number;
}

export function createRecordService(db: Db, deps: { clock: Clock; zone: string }) {
  return {
    /** What `userId` did from 1 September until now (lessons count once they have begun). */
    async of(userId: number): Promise<ActivityRecord> {
      const now = deps.clock.now();
      const { from, to, label } = academicYear(now, deps.zone);
      const [courses, meetingsAttended, lessonsGiven, lessonsVisited, materialsPublished] = await Promise.all([
        db.courseRegistration.findMany({
          where: { userId, status: "completed", course: { startDate: { gte: from, lt: to } } },
          select: { course: { select: { hours: true } } },
        }),
        db.meetingRsvp.count({ where: { userId, attended: true, meeting: { startsAt: { gte: from, lt: to } } } }),
        db.openLesson.count({ where: { authorId: userId, status: "approved", startsAt: { gte: from, lte: now } } }),
        db.lessonVisit.count({ where: { userId, status: "going", lesson: { status: "approved", startsAt: { gte: from, lte: now } } } }),
        db.material.count({ where: { authorId: userId, status: "approved", moderatedAt: { gte: from, lt: to } } }),
      ]);
      return {
        year: label,
        coursesCompleted: courses.length,
        courseHours: courses.reduce((sum, r) => sum + r.course.hours, 0),
        meetingsAttended,
        lessonsGiven,
        lessonsVisited,
        materialsPublished,
      };
    },
  };
}

export type RecordService = ReturnType<typeof createRecordService>;

// Courses as plain data: what the service returns and the bot, the site and the reports show.
import type { Course, CourseRegistration, RegistrationStatus } from "../../generated/sqlite/client.js";

export type { Course, CourseRegistration, RegistrationStatus };

export interface CourseInfo extends Course {
  subjects: { id: number; nameRu: string; nameEn: string }[];
  /** the district whose teachers the course is for (districtId); null: a course for everyone */
  districtName: string | null;
}

/** registered: which reminder she will still get (none for a course about to start); waiting: her place in the queue */
export type SignUpResult = { status: "registered"; reminder: "day" | "hour" | null } | { status: "waiting"; position: number };

export interface MyRegistration extends CourseRegistration {
  course: Course;
  /** on the waiting list: 1 = next */
  position: number | null;
}

export interface Participant {
  id: number;
  userId: number;
  status: RegistrationStatus;
  name: string;
  school: string;
  /** the school's cluster (школьный округ), "" when the directory has none */
  cluster: string;
  /** the teacher's subjects, in the language asked for */
  subjects: string[];
  position: number | null;
  /** when the current sign-up was made (a new sign-up after a cancellation starts anew) */
  queuedAt: Date;
  completedAt: Date | null;
}

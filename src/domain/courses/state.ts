// What a course's registration means now: its stored status, and what time has made of it. An open
// course past its registration deadline takes no one (nor onto its waiting list); one that has begun is
// under way whatever its registration was.
import type { Course, CourseStatus } from "../../generated/sqlite/client.js";

export type CourseState = CourseStatus | "deadline-passed" | "running";

export function courseState(c: Pick<Course, "status" | "registrationDeadline" | "startDate">, now: Date): CourseState {
  if (c.status === "cancelled" || c.status === "finished") return c.status;
  if (c.startDate <= now) return "running";
  if (c.status === "open" && c.registrationDeadline <= now) return "deadline-passed";
  return c.status;
}

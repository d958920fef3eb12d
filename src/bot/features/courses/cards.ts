// How a course reads in a list, on its card, and in a teacher's "My courses".
import { type Course, type CourseInfo, courseState, type MyRegistration } from "../../../domain/courses/index.js";
import { formatDate, formatDateTime } from "../../../domain/time.js";
import type { Translate } from "../../../i18n.js";

export interface View {
  t: Translate;
  locale: string;
  zone: string;
  /** what time has made of a course (deadline passed, begun); without it, its stored status (a preview) */
  now?: Date;
}

/** Whether anyone may still sign up for the course (or join its waiting list). */
const joinableNow = (v: View, c: Course) => (v.now ? courseState(c, v.now) === "open" : c.status === "open");

/** Free seats; a full course offers its waiting list only to whom may still join it (`joinable`). */
export function seatsLine(v: View, c: Pick<Course, "seats" | "seatsTaken">, joinable = true): string {
  const left = c.seats - c.seatsTaken;
  if (left > 0) return v.t("course-seats-left", { left, seats: c.seats });
  return v.t(joinable ? "course-seats-waiting" : "course-seats-full", { seats: c.seats });
}

export function dates(v: View, c: Pick<Course, "startDate" | "endDate">): string {
  const start = formatDate(c.startDate, v.locale, v.zone);
  const end = formatDate(c.endDate, v.locale, v.zone);
  return start === end ? start : `${start} — ${end}`;
}

/** The few lines a course takes in the catalog; a district's course says whose it is. */
export function courseSummary(v: View, c: Course & { districtName?: string | null }, joinable = joinableNow(v, c)): string {
  const summary = v.t("course-summary", {
    title: c.title,
    provider: c.provider,
    format: v.t(`course-format-${c.format.replace("_", "-")}`),
    dates: dates(v, c),
    hours: c.hours,
    seats: seatsLine(v, c, joinable),
    deadline: formatDateTime(c.registrationDeadline, v.locale, v.zone),
  });
  return c.districtId !== null && c.districtName ? `${summary}\n${v.t("course-district-line", { district: c.districtName })}` : summary;
}

/** `joinable`: whether the reader may still sign up (or queue); a teacher holding a seat is not offered the waiting list. */
export function courseCard(v: View, c: CourseInfo, joinable = joinableNow(v, c)): string {
  const subjects = c.subjects.map((s) => (v.locale === "en" ? s.nameEn : s.nameRu)).join(", ");
  // the summary is already HTML: joined, not passed as a (re-escaped) variable
  return `${courseSummary(v, c, joinable)}\n\n${v.t("course-card", {
    description: c.description,
    place: c.place ?? "—",
    subjects: subjects || "—",
    status: v.t(`course-status-${v.now ? courseState(c, v.now) : c.status}`),
  })}`;
}

type RegView = Pick<MyRegistration, "status" | "position" | "offerExpiresAt"> & { course: Pick<Course, "startDate" | "status"> };

/** Her registration's status; once the course has begun, a place in the queue no longer means anything. */
export function registrationStatus(v: View, r: RegView, now: Date): string {
  const begun = r.course.startDate <= now || r.course.status === "finished";
  if (r.status === "waiting") return begun ? v.t("course-reg-missed") : v.t("course-reg-waiting", { position: r.position ?? 0 });
  if (r.status === "offered" && r.offerExpiresAt) return v.t("course-reg-offered", { until: formatDateTime(r.offerExpiresAt, v.locale, v.zone) });
  if (r.status === "registered" && r.course.status === "finished") return v.t("course-reg-finished");
  // the methodist cancelled the course: that is what matters now, whoever ended her registration first
  if (r.status === "cancelled" && r.course.status === "cancelled") return v.t("course-reg-course-cancelled");
  return v.t(`course-reg-${r.status}`);
}

export function myCourseLine(v: View, r: MyRegistration, now: Date): string {
  return v.t("course-my-line", { title: r.course.title, dates: dates(v, r.course), status: registrationStatus(v, r, now) });
}

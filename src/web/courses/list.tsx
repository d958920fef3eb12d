// The list of courses. A methodist sees the chat's methodists' list (her district's courses and those for
// everyone; running first, then finished), each with seats taken of total and the waiting list's length;
// a teacher sees what the chat's catalog shows her (open courses for her district and for everyone) and
// her own registrations.
import type { Course } from "../../domain/courses/index.js";
import { courseState } from "../../domain/courses/index.js";
import { formatDate } from "../../domain/time.js";
import { Table } from "../components/table.js";
import type { WebT } from "../context.js";

export interface CourseRow {
  course: Pick<Course, "id" | "title" | "provider" | "startDate" | "endDate" | "seats" | "seatsTaken" | "status" | "registrationDeadline">;
  district: string | null;
  waiting: number;
  /** the teacher's registration, as the chat words it ("" for none) */
  mine?: string;
  /** a link to the course's page (methodists) */
  href?: string;
}

export function CourseTable(props: { t: WebT; rows: CourseRow[]; id: string; locale: string; zone: string; now: Date; teacher?: boolean }) {
  const { t, locale, zone, now } = props;
  const day = (d: Date) => formatDate(d, locale, zone);
  return (
    <Table<CourseRow>
      id={props.id}
      rows={props.rows}
      columns={[
        { header: t("web-courses-col-title"), cell: (r) => (r.href ? <a href={r.href}>{r.course.title}</a> : r.course.title), value: (r) => r.course.title },
        {
          header: t("web-courses-col-dates"),
          cell: (r) => `${day(r.course.startDate)} – ${day(r.course.endDate)}`,
          value: (r) => r.course.startDate.getTime(),
        },
        {
          header: t("web-courses-col-seats"),
          cell: (r) => t("web-courses-seats", { taken: r.course.seatsTaken, seats: r.course.seats }),
          value: (r) => r.course.seatsTaken,
          num: true,
        },
        { header: t("web-courses-col-waiting"), cell: (r) => String(r.waiting), value: (r) => r.waiting, num: true },
        { header: t("web-courses-col-state"), cell: (r) => t(`course-status-${courseState(r.course, now)}`), wide: true },
        props.teacher
          ? { header: t("web-courses-col-mine"), cell: (r) => r.mine ?? "" }
          : { header: t("web-courses-col-district"), cell: (r) => r.district ?? t("web-courses-for-everyone"), wide: true },
      ]}
    />
  );
}

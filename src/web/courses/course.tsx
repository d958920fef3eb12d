// A course's page for methodists: its figures, the participants as a sortable table with a checkbox for
// each registered one (completion is marked in one POST, through the same service as the chat's "🎓 Mark
// completion"), the waiting list in its order, the chat's .xlsx.
import type { CourseInfo, Participant } from "../../domain/courses/index.js";
import type { CourseAccess } from "../../domain/courses/manage.js";
import { courseState } from "../../domain/courses/index.js";
import { formatDate } from "../../domain/time.js";
import { Table } from "../components/table.js";
import type { WebT } from "../context.js";
import { Figures } from "../monitoring/common.js";

export interface CourseView {
  course: CourseInfo;
  access: CourseAccess;
  people: Participant[];
  /** completion can be marked now: the course has begun, is not cancelled, and is hers to manage */
  markable: boolean;
}

const statusText = (t: WebT, p: Participant) =>
  p.status === "waiting" ? t("course-sheet-status-waiting", { position: p.position ?? 0 }) : t(`course-sheet-status-${p.status}`);

export function CoursePage(props: { t: WebT; view: CourseView; locale: string; zone: string; now: Date; notice?: string | null }) {
  const { t, view, locale, zone, now } = props;
  const { course, people } = view;
  const day = (d: Date) => formatDate(d, locale, zone);
  const seated = people.filter((p) => p.status !== "waiting");
  const waiting = people.filter((p) => p.status === "waiting").sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const registered = seated.filter((p) => p.status === "registered").length;
  return (
    <>
      <h2>{course.title}</h2>
      <p class="muted">
        {[
          course.provider,
          `${day(course.startDate)} – ${day(course.endDate)}`,
          t(`course-status-${courseState(course, now)}`),
          course.districtName ?? t("web-courses-for-everyone"),
        ].join(" · ")}
      </p>
      {props.notice ? <p class="card">{props.notice}</p> : null}
      <Figures
        items={[
          [t("web-courses-fig-seats"), t("web-courses-seats", { taken: course.seatsTaken, seats: course.seats })],
          [t("web-courses-fig-waiting"), waiting.length],
          [t("web-courses-fig-completed"), seated.filter((p) => p.status === "completed").length],
        ]}
      />
      {view.access === "view" ? <p class="muted">{t("web-courses-view-only")}</p> : null}
      <div class="actions">
        <a href={`/courses/${course.id}/participants.xlsx`}>{t("web-monitoring-download")}</a>
      </div>
      <h2>{t("web-courses-participants")}</h2>
      {seated.length ? (
        <form method="post" action={`/courses/${course.id}/complete`}>
          <Table<Participant>
            id="participants"
            rows={seated}
            columns={[
              ...(view.markable
                ? [
                    {
                      header: t("web-courses-col-mark"),
                      cell: (p: Participant) =>
                        p.status === "registered" ? (
                          <input type="checkbox" name="reg" value={String(p.id)} aria-label={t("web-courses-mark-one", { name: p.name })} />
                        ) : null,
                      value: (p: Participant) => (p.status === "registered" ? 0 : 1),
                    },
                  ]
                : []),
              { header: t("sheet-col-name"), cell: (p) => p.name },
              { header: t("sheet-col-school"), cell: (p) => p.school },
              { header: t("course-sheet-col-subjects"), cell: (p) => p.subjects.join(", "), wide: true },
              { header: t("course-sheet-col-status"), cell: (p) => statusText(t, p) },
              { header: t("course-sheet-col-signed-up"), cell: (p) => day(p.queuedAt), value: (p) => p.queuedAt.getTime(), wide: true },
              {
                header: t("course-sheet-col-completed"),
                cell: (p) => (p.completedAt ? day(p.completedAt) : ""),
                value: (p) => p.completedAt?.getTime() ?? 0,
                wide: true,
              },
            ]}
          />
          {view.markable && registered ? (
            <p>
              <button type="submit">{t("web-courses-mark-button")}</button>
            </p>
          ) : null}
        </form>
      ) : (
        <p class="card">{t("web-courses-nobody")}</p>
      )}
      {!view.markable && view.access === "manage" && registered ? <p class="muted">{t("web-courses-mark-later")}</p> : null}
      <h2>{t("web-courses-waiting-list")}</h2>
      {waiting.length ? (
        <Table<Participant>
          id="waiting"
          rows={waiting}
          columns={[
            { header: t("sheet-col-number"), cell: (p) => String(p.position ?? ""), value: (p) => p.position ?? 0, num: true },
            { header: t("sheet-col-name"), cell: (p) => p.name },
            { header: t("sheet-col-school"), cell: (p) => p.school },
            { header: t("course-sheet-col-signed-up"), cell: (p) => day(p.queuedAt), value: (p) => p.queuedAt.getTime(), wide: true },
          ]}
        />
      ) : (
        <p class="muted">{t("web-courses-nobody-waiting")}</p>
      )}
    </>
  );
}

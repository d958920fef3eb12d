// A meeting's page for methodists: its figures, everyone invited with her answer (going / not going / no
// answer) and a checkbox each for attendance, sent in one POST (the same service as the chat's "✅ Mark
// attendance"); its .ics.
import type { MeetingView, RsvpRow } from "../../domain/meetings/types.js";
import { formatDateTime } from "../../domain/time.js";
import { Table } from "../components/table.js";
import type { WebT } from "../context.js";
import { Figures } from "../monitoring/common.js";

export interface MeetingPageView {
  meeting: MeetingView;
  rows: RsvpRow[];
  /** attendance can be marked now: it has begun and is not cancelled */
  markable: boolean;
}

const answerTag = (t: WebT, r: RsvpRow) =>
  r.answer === "going" ? (
    <span class="tag ok">{t("web-meetings-answer-going")}</span>
  ) : r.answer === "not_going" ? (
    <span class="tag">{t("web-meetings-answer-not-going")}</span>
  ) : (
    <span class="tag warn">{t("web-meetings-answer-none")}</span>
  );

export function MeetingPage(props: { t: WebT; view: MeetingPageView; locale: string; zone: string; notice?: string | null }) {
  const { t, view, locale, zone } = props;
  const { meeting: m, rows } = view;
  const count = (f: (r: RsvpRow) => boolean) => rows.filter(f).length;
  return (
    <>
      <h2>{m.title}</h2>
      <p class="muted">
        {[
          t(`meeting-kind-${m.kind}`),
          formatDateTime(m.startsAt, locale, zone),
          m.place ?? m.onlineUrl ?? "",
          m.status === "cancelled" ? t("web-meetings-cancelled") : "",
          m.districtName ?? "",
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {props.notice ? <p class="card">{props.notice}</p> : null}
      <Figures
        items={[
          [t("web-meetings-fig-invited"), rows.length],
          [t("web-meetings-fig-going"), count((r) => r.answer === "going")],
          [t("web-meetings-fig-not-going"), count((r) => r.answer === "not_going")],
          [t("web-meetings-fig-silent"), count((r) => r.answer === null)],
          [t("web-meetings-fig-attended"), count((r) => r.attended === true)],
        ]}
      />
      <div class="actions">
        <a href={`/meetings/${m.id}/calendar.ics`}>{t("web-meetings-ics")}</a>
      </div>
      {rows.length ? (
        <form method="post" action={`/meetings/${m.id}/attendance`}>
          <Table<RsvpRow>
            id="invitees"
            rows={rows}
            columns={[
              { header: t("sheet-col-name"), cell: (r) => r.name },
              { header: t("sheet-col-school"), cell: (r) => r.school },
              { header: t("sheet-col-cluster"), cell: (r) => r.cluster, wide: true },
              {
                header: t("web-meetings-col-answer"),
                cell: (r) => answerTag(t, r),
                value: (r) => (r.answer === "going" ? 0 : r.answer === "not_going" ? 1 : 2),
              },
              {
                header: t("web-meetings-col-attended"),
                cell: (r) =>
                  view.markable ? (
                    <input
                      type="checkbox"
                      name="attended"
                      value={String(r.userId)}
                      checked={r.attended === true}
                      aria-label={t("web-meetings-mark-one", { name: r.name })}
                    />
                  ) : r.attended === true ? (
                    t("web-meetings-came")
                  ) : r.attended === false ? (
                    t("web-meetings-did-not-come")
                  ) : (
                    ""
                  ),
                value: (r) => (r.attended === true ? 0 : r.attended === false ? 1 : 2),
              },
            ]}
          />
          {view.markable ? (
            <p>
              <button type="submit">{t("web-meetings-mark-button")}</button>
            </p>
          ) : (
            <p class="muted">{m.status === "cancelled" ? t("web-meetings-cancelled") : t("web-meetings-mark-later")}</p>
          )}
        </form>
      ) : (
        <p class="card">{t("web-meetings-nobody")}</p>
      )}
    </>
  );
}

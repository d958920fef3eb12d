// The moderation pages: the queue (materials and open lessons waiting for this methodist, the chat's
// queue as a list) and one item with its verdict forms. A refused verdict (a reason too short, someone
// else was first) is shown above the forms, with what she typed kept.
import type { LessonView } from "../../domain/lessons/types.js";
import { lessonVars } from "../../domain/lessons/format.js";
import type { MaterialCard } from "../../domain/materials/index.js";
import { formatDateTime } from "../../domain/time.js";
import { MaterialFacts, MaterialSource } from "../bank/material.js";
import { Table } from "../components/table.js";
import type { WebT } from "../context.js";

export interface QueueMaterial {
  id: number;
  title: string;
  authorName: string;
  createdAt: Date;
}

export function Queue(props: { t: WebT; locale: string; zone: string; materials: QueueMaterial[]; lessons: LessonView[]; done?: string | undefined }) {
  const { t, locale, zone } = props;
  return (
    <>
      {props.done ? (
        <p class="card notice" role="status">
          {t(`web-moderation-done-${props.done}`)}
        </p>
      ) : null}
      <h2>{t("web-moderation-materials", { count: props.materials.length })}</h2>
      {props.materials.length ? (
        <Table<QueueMaterial>
          id="materials"
          rows={props.materials}
          columns={[
            { header: t("web-bank-col-title"), cell: (m) => <a href={`/moderation/materials/${m.id}`}>{m.title}</a>, value: (m) => m.title },
            { header: t("web-moderation-col-author"), cell: (m) => m.authorName },
            {
              header: t("web-moderation-col-sent"),
              cell: (m) => formatDateTime(m.createdAt, locale, zone),
              value: (m) => m.createdAt.getTime(),
              wide: true,
            },
          ]}
        />
      ) : (
        <p class="card">{t("web-moderation-no-materials")}</p>
      )}
      <h2>{t("web-moderation-lessons", { count: props.lessons.length })}</h2>
      {props.lessons.length ? (
        <Table<LessonView>
          id="lessons"
          rows={props.lessons}
          columns={[
            { header: t("web-moderation-col-topic"), cell: (l) => <a href={`/moderation/lessons/${l.id}`}>{l.topic}</a>, value: (l) => l.topic },
            { header: t("web-moderation-col-author"), cell: (l) => l.authorName },
            { header: t("web-moderation-col-when"), cell: (l) => formatDateTime(new Date(l.startsAt), locale, zone), value: (l) => l.startsAt, wide: true },
          ]}
        />
      ) : (
        <p class="card">{t("web-moderation-no-lessons")}</p>
      )}
    </>
  );
}

/** Approve, and reject with a reason; `own`: her own work, which another methodist judges. */
function Verdict(props: { t: WebT; action: string; own: boolean; pending: boolean; error?: string | undefined; reason?: string | undefined; seen?: number }) {
  const { t } = props;
  const error = props.error ? (
    <p class="tag" role="alert" data-error>
      {props.error}
    </p>
  ) : null;
  if (props.own)
    return (
      <section class="card verdict">
        {error}
        <p>{t("web-moderation-own")}</p>
      </section>
    );
  // decided meanwhile (by someone else): the refusal says so, no forms any more
  if (!props.pending) return error ? <section class="card verdict">{error}</section> : null;
  const seen = props.seen === undefined ? null : <input type="hidden" name="seen" value={String(props.seen)} />;
  return (
    <section class="card verdict">
      {error}
      <form method="post" action={`${props.action}/approve`}>
        {seen}
        <button type="submit">{t("web-moderation-approve")}</button>
      </form>
      <form method="post" action={`${props.action}/reject`} class="reject">
        {seen}
        <label class="reason">
          <span>{t("web-moderation-reason")}</span>
          <textarea name="reason" rows={3} maxlength={500} required>
            {props.reason ?? ""}
          </textarea>
        </label>
        <button type="submit" class="secondary">
          {t("web-moderation-reject")}
        </button>
      </form>
    </section>
  );
}

export function MaterialReview(props: { t: WebT; locale: string; card: MaterialCard; own: boolean; error?: string | undefined; reason?: string | undefined }) {
  const { t, card } = props;
  return (
    <>
      <MaterialFacts t={t} card={card} locale={props.locale} />
      <Verdict
        t={t}
        action={`/moderation/materials/${card.id}`}
        own={props.own}
        pending={card.status === "pending"}
        error={props.error}
        reason={props.reason}
      />
      <MaterialSource t={t} card={card} />
    </>
  );
}

export function LessonReview(props: {
  t: WebT;
  locale: string;
  zone: string;
  lesson: LessonView;
  own: boolean;
  error?: string | undefined;
  reason?: string | undefined;
}) {
  const { t, lesson: l } = props;
  const v = lessonVars(l, props.locale, t, props.zone);
  const rows: [string, string][] = [
    [t("web-moderation-lesson-subject"), `${v.subject}, ${v.grade}`],
    [t("web-moderation-col-author"), String(v.author)],
    [t("web-moderation-col-when"), t("web-moderation-lesson-time", { when: String(v.when), duration: Number(v.duration) })],
    [t("web-moderation-lesson-place"), l.onlineUrl ? l.onlineUrl : `${v.school}, ${v.room}`],
    [t("web-moderation-lesson-method"), l.method],
    [t("web-moderation-lesson-seats"), String(l.seats)],
  ];
  return (
    <>
      <section class="card">
        <dl class="facts">
          {rows.map(([k, value]) => (
            <>
              <dt>{k}</dt>
              <dd>{value}</dd>
            </>
          ))}
        </dl>
        {l.status === "pending" ? null : <p class="tag warn">{t("web-moderation-lesson-status", { status: l.status })}</p>}
      </section>
      <Verdict
        t={t}
        action={`/moderation/lessons/${l.id}`}
        own={props.own}
        pending={l.status === "pending"}
        error={props.error}
        reason={props.reason}
        seen={l.sequence}
      />
    </>
  );
}

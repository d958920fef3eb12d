// Broadcasts (methodists and admins): past broadcasts with their delivery reports (the chat's counts:
// delivered, queued, blocked, failed, cancelled) and a survey's answers as a chart and a table, scoped as
// /broadcasts is (a district's methodist: her own and those limited to her district; another district's
// broadcast answers 404). A survey's answers are its author's and the admins' only, as in the chat.
import { parseAudience } from "../../domain/broadcasts/index.js";
import type { QuestionSummary } from "../../domain/broadcasts/answers.js";
import { percent } from "../../domain/by-school.js";
import { snippet } from "../../domain/text.js";
import { formatDateTime } from "../../domain/time.js";
import { audienceSummary } from "../../reports/audience.js";
import { surveyChart } from "../../reports/survey.js";
import { Chart } from "../components/chart.js";
import { Table } from "../components/table.js";
import type { WebT } from "../context.js";
import { Layout } from "../layout.js";
import { Figures } from "../monitoring/common.js";
import { Message } from "../pages.js";
import { route, type Section } from "../routes.js";

const PAGE = 20;

/**
 * The status as people mean it: a broadcast with nothing left in flight is finished even before the
 * report task records it (the page does not record it: that task sends the author's summary once).
 */
const shownStatus = (b: { status: string; counts: { queued: number; sending: number } }) =>
  b.status === "sending" && b.counts.queued + b.counts.sending === 0 ? "done" : b.status;

type Counts = { total: number; sent: number; queued: number; sending: number; blocked: number; failed: number; cancelled: number };

function DeliveryFigures(props: { t: WebT; c: Counts }) {
  const { t, c } = props;
  return (
    <Figures
      items={[
        [t("web-broadcasts-total"), c.total],
        [t("web-broadcasts-sent"), c.sent],
        [t("web-broadcasts-pending"), c.queued + c.sending],
        [t("web-broadcasts-blocked"), c.blocked],
        [t("web-broadcasts-failed"), c.failed],
        [t("web-broadcasts-cancelled"), c.cancelled],
      ]}
    />
  );
}

function SurveyResults(props: { t: WebT; id: number; s: QuestionSummary }) {
  const { t, s } = props;
  const rows = s.question.options.map((option, i) => ({ n: i + 1, option, count: s.counts[i]!, percent: percent(s.counts[i]!, s.answered) }));
  return (
    <section>
      <h2>{t("web-broadcasts-survey")}</h2>
      <p class="muted">
        {t("web-broadcasts-answered", { answered: s.answered, reached: s.reached })}
        {s.closed ? ` · ${t("web-broadcasts-closed")}` : ""}
      </p>
      <Chart chart={surveyChart(props.id, s, t)} />
      <Table<(typeof rows)[number]>
        id="answers"
        rows={rows}
        columns={[
          { header: "№", cell: (r) => String(r.n), value: (r) => r.n, num: true },
          { header: t("web-broadcasts-option"), cell: (r) => r.option },
          { header: t("web-broadcasts-count"), cell: (r) => String(r.count), value: (r) => r.count, num: true },
          { header: "%", cell: (r) => `${r.percent} %`, value: (r) => r.percent, num: true },
        ]}
      />
      {s.question.multiple ? <p class="muted">{t("web-broadcasts-multiple")}</p> : null}
    </section>
  );
}

export const broadcastsSection: Section = {
  id: "broadcasts",
  nav: { label: "web-nav-broadcasts", path: "/broadcasts", access: "methodist" },
  routes: (app) => {
    const { broadcasts, broadcastAnswers } = app.services;
    const zone = app.config.TIMEZONE;
    return [
      route({
        method: "GET",
        path: "/broadcasts",
        access: "methodist",
        handler: async ({ c, user }) => {
          const { t, locale } = c.var;
          const pageArg = c.req.query("page") ?? "0";
          if (!/^\d{1,4}$/.test(pageArg))
            return c.html(<Message frame={c.var.frame} title={t("web-refused-title")} text={t("web-broadcasts-bad-page")} />, 400);
          const page = Number(pageArg);
          const { items, total } = await broadcasts.list(user, page, PAGE);
          const pages = Math.ceil(total / PAGE);
          type Item = (typeof items)[number];
          return c.html(
            <Layout frame={c.var.frame} title={t("web-nav-broadcasts")}>
              <h1>{t("web-nav-broadcasts")}</h1>
              <p class="muted">{t("web-broadcasts-how")}</p>
              {items.length ? (
                <Table<Item>
                  id="broadcasts"
                  rows={items}
                  columns={[
                    { header: "№", cell: (b) => <a href={`/broadcasts/${b.id}`}>{`№ ${b.id}`}</a>, value: (b) => b.id, num: true },
                    {
                      header: t("web-broadcasts-col-date"),
                      cell: (b) => formatDateTime(b.confirmedAt ?? b.createdAt, locale, zone),
                      value: (b) => (b.confirmedAt ?? b.createdAt).getTime(),
                      wide: true,
                    },
                    { header: t("web-broadcasts-col-text"), cell: (b) => <a href={`/broadcasts/${b.id}`}>{snippet(b.text) || "—"}</a> },
                    { header: t("web-broadcasts-col-author"), cell: (b) => b.authorName ?? "—", wide: true },
                    { header: t("web-broadcasts-col-status"), cell: (b) => t("web-broadcasts-status", { status: shownStatus(b) }) },
                    {
                      header: t("web-broadcasts-col-delivered"),
                      cell: (b) => t("web-broadcasts-delivered", { sent: b.counts.sent, total: b.counts.total }),
                      value: (b) => b.counts.sent,
                      num: true,
                    },
                    { header: t("web-broadcasts-pending"), cell: (b) => String(b.counts.queued + b.counts.sending), num: true, wide: true },
                    { header: t("web-broadcasts-failed"), cell: (b) => String(b.counts.failed + b.counts.blocked), num: true, wide: true },
                  ]}
                />
              ) : (
                <p class="card">{t("web-broadcasts-none")}</p>
              )}
              {pages > 1 ? (
                <nav class="pager actions">
                  {page > 0 ? <a href={`/broadcasts?page=${page - 1}`}>{t("web-bank-prev")}</a> : null}
                  <span class="muted">{t("web-bank-page", { page: page + 1, pages })}</span>
                  {page + 1 < pages ? <a href={`/broadcasts?page=${page + 1}`}>{t("web-bank-next")}</a> : null}
                </nav>
              ) : null}
            </Layout>,
          );
        },
      }),
      route({
        method: "GET",
        path: "/broadcasts/:id",
        access: "methodist",
        handler: async ({ c, user }) => {
          const { t, locale } = c.var;
          const b = await broadcasts.visibleTo(user, Number(c.req.param("id")));
          if (!b) return c.html(<Message frame={c.var.frame} title={t("web-not-found-title")} text={t("web-broadcasts-not-found")} />, 404);
          const names = await broadcasts.names(parseAudience(b.audience));
          const survey = b.options !== null && broadcastAnswers.mayManage(user, b) ? await broadcastAnswers.summary(b.id) : null;
          return c.html(
            <Layout frame={c.var.frame} title={`№ ${b.id}`}>
              <p>
                <a href="/broadcasts">{t("web-broadcasts-back")}</a>
              </p>
              <h1>{t("web-broadcasts-title", { id: b.id })}</h1>
              <p class="muted">
                {t("web-broadcasts-meta", {
                  date: formatDateTime(b.confirmedAt ?? b.createdAt, locale, zone),
                  author: b.authorName ?? "—",
                  status: shownStatus(b),
                  urgent: b.urgent ? "yes" : "no",
                })}
              </p>
              <section class="card">
                <p class="pre">{b.text || "—"}</p>
                {b.attachmentKind ? <p class="muted">{t("web-broadcasts-attachment", { kind: b.attachmentKind })}</p> : null}
                <p class="muted pre">{`${t("web-broadcasts-audience")} ${audienceSummary(t, locale, names)}`}</p>
              </section>
              <h2>{t("web-broadcasts-delivery")}</h2>
              <DeliveryFigures t={t} c={b.counts} />
              {survey ? <SurveyResults t={t} id={b.id} s={survey} /> : b.options !== null ? <p class="card">{t("web-broadcasts-survey-hidden")}</p> : null}
            </Layout>,
          );
        },
      }),
    ];
  },
};

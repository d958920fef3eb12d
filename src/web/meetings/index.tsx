// Meetings: a methodist's meetings (those ahead, then the last month's: the chat's /meetings_admin list)
// with their answers; a meeting's page with everyone invited, her answer and attendance marked for many
// at once; its .ics. A teacher sees the meetings she is invited to, with her answer, and their .ics.
// Everything through the meeting service with the signed-in person as the actor: another district's
// meeting is not found.
import { buildIcs, icsFileName } from "../../domain/calendar.js";
import { isDomainError } from "../../domain/errors.js";
import type { Meeting, RsvpAnswer } from "../../domain/meetings/types.js";
import { formatDateTime } from "../../domain/time.js";
import { isMethodistRole, type User } from "../../domain/users.js";
import { Table } from "../components/table.js";
import type { SiteDeps, WebContext, WebT } from "../context.js";
import { idOf } from "../ids.js";
import { Layout } from "../layout.js";
import { Message } from "../pages.js";
import { route, type Section } from "../routes.js";
import { MeetingPage, type MeetingPageView } from "./meeting.js";

interface MeetingRow {
  meeting: Meeting;
  going: number;
  notGoing: number;
  audience: number;
  answer?: RsvpAnswer | null;
  href?: string;
}

function MeetingTable(props: { t: WebT; rows: MeetingRow[]; locale: string; zone: string; teacher?: boolean }) {
  const { t, locale, zone } = props;
  return (
    <Table<MeetingRow>
      id="meetings"
      rows={props.rows}
      columns={[
        { header: t("web-meetings-col-when"), cell: (r) => formatDateTime(r.meeting.startsAt, locale, zone), value: (r) => r.meeting.startsAt.getTime() },
        {
          header: t("web-meetings-col-title"),
          cell: (r) => (r.href ? <a href={r.href}>{r.meeting.title}</a> : r.meeting.title),
          value: (r) => r.meeting.title,
        },
        { header: t("web-meetings-col-kind"), cell: (r) => t(`meeting-kind-${r.meeting.kind}`), wide: true },
        ...(props.teacher
          ? [
              {
                header: t("web-meetings-col-your-answer"),
                cell: (r: MeetingRow) =>
                  t(
                    r.answer === "going"
                      ? "web-meetings-answer-going"
                      : r.answer === "not_going"
                        ? "web-meetings-answer-not-going"
                        : "web-meetings-answer-none",
                  ),
              },
            ]
          : [
              { header: t("web-meetings-fig-going"), cell: (r: MeetingRow) => String(r.going), value: (r: MeetingRow) => r.going, num: true },
              {
                header: t("web-meetings-fig-not-going"),
                cell: (r: MeetingRow) => String(r.notGoing),
                value: (r: MeetingRow) => r.notGoing,
                num: true,
                wide: true,
              },
              {
                header: t("web-meetings-fig-invited"),
                cell: (r: MeetingRow) => String(r.audience),
                value: (r: MeetingRow) => r.audience,
                num: true,
                wide: true,
              },
              {
                header: t("web-meetings-col-status"),
                cell: (r: MeetingRow) => (r.meeting.status === "cancelled" ? <span class="tag">{t("web-meetings-cancelled")}</span> : ""),
                wide: true,
              },
            ]),
        { header: t("web-meetings-col-calendar"), cell: (r) => <a href={`/meetings/${r.meeting.id}/calendar.ics`}>.ics</a> },
      ]}
    />
  );
}

/** The meeting as the methodist manages it, or null: no such meeting, or another district's. */
async function meetingView(app: SiteDeps, user: User, id: number | null): Promise<MeetingPageView | null> {
  if (id === null) return null;
  const { meetings } = app.services;
  try {
    const meeting = await meetings.managed(user, id);
    const rows = await meetings.attendanceList(user, id);
    return { meeting, rows, markable: meeting.status !== "cancelled" && meeting.startsAt <= app.deps.clock.now() };
  } catch (e) {
    if (isDomainError(e) && e.code === "meeting-not-found") return null;
    throw e;
  }
}

const notFound = (c: WebContext) =>
  c.html(<Message frame={c.var.frame} title={c.var.t("web-not-found-title")} text={c.var.t("web-meetings-not-found")} />, 404);

export const meetingsSection: Section = {
  id: "meetings",
  nav: { label: "web-nav-meetings", path: "/meetings", access: "registered" },
  routes: (app) => {
    const { meetings } = app.services;
    const zone = app.config.TIMEZONE;
    return [
      route({
        method: "GET",
        path: "/meetings",
        access: "registered",
        handler: async ({ c, user }) => {
          const { t, locale } = c.var;
          let rows: MeetingRow[];
          if (isMethodistRole(user.role)) {
            const list = await meetings.recent(user, 50, 30);
            rows = [];
            for (const m of list) rows.push({ meeting: m, ...(await meetings.counts(m.id)), href: `/meetings/${m.id}` });
          } else {
            rows = (await meetings.upcomingFor(user.id, 50)).map((m) => ({ meeting: m, going: 0, notGoing: 0, audience: 0, answer: m.answer }));
          }
          return c.html(
            <Layout frame={c.var.frame} title={t("web-nav-meetings")}>
              <h1>{t("web-nav-meetings")}</h1>
              {rows.length ? (
                <MeetingTable t={t} rows={rows} locale={locale} zone={zone} teacher={!isMethodistRole(user.role)} />
              ) : (
                <p class="card">{t("web-meetings-none")}</p>
              )}
              {isMethodistRole(user.role) ? null : <p class="muted">{t("web-meetings-answer-in-chat")}</p>}
            </Layout>,
          );
        },
      }),
      route({
        method: "GET",
        path: "/meetings/:id",
        access: "methodist",
        handler: async ({ c, user }) => {
          const { t, locale } = c.var;
          const view = await meetingView(app, user, idOf(c.req.param("id")));
          if (!view) return notFound(c);
          const marked = c.req.query("marked");
          return c.html(
            <Layout frame={c.var.frame} title={view.meeting.title}>
              <h1>{t("web-nav-meetings")}</h1>
              <p>
                <a href="/meetings">{t("web-meetings-back")}</a>
              </p>
              <MeetingPage
                t={t}
                view={view}
                locale={locale}
                zone={zone}
                notice={marked !== undefined && /^\d+$/.test(marked) ? t("web-meetings-marked", { count: Number(marked) }) : null}
              />
            </Layout>,
          );
        },
      }),
      route({
        method: "GET",
        path: "/meetings/:id/calendar.ics",
        access: "registered",
        handler: async ({ c, user }) => {
          const id = idOf(c.req.param("id"));
          if (id === null) return notFound(c);
          let m: Meeting;
          try {
            m = await meetings.visibleTo(user, id);
          } catch (e) {
            if (isDomainError(e) && e.code === "meeting-not-found") return notFound(c);
            throw e;
          }
          const event = meetings.calendarEvent(m, c.var.locale);
          return new Response(buildIcs(event), {
            headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": `attachment; filename="${icsFileName(event.uid)}"` },
          });
        },
      }),
      route({
        method: "POST",
        path: "/meetings/:id/attendance",
        access: "methodist",
        handler: async ({ c, user }) => {
          const { t } = c.var;
          const view = await meetingView(app, user, idOf(c.req.param("id")));
          if (!view) return notFound(c);
          const form = await c.req.parseBody({ all: true });
          const asked = ([] as unknown[]).concat(form.attended ?? []).map((v) => (typeof v === "string" ? idOf(v) : null));
          // every id must be one of those invited (or who answered): else nothing is marked
          const known = new Map(view.rows.map((r) => [r.userId, r]));
          if (asked.some((id) => id === null || !known.has(id))) {
            return c.html(<Message frame={c.var.frame} title={t("web-refused-title")} text={t("web-meetings-unknown-person")} />, 400);
          }
          const checked = new Set(asked as number[]);
          let changed = 0;
          for (const r of view.rows) {
            const want = checked.has(r.userId);
            // a box left empty takes back a mark made before; one never marked stays unmarked
            if (want === (r.attended === true) || (!want && r.attended !== true)) continue;
            await meetings.markAttendance(user, view.meeting.id, r.userId, want);
            changed++;
          }
          return c.redirect(`/meetings/${view.meeting.id}?marked=${changed}`, 303);
        },
      }),
    ];
  },
};

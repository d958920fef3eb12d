// Courses: the list (a methodist's courses with seats and waiting lists; a teacher's catalog and her
// registrations, as the chat shows them), a course's page for methodists (participants, completion
// marked for many at once, the waiting list, the chat's .xlsx). Everything through the course service,
// with the signed-in person as the actor: another district's course is not found.
import { isDomainError } from "../../domain/errors.js";
import { isMethodistRole, type User } from "../../domain/users.js";
import { participantsFile, participantsFileName } from "../../reports/participants.js";
import type { SiteDeps, WebContext } from "../context.js";
import { idOf } from "../ids.js";
import { Layout } from "../layout.js";
import { Message } from "../pages.js";
import { route, type Section } from "../routes.js";
import { CoursePage, type CourseView } from "./course.js";
import { CourseTable, type CourseRow } from "./list.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** as many as a page shows: the chat pages through them, the site sorts them */
const ALL = 500;

/** The course as the methodist may see it, or null: no such course, or another district's. */
async function courseView(app: SiteDeps, user: User, id: number | null, locale: string): Promise<CourseView | null> {
  if (id === null) return null;
  const { courses } = app.services;
  try {
    const access = await courses.access(user, id);
    const [course, people] = await Promise.all([courses.get(id), courses.participants(user, id, locale)]);
    const now = app.deps.clock.now();
    const markable = access === "manage" && course.status !== "cancelled" && course.startDate <= now;
    return { course, access, people, markable };
  } catch (e) {
    if (isDomainError(e) && (e.code === "course-not-found" || e.code === "course-other-district")) return null;
    throw e;
  }
}

const notFound = (c: WebContext) => c.html(<Message frame={c.var.frame} title={c.var.t("web-not-found-title")} text={c.var.t("web-courses-not-found")} />, 404);

export const coursesSection: Section = {
  id: "courses",
  nav: { label: "web-nav-courses", path: "/courses", access: "registered" },
  routes: (app) => {
    const { courses } = app.services;
    const zone = app.config.TIMEZONE;
    return [
      route({
        method: "GET",
        path: "/courses",
        access: "registered",
        handler: async ({ c, user }) => {
          const { t, locale } = c.var;
          const now = app.deps.clock.now();
          if (isMethodistRole(user.role)) {
            const { items } = await courses.adminList(user, 0, ALL);
            const waiting = await courses.waitingCounts(items.map((i) => i.id));
            const rows: CourseRow[] = items.map((course) => ({
              course,
              district: course.districtName,
              waiting: waiting.get(course.id) ?? 0,
              href: `/courses/${course.id}`,
            }));
            return c.html(
              <Layout frame={c.var.frame} title={t("web-nav-courses")}>
                <h1>{t("web-nav-courses")}</h1>
                {rows.length ? (
                  <CourseTable t={t} rows={rows} id="courses" locale={locale} zone={zone} now={now} />
                ) : (
                  <p class="card">{t("web-courses-none")}</p>
                )}
              </Layout>,
            );
          }
          const [{ items: open }, { items: mine }] = await Promise.all([courses.catalog(user.id, 0, ALL), courses.myRegistrations(user.id, 0, ALL)]);
          const waiting = await courses.waitingCounts([...open.map((i) => i.id), ...mine.map((r) => r.courseId)]);
          const myStatus = new Map(mine.map((r) => [r.courseId, r]));
          const status = (courseId: number) => {
            const r = myStatus.get(courseId);
            if (!r) return "";
            return r.status === "waiting" ? t("web-courses-reg-waiting", { position: r.position ?? 0 }) : t(`web-courses-reg-${r.status}`);
          };
          const openRows: CourseRow[] = open.map((course) => ({
            course,
            district: course.districtName,
            waiting: waiting.get(course.id) ?? 0,
            mine: status(course.id),
          }));
          const mineRows: CourseRow[] = mine.map((r) => ({
            course: r.course,
            district: null,
            waiting: waiting.get(r.courseId) ?? 0,
            mine: status(r.courseId),
          }));
          return c.html(
            <Layout frame={c.var.frame} title={t("web-nav-courses")}>
              <h1>{t("web-nav-courses")}</h1>
              <h2>{t("web-courses-open")}</h2>
              {openRows.length ? (
                <CourseTable t={t} rows={openRows} id="courses" locale={locale} zone={zone} now={now} teacher />
              ) : (
                <p class="card">{t("web-courses-none-open")}</p>
              )}
              <h2>{t("web-courses-mine")}</h2>
              {mineRows.length ? (
                <CourseTable t={t} rows={mineRows} id="my-courses" locale={locale} zone={zone} now={now} teacher />
              ) : (
                <p class="muted">{t("web-courses-none-mine")}</p>
              )}
              <p class="muted">{t("web-courses-sign-up-in-chat")}</p>
            </Layout>,
          );
        },
      }),
      route({
        method: "GET",
        path: "/courses/:id",
        access: "methodist",
        handler: async ({ c, user }) => {
          const { t, locale } = c.var;
          const view = await courseView(app, user, idOf(c.req.param("id")), locale);
          if (!view) return notFound(c);
          const done = idOf(c.req.query("done")) ?? (c.req.query("done") === "0" ? 0 : null);
          return c.html(
            <Layout frame={c.var.frame} title={view.course.title}>
              <h1>{t("web-nav-courses")}</h1>
              <p>
                <a href="/courses">{t("web-courses-back")}</a>
              </p>
              <CoursePage
                t={t}
                view={view}
                locale={locale}
                zone={zone}
                now={app.deps.clock.now()}
                notice={done === null ? null : t("web-courses-marked", { count: done })}
              />
            </Layout>,
          );
        },
      }),
      route({
        method: "GET",
        path: "/courses/:id/participants.xlsx",
        access: "methodist",
        handler: async ({ c, user }) => {
          const view = await courseView(app, user, idOf(c.req.param("id")), c.var.locale);
          if (!view) return notFound(c);
          const file = await participantsFile(view.people, c.var.t, zone);
          return new Response(new Uint8Array(file), {
            headers: { "content-type": XLSX, "content-disposition": `attachment; filename="${participantsFileName(view.course.id)}"` },
          });
        },
      }),
      route({
        method: "POST",
        path: "/courses/:id/complete",
        access: "methodist",
        handler: async ({ c, user }) => {
          const { t } = c.var;
          const view = await courseView(app, user, idOf(c.req.param("id")), c.var.locale);
          if (!view) return notFound(c);
          const refuse = (key: string) => c.html(<Message frame={c.var.frame} title={t("web-refused-title")} text={t(key)} />, 400);
          const form = await c.req.parseBody({ all: true });
          const asked = ([] as unknown[]).concat(form.reg ?? []);
          if (!asked.length) return refuse("web-courses-none-chosen");
          const ids = asked.map((v) => (typeof v === "string" ? idOf(v) : null));
          // every id must be one of this course's registered participants (as she sees them): else nothing is marked
          const registered = new Set(view.people.filter((p) => p.status === "registered").map((p) => p.id));
          if (ids.some((id) => id === null || !registered.has(id))) return refuse("web-courses-unknown-participant");
          let count = 0;
          for (const id of new Set(ids as number[])) count += await courses.complete(user, view.course.id, id);
          return c.redirect(`/courses/${view.course.id}?done=${count}`, 303);
        },
      }),
    ];
  },
};

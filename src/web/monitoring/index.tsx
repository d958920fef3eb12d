// Monitoring (methodists and admins): coverage by courses, attestation and who has joined, by district
// and school, as tables and charts, with the same numbers and the same .xlsx files as /coverage,
// /attestation and /teachers (the same domain services, scoped the same way: a district's methodist
// sees her district); a school's page lists its teachers and what each lacks.
import { DateTime } from "luxon";
import { adoptionFile, attestationFile, coverageFile } from "../../reports/index.js";
import { Layout } from "../layout.js";
import { Message } from "../pages.js";
import { route, type Section } from "../routes.js";
import { AttestationView } from "./attestation.js";
import { Actions, type Tab, Tabs } from "./common.js";
import { CoverageReport } from "./coverage.js";
import { SchoolPage, schoolView } from "./school.js";
import { createReports, type SchoolIdOf } from "./snapshots.js";
import { AdoptionView } from "./teachers.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const monitoringSection: Section = {
  id: "monitoring",
  nav: { label: "web-nav-monitoring", path: "/monitoring", access: "methodist" },
  routes: (app) => {
    const reports = createReports(app);
    const zone = app.config.TIMEZONE;
    const today = () => DateTime.fromJSDate(app.deps.clock.now(), { zone }).toISODate();
    const file = (body: Buffer, name: string) =>
      new Response(new Uint8Array(body), { headers: { "content-type": XLSX, "content-disposition": `attachment; filename="${name}"` } });

    const page = (tab: Tab) =>
      route({
        method: "GET",
        path: `/monitoring/${tab}`,
        access: "methodist",
        handler: async ({ c, user }) => {
          const { t, locale } = c.var;
          const fresh = c.req.query("fresh") === "1";
          const [ids, body] = await Promise.all([
            reports.schoolIds(user, fresh).then((s) => s.report),
            tab === "coverage"
              ? reports
                  .coverage(user, locale, fresh)
                  .then((s) => ({ at: s.at, view: (id: SchoolIdOf) => <CoverageReport t={t} report={s.report} schoolId={id} /> }))
              : tab === "attestation"
                ? reports
                    .attestation(user, locale, fresh)
                    .then((s) => ({ at: s.at, view: (id: SchoolIdOf) => <AttestationView t={t} report={s.report} schoolId={id} /> }))
                : reports
                    .adoption(user, locale, fresh)
                    .then((s) => ({ at: s.at, view: (id: SchoolIdOf) => <AdoptionView t={t} report={s.report} schoolId={id} /> })),
          ]);
          return c.html(
            <Layout frame={c.var.frame} title={t(`web-monitoring-tab-${tab}`)}>
              <h1>{t("web-nav-monitoring")}</h1>
              <Tabs t={t} current={tab} />
              <Actions t={t} tab={tab} at={body.at} locale={locale} zone={zone} />
              {body.view(ids)}
            </Layout>,
          );
        },
      });

    return [
      route({ method: "GET", path: "/monitoring", access: "methodist", handler: ({ c }) => c.redirect("/monitoring/coverage") }),
      page("coverage"),
      page("attestation"),
      page("teachers"),
      route({
        method: "GET",
        path: "/monitoring/coverage.xlsx",
        access: "methodist",
        handler: async ({ c, user }) => {
          const { report } = await reports.coverage(user, c.var.locale);
          return file(await coverageFile(report, c.var.t), `coverage-${report.year.replace("/", "-")}.xlsx`);
        },
      }),
      route({
        method: "GET",
        path: "/monitoring/attestation.xlsx",
        access: "methodist",
        handler: async ({ c, user }) => {
          const { report } = await reports.attestation(user, c.var.locale);
          return file(await attestationFile(report, c.var.t, zone), `attestation-${today()}.xlsx`);
        },
      }),
      route({
        method: "GET",
        path: "/monitoring/teachers.xlsx",
        access: "methodist",
        handler: async ({ c, user }) => {
          const { report } = await reports.adoption(user, c.var.locale);
          return file(await adoptionFile(report, c.var.t, zone), `teachers-${today()}.xlsx`);
        },
      }),
      route({
        method: "GET",
        path: "/monitoring/schools/:id",
        access: "methodist",
        handler: async ({ c, user }) => {
          const { t, locale } = c.var;
          const id = Number(c.req.param("id"));
          const view = Number.isSafeInteger(id) ? await schoolView(app, reports, user, id, locale, c.req.query("fresh") === "1") : null;
          // another district's school is answered like one that does not exist: nothing of it is shown
          if (!view) return c.html(<Message frame={c.var.frame} title={t("web-not-found-title")} text={t("web-school-not-found")} />, 404);
          return c.html(
            <Layout frame={c.var.frame} title={view.name}>
              <h1>{t("web-nav-monitoring")}</h1>
              <p>
                <a href="/monitoring/coverage">{t("web-school-back")}</a>
              </p>
              <SchoolPage t={t} view={view} locale={locale} zone={zone} />
            </Layout>,
          );
        },
      }),
    ];
  },
};

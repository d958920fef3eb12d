// One school's teachers and what each lacks: no course this academic year, a category that expired,
// expires soon or was never told; and who has blocked the bot. People of the district's staff list who
// are not in the bot yet are listed too where the list says they lack something (and counted). Built from the same three reports as the
// tabs, counted for the school's district (a regional methodist's reports of the whole region would say
// the same of this school, only slower).
import type { App } from "../../app.js";
import type { AttestedTeacher } from "../../domain/attestation/index.js";
import { reachesDistrict, scopeOf } from "../../domain/scope.js";
import type { RegisteredPerson } from "../../domain/adoption/index.js";
import { formatDate } from "../../domain/time.js";
import type { User } from "../../domain/users.js";
import { Table } from "../components/table.js";
import type { WebT } from "../context.js";
import { Figures } from "./common.js";
import type { Reports } from "./snapshots.js";

export interface Lack {
  kind: "no-course" | "expired" | "expiring" | "unknown" | "inactive" | "not-in-bot";
  until?: Date | null;
}

export interface SchoolTeacher {
  name: string;
  subjects: string[];
  /** null: on the staff list, not in the bot yet */
  registeredAt: Date | null;
  lacks: Lack[];
}

export interface SchoolView {
  name: string;
  district: string | null;
  teachers: SchoolTeacher[];
  /** the staff list's people of this school who are not in the bot yet (0 without a staff list) */
  notInBot: number;
}

/** Takes one entry named `name` from a list of a school's entries (namesakes: one each). */
function take<T extends { name: string }>(pool: T[], name: string): T | undefined {
  const i = pool.findIndex((p) => p.name === name);
  return i < 0 ? undefined : pool.splice(i, 1)[0];
}

/** Null when there is no such school or it is outside the actor's scope. */
export async function schoolView(app: App, reports: Reports, actor: User, schoolId: number, locale: string, fresh: boolean): Promise<SchoolView | null> {
  const school = await app.services.directory.school(schoolId);
  if (!school || !reachesDistrict(scopeOf(actor), school.districtId)) return null;
  const district = school.districtId === null ? null : ((await app.services.directory.district(school.districtId))?.name ?? null);
  // the school's district is within her scope: count that district only
  const narrowed: User = school.districtId === null ? actor : { ...actor, role: "methodist", districtId: school.districtId };
  const [coverage, attestation, adoption] = await Promise.all([
    reports.coverage(narrowed, locale, fresh),
    reports.attestation(narrowed, locale, fresh),
    reports.adoption(narrowed, locale, fresh),
  ]);
  const here = <T extends { school: string; district: string | null }>(r: T) => r.school === school.name && r.district === district;
  const uncovered = coverage.report.uncovered.filter(here);
  const attention: AttestedTeacher[] = attestation.report.attention.filter(here);
  const people: RegisteredPerson[] = adoption.report.people.filter((p) => here(p) && p.role === "teacher");
  const teachers = people.map((p): SchoolTeacher => {
    const lacks: Lack[] = [];
    if (!p.active) lacks.push({ kind: "inactive" });
    // coverage counts the teachers the bot can reach: an inactive one is in neither list
    else if (take(uncovered, p.name)) lacks.push({ kind: "no-course" });
    const a = take(attention, p.name);
    if (a && a.status !== "valid" && a.status !== "none") lacks.push({ kind: a.status, until: a.until });
    return { name: p.name, subjects: p.subjects, registeredAt: p.registeredAt, lacks };
  });
  // what is left of the lists is the staff list's people not in the bot yet (namesakes: one each)
  const staffOnly = new Map<string, SchoolTeacher>();
  const staffRow = (name: string, subjects: string[]) => {
    let row = staffOnly.get(name);
    if (!row) staffOnly.set(name, (row = { name, subjects, registeredAt: null, lacks: [{ kind: "not-in-bot" }] }));
    return row;
  };
  for (const u of uncovered) if (!u.inBot) staffRow(u.name, u.subjects).lacks.push({ kind: "no-course" });
  for (const a of attention) if (!a.inBot && a.status !== "valid" && a.status !== "none") staffRow(a.name, []).lacks.push({ kind: a.status, until: a.until });
  const notInBot = coverage.report.schools.filter(here).reduce((n, r) => n + r.notInBot, 0);
  return { name: school.name, district, teachers: [...teachers, ...staffOnly.values()], notInBot };
}

export function SchoolPage(props: { t: WebT; view: SchoolView; locale: string; zone: string }) {
  const { t, view, locale, zone } = props;
  const lacking = view.teachers.filter((p) => p.lacks.length).length;
  const tag = (l: Lack) => {
    const cls = l.kind === "expiring" || l.kind === "unknown" || l.kind === "not-in-bot" ? "tag warn" : "tag";
    return <span class={cls}>{t(`web-lack-${l.kind}`, { until: l.until ? formatDate(l.until, locale, zone) : "" })}</span>;
  };
  return (
    <>
      <h2>{view.district === null ? view.name : `${view.name} · ${view.district}`}</h2>
      <Figures
        items={[
          [t("web-school-teachers"), view.teachers.filter((p) => p.registeredAt !== null).length],
          [t("web-school-lacking"), lacking],
          ...(view.notInBot ? [[t("web-school-not-in-bot"), view.notInBot] as [string, number]] : []),
        ]}
      />
      {view.teachers.length ? (
        <Table<SchoolTeacher>
          id="teachers"
          rows={view.teachers}
          columns={[
            { header: t("sheet-col-name"), cell: (p) => p.name },
            { header: t("coverage-col-subjects"), cell: (p) => p.subjects.join(", "), wide: true },
            {
              header: t("web-school-lacks"),
              cell: (p) => (p.lacks.length ? p.lacks.map(tag) : <span class="tag ok">{t("web-lack-nothing")}</span>),
              value: (p) => p.lacks.length,
            },
            {
              header: t("teachers-col-registered"),
              cell: (p) => (p.registeredAt ? formatDate(p.registeredAt, locale, zone) : "—"),
              value: (p) => p.registeredAt?.getTime() ?? 0,
              wide: true,
            },
          ]}
        />
      ) : (
        <p class="card">{t("web-school-nobody")}</p>
      )}
    </>
  );
}

// How the three monitoring reports (coverage by courses, attestation, who has joined) are shown, shared
// by the chat (/coverage, /attestation, /teachers) and the site's monitoring section: the charts, how a
// school is named, the labels of the .xlsx files. Numbers come from the domain services
// (services.coverage / attestation / teachers); nothing here counts anything.
import type { AttestationReport, AttestedTeacher } from "../domain/attestation/index.js";
import { attestationWorkbook } from "../domain/attestation/spreadsheet.js";
import { percent } from "../domain/by-school.js";
import type { CourseCoverage } from "../domain/coverage/index.js";
import { coverageWorkbook } from "../domain/coverage/spreadsheet.js";
import type { AdoptionReport, RegisteredPerson } from "../domain/adoption/index.js";
import { adoptionWorkbook } from "../domain/adoption/spreadsheet.js";
import type { BarChart, BarRow } from "../charts/bars.js";

/** A translation without HTML escaping (a chart or a file is not HTML). */
export type PlainT = (key: string, vars?: Record<string, string | number | Date>) => string;

/** Schools shown in the chat's summary and chart; the file and the site have them all. */
export const CHART_SCHOOLS = 15;

type SchoolRow = { school: string; district: string | null };

/** How a chart names a school of `rows`: with its district where another school of them has its name. */
export function schoolLabel(rows: SchoolRow[]): (row: SchoolRow) => string {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.school, (count.get(r.school) ?? 0) + 1);
  return (r) => (r.district !== null && count.get(r.school)! > 1 ? `${r.school} · ${r.district}` : r.school);
}

const row = (label: string, part: number, whole: number, t: PlainT): BarRow => ({
  label,
  percent: percent(part, whole),
  note: t("chart-note", { percent: percent(part, whole), part, whole }),
});

/** By district where the report sums up by district (a region), else its least covered schools. */
function byDistrictOrSchools<S extends SchoolRow, D extends { district: string | null }>(
  report: { districts: D[]; schools: S[] },
  t: PlainT,
  noDistrict: string,
  school: (s: S) => [number, number],
  district: (d: D) => [number, number],
  limit: number,
): BarRow[] {
  if (report.districts.length) return report.districts.map((d) => row(d.district ?? noDistrict, ...district(d), t));
  const label = schoolLabel(report.schools);
  return report.schools.slice(0, limit).map((s) => row(label(s), ...school(s), t));
}

export function coverageChart(report: CourseCoverage, t: PlainT, limit = CHART_SCHOOLS): BarChart {
  const title =
    report.district === null
      ? t("chart-coverage-title", { year: report.year })
      : t("chart-coverage-title-district", { year: report.year, district: report.district });
  return {
    title,
    subtitle: t("chart-coverage-subtitle", { percent: percent(report.covered, report.teachers), covered: report.covered, teachers: report.teachers }),
    rows: byDistrictOrSchools(
      report,
      t,
      t("coverage-no-district"),
      (s) => [s.covered, s.teachers],
      (d) => [d.covered, d.teachers],
      limit,
    ),
  };
}

export function attestationChart(report: AttestationReport, t: PlainT, limit = CHART_SCHOOLS): BarChart {
  const current = report.counts.valid + report.counts.expiring;
  return {
    title: report.district === null ? t("chart-attestation-title") : t("chart-attestation-title-district", { district: report.district }),
    subtitle: t("chart-attestation-subtitle", { percent: percent(current, report.teachers), current, teachers: report.teachers }),
    rows: byDistrictOrSchools(
      report,
      t,
      t("attestation-no-district"),
      (s) => [s.current, s.teachers],
      (d) => [d.current, d.teachers],
      limit,
    ),
  };
}

/** Who has joined: schools reached (with at least one teacher) by district; in a district, the schools with the fewest. */
export function adoptionChart(report: AdoptionReport, t: PlainT, limit = CHART_SCHOOLS): BarChart {
  const reached = report.schoolCount - report.emptySchools;
  const base = {
    title: report.district === null ? t("chart-teachers-title") : t("chart-teachers-title-district", { district: report.district }),
    subtitle: t("chart-teachers-subtitle", { percent: percent(reached, report.schoolCount), reached, schools: report.schoolCount, teachers: report.teachers }),
  };
  if (report.districts.length) return { ...base, rows: report.districts.map((d) => row(d.district ?? t("teachers-no-district"), d.reached, d.schools, t)) };
  // within a district: teachers per school, against the school with the most
  const label = schoolLabel(report.schools);
  const most = Math.max(1, ...report.schools.map((s) => s.teachers));
  return {
    ...base,
    rows: report.schools
      .slice(0, limit)
      .map((s) => ({ label: label(s), percent: percent(s.teachers, most), note: t("chart-note-teachers", { teachers: s.teachers }) })),
  };
}

/** A label that depends only on `key` (a role, a status), translated once per file rather than once per row. */
function perKey<K, T>(key: (x: T) => K, label: (x: T) => string): (x: T) => string {
  const known = new Map<K, string>();
  return (x) => {
    const k = key(x);
    let v = known.get(k);
    if (v === undefined) known.set(k, (v = label(x)));
    return v;
  };
}

const personLabels = (t: PlainT) => ({
  number: t("sheet-col-number"),
  name: t("sheet-col-name"),
  school: t("sheet-col-school"),
  cluster: t("sheet-col-cluster"),
});

/** The .xlsx of /coverage, in the reader's language. */
export function coverageFile(report: CourseCoverage, t: PlainT): Promise<Buffer> {
  return coverageWorkbook(report, {
    districtsSheet: t("coverage-sheet-districts"),
    district: t("coverage-col-district"),
    noDistrict: t("coverage-no-district"),
    schoolsSheet: t("coverage-sheet-schools"),
    uncoveredSheet: t("coverage-sheet-uncovered"),
    school: t("coverage-col-school"),
    cluster: t("sheet-col-cluster"),
    teachers: t("coverage-col-teachers"),
    covered: t("coverage-col-covered"),
    percent: t("coverage-col-percent"),
    total: t("coverage-col-total"),
    name: t("coverage-col-name"),
    subjects: t("coverage-col-subjects"),
    notInBot: t("staff-col-not-in-bot"),
    inBot: t("staff-col-in-bot"),
    yes: t("sheet-yes"),
    no: t("sheet-no"),
  });
}

/** The .xlsx of /attestation. */
export function attestationFile(report: AttestationReport, t: PlainT, zone: string): Promise<Buffer> {
  return attestationWorkbook(
    report,
    {
      sheet: t("attestation-sheet-name"),
      ...personLabels(t),
      districtsSheet: t("attestation-sheet-districts"),
      schoolsSheet: t("attestation-sheet-schools"),
      district: t("attestation-col-district"),
      noDistrict: t("attestation-no-district"),
      teachers: t("attestation-col-teachers"),
      current: t("attestation-col-current"),
      percent: t("attestation-col-percent"),
      total: t("attestation-col-total"),
      category: t("attestation-col-category"),
      until: t("attestation-col-until"),
      status: t("attestation-col-status"),
      dateFormat: t("sheet-date-format"),
      categoryOf: perKey(
        (p: AttestedTeacher) => p.category,
        (p) => (p.category ? t(`attestation-category-${p.category}`) : ""),
      ),
      statusOf: perKey(
        (p: AttestedTeacher) => p.status,
        (p) => t(`attestation-status-${p.status}`),
      ),
      notInBot: t("staff-col-not-in-bot"),
      source: t("staff-col-source"),
      sourceOf: perKey(
        (p: AttestedTeacher) => p.source ?? "",
        (p) => (p.source ? t(`staff-source-${p.source}`) : ""),
      ),
      inBot: t("staff-col-in-bot"),
      yes: t("sheet-yes"),
      no: t("sheet-no"),
    },
    zone,
  );
}

/** The .xlsx of /teachers. */
export function adoptionFile(report: AdoptionReport, t: PlainT, zone: string): Promise<Buffer> {
  return adoptionWorkbook(
    report,
    {
      ...personLabels(t),
      schoolsSheet: t("teachers-sheet-schools"),
      peopleSheet: t("teachers-sheet-people"),
      district: t("teachers-col-district"),
      noDistrict: t("teachers-no-district"),
      teachers: t("teachers-col-teachers"),
      recent: t("teachers-col-recent"),
      inactive: t("teachers-col-inactive"),
      staff: t("staff-col-listed"),
      notInBot: t("staff-col-not-in-bot"),
      total: t("teachers-col-total"),
      subjects: t("teachers-col-subjects"),
      role: t("teachers-col-role"),
      registeredAt: t("teachers-col-registered"),
      language: t("teachers-col-language"),
      active: t("teachers-col-active"),
      dateFormat: t("sheet-date-format"),
      roleOf: perKey(
        (p: RegisteredPerson) => p.role,
        (p) => t(`role-${p.role}`),
      ),
      languageOf: perKey(
        (p: RegisteredPerson) => p.language === "en",
        (p) => t(p.language === "en" ? "teachers-language-en" : "teachers-language-ru"),
      ),
      yes: t("sheet-yes"),
      no: t("sheet-no"),
    },
    zone,
  );
}

// The charts of the three monitoring reports (coverage by courses, attestation, who has joined), for the
// chat (/coverage, /attestation, /teachers, as a PNG: chartPng in png.ts) and the site's monitoring
// section (inline SVG): one way to pick the bars (by district in a region, else the first schools) and to
// name a school, drawn by the one renderer (bars.ts).
import type { AdoptionReport } from "../domain/adoption/index.js";
import type { AttestationReport } from "../domain/attestation/index.js";
import { percent } from "../domain/by-school.js";
import type { CourseCoverage } from "../domain/coverage/index.js";
import type { BarChart, BarRow } from "./bars.js";

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

/**
 * The bars of a monitoring report, the same for the three: by district where the report sums up by
 * district (a region), else its first `limit` schools (least covered first, as the report lists them),
 * each a share (part of whole) unless `schoolBar` draws a school otherwise.
 */
function byDistrictOrSchools<S extends SchoolRow, D extends { district: string | null }>(
  report: { districts: D[]; schools: S[] },
  t: PlainT,
  noDistrict: string,
  school: (s: S) => [number, number],
  district: (d: D) => [number, number],
  limit: number,
  schoolBar: (s: S, label: string) => BarRow = (s, label) => row(label, ...school(s), t),
): BarRow[] {
  if (report.districts.length) return report.districts.map((d) => row(d.district ?? noDistrict, ...district(d), t));
  const label = schoolLabel(report.schools);
  return report.schools.slice(0, limit).map((s) => schoolBar(s, label(s)));
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
  // within a district: teachers per school, against the school with the most
  const most = Math.max(1, ...report.schools.map((s) => s.teachers));
  return {
    ...base,
    rows: byDistrictOrSchools(
      report,
      t,
      t("teachers-no-district"),
      (s) => [s.teachers, most],
      (d) => [d.reached, d.schools],
      limit,
      (s, label) => ({ label, percent: percent(s.teachers, most), note: t("chart-note-teachers", { teachers: s.teachers }) }),
    ),
  };
}

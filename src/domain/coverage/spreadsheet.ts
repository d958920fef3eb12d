// The coverage report as an .xlsx workbook: one sheet by school, one with the teachers not covered
// yet, and for the whole deployment of a directory with districts, one by district first (and a
// district column in the others). Every label comes from the caller (locales), so the file is in the
// methodist's language.
import { workbook, type Column, type Sheet } from "../spreadsheet.js";
import { percent, type CourseCoverage } from "./index.js";

export interface SpreadsheetLabels {
  districtsSheet: string;
  schoolsSheet: string;
  uncoveredSheet: string;
  district: string;
  /** the district of the teachers whose school is in none */
  noDistrict: string;
  school: string;
  cluster: string;
  teachers: string;
  covered: string;
  percent: string;
  total: string;
  name: string;
  subjects: string;
}

export function coverageWorkbook(report: CourseCoverage, l: SpreadsheetLabels): Promise<Buffer> {
  const byDistrict = report.districts.length > 0;
  const districtName = (d: string | null) => d ?? l.noDistrict;
  const districtColumn: Column[] = byDistrict ? [{ header: l.district, key: "district", width: 28 }] : [];
  const counts: Column[] = [
    { header: l.teachers, key: "teachers", width: 12 },
    { header: l.covered, key: "covered", width: 12 },
    { header: l.percent, key: "percent", width: 10 },
  ];
  const total = { teachers: report.teachers, covered: report.covered, percent: percent(report.covered, report.teachers) };
  const districts: Sheet[] = byDistrict
    ? [
        {
          name: l.districtsSheet,
          columns: [{ header: l.district, key: "district", width: 32 }, ...counts],
          rows: report.districts.map((d) => ({ ...d, district: districtName(d.district), percent: percent(d.covered, d.teachers) })),
          totalRow: { district: l.total, ...total },
        },
      ]
    : [];
  return workbook([
    ...districts,
    {
      name: l.schoolsSheet,
      columns: [{ header: l.school, key: "school", width: 40 }, { header: l.cluster, key: "cluster", width: 28 }, ...districtColumn, ...counts],
      rows: report.schools.map((s) => ({ ...s, district: districtName(s.district), percent: percent(s.covered, s.teachers) })),
      totalRow: { school: l.total, ...total },
    },
    {
      name: l.uncoveredSheet,
      columns: [
        { header: l.name, key: "name", width: 36 },
        { header: l.school, key: "school", width: 40 },
        { header: l.cluster, key: "cluster", width: 28 },
        ...districtColumn,
        { header: l.subjects, key: "subjects", width: 40 },
      ],
      rows: report.uncovered.map((p) => ({ ...p, district: districtName(p.district), subjects: p.subjects.join(", ") })),
    },
  ]);
}

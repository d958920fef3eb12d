// The coverage report as an .xlsx workbook: one sheet by school, one with the teachers not covered
// yet. Every label comes from the caller (locales), so the file is in the methodist's language.
import { workbook } from "../spreadsheet.js";
import { percent, type CourseCoverage } from "./index.js";

export interface SpreadsheetLabels {
  schoolsSheet: string;
  uncoveredSheet: string;
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
  return workbook([
    {
      name: l.schoolsSheet,
      columns: [
        { header: l.school, key: "school", width: 40 },
        { header: l.cluster, key: "cluster", width: 28 },
        { header: l.teachers, key: "teachers", width: 12 },
        { header: l.covered, key: "covered", width: 12 },
        { header: l.percent, key: "percent", width: 10 },
      ],
      rows: report.schools.map((s) => ({ ...s, percent: percent(s.covered, s.teachers) })),
      totalRow: { school: l.total, teachers: report.teachers, covered: report.covered, percent: percent(report.covered, report.teachers) },
    },
    {
      name: l.uncoveredSheet,
      columns: [
        { header: l.name, key: "name", width: 36 },
        { header: l.school, key: "school", width: 40 },
        { header: l.cluster, key: "cluster", width: 28 },
        { header: l.subjects, key: "subjects", width: 40 },
      ],
      rows: report.uncovered.map((p) => ({ ...p, subjects: p.subjects.join(", ") })),
    },
  ]);
}

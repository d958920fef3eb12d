// The coverage report as an .xlsx workbook: one sheet by school, one with the teachers not covered
// yet, and for the whole deployment of a directory with districts, one by district first (and a
// district column in the others). Every label comes from the caller (locales), so the file is in the
// methodist's language.
import { lazily, summarySheets, workbook, type Column, type SummaryLabels } from "../spreadsheet.js";
import { percent } from "../by-school.js";
import type { CourseCoverage } from "./index.js";

export interface SpreadsheetLabels extends SummaryLabels {
  uncoveredSheet: string;
  teachers: string;
  covered: string;
  percent: string;
  name: string;
  subjects: string;
  /** the staff list's columns (where the scope has one): not in the bot yet, and whether a teacher is */
  notInBot: string;
  inBot: string;
  yes: string;
  no: string;
}

export function coverageWorkbook(report: CourseCoverage, l: SpreadsheetLabels): Promise<Buffer> {
  const counts: Column[] = [
    { header: l.teachers, key: "teachers", width: 12 },
    { header: l.covered, key: "covered", width: 12 },
    { header: l.percent, key: "percent", width: 10 },
    ...(report.staffList ? [{ header: l.notInBot, key: "notInBot", width: 16 }] : []),
  ];
  const figures = (r: { teachers: number; covered: number; notInBot: number }) => ({
    teachers: r.teachers,
    covered: r.covered,
    percent: percent(r.covered, r.teachers),
    notInBot: r.notInBot,
  });
  const districtColumn: Column[] = report.districts.length ? [{ header: l.district, key: "district", width: 28 }] : [];
  return workbook([
    ...summarySheets(l, counts, report, figures, figures(report)),
    {
      name: l.uncoveredSheet,
      columns: [
        { header: l.name, key: "name", width: 36 },
        { header: l.school, key: "school", width: 40 },
        { header: l.cluster, key: "cluster", width: 28 },
        ...districtColumn,
        { header: l.subjects, key: "subjects", width: 40 },
        ...(report.staffList ? [{ header: l.inBot, key: "inBot", width: 14 }] : []),
      ],
      rows: lazily(report.uncovered, (p) => ({
        name: p.name,
        school: p.school,
        cluster: p.cluster,
        district: p.district ?? l.noDistrict,
        subjects: p.subjects.join(", "),
        inBot: p.inBot ? l.yes : l.no,
      })),
    },
  ]);
}

// The coverage report as an .xlsx workbook (exceljs): one sheet by school, one with the teachers not
// covered yet. Every label comes from the caller (locales), so the file is in the methodist's language.
import ExcelJS from "exceljs";
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

export async function coverageWorkbook(report: CourseCoverage, l: SpreadsheetLabels): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const schools = book.addWorksheet(l.schoolsSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  schools.columns = [
    { header: l.school, key: "school", width: 40 },
    { header: l.cluster, key: "cluster", width: 28 },
    { header: l.teachers, key: "teachers", width: 12 },
    { header: l.covered, key: "covered", width: 12 },
    { header: l.percent, key: "percent", width: 10 },
  ];
  for (const s of report.schools) schools.addRow({ ...s, percent: percent(s.covered, s.teachers) });
  schools.addRow({ school: l.total, teachers: report.teachers, covered: report.covered, percent: percent(report.covered, report.teachers) }).font = { bold: true };
  schools.getRow(1).font = { bold: true };

  const people = book.addWorksheet(l.uncoveredSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  people.columns = [
    { header: l.name, key: "name", width: 36 },
    { header: l.school, key: "school", width: 40 },
    { header: l.cluster, key: "cluster", width: 28 },
    { header: l.subjects, key: "subjects", width: 40 },
  ];
  for (const p of report.uncovered) people.addRow({ ...p, subjects: p.subjects.join(", ") });
  people.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

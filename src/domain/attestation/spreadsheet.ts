// The attestation report as an .xlsx workbook: for the whole deployment of a directory with districts a
// sheet by district first; a sheet by school (teachers, those with a category in force, the share); and
// the teachers who need attention (expired, expiring soon, not told), with a district column where there
// are districts. Labels come from the caller (locales), so the file is in the methodist's language.
import { percent } from "../by-school.js";
import { excelDay, lazily, personColumns, summarySheets, workbook, type Column, type PersonLabels, type SummaryLabels } from "../spreadsheet.js";
import type { AttestationReport, AttestedTeacher } from "./index.js";

export interface AttestationLabels extends PersonLabels, SummaryLabels {
  /** the sheet of the teachers who need attention */
  sheet: string;
  teachers: string;
  current: string;
  percent: string;
  category: string;
  until: string;
  status: string;
  dateFormat: string;
  categoryOf: (t: AttestedTeacher) => string;
  statusOf: (t: AttestedTeacher) => string;
  /** the staff list's columns (where the scope has one) */
  notInBot: string;
  source: string;
  sourceOf: (t: AttestedTeacher) => string;
  inBot: string;
  yes: string;
  no: string;
}

export function attestationWorkbook(report: AttestationReport, l: AttestationLabels, zone: string): Promise<Buffer> {
  const counts: Column[] = [
    { header: l.teachers, key: "teachers", width: 12 },
    { header: l.current, key: "current", width: 16 },
    { header: l.percent, key: "percent", width: 10 },
    ...(report.staffList ? [{ header: l.notInBot, key: "notInBot", width: 16 }] : []),
  ];
  const figures = (r: { teachers: number; current: number; notInBot: number }) => ({
    teachers: r.teachers,
    current: r.current,
    percent: percent(r.current, r.teachers),
    notInBot: r.notInBot,
  });
  const current = report.counts.valid + report.counts.expiring;
  const staff = report.staffList
    ? [
        { header: l.source, key: "source", width: 18 },
        { header: l.inBot, key: "inBot", width: 14 },
      ]
    : [];
  return workbook([
    ...summarySheets(l, counts, report, figures, figures({ teachers: report.teachers, current, notInBot: report.notInBot })),
    {
      name: l.sheet,
      columns: [
        ...personColumns(l),
        ...(report.districts.length ? [{ header: l.district, key: "district", width: 28 }] : []),
        { header: l.category, key: "category", width: 32 },
        { header: l.until, key: "until", width: 14, format: l.dateFormat },
        { header: l.status, key: "status", width: 22 },
        ...staff,
      ],
      // one literal per row, no spread (spreads made a region's rows slow, dictionary-like objects)
      rows: lazily(report.attention, (t, i) => ({
        n: i + 1,
        name: t.name,
        school: t.school,
        cluster: t.cluster,
        district: t.district ?? l.noDistrict,
        category: l.categoryOf(t),
        until: t.until ? excelDay(t.until, zone) : null,
        status: l.statusOf(t),
        source: l.sourceOf(t),
        inBot: t.inBot ? l.yes : l.no,
      })),
    },
  ]);
}

// Who has joined the bot as an .xlsx workbook: a sheet by school (every school of the scope, the empty
// ones first) and one with everyone registered. For the whole deployment of a directory with districts
// both have a district column. Labels come from the caller (locales), so the file is in the methodist's
// language.
import { lazily, excelDay, personColumns, workbook, type Column, type PersonLabels } from "../spreadsheet.js";
import type { AdoptionReport, RegisteredPerson } from "./index.js";

/** the texts of the file, each a sheet's name or a column's header unless said */
type Text =
  | "schoolsSheet"
  | "peopleSheet"
  | "district"
  /** the district of the schools in none */
  | "noDistrict"
  | "teachers"
  | "recent"
  | "inactive"
  /** the staff list's columns (where the scope has one) */
  | "staff"
  | "notInBot"
  | "total"
  | "subjects"
  | "role"
  | "registeredAt"
  | "language"
  | "active"
  /** Excel's format for the dates */
  | "dateFormat"
  /** the values of "active" */
  | "yes"
  | "no";

export type AdoptionLabels = PersonLabels &
  Record<Text, string> & {
    roleOf: (p: RegisteredPerson) => string;
    languageOf: (p: RegisteredPerson) => string;
  };

export function adoptionWorkbook(report: AdoptionReport, l: AdoptionLabels, zone: string): Promise<Buffer> {
  const districtColumn: Column[] = report.districts.length ? [{ header: l.district, key: "district", width: 28 }] : [];
  const districtName = (d: string | null) => d ?? l.noDistrict;
  return workbook([
    {
      name: l.schoolsSheet,
      columns: [
        { header: l.school, key: "school", width: 40 },
        { header: l.cluster, key: "cluster", width: 24 },
        ...districtColumn,
        { header: l.teachers, key: "teachers", width: 16 },
        { header: l.recent, key: "recent", width: 16 },
        { header: l.inactive, key: "inactive", width: 16 },
        ...(report.staffListed
          ? [
              { header: l.staff, key: "staff", width: 16 },
              { header: l.notInBot, key: "notInBot", width: 16 },
            ]
          : []),
      ],
      rows: report.schools.map((s) => ({ ...s, district: districtName(s.district) })),
      totalRow: {
        school: l.total,
        teachers: report.teachers,
        recent: report.recent,
        inactive: report.inactive,
        staff: report.staffListed,
        notInBot: report.notInBot,
      },
    },
    {
      name: l.peopleSheet,
      columns: [
        ...personColumns(l),
        ...districtColumn,
        { header: l.subjects, key: "subjects", width: 32 },
        { header: l.role, key: "role", width: 16 },
        { header: l.registeredAt, key: "registeredAt", width: 16, format: l.dateFormat },
        { header: l.language, key: "language", width: 12 },
        { header: l.active, key: "active", width: 12 },
      ],
      // one literal per row (a spread of personCells made each a slow, dictionary-like object: ~150 ms of a region's 30,000 rows)
      rows: lazily(report.people, (p, i) => ({
        n: i + 1,
        name: p.name,
        school: p.school,
        cluster: p.cluster,
        district: districtName(p.district),
        subjects: p.subjects.join(", "),
        role: l.roleOf(p),
        registeredAt: excelDay(p.registeredAt, zone),
        language: l.languageOf(p),
        active: p.active ? l.yes : l.no,
      })),
    },
  ]);
}

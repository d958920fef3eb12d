// The teachers whose attestation needs a methodist's attention (expired, expiring soon, not told) as
// an .xlsx workbook (with a district column for the whole deployment of a directory with districts).
// Labels come from the caller (locales), so the file is in the methodist's language.
import { excelDay, personCells, personColumns, workbook, type PersonLabels } from "../spreadsheet.js";
import type { AttestationReport, AttestedTeacher } from "./index.js";

export interface AttestationLabels extends PersonLabels {
  sheet: string;
  district: string;
  /** the district of the teachers whose school is in none */
  noDistrict: string;
  category: string;
  until: string;
  status: string;
  dateFormat: string;
  categoryOf: (t: AttestedTeacher) => string;
  statusOf: (t: AttestedTeacher) => string;
}

export function attestationWorkbook(report: AttestationReport, l: AttestationLabels, zone: string): Promise<Buffer> {
  return workbook([
    {
      name: l.sheet,
      columns: [
        ...personColumns(l),
        ...(report.districts.length ? [{ header: l.district, key: "district", width: 28 }] : []),
        { header: l.category, key: "category", width: 32 },
        { header: l.until, key: "until", width: 14, format: l.dateFormat },
        { header: l.status, key: "status", width: 22 },
      ],
      rows: report.attention.map((t, i) => ({
        ...personCells(t, i),
        district: t.district ?? l.noDistrict,
        category: l.categoryOf(t),
        until: t.until ? excelDay(t.until, zone) : null,
        status: l.statusOf(t),
      })),
    },
  ]);
}

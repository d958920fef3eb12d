// A meeting's attendance as an .xlsx workbook: everyone invited or who answered, their answer and
// whether they came (what the district asks for). Labels come from the caller (locales).
import { personCells, personColumns, workbook, type PersonLabels } from "../spreadsheet.js";
import type { RsvpRow } from "./types.js";

export interface AttendanceLabels extends PersonLabels {
  sheet: string;
  answer: string;
  attended: string;
  going: string;
  notGoing: string;
  noAnswer: string;
  yes: string;
  no: string;
}

export function attendanceWorkbook(rows: RsvpRow[], l: AttendanceLabels): Promise<Buffer> {
  return workbook([
    {
      name: l.sheet,
      columns: [...personColumns(l), { header: l.answer, key: "answer", width: 16 }, { header: l.attended, key: "attended", width: 12 }],
      rows: rows.map((r, i) => ({
        ...personCells(r, i),
        answer: r.answer === "going" ? l.going : r.answer === "not_going" ? l.notGoing : l.noAnswer,
        // not marked yet stays empty: "no" is what the methodist said
        attended: r.attended === null ? null : r.attended ? l.yes : l.no,
      })),
    },
  ]);
}

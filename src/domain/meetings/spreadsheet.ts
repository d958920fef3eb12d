// A meeting's attendance as an .xlsx workbook: everyone invited or who answered, their answer and
// whether they came (what the district asks for). Labels come from the caller (locales).
import { workbook } from "../spreadsheet.js";
import type { RsvpRow } from "./service.js";

export interface AttendanceLabels {
  sheet: string;
  number: string;
  name: string;
  school: string;
  cluster: string;
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
      columns: [
        { header: l.number, key: "n", width: 5 },
        { header: l.name, key: "name", width: 36 },
        { header: l.school, key: "school", width: 40 },
        { header: l.cluster, key: "cluster", width: 24 },
        { header: l.answer, key: "answer", width: 16 },
        { header: l.attended, key: "attended", width: 12 },
      ],
      rows: rows.map((r, i) => ({
        n: i + 1,
        name: r.name,
        school: r.school,
        cluster: r.cluster,
        answer: r.answer === "going" ? l.going : r.answer === "not_going" ? l.notGoing : l.noAnswer,
        // not marked yet stays empty: "no" is what the methodist said
        attended: r.attended === null ? null : r.attended ? l.yes : l.no,
      })),
    },
  ]);
}

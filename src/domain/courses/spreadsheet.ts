// A course's participants as an .xlsx workbook: the list a methodist sends to the course provider.
// Labels come from the caller (locales), so the file is in the methodist's language.
import { excelDay, personCells, personColumns, workbook, type PersonLabels } from "../spreadsheet.js";
import type { Participant } from "./types.js";

export interface ParticipantsLabels extends PersonLabels {
  sheet: string;
  subjects: string;
  status: string;
  signedUp: string;
  completed: string;
  /** Excel's format for the dates */
  dateFormat: string;
  /** "registered", "waiting, no. 2" ... */
  statusOf: (p: Participant) => string;
}

export function participantsWorkbook(people: Participant[], l: ParticipantsLabels, zone: string): Promise<Buffer> {
  return workbook([
    {
      name: l.sheet,
      columns: [
        ...personColumns(l),
        { header: l.subjects, key: "subjects", width: 32 },
        { header: l.status, key: "status", width: 22 },
        { header: l.signedUp, key: "signedUp", width: 14, format: l.dateFormat },
        { header: l.completed, key: "completed", width: 14, format: l.dateFormat },
      ],
      rows: people.map((p, i) => ({
        ...personCells(p, i),
        subjects: p.subjects.join(", "),
        status: l.statusOf(p),
        signedUp: excelDay(p.queuedAt, zone),
        completed: p.completedAt ? excelDay(p.completedAt, zone) : null,
      })),
    },
  ]);
}

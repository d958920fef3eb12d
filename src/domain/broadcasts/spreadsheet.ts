// A question's answers as an .xlsx workbook: everyone the broadcast reached with what she chose (empty:
// no answer yet), with a district column where the directory has districts, and a sheet of counts per
// option. Labels come from the caller (locales), so the file is in the methodist's language.
import { percent } from "../by-school.js";
import { personCells, personColumns, workbook, type PersonLabels } from "../spreadsheet.js";
import type { QuestionResults } from "./answers.js";

export interface AnswersLabels extends PersonLabels {
  answersSheet: string;
  countsSheet: string;
  district: string;
  /** the district of people whose school is in none */
  noDistrict: string;
  answer: string;
  option: string;
  count: string;
  percent: string;
  /** the total row of the counts: "answered 7 of 12" */
  total: string;
}

export function answersWorkbook(r: QuestionResults, l: AnswersLabels): Promise<Buffer> {
  const { question, counts, answered } = r.summary;
  return workbook([
    {
      name: l.answersSheet,
      columns: [
        ...personColumns(l),
        ...(r.districts ? [{ header: l.district, key: "district", width: 28 }] : []),
        { header: l.answer, key: "answer", width: 48 },
      ],
      rows: r.rows.map((p, i) => ({
        ...personCells(p, i),
        district: p.district ?? l.noDistrict,
        answer: p.chosen.map((c) => question.options[c]).join("; "),
      })),
    },
    {
      name: l.countsSheet,
      columns: [
        { header: l.option, key: "option", width: 48 },
        { header: l.count, key: "count", width: 12 },
        { header: l.percent, key: "percent", width: 10 },
      ],
      rows: question.options.map((option, i) => ({ option, count: counts[i], percent: percent(counts[i]!, answered) })),
      totalRow: { option: l.total, count: answered },
    },
  ]);
}

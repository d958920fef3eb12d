// .xlsx workbooks (exceljs) for the lists methodists take to their desks: a sheet per list, a bold
// frozen header row, an optional bold total row. Labels and values come from the caller.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { DateTime } from "luxon";

export interface Column {
  header: string;
  key: string;
  width: number;
  /** Excel number format of the values, e.g. "dd.mm.yyyy" for dates */
  format?: string;
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: Record<string, unknown>[];
  totalRow?: Record<string, unknown>;
}

/** The labels of the columns every list of people starts with. */
export interface PersonLabels {
  number: string;
  name: string;
  school: string;
  cluster: string;
}

/** №, name, school, cluster: how every list of teachers begins (rows fill them with `personCells`). */
export const personColumns = (l: PersonLabels): Column[] => [
  { header: l.number, key: "n", width: 5 },
  { header: l.name, key: "name", width: 36 },
  { header: l.school, key: "school", width: 40 },
  { header: l.cluster, key: "cluster", width: 24 },
];

export const personCells = (p: { name: string; school: string; cluster: string }, index: number) => ({
  n: index + 1,
  name: p.name,
  school: p.school,
  cluster: p.cluster,
});

/** The texts of a report's summary sheets (by district, by school). */
export interface SummaryLabels {
  districtsSheet: string;
  schoolsSheet: string;
  district: string;
  /** the district of the schools in none */
  noDistrict: string;
  school: string;
  cluster: string;
  /** the total row's label */
  total: string;
}

/**
 * A report's summary: a sheet by district (only where there are districts: `districts` not empty) and one
 * by school (with a district column then), each row's figures in `counts` filled by `figures`, and a
 * total row of `total`.
 */
export function summarySheets<D extends { district: string | null }, S extends { school: string; cluster: string; district: string | null }>(
  l: SummaryLabels,
  counts: Column[],
  rows: { districts: D[]; schools: S[] },
  figures: (row: D | S) => Record<string, unknown>,
  total: Record<string, unknown>,
): Sheet[] {
  const byDistrict = rows.districts.length > 0;
  const district = (d: string | null) => d ?? l.noDistrict;
  const districts: Sheet[] = byDistrict
    ? [
        {
          name: l.districtsSheet,
          columns: [{ header: l.district, key: "district", width: 32 }, ...counts],
          rows: rows.districts.map((d) => ({ district: district(d.district), ...figures(d) })),
          totalRow: { district: l.total, ...total },
        },
      ]
    : [];
  const districtColumn: Column[] = byDistrict ? [{ header: l.district, key: "district", width: 28 }] : [];
  return [
    ...districts,
    {
      name: l.schoolsSheet,
      columns: [{ header: l.school, key: "school", width: 40 }, { header: l.cluster, key: "cluster", width: 28 }, ...districtColumn, ...counts],
      rows: rows.schools.map((s) => ({ school: s.school, cluster: s.cluster, district: district(s.district), ...figures(s) })),
      totalRow: { school: l.total, ...total },
    },
  ];
}

/** "" (no cluster, say) as an empty cell rather than a text cell holding nothing */
const blanks = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === "" ? null : v]));

/**
 * The workbook as a stream of rows (exceljs's streaming writer): each row is written out and dropped as
 * it is added, and the file is zipped by Node's zlib, where the in-memory workbook keeps a model of every
 * cell and deflates in JavaScript. A region's list of 30,000 teachers took several times longer the
 * other way (see README, Performance).
 */
export async function workbook(sheets: Sheet[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = s.columns.map(({ header, key, width }) => ({ header, key, width }));
    sheet.getRow(1).font = { bold: true };
    const formatted = s.columns.filter((c) => c.format);
    for (const values of s.rows) {
      const row = sheet.addRow(blanks(values));
      for (const c of formatted) row.getCell(c.key).numFmt = c.format!;
      row.commit();
    }
    if (s.totalRow) {
      const total = sheet.addRow(blanks(s.totalRow));
      total.font = { bold: true };
      total.commit();
    }
    sheet.commit();
  }
  await book.commit();
  await done;
  return Buffer.concat(chunks);
}

/**
 * The day `d` falls on in `zone`, as a date cell: Excel dates have no zone and exceljs writes a Date
 * by its UTC fields, so the local day goes in as that day's UTC midnight.
 */
export function excelDay(d: Date, zone: string): Date {
  // a local day changes only on a quarter hour of UTC (every zone's offset is a multiple of 15 minutes), so
  // the answer is the same within one: a list of 30,000 people has a few hundred distinct ones, and
  // luxon's zone arithmetic per cell was a good part of a region's file (a pure memo, bounded)
  const key = `${zone} ${Math.floor(d.getTime() / QUARTER_HOUR)}`;
  const known = days.get(key);
  if (known) return new Date(known);
  const local = DateTime.fromJSDate(d, { zone });
  const day = Date.UTC(local.year, local.month - 1, local.day);
  if (days.size >= 5000) days.clear();
  days.set(key, day);
  return new Date(day);
}

const QUARTER_HOUR = 15 * 60_000;
const days = new Map<string, number>();

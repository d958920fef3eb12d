// .xlsx workbooks for the lists methodists take to their desks: a sheet per list, a bold
// frozen header row, an optional bold total row. Labels and values come from the caller.
import { DateTime } from "luxon";
import { writeXlsx, type XlsxColumn, type XlsxSheet } from "./xlsx-writer.js";

export type Column = XlsxColumn;
export type Sheet = XlsxSheet;

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

/** A sheet's rows made from `items` as the writer takes them (a region's list is not held twice). */
export function* lazily<T>(items: readonly T[], row: (item: T, index: number) => Record<string, unknown>): Generator<Record<string, unknown>> {
  for (let i = 0; i < items.length; i++) yield row(items[i]!, i);
}

/** The workbook's bytes (src/domain/xlsx-writer.ts): a sheet's rows may be a generator, made as they are written. */
export function workbook(sheets: Sheet[]): Promise<Buffer> {
  return writeXlsx(sheets);
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

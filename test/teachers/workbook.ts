// The .xlsx a /teachers answer carries, parsed back: its sheets' names and each sheet's cells row by row.
import ExcelJS from "exceljs";
import type { ChatMessage } from "../helpers/fake-telegram.js";

export interface ParsedBook {
  names: string[];
  /** every row of a sheet, the header first, as its cells' values (an empty cell: undefined) */
  rows(sheet: string): unknown[][];
  /** one cell by its sheet, row (1: the header) and column header */
  cell(sheet: string, row: number, header: string): ExcelJS.Cell;
}

export async function parseBook(message: ChatMessage): Promise<ParsedBook> {
  if (message.kind !== "document" || !message.file?.bytes) throw new Error(`not a document: ${message.text}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(message.file.bytes as unknown as ArrayBuffer);
  const sheet = (name: string) => book.getWorksheet(name) ?? expectSheet(name, book);
  return {
    names: book.worksheets.map((w) => w.name),
    rows: (name) => {
      const out: unknown[][] = [];
      sheet(name).eachRow({ includeEmpty: true }, (row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    },
    cell: (name, row, header) => {
      const s = sheet(name);
      const column = (s.getRow(1).values as unknown[]).indexOf(header);
      if (column < 1) throw new Error(`no column ${header} in ${name}`);
      return s.getRow(row).getCell(column);
    },
  };
}

function expectSheet(name: string, book: ExcelJS.Workbook): never {
  throw new Error(`no sheet ${name}: ${book.worksheets.map((w) => w.name).join(", ")}`);
}

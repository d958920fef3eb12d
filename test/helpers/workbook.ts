// An .xlsx the bot sent (a chat message with a file), parsed back: its sheets' names, each sheet's cells
// row by row, one cell by its column header. Every spreadsheet test reads its file through this.
import ExcelJS from "exceljs";

export interface ParsedBook {
  names: string[];
  /** a sheet by name (the first one without a name) */
  sheet(name?: string): ExcelJS.Worksheet;
  /** every row of a sheet (the first one without a name), the header first, as its cells' values (an empty cell: undefined) */
  rows(sheet?: string): unknown[][];
  /** one cell by its sheet, row (1: the header) and column header */
  cell(sheet: string, row: number, header: string): ExcelJS.Cell;
}

export async function parseBook(message: { kind?: string; text?: string; file?: { bytes?: unknown } }): Promise<ParsedBook> {
  if ((message.kind !== undefined && message.kind !== "document") || !message.file?.bytes) throw new Error(`not a document: ${message.text}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(message.file.bytes as unknown as ArrayBuffer);
  const sheet = (name?: string) => (name === undefined ? book.worksheets[0] : book.getWorksheet(name)) ?? expectSheet(name ?? "(first)", book);
  return {
    names: book.worksheets.map((w) => w.name),
    sheet,
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

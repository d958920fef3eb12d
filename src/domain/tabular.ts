// Tables people send the bot: a CSV as Excel, LibreOffice or a school information system saves it, or an
// .xlsx workbook, read into rows of strings. Knows nothing of what a table is about (schools, subjects,
// a staff list): its callers find their columns in the rows.
//
// A CSV's encoding is told by its bytes: a BOM (UTF-8; UTF-16 LE or BE, as Excel writes "Unicode text",
// tab-separated), else valid UTF-8, else Windows-1251 (what Russian Windows' Excel writes as "CSV"),
// provided the result reads as text. Anything else (another legacy encoding, a binary file, text already
// garbled by an earlier conversion) is refused rather than loaded as "���� ���� � 78�". The separator is
// the one of ";", tab and "," that the first line has most of (outside quotes).
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { parse } from "csv-parse/sync";
import { DomainError } from "./errors.js";

/** One row of a table: its line (CSV) or row number (sheet) in the file, 1-based, and its cells, trimmed. */
export interface TableRow {
  line: number;
  cells: string[];
}

export interface Table {
  format: "csv" | "xlsx";
  /** CSV: what it was read as: "utf-8", "windows-1251", "utf-16le", "utf-16be" */
  encoding?: string;
  /** CSV: the separator (none in a one-column table) */
  delimiter?: string;
  /** xlsx: the sheet read (the first one with data) */
  sheet?: string;
  /** the rows with at least one non-empty cell, header included, in file order */
  rows: TableRow[];
}

export interface ReadTableOptions {
  /** more rows (header included) than this: refused with `table-too-long` before they are all read */
  maxRows?: number;
}

/** An .xlsx may unpack to at most this much (a few hundred rows are a few hundred kilobytes): no zip bomb. */
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** the old binary Excel format (.xls), and other OLE2 documents */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** Whether a file sent with this name and type may be a table (checked before it is downloaded). */
export function mayBeTable(fileName: string, mimeType = ""): boolean {
  const name = fileName.toLowerCase();
  if (/\.(csv|tsv|txt|xlsx|xls)$/.test(name)) return true;
  return /^(text|application)\/(csv|plain|tab-separated-values|comma-separated-values)$/.test(mimeType) || /spreadsheetml\.sheet|ms-excel/.test(mimeType);
}

/**
 * Reads a table from a file's bytes. The format is told by the content (a zip is a workbook), the file
 * name only breaks no tie. Refusals are DomainErrors: `table-xls` (the old .xls format), `table-xlsx-unreadable`,
 * `table-encoding` (text that cannot be decoded), `table-unreadable` (a broken CSV: an unclosed quote),
 * `table-too-long` ({ max }).
 */
export async function readTable(bytes: Uint8Array, fileName: string, options: ReadTableOptions = {}): Promise<Table> {
  if (startsWith(bytes, OLE2)) throw new DomainError("table-xls");
  if (startsWith(bytes, ZIP)) return readWorkbook(bytes, options);
  if (/\.xlsx$/i.test(fileName) && bytes.length > 0) throw new DomainError("table-xlsx-unreadable");
  const { text, encoding } = decodeText(bytes);
  return { ...parseDelimited(text, options), encoding };
}

/** The text of a CSV file's bytes (see the top of this file); `table-encoding` when it is not text. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let decoded: { text: string; encoding: string } | null;
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) decoded = { text: strictUtf8(buf.subarray(3)) ?? "\ufffd", encoding: "utf-8" };
  else if (startsWith(buf, [0xff, 0xfe])) decoded = { text: iconv.decode(buf.subarray(2), "utf-16le"), encoding: "utf-16le" };
  else if (startsWith(buf, [0xfe, 0xff])) decoded = { text: iconv.decode(buf.subarray(2), "utf-16be"), encoding: "utf-16be" };
  else {
    const utf16 = utf16WithoutBom(buf);
    const utf8 = utf16 ? null : strictUtf8(buf);
    decoded = utf16
      ? { text: iconv.decode(buf, utf16), encoding: utf16 }
      : utf8 !== null
        ? { text: utf8, encoding: "utf-8" }
        : { text: iconv.decode(buf, "win1251"), encoding: "windows-1251" };
  }
  if (!readsAsText(decoded.text)) throw new DomainError("table-encoding");
  return decoded;
}

function strictUtf8(buf: Buffer): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    return null;
  }
}

/**
 * UTF-16 saved without a BOM: in Latin and Cyrillic text the high byte of nearly every pair is 0x00 or
 * 0x04, which neither UTF-8 nor Windows-1251 text has (they have no zero bytes).
 */
function utf16WithoutBom(buf: Buffer): "utf-16le" | "utf-16be" | null {
  const pairs = Math.min(Math.floor(buf.length / 2), 4096);
  if (pairs < 2) return null;
  const high = (b: number | undefined) => b === 0 || b === 4;
  let le = 0;
  let be = 0;
  for (let i = 0; i < pairs; i++) {
    if (high(buf[2 * i + 1]) && buf[2 * i] !== 0) le++;
    if (high(buf[2 * i]) && buf[2 * i + 1] !== 0) be++;
  }
  if (le >= pairs * 0.9) return "utf-16le";
  if (be >= pairs * 0.9) return "utf-16be";
  return null;
}

/**
 * Text, not a binary file or a garbled one: no control characters but tab and line ends, no replacement
 * character (a "�" is what an earlier wrong conversion leaves), no unassigned code of Windows-1251.
 */
function readsAsText(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/.test(text);
}

/**
 * The separator the header (the first non-empty line) has most of, outside quotes: ";" (Russian Excel),
 * tab (Excel's "Unicode text") or "," (ties in that order). A header without any is a one-column table:
 * null, and no character splits its lines (a school named «…, корпус 2» stays whole).
 */
export function sniffDelimiter(text: string): string | null {
  const counts = new Map<string, number>([
    [";", 0],
    ["\t", 0],
    [",", 0],
  ]);
  let quoted = false;
  let started = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (quoted) continue;
    if (ch === "\n" || ch === "\r") {
      if (started) break;
      continue;
    }
    if (ch.trim()) started = true;
    const n = counts.get(ch);
    if (n !== undefined) counts.set(ch, n + 1);
  }
  let best: string | null = null;
  let most = 0;
  for (const [d, n] of counts) {
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/** a delimiter no decoded text has (readsAsText refuses NUL): what a one-column table is parsed with */
const NO_DELIMITER = "\u0000";

/** Rows of CSV text (already decoded): the separator sniffed, cells trimmed, empty rows left out. */
export function parseDelimited(text: string, options: ReadTableOptions = {}): Table {
  if (!readsAsText(text)) throw new DomainError("table-encoding");
  const delimiter = sniffDelimiter(text.replace(/^\uFEFF/, ""));
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: delimiter ?? NO_DELIMITER,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      to: options.maxRows !== undefined ? options.maxRows + 1 : undefined,
    }) as unknown as typeof records;
  } catch {
    throw new DomainError("table-unreadable");
  }
  const rows = records.filter(({ record }) => record.some((c) => c !== "")).map(({ record, info }) => ({ line: info.lines, cells: record }));
  if (options.maxRows !== undefined && rows.length > options.maxRows) throw new DomainError("table-too-long", { max: options.maxRows });
  return { format: "csv", delimiter: delimiter ?? undefined, rows };
}

/** The first sheet with data of an .xlsx workbook, every cell as the text a person sees in it. */
async function readWorkbook(bytes: Uint8Array, options: ReadTableOptions): Promise<Table> {
  if (unpackedSize(bytes) > MAX_UNPACKED_BYTES) throw new DomainError("table-xlsx-unreadable");
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new DomainError("table-xlsx-unreadable");
  }
  const sheet = book.worksheets.find((w) => w.actualRowCount > 0);
  if (!sheet) return { format: "xlsx", rows: [] };
  if (options.maxRows !== undefined && sheet.actualRowCount > options.maxRows) throw new DomainError("table-too-long", { max: options.maxRows });
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    while (cells.length && cells.at(-1) === "") cells.pop();
    if (cells.length) rows.push({ line, cells });
  });
  return { format: "xlsx", sheet: sheet.name, rows };
}

/** A cell's value as text: a date as YYYY-MM-DD (with HH:MM if it has a time), a formula as its result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if (typeof value !== "object") return String(value).trim();
  if ("richText" in value)
    return value.richText
      .map((r) => r.text)
      .join("")
      .trim();
  if ("formula" in value || "sharedFormula" in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("hyperlink" in value) return cellText((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  if ("error" in value) return "";
  return "";
}

/**
 * What a zip's entries unpack to, from its central directory (before anything is unpacked); a size the
 * directory does not tell (zip64) counts as too much.
 */
function unpackedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end-of-central-directory record: the last 22 bytes, or before a comment of up to 64 KiB
  for (let end = bytes.length - 22; end >= Math.max(0, bytes.length - 22 - 0xffff); end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const entries = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return Number.POSITIVE_INFINITY;
      const size = view.getUint32(at + 24, true);
      if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
      total += size;
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return total;
  }
  return Number.POSITIVE_INFINITY;
}

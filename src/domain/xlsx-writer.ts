// A minimal .xlsx writer for the lists the bot sends: sheets of text, number and date cells, a bold
// frozen header row, column widths, a bold total row. The SpreadsheetML is written here as text, a few
// hundred rows per chunk, deflated as it is made by Node's zlib (native, off the main thread) and put in
// a zip (zip.ts): nothing per cell is kept. exceljs's streaming writer, used before, builds a cell
// object with a style model per value and a shared-string table, which was most of a region's report
// (30,000 rows; README, Performance). Reading tables people send stays with exceljs (src/domain/tabular.ts).
import { zip, type ZipEntry } from "./zip.js";

export interface XlsxColumn {
  header: string;
  key: string;
  width: number;
  /** Excel number format of the values, e.g. "dd.mm.yyyy" for dates */
  format?: string;
}

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  /** each row's cells by column key: a string, a number, a Date (as the day/time its UTC fields say), or empty (null, undefined, "") */
  rows: Iterable<Record<string, unknown>>;
  totalRow?: Record<string, unknown>;
}

/** Rows per chunk handed to the compressor. */
const CHUNK_ROWS = 500;
/** zlib's fastest level: a region's list deflates ~4× faster than at the default, for a file ~25 % larger (1.3 MB instead of 1.1). */
const LEVEL = 1;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

// biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 has no place for these
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: what escapeXml changes or drops
const NEEDS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>"]/;
const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text as XML character data; most names need nothing, and one test (no copy) tells so. */
export function escapeXml(s: string): string {
  if (!NEEDS.test(s)) return s;
  return s.replace(INVALID, "").replace(/[&<>"]/g, (c) => ESC[c]!);
}

/** Whitespace at either end (which XML drops unless told to keep it): space, tab, CR, LF. */
const WS = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;
const padded = (s: string) => WS(s.charCodeAt(0)) || WS(s.charCodeAt(s.length - 1));

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel's serial day of a Date's UTC fields (1900 system; 25569 is 1970-01-01). */
const serial = (d: Date) => d.getTime() / 86_400_000 + 25_569;

/** Style ids: 0 plain, 1 bold, then one per distinct number format. */
function styles(formats: string[]): string {
  const numFmts = formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(f)}"/>`).join("");
  const xfs = formats.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join("");
  return (
    `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    (formats.length ? `<numFmts count="${formats.length}">${numFmts}</numFmts>` : "") +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${2 + formats.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${xfs}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
}

/** One cell's XML (empty for an empty value); `s` its style attribute (` s="2"`, or "" for none). */
function cell(ref: string, value: unknown, s: string): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "string") {
    const text = escapeXml(value);
    return padded(text)
      ? `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`
      : `<c r="${ref}"${s} t="inlineStr"><is><t>${text}</t></is></c>`;
  }
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : "";
  if (value instanceof Date) return `<c r="${ref}"${s}><v>${serial(value)}</v></c>`;
  const text = escapeXml(String(value));
  if (!text) return "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${padded(text) ? ' xml:space="preserve"' : ""}>${text}</t></is></c>`;
}

/** A sheet's XML in chunks of CHUNK_ROWS rows. */
function* sheetXml(sheet: XlsxSheet, formatStyle: Map<string, number>): Generator<Buffer> {
  const letters = sheet.columns.map((_, i) => columnName(i));
  const keys = sheet.columns.map((c) => c.key);
  const dataStyles = sheet.columns.map((c) => (c.format ? ` s="${formatStyle.get(c.format)!}"` : ""));
  const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join("");
  const row = (r: number, values: Record<string, unknown>, bold: boolean) => {
    let out = bold ? `<row r="${r}" s="1" customFormat="1">` : `<row r="${r}">`;
    for (let i = 0; i < keys.length; i++) out += cell(letters[i]! + r, values[keys[i]!], bold ? ' s="1"' : dataStyles[i]!);
    return `${out}</row>`;
  };
  const header = Object.fromEntries(sheet.columns.map((c) => [c.key, c.header]));
  let chunk =
    `${XML_HEAD}<worksheet ${NS}><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ""}<sheetData>${row(1, header, true)}`;
  let r = 1;
  for (const values of sheet.rows) {
    chunk += row(++r, values, false);
    if (r % CHUNK_ROWS === 0) {
      yield Buffer.from(chunk);
      chunk = "";
    }
  }
  if (sheet.totalRow) chunk += row(++r, sheet.totalRow, true);
  yield Buffer.from(`${chunk}</sheetData></worksheet>`);
}

/** The workbook's bytes; sheets are written one after another as the zip takes them. */
export async function writeXlsx(sheets: XlsxSheet[]): Promise<Buffer> {
  const formats = [...new Set(sheets.flatMap((s) => s.columns.flatMap((c) => (c.format ? [c.format] : []))))];
  const formatStyle = new Map(formats.map((f, i) => [f, 2 + i]));
  const entries: ZipEntry[] = [];
  const text = (name: string, xml: string) => {
    entries.push({ name, data: [Buffer.from(xml)] });
  };
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("");
  text(
    "[Content_Types].xml",
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides}</Types>`,
  );
  text(
    "_rels/.rels",
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const sheetList = sheets.map((s, i) => `<sheet name="${escapeXml(s.name.slice(0, 31))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  text("xl/workbook.xml", `${XML_HEAD}<workbook ${NS}><bookViews><workbookView/></bookViews><sheets>${sheetList}</sheets></workbook>`);
  const rels = sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("");
  text(
    "xl/_rels/workbook.xml.rels",
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  text("xl/styles.xml", styles(formats));
  for (const [i, s] of sheets.entries()) entries.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXml(s, formatStyle) });
  return zip(entries, LEVEL);
}

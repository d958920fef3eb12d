// A plain table that flows over pages: a header row (repeated at the top of each new page), rows as tall
// as their longest cell, thin rules between rows. Cells are text; a row never splits across pages.
import { COLOR, FONT, type Pdf } from "./document.js";

export interface Column {
  header: string;
  /** share of the table's width (the shares are scaled to fill it) */
  width: number;
  align?: "left" | "right" | "center";
}

export interface TableArea {
  x: number;
  width: number;
  /** where rows may begin on a new page */
  top: number;
  /** where rows must end */
  bottom: number;
}

const PAD = 3;
const SIZE = 8.5;
const LINE_GAP = 0.5;

/** Draws the table from the current y; returns the y below it. */
export function drawTable(doc: Pdf, columns: Column[], rows: string[][], area: TableArea): number {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * area.width);
  const lineHeight = (() => {
    doc.font(FONT.regular).fontSize(SIZE);
    return doc.currentLineHeight(true) + LINE_GAP;
  })();

  /**
   * Each cell's width on one line, or null when it must wrap: most cells fit (dates, numbers, short
   * titles) and are then drawn without the line wrapper, which is what a long table spends its time in.
   */
  const measure = (cells: string[], font: string): { oneLine: (number | null)[]; height: number } => {
    doc.font(font).fontSize(SIZE);
    let height = lineHeight;
    const oneLine = cells.map((text, i) => {
      const inner = widths[i]! - 2 * PAD;
      const w = text.includes("\n") ? Number.POSITIVE_INFINITY : doc.widthOfString(text);
      if (w <= inner) return w;
      height = Math.max(height, doc.heightOfString(text, { width: inner, lineGap: LINE_GAP }));
      return null;
    });
    return { oneLine, height: height + 2 * PAD };
  };

  const drawRow = (cells: string[], y: number, row: { oneLine: (number | null)[]; height: number }, font: string, shade: string | null): void => {
    if (shade) doc.rect(area.x, y, area.width, row.height).fill(shade);
    doc.font(font).fontSize(SIZE).fillColor(COLOR.ink);
    let x = area.x;
    cells.forEach((text, i) => {
      const inner = widths[i]! - 2 * PAD;
      const w = row.oneLine[i];
      const align = columns[i]!.align ?? "left";
      if (w === null || w === undefined) doc.text(text, x + PAD, y + PAD, { width: inner, align, lineGap: LINE_GAP, height: row.height - 2 * PAD });
      else if (text) {
        const left = align === "right" ? inner - w : align === "center" ? (inner - w) / 2 : 0;
        doc.text(text, x + PAD + left, y + PAD, { lineBreak: false });
      }
      x += widths[i]!;
    });
    doc
      .moveTo(area.x, y + row.height)
      .lineTo(area.x + area.width, y + row.height)
      .lineWidth(0.4)
      .strokeColor(COLOR.rule)
      .stroke();
  };

  const headers = columns.map((c) => c.header);
  const head = measure(headers, FONT.bold);
  const header = (y: number): number => {
    drawRow(headers, y, head, FONT.bold, "#e9eef5");
    return y + head.height;
  };

  let y = doc.y;
  // the header and at least the first row stay together
  const first = rows[0] ? measure(rows[0], FONT.regular).height : 0;
  if (y + head.height + first > area.bottom) {
    doc.addPage();
    y = area.top;
  }
  y = header(y);
  for (const cells of rows) {
    const row = measure(cells, FONT.regular);
    if (y + row.height > area.bottom) {
      doc.addPage();
      y = header(area.top);
    }
    drawRow(cells, y, row, FONT.regular, null);
    y += row.height;
  }
  doc.x = area.x;
  doc.y = y;
  return y;
}

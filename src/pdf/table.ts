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

  /** A cell's height: one line when it fits (measuring a wrap is costly), else the wrapped height. */
  const cellHeight = (text: string, i: number): number => {
    const inner = widths[i]! - 2 * PAD;
    if (!text.includes("\n") && doc.widthOfString(text) <= inner) return lineHeight;
    return doc.heightOfString(text, { width: inner, lineGap: LINE_GAP });
  };

  const rowHeight = (cells: string[], font: string): number => {
    doc.font(font).fontSize(SIZE);
    return Math.max(...cells.map(cellHeight)) + 2 * PAD;
  };

  const drawRow = (cells: string[], y: number, height: number, font: string, shade: string | null): void => {
    if (shade) doc.rect(area.x, y, area.width, height).fill(shade);
    doc.font(font).fontSize(SIZE).fillColor(COLOR.ink);
    let x = area.x;
    cells.forEach((text, i) => {
      const width = widths[i]! - 2 * PAD;
      doc.text(text, x + PAD, y + PAD, { width, align: columns[i]!.align ?? "left", lineGap: LINE_GAP, height: height - 2 * PAD });
      x += widths[i]!;
    });
    doc
      .moveTo(area.x, y + height)
      .lineTo(area.x + area.width, y + height)
      .lineWidth(0.4)
      .strokeColor(COLOR.rule)
      .stroke();
  };

  const headers = columns.map((c) => c.header);
  const headerHeight = rowHeight(headers, FONT.bold);
  const header = (y: number): number => {
    drawRow(headers, y, headerHeight, FONT.bold, "#e9eef5");
    return y + headerHeight;
  };

  let y = doc.y;
  // the header and at least the first row stay together
  const first = rows[0] ? rowHeight(rows[0], FONT.regular) : 0;
  if (y + headerHeight + first > area.bottom) {
    doc.addPage();
    y = area.top;
  }
  y = header(y);
  for (const cells of rows) {
    const height = rowHeight(cells, FONT.regular);
    if (y + height > area.bottom) {
      doc.addPage();
      y = header(area.top);
    }
    drawRow(cells, y, height, FONT.regular, null);
    y += height;
  }
  doc.x = area.x;
  doc.y = y;
  return y;
}

// A new A4 PDF with the project's Cyrillic fonts (PT Sans from npm, src/fonts.ts) and its bytes when it
// is finished. Every document the bot draws starts here (certificates, portfolios, invitations).
import PDFDocument from "pdfkit";
import { FONTS } from "../fonts.js";

export type Pdf = PDFKit.PDFDocument;

/** Font names registered in every document. */
export const FONT = { regular: "regular", bold: "bold", italic: "italic" } as const;

/** The palette: ink for text, a dark blue for titles and frames, grey for small print. */
export const COLOR = { ink: "#1d1d1f", accent: "#1f3a5f", muted: "#5f6368", rule: "#b9c2cf", gold: "#a8843a" } as const;

export const A4 = { width: 595.28, height: 841.89 } as const;

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  /** "ru" or "en": the document's language, for readers and screen readers */
  lang: string;
  /** when it was made (the clock's now, so that a test's document is the same every time) */
  createdAt: Date;
}

/**
 * A document and a promise of its bytes (settled once `doc.end()` is called). `bufferPages` keeps the
 * pages open until the end, so that footers with "page N of M" can be written last.
 */
export function newDocument(meta: DocumentMeta, opts: { margin?: number; bufferPages?: boolean } = {}): { doc: Pdf; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: "A4",
    margin: opts.margin ?? 56,
    bufferPages: opts.bufferPages ?? false,
    lang: meta.lang === "en" ? "en-GB" : "ru-RU",
    displayTitle: true,
    info: { Title: meta.title, Author: meta.author, Subject: meta.subject, Creator: "Методсеть", Producer: "pdfkit", CreationDate: meta.createdAt },
  });
  doc.registerFont(FONT.regular, FONTS.regular);
  doc.registerFont(FONT.bold, FONTS.bold);
  doc.registerFont(FONT.italic, FONTS.italic);
  doc.font(FONT.regular).fillColor(COLOR.ink);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, bytes };
}

/** The issuer's logo, if any, fitted into a box; a file that cannot be drawn is skipped (the document matters more). */
export function drawLogo(doc: Pdf, file: string | undefined, x: number, y: number, width: number, height: number): boolean {
  if (!file) return false;
  try {
    doc.image(file, x, y, { fit: [width, height], align: "center", valign: "center" });
    return true;
  } catch {
    return false;
  }
}

/**
 * A line to sign: the label (`label` wide), the line (`line` long) and, under it in small grey type, the
 * name of whoever signs (none: a blank line for a hand-written name).
 */
export function drawSignature(doc: Pdf, label: string, name: string | null, at: { x: number; y: number; label: number; line: number }): void {
  const { x, y } = at;
  const lineX = x + at.label + 2;
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.ink).text(label, x, y, { width: at.label, lineBreak: false });
  doc
    .moveTo(lineX, y + 11)
    .lineTo(lineX + at.line, y + 11)
    .lineWidth(0.6)
    .strokeColor(COLOR.ink)
    .stroke();
  if (name)
    doc
      .font(FONT.regular)
      .fontSize(8.5)
      .fillColor(COLOR.muted)
      .text(name, lineX, y + 14, { width: 150 });
}

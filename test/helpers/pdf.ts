// A PDF the bot sent (a chat message with a file), read back: its text (with runs of whitespace made
// one space, as lines break wherever the layout wraps them) and its number of pages.
import { PDFParse } from "pdf-parse";

export interface ParsedPdf {
  /** all pages' text, whitespace collapsed */
  text: string;
  pages: number;
  /** the document's title (its metadata) */
  title: string;
}

export async function readPdf(source: { kind?: string; text?: string; file?: { bytes?: Buffer; name?: string } } | Buffer): Promise<ParsedPdf> {
  const bytes = Buffer.isBuffer(source) ? source : source.file?.bytes;
  if (!bytes) throw new Error(`not a document: ${Buffer.isBuffer(source) ? "" : source.text}`);
  if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") throw new Error("not a PDF");
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    // one after the other: each call would load the document again from the (transferred) bytes
    const text = await parser.getText();
    const info = await parser.getInfo();
    return {
      text: text.pages
        .map((p) => p.text)
        .join(" ")
        .replace(/\s+/g, " ")
        .trim(),
      pages: text.total,
      title: String((info.info as Record<string, unknown> | undefined)?.Title ?? ""),
    };
  } finally {
    await parser.destroy();
  }
}

// A certificate on one A4 page, laid out as a methodological centre's certificates are: the issuer (and
// logo) at the top, the title, the number, whom it is issued to and for what, who approved it; at the
// bottom the QR code that leads to the check, the date of issue and lines to sign and stamp.
import type { Certificate } from "../domain/documents/types.js";
import { A4, COLOR, drawLogo, drawSignature, FONT, newDocument, type Pdf } from "./document.js";
import { certificateText, type Labels } from "../domain/documents/wording.js";
import { drawQr } from "./qr.js";

export interface CertificateOptions extends Labels {
  /** where the QR code leads (the site's check page or the bot's deep link) */
  verifyUrl: string;
  /** the bot's @username: the number can be checked there with /verify */
  botUsername: string;
  /** the site's address, when there is one: printed beside the QR code */
  publicUrl?: string | undefined;
  /** ISSUER_LOGO */
  logo?: string | undefined;
  /** ISSUER_SIGNATORY: printed under the head's signature line */
  signatory?: string | undefined;
}

/** Typesetting: a number stays on the line of the word it counts ("5 класс", "10 декабря", "2026 г."). */
const tie = (text: string): string => text.replace(/(\d) (?=\p{Ll})/gu, "$1\u00a0").replace(/№ /g, "№\u00a0");

function frame(doc: Pdf): void {
  doc.save();
  doc
    .lineWidth(2.2)
    .strokeColor(COLOR.accent)
    .rect(26, 26, A4.width - 52, A4.height - 52)
    .stroke();
  doc
    .lineWidth(0.7)
    .strokeColor(COLOR.gold)
    .rect(33, 33, A4.width - 66, A4.height - 66)
    .stroke();
  doc.restore();
}

/** A centred line of text across the page's inner width, at y; returns the y below it. */
function centred(doc: Pdf, text: string, y: number, font: string, size: number, color: string = COLOR.ink, extra: PDFKit.Mixins.TextOptions = {}): number {
  const x = 80;
  const width = A4.width - 160;
  doc.font(font).fontSize(size).fillColor(color);
  doc.text(text, x, y, { width, align: "center", ...extra });
  return doc.y;
}

export function renderCertificate(c: Certificate, o: CertificateOptions): Promise<Buffer> {
  const text = certificateText(c, o);
  const { doc, bytes } = newDocument(
    { title: `${text.title} ${text.number}`, author: text.issuer, subject: `${text.subtitle}: ${c.holderName}`, lang: o.locale, createdAt: c.issuedAt },
    { margin: 0 },
  );
  frame(doc);

  // the issuer
  let y = 58;
  if (drawLogo(doc, o.logo, A4.width / 2 - 40, y, 80, 56)) y += 64;
  y = centred(doc, text.issuer, y, FONT.bold, 12, COLOR.accent);
  doc
    .moveTo(150, y + 8)
    .lineTo(A4.width - 150, y + 8)
    .lineWidth(0.6)
    .strokeColor(COLOR.gold)
    .stroke();

  // the title and the number
  y = Math.max(y + 48, 190);
  y = centred(doc, text.title, y, FONT.bold, 34, COLOR.accent, { characterSpacing: 4 });
  y = centred(doc, text.subtitle, y + 4, FONT.regular, 15, COLOR.accent);
  y = centred(doc, text.number, y + 10, FONT.bold, 12, COLOR.ink);

  // to whom, for what
  y = centred(doc, o.t("doc-certificate-confirms"), y + 34, FONT.regular, 12, COLOR.muted);
  y = centred(doc, c.holderName, y + 10, FONT.bold, 24, COLOR.ink);
  if (c.schoolName) y = centred(doc, c.schoolName, y + 4, FONT.regular, 12, COLOR.ink);
  y = centred(doc, tie(text.statement), y + 22, FONT.regular, 13, COLOR.ink, { lineGap: 3 });
  if (text.note) y = centred(doc, tie(text.note), y + 12, FONT.italic, 12, COLOR.ink);
  if (text.approved) y = centred(doc, text.approved, y + 16, FONT.regular, 11, COLOR.muted);

  // the check (left) and the signatures (right), at the foot of the page
  const foot = A4.height - 250;
  const qr = 104;
  drawQr(doc, o.verifyUrl, 62, foot, qr);
  doc
    .font(FONT.regular)
    .fontSize(8)
    .fillColor(COLOR.muted)
    .text(`${o.t("doc-verify-qr")} ${o.t("doc-verify-bot", { bot: o.botUsername })}`, 62, foot + qr + 6, { width: 200, lineGap: 1 });
  doc.font(FONT.bold).fontSize(8.5).fillColor(COLOR.ink).text(`/verify ${c.number}`, { width: 200, lineBreak: false });
  if (o.publicUrl)
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(COLOR.muted)
      .text(o.t("doc-verify-site", { url: `${o.publicUrl}/verify` }), { width: 200 });

  const right = 300;
  doc
    .font(FONT.regular)
    .fontSize(11)
    .fillColor(COLOR.ink)
    .text(text.issued, right, foot + 4, { width: 230 });
  const widths = { label: 90, line: 108 };
  drawSignature(doc, o.t("doc-signature-head"), o.signatory ?? null, { x: right, y: foot + 44, ...widths });
  drawSignature(doc, o.t("doc-signature-methodist"), c.approvedByName, { x: right, y: foot + 92, ...widths });
  doc
    .font(FONT.regular)
    .fontSize(10)
    .fillColor(COLOR.muted)
    .text(o.t("doc-seal"), right, foot + 140, { width: 60 });

  doc
    .font(FONT.regular)
    .fontSize(7.5)
    .fillColor(COLOR.muted)
    .text(o.t("doc-footer", { number: c.number }), 60, A4.height - 62, { width: A4.width - 120, align: "center" });
  doc.end();
  return bytes;
}

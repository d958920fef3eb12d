// A one-page invitation to the network for a school's staff room: the school, what the bot gives a
// teacher, three steps, a large QR code of the school's /start link (the school is preset, and her row of
// the staff list is offered to her), and the link itself for those who type. No names: it hangs on a wall.
import { A4, COLOR, FONT, newDocument } from "./document.js";
import { drawQr } from "./qr.js";

export interface InvitationData {
  school: string;
  district: string | null;
  /** the /start deep link that presets the school */
  url: string;
  /** the bot's @username, printed for those who search for it */
  botUsername: string;
  /** the issuer (the methodological centre), printed at the top */
  issuer: string;
  createdAt: Date;
  lang: string;
}

/** The words, from the locales (`staff-pdf-*`), without HTML escaping. */
export type InvitationT = (key: string, vars?: Record<string, string | number>) => string;

export function renderInvitation(data: InvitationData, t: InvitationT): Promise<Buffer> {
  const title = t("staff-pdf-title");
  const { doc, bytes } = newDocument({ title, author: data.issuer, subject: data.school, lang: data.lang, createdAt: data.createdAt }, { margin: 56 });
  const x = 64;
  const width = A4.width - 128;
  doc.save();
  doc
    .lineWidth(2)
    .strokeColor(COLOR.accent)
    .rect(30, 30, A4.width - 60, A4.height - 60)
    .stroke();
  doc.restore();
  doc.font(FONT.regular).fontSize(11).fillColor(COLOR.muted).text(data.issuer, x, 60, { width, align: "center" });
  doc.moveDown(1.2);
  doc.font(FONT.bold).fontSize(26).fillColor(COLOR.accent).text(title, x, doc.y, { width, align: "center" });
  doc.moveDown(0.4);
  const place = data.district ? `${data.school} · ${data.district}` : data.school;
  doc.font(FONT.bold).fontSize(16).fillColor(COLOR.ink).text(place, x, doc.y, { width, align: "center" });
  doc.moveDown(1);
  doc.font(FONT.regular).fontSize(13).fillColor(COLOR.ink).text(t("staff-pdf-lead"), x, doc.y, { width, align: "left" });
  doc.moveDown(0.6);
  for (const key of ["staff-pdf-point-courses", "staff-pdf-point-lessons", "staff-pdf-point-materials", "staff-pdf-point-meetings"]) {
    // the bullet on its own: pdfkit drops a line's leading spaces, which shifts a wrapped text's first line
    const y = doc.y;
    doc
      .font(FONT.regular)
      .fontSize(12)
      .text("•", x + 6, y, { lineBreak: false });
    doc.text(t(key), x + 20, y, { width: width - 20 });
    doc.moveDown(0.25);
  }
  doc.moveDown(0.8);
  const qrSize = 220;
  const qrTop = doc.y;
  drawQr(doc, data.url, (A4.width - qrSize) / 2, qrTop, qrSize);
  doc.y = qrTop + qrSize + 8;
  doc.font(FONT.regular).fontSize(11).fillColor(COLOR.muted).text(data.url, x, doc.y, { width, align: "center" });
  doc.moveDown(1);
  doc.font(FONT.bold).fontSize(13).fillColor(COLOR.accent).text(t("staff-pdf-steps-title"), x, doc.y, { width });
  doc.moveDown(0.3);
  ["staff-pdf-step-1", "staff-pdf-step-2", "staff-pdf-step-3"].forEach((key, i) => {
    doc
      .font(FONT.regular)
      .fontSize(12)
      .fillColor(COLOR.ink)
      .text(`${i + 1}. ${t(key, { bot: `@${data.botUsername}`, school: data.school })}`, x, doc.y, { width });
    doc.moveDown(0.25);
  });
  doc
    .font(FONT.italic)
    .fontSize(9)
    .fillColor(COLOR.muted)
    .text(t("staff-pdf-privacy"), x, A4.height - 110, { width, align: "left" });
  doc.end();
  return bytes;
}

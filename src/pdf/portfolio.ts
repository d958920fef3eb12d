// The teacher's portfolio as a PDF for her attestation file: a title block (who, which period), the
// period in figures, then one numbered section per kind of work as a table (courses with hours, lessons
// given with their ratings, lessons visited, publications with votes, events attended, certificates
// with their numbers), how to check the certificates, and lines to sign. Every page carries a footer
// with her name, the period and "page N of M".
import type { Certificate, PortfolioData } from "../domain/documents/types.js";
import { grades, inSentence, type Labels, longDate, materialType, rating, shortDate, subject } from "../domain/documents/wording.js";
import { A4, COLOR, drawLogo, drawSignature, FONT, newDocument, type Pdf } from "./document.js";
import { type Column, drawTable, type TableArea } from "./table.js";

export interface PortfolioOptions extends Labels {
  botUsername: string;
  publicUrl?: string | undefined;
  logo?: string | undefined;
}

const MARGIN = { top: 54, bottom: 60, side: 50 } as const;

/** "2026/2027 учебный год" or "01.09.2025 – 31.12.2025": the period in a line. */
export function spanText(l: Labels, span: PortfolioData["span"]): string {
  const until = new Date(span.to.getTime() - 1);
  return span.label
    ? l.t("documents-portfolio-year-span", { year: span.label })
    : l.t("documents-portfolio-days-span", { from: shortDate(l, span.from), until: shortDate(l, until) });
}

const certificateLabel = (l: Labels, c: Certificate) => l.t(`doc-portfolio-certificate-${c.kind}`, { title: c.title });

export function renderPortfolio(p: PortfolioData, o: PortfolioOptions): Promise<Buffer> {
  const issuer = o.locale === "en" ? p.issuerEn : p.issuer;
  const title = o.t("doc-portfolio-title");
  const period = spanText(o, p.span);
  const { doc, bytes } = newDocument(
    { title: `${title}: ${p.person.name}`, author: issuer, subject: period, lang: o.locale, createdAt: p.generatedAt },
    { margin: MARGIN.side, bufferPages: true },
  );
  doc.page.margins.top = MARGIN.top;
  doc.page.margins.bottom = MARGIN.bottom;
  doc.on("pageAdded", () => {
    doc.page.margins.top = MARGIN.top;
    doc.page.margins.bottom = MARGIN.bottom;
  });
  const width = A4.width - 2 * MARGIN.side;
  const area: TableArea = { x: MARGIN.side, width, top: MARGIN.top, bottom: A4.height - MARGIN.bottom };

  // the title block
  let y = 40;
  if (drawLogo(doc, o.logo, A4.width / 2 - 30, y, 60, 42)) y += 48;
  doc.font(FONT.bold).fontSize(10.5).fillColor(COLOR.accent).text(issuer, MARGIN.side, y, { width, align: "center" });
  y = doc.y + 14;
  doc.font(FONT.bold).fontSize(22).fillColor(COLOR.accent).text(title, MARGIN.side, y, { width, align: "center", characterSpacing: 2 });
  const until = new Date(p.span.to.getTime() - 1);
  const subtitle = p.span.label
    ? o.t("doc-portfolio-subtitle-year", { year: p.span.label, from: shortDate(o, p.span.from), until: shortDate(o, until) })
    : o.t("doc-portfolio-subtitle-span", { from: shortDate(o, p.span.from), until: shortDate(o, until) });
  doc.font(FONT.regular).fontSize(12).fillColor(COLOR.ink).text(subtitle, { width, align: "center" });
  doc.y += 14;

  // who
  const category = p.person.category
    ? p.person.categoryUntil
      ? o.t("attestation-card", { category: o.t(`attestation-category-${p.person.category}`), until: shortDate(o, p.person.categoryUntil) })
      : o.t(`attestation-category-${p.person.category}`)
    : o.t("attestation-card-unknown");
  const who: [string, string][] = [
    [o.t("doc-portfolio-name"), p.person.name],
    [o.t("doc-portfolio-school"), p.person.school ?? "—"],
    ...(p.person.district ? [[o.t("doc-portfolio-district"), p.person.district] as [string, string]] : []),
    [o.t("doc-portfolio-subjects"), p.person.subjects.map((s) => subject(o, s)).join(", ") || "—"],
    [o.t("doc-portfolio-category"), category],
  ];
  for (const [label, value] of who) {
    const top = doc.y;
    doc.font(FONT.regular).fontSize(10).fillColor(COLOR.muted).text(label, MARGIN.side, top, { width: 170 });
    const below = doc.y;
    doc
      .font(label === who[0]![0] ? FONT.bold : FONT.regular)
      .fontSize(10.5)
      .fillColor(COLOR.ink)
      .text(value, MARGIN.side + 175, top, { width: width - 175 });
    doc.y = Math.max(doc.y, below) + 3;
  }

  // the period in figures
  doc.y += 8;
  section(doc, o.t("doc-portfolio-summary"));
  doc
    .font(FONT.regular)
    .fontSize(10)
    .fillColor(COLOR.ink)
    .text(
      o.t("doc-portfolio-summary-line", {
        courses: p.courses.length,
        hours: p.courseHours,
        given: p.lessonsGiven.length,
        visited: p.lessonsVisited.length,
        materials: p.materials.length,
        meetings: p.meetings.length,
        certificates: p.certificates.length,
      }),
      MARGIN.side,
      doc.y,
      { width, lineGap: 2 },
    );

  const n = (i: number) => String(i + 1);
  const table = (heading: string, columns: Column[], rows: string[][], after?: string) => {
    doc.y += 12;
    // a heading never ends a page alone
    if (doc.y + 60 > area.bottom) {
      doc.addPage();
      doc.y = area.top;
    }
    section(doc, heading);
    if (!rows.length) {
      doc.font(FONT.italic).fontSize(9.5).fillColor(COLOR.muted).text(o.t("doc-portfolio-none"), MARGIN.side, doc.y, { width });
      return;
    }
    drawTable(doc, columns, rows, area);
    if (after)
      doc
        .font(FONT.bold)
        .fontSize(9.5)
        .fillColor(COLOR.ink)
        .text(after, MARGIN.side, doc.y + 4, { width, align: "right" });
  };
  const col = (key: string, w: number, align?: Column["align"]): Column => ({ header: o.t(key), width: w, align });
  const subjectGrade = (s: { ru: string; en: string }, grade: string) => `${subject(o, s)}, ${inSentence(o, grades(o, [grade]))}`;

  table(
    o.t("doc-portfolio-section-courses"),
    [col("doc-col-n", 4, "right"), col("doc-col-course", 40), col("doc-col-provider", 22), col("doc-col-dates", 22), col("doc-col-hours", 9, "right")],
    p.courses.map((c, i) => [n(i), c.title, c.provider, `${shortDate(o, c.startDate)} – ${shortDate(o, c.endDate)}`, String(c.hours)]),
    p.courses.length ? o.t("doc-portfolio-total-hours", { hours: p.courseHours }) : undefined,
  );
  table(
    o.t("doc-portfolio-section-given"),
    [
      col("doc-col-n", 4, "right"),
      col("doc-col-date", 12),
      col("doc-col-topic", 38),
      col("doc-col-subject", 22),
      col("doc-col-guests", 9, "right"),
      col("doc-col-rating", 15, "right"),
    ],
    p.lessonsGiven.map((l, i) => [
      n(i),
      shortDate(o, l.startsAt),
      l.topic,
      subjectGrade(l.subject, l.grade),
      String(l.guests),
      l.rating === null ? "—" : `${rating(o, l.rating)} (${l.ratings})`,
    ]),
  );
  table(
    o.t("doc-portfolio-section-visited"),
    [col("doc-col-n", 4, "right"), col("doc-col-date", 12), col("doc-col-topic", 36), col("doc-col-subject", 20), col("doc-col-author", 28)],
    p.lessonsVisited.map((l, i) => [
      n(i),
      shortDate(o, l.startsAt),
      l.topic,
      subjectGrade(l.subject, l.grade),
      l.school ? `${l.author}, ${l.school}` : l.author,
    ]),
  );
  table(
    o.t("doc-portfolio-section-materials"),
    [
      col("doc-col-n", 4, "right"),
      col("doc-col-date", 12),
      col("doc-col-title", 38),
      col("doc-col-type", 23),
      col("doc-col-votes", 11, "right"),
      col("doc-col-views", 12, "right"),
    ],
    p.materials.map((m, i) => [
      n(i),
      shortDate(o, m.publishedAt),
      m.title,
      `${materialType(o, m.type)}, ${inSentence(o, subject(o, m.subject))}`,
      `${m.up} / ${m.down}`,
      String(m.views),
    ]),
  );
  table(
    o.t("doc-portfolio-section-meetings"),
    [col("doc-col-n", 4, "right"), col("doc-col-date", 12), col("doc-col-event", 60), col("doc-col-kind", 24)],
    p.meetings.map((m, i) => [n(i), shortDate(o, m.startsAt), m.title, o.t(`meeting-kind-${m.kind}`)]),
  );
  table(
    o.t("doc-portfolio-section-certificates"),
    [col("doc-col-n", 4, "right"), col("doc-col-number", 17), col("doc-col-date", 12), col("doc-col-document", 67)],
    p.certificates.map((c, i) => [n(i), c.number, shortDate(o, c.eventAt), certificateLabel(o, c)]),
  );

  // how to check, when it was made, lines to sign
  doc.y += 16;
  if (doc.y + 120 > area.bottom) {
    doc.addPage();
    doc.y = area.top;
  }
  doc.font(FONT.regular).fontSize(9).fillColor(COLOR.ink);
  doc.text(o.t("doc-portfolio-verify", { bot: o.botUsername }), MARGIN.side, doc.y, { width, lineGap: 1.5 });
  if (o.publicUrl) doc.text(o.t("doc-portfolio-verify-site", { url: `${o.publicUrl}/verify` }), { width });
  doc.text(o.t("doc-portfolio-generated", { date: longDate(o, p.generatedAt) }), { width });
  const signY = doc.y + 26;
  const widths = { label: 70, line: 148 };
  drawSignature(doc, o.t("doc-signature-teacher"), p.person.name, { x: MARGIN.side, y: signY, ...widths });
  drawSignature(doc, o.t("doc-signature-methodist"), null, { x: MARGIN.side + width / 2 + 10, y: signY, ...widths });

  footers(doc, o.t("doc-portfolio-footer", { name: p.person.name, span: period, page: "{page}", pages: "{pages}" }));
  doc.end();
  return bytes;
}

function section(doc: Pdf, heading: string): void {
  doc
    .font(FONT.bold)
    .fontSize(12)
    .fillColor(COLOR.accent)
    .text(heading, MARGIN.side, doc.y, { width: A4.width - 2 * MARGIN.side });
  doc.y += 4;
}

/** "…· page N of M" at the foot of every page, written once the number of pages is known. */
function footers(doc: Pdf, template: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT.regular)
      .fontSize(7.5)
      .fillColor(COLOR.muted)
      .text(template.replace("{page}", String(i + 1)).replace("{pages}", String(range.count)), MARGIN.side, A4.height - 36, {
        width: A4.width - 2 * MARGIN.side,
        align: "center",
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

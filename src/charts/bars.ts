// The one chart renderer: horizontal percentage bars (a school or district per row), drawn as SVG by
// our own code. The site puts the SVG inline in its pages; the chat sends it as a PNG (png.ts). Text is
// PT Sans: the site's web font, and in the PNG the TTF from src/fonts.ts.
import { FONT_FAMILY } from "../fonts.js";

export interface BarRow {
  label: string;
  /** 0–100 */
  percent: number;
  /** what follows the bar, e.g. "45 % · 9 of 20" */
  note: string;
}

export interface BarChart {
  title: string;
  subtitle?: string;
  rows: BarRow[];
  /** the SVG's width in CSS pixels (720) */
  width?: number;
}

const ROW = 26;
const BAR = 14;
const TOP = 22;
const SUBTITLE = 20;
const PAD = 12;
const FONT = 14;
/** PT Sans at 14 px: a character is about 7 px wide on average (Cyrillic and digits) */
const CHAR = 7.1;

export const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function clip(text: string, px: number): string {
  const max = Math.max(4, Math.floor(px / CHAR));
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Colour of a share: low red, middle amber, high green (the same thresholds everywhere). */
export function shareColor(percent: number): string {
  return percent < 50 ? "#c4483e" : percent < 80 ? "#d08a1a" : "#2e8b57";
}

export function barChartSvg(chart: BarChart): string {
  const width = chart.width ?? 720;
  const labelW = Math.round(width * 0.42);
  const noteW = 130;
  const barX = PAD + labelW + 8;
  const barW = width - barX - noteW - PAD;
  const head = PAD + TOP + (chart.subtitle ? SUBTITLE : 0);
  const height = head + chart.rows.length * ROW + PAD;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}, sans-serif" font-size="${FONT}" role="img" aria-label="${escapeXml(chart.title)}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${PAD}" y="${PAD + 15}" font-size="17" font-weight="bold" fill="#1d2430">${escapeXml(clip(chart.title, ((width - 2 * PAD) * 14) / 17))}</text>`,
  ];
  if (chart.subtitle) out.push(`<text x="${PAD}" y="${PAD + TOP + 14}" fill="#667085">${escapeXml(clip(chart.subtitle, width - 2 * PAD))}</text>`);
  chart.rows.forEach((r, i) => {
    const y = head + i * ROW;
    const p = Math.max(0, Math.min(100, r.percent));
    const mid = y + ROW / 2;
    out.push(
      `<text x="${PAD}" y="${mid + 5}" fill="#1d2430">${escapeXml(clip(r.label, labelW))}</text>`,
      `<rect x="${barX}" y="${mid - BAR / 2}" width="${barW}" height="${BAR}" rx="3" fill="#e3e6eb"/>`,
      p > 0
        ? `<rect x="${barX}" y="${mid - BAR / 2}" width="${Math.max(2, (barW * p) / 100).toFixed(1)}" height="${BAR}" rx="3" fill="${shareColor(p)}"/>`
        : "",
      `<text x="${barX + barW + 8}" y="${mid + 5}" fill="#1d2430">${escapeXml(r.note)}</text>`,
    );
  });
  out.push("</svg>");
  return out.join("");
}

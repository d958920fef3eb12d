// SVG → PNG for the chat, with @resvg/resvg-js (resvg in Rust, prebuilt for each platform in npm) and
// PT Sans from src/fonts.ts: no system font is looked for or assumed. `renderAsync` draws on libuv's
// thread pool, so the main thread (the bot's other updates, a report's .xlsx) goes on meanwhile: a
// region's chart is ~50–100 ms of CPU that blocked everything when drawn with `render()`.
// (resvg-js 2.6 takes fonts as file paths only, read by the renderer on each call.)
import { FONT_FAMILY, FONTS } from "../fonts.js";
import { type BarChart, barChartSvg } from "./bars.js";

/** PNG of an SVG, drawn at `scale` × its size (2: sharp on a phone's screen). The native renderer is loaded on first use. */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  const { renderAsync } = await import("@resvg/resvg-js");
  const image = await renderAsync(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: false, fontFiles: [FONTS.regular, FONTS.bold], defaultFontFamily: FONT_FAMILY },
    background: "#ffffff",
  });
  return image.asPng();
}

/** A chart as the chat sends it: the one renderer's SVG (bars.ts) as a PNG. */
export const chartPng = (chart: BarChart): Promise<Buffer> => svgToPng(barChartSvg(chart));

/**
 * A promise started now and awaited later (a report's .xlsx written while its chart is drawn and sent):
 * if what comes before the await fails, its rejection is not reported as unhandled; awaiting it still throws.
 */
export function alongside<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

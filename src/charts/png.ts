// SVG → PNG for the chat, with @resvg/resvg-js (resvg in Rust, prebuilt for each platform in npm) and
// PT Sans from src/fonts.ts: no system font is looked for or assumed.
import { FONT_FAMILY, FONTS } from "../fonts.js";
import { type BarChart, barChartSvg } from "./bars.js";

/** PNG of an SVG, drawn at `scale` × its size (2: sharp on a phone's screen). The native renderer is loaded on first use. */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: false, fontFiles: [FONTS.regular, FONTS.bold], defaultFontFamily: FONT_FAMILY },
    background: "#ffffff",
  });
  return resvg.render().asPng();
}

/** A chart as the chat sends it: the one renderer's SVG (bars.ts) as a PNG. */
export const chartPng = (chart: BarChart): Promise<Buffer> => svgToPng(barChartSvg(chart));

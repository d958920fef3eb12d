// A chart in a page: the same SVG the chat gets as a PNG (src/charts), inline.
import { raw } from "hono/html";
import { type BarChart, barChartSvg } from "../../charts/bars.js";

export function Chart(props: { chart: BarChart }) {
  return <figure class="chart card">{raw(barChartSvg(props.chart))}</figure>;
}

// A survey's answers as a bar chart: one bar per option, its share of those who answered. The chat sends
// it as a PNG above the answers file (bot/features/broadcasts/results.ts), the site shows the SVG on the
// broadcast's page (web/broadcasts).
import type { BarChart } from "../charts/bars.js";
import type { QuestionSummary } from "../domain/broadcasts/answers.js";
import { percent } from "../domain/by-school.js";
import type { PlainT } from "./index.js";

export function surveyChart(id: number, s: QuestionSummary, t: PlainT): BarChart {
  return {
    title: t("chart-survey-title", { id }),
    subtitle: t("chart-survey-subtitle", { answered: s.answered, reached: s.reached, multiple: s.question.multiple ? "yes" : "no" }),
    rows: s.question.options.map((option, i) => ({
      label: `${i + 1}. ${option}`,
      percent: percent(s.counts[i]!, s.answered),
      note: t("chart-note", { percent: percent(s.counts[i]!, s.answered), part: s.counts[i]!, whole: s.answered }),
    })),
  };
}

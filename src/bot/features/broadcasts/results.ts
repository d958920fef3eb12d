// A survey's results for its author and admins: Close (no more answers; the author's report shows it
// at once) and "📊 Answers (.xlsx)": the answers as a chart (a PNG, as /coverage sends its own), then the
// file (everyone it reached with her answer, and the counts per option) with the summary as its caption.
import { InputFile } from "grammy";
import { chartPng } from "../../../charts/png.js";
import { surveyChart } from "../../../reports/survey.js";
import { answersWorkbook } from "../../../domain/broadcasts/spreadsheet.js";
import { formatDate } from "../../../domain/time.js";
import type { BotContext, BotDeps, RegisteredContext } from "../../context.js";
import { attempt } from "../../conversations/kit.js";
import { personLabels } from "../../spreadsheets.js";
import { snippet } from "./render.js";
import { editReport } from "./report.js";

/** Refuses with an alert; false. */
async function refuse(ctx: BotContext, outcome: { code: string; args: Record<string, string | number> }): Promise<false> {
  await ctx.answerCallbackQuery({ text: ctx.t(`error-${outcome.code}`, outcome.args), show_alert: true });
  return false;
}

/** Closes a survey (its author or an admin) and updates the author's report; false when refused. */
export async function closeSurvey(ctx: RegisteredContext, deps: BotDeps, id: number): Promise<boolean> {
  const { broadcastAnswers, broadcasts } = deps.services;
  const outcome = await attempt(() => broadcastAnswers.close(id, ctx.user));
  if (!outcome.ok) return refuse(ctx, outcome);
  await ctx.answerCallbackQuery({ text: ctx.t("broadcast-question-closed-now") });
  const progress = await broadcasts.progress(id);
  if (progress) await editReport(ctx.api, deps, progress);
  return true;
}

/** Sends the answers as an .xlsx in the reader's language. */
export async function sendAnswersSheet(ctx: RegisteredContext, deps: BotDeps, id: number): Promise<void> {
  const outcome = await attempt(() => deps.services.broadcastAnswers.results(id, ctx.user));
  if (!outcome.ok) {
    await refuse(ctx, outcome);
    return;
  }
  await ctx.answerCallbackQuery();
  ctx.chatAction = "upload_document";
  const r = outcome.value;
  const { answered, reached } = r.summary;
  const file = await answersWorkbook(r, {
    ...personLabels(ctx.t),
    answersSheet: ctx.t("broadcast-sheet-answers"),
    countsSheet: ctx.t("broadcast-sheet-counts"),
    district: ctx.t("broadcast-sheet-col-district"),
    noDistrict: ctx.t("broadcast-sheet-no-district"),
    answer: ctx.t("broadcast-sheet-col-answer"),
    option: ctx.t("broadcast-sheet-col-option"),
    count: ctx.t("broadcast-sheet-col-count"),
    percent: ctx.t("broadcast-sheet-col-percent"),
    // a cell, not a message: numbers only, nothing to escape
    total: ctx.t("broadcast-sheet-total", { answered, reached }),
  });
  const locale = await ctx.i18n.getLocale();
  const date = formatDate(deps.clock.now(), locale, deps.config.TIMEZONE);
  // the picture first, the figures under it (a chart is not HTML: a translation without escaping)
  const plain = (key: string, vars?: Record<string, string | number | Date>) => deps.messages.i18n.t(locale, key, vars);
  await ctx.replyWithPhoto(new InputFile(await chartPng(surveyChart(id, r.summary, plain)), `survey-${id}.png`));
  await ctx.replyWithDocument(new InputFile(file, `survey-${id}.xlsx`), {
    caption: ctx.t("broadcast-sheet-caption", { id, text: snippet(r.broadcast.text), date, answered, reached }),
  });
}

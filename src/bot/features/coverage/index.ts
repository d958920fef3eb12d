// /coverage (methodists): who took a course this academic year, by school, as a picture (src/charts) and
// a text summary in the chat (least covered schools first) and as a spreadsheet with the list of teachers not covered yet. A
// district's methodist sees her district (the title names it); a regional one sees by district too.
import { chatAction } from "@grammyjs/auto-chat-action";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import type { Audience } from "../../../domain/broadcasts/index.js";
import { percent } from "../../../domain/by-school.js";
import { alongside, chartPng } from "../../../charts/png.js";
import { CHART_SCHOOLS, coverageChart, schoolLabel } from "../../../charts/monitoring.js";
import { coverageFile, type PlainT } from "../../../reports/index.js";
import { formatDate } from "../../../domain/time.js";
import type { BotContext, BotDeps } from "../../context.js";

import { replyLong } from "../../long-text.js";
import { methodistOnly, only } from "../../middlewares/guards.js";
import { COMPOSE } from "../broadcasts/compose.js";

const COVERAGE_WRITE = "coverage-write";

const BAR = 10;

export const bar = (p: number): string => "▓".repeat(Math.round(p / BAR)) + "░".repeat(BAR - Math.round(p / BAR));

export { CHART_SCHOOLS, schoolLabel };

export function coverageFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  const methodists = only(composer, methodistOnly);
  methodists.command("coverage", chatAction("upload_photo"), async (ctx) => {
    const locale = await ctx.i18n.getLocale();
    const report = await deps.services.coverage.courses(ctx.user, locale);
    const plain: PlainT = (key, vars) => deps.messages.i18n.t(locale, key, vars);
    const district = report.district;
    if (!report.teachers) return ctx.reply(district === null ? ctx.t("coverage-no-teachers") : ctx.t("coverage-no-teachers-district", { district }));
    const line = (name: string, covered: number, teachers: number) => {
      const p = percent(covered, teachers);
      return ctx.t("coverage-school-line", { bar: bar(p), percent: p, school: name, covered, teachers });
    };
    const label = schoolLabel(report.schools);
    const lines = report.schools.slice(0, CHART_SCHOOLS).map((s) => line(label(s), s.covered, s.teachers));
    const districts = report.districts.length
      ? [ctx.t("coverage-districts-title"), ...report.districts.map((d) => line(d.district ?? ctx.t("coverage-no-district"), d.covered, d.teachers)), ""]
      : [];
    const more = report.schools.length - CHART_SCHOOLS;
    const total = percent(report.covered, report.teachers);
    const text = [
      district === null ? ctx.t("coverage-title", { year: report.year }) : ctx.t("coverage-title-district", { year: report.year, district }),
      ctx.t("coverage-total", { bar: bar(total), percent: total, covered: report.covered, teachers: report.teachers, uncovered: report.uncovered.length }),
      ...(report.staffList
        ? [ctx.t("staff-coverage-line", { notInBot: report.notInBot, byStaff: report.coveredByStaff, byBot: report.covered - report.coveredByStaff })]
        : []),
      "",
      ...districts,
      ctx.t("coverage-schools-title"),
      ...lines,
      ...(more > 0 ? [ctx.t("coverage-more-schools", { count: more })] : []),
    ].join("\n");
    // the picture is drawn off the main thread while the file is written; the picture first, the figures under it
    const png = chartPng(coverageChart(report, plain));
    const made = alongside(coverageFile(report, plain));
    await ctx.replyWithPhoto(new InputFile(await png, "coverage.png"));
    // a region's 21 district lines and 15 schools of long names do not fit in one message
    await replyLong(ctx, text);
    ctx.chatAction = "upload_document";
    const file = await made;
    const name = `coverage-${report.year.replace("/", "-")}.xlsx`;
    // the list is the start of the work: one tap opens a broadcast to exactly these teachers
    const write = report.uncovered.length ? new InlineKeyboard().text(ctx.t("coverage-write-button"), COVERAGE_WRITE) : undefined;
    const date = formatDate(deps.clock.now(), locale, deps.config.TIMEZONE);
    await ctx.replyWithDocument(new InputFile(file, name), {
      caption: district === null ? ctx.t("coverage-file-caption", { date }) : ctx.t("coverage-file-caption-district", { date, district }),
      reply_markup: write,
    });
  });
  methodists.callbackQuery(COVERAGE_WRITE, async (ctx) => {
    await ctx.answerCallbackQuery();
    // "no course this year" is the list above only within the author's reach: the broadcast's audience
    // is limited to her scope (her district) by the broadcasts section itself, as any audience she picks
    await ctx.conversation.enter(COMPOSE, { noCourseThisYear: true } satisfies Partial<Audience>);
  });
  return composer;
}

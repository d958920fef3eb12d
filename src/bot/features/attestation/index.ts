// /attestation (methodists): how many teachers have a category in force, expiring, expired, none or not
// told; by school, least covered first; and a spreadsheet of the teachers who need attention.
import { Composer, InputFile } from "grammy";
import { DateTime } from "luxon";
import type { AttestedTeacher } from "../../../domain/attestation/index.js";
import { attestationWorkbook } from "../../../domain/attestation/spreadsheet.js";
import { percent } from "../../../domain/coverage/index.js";
import { formatDate } from "../../../domain/time.js";
import type { BotContext, BotDeps } from "../../context.js";
import { HTML } from "../../conversations/kit.js";
import { personLabels } from "../../spreadsheets.js";
import { methodistOnly } from "../../middlewares/guards.js";
import { bar, CHART_SCHOOLS } from "../coverage/index.js";

export function attestationFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  composer.command("attestation", methodistOnly, async (ctx) => {
    const locale = await ctx.i18n.getLocale();
    const zone = deps.config.TIMEZONE;
    const report = await deps.services.attestation.report(ctx.user!);
    if (!report.teachers) return ctx.reply(ctx.t("attestation-no-teachers"), HTML);
    const lines = report.schools.slice(0, CHART_SCHOOLS).map((s) => {
      const p = percent(s.current, s.teachers);
      return ctx.t("attestation-school-line", { bar: bar(p), percent: p, school: s.school, current: s.current, teachers: s.teachers });
    });
    const more = report.schools.length - CHART_SCHOOLS;
    const text = [
      ctx.t("attestation-title"),
      ctx.t("attestation-total", { teachers: report.teachers, ...report.counts }),
      "",
      ctx.t("attestation-schools-title"),
      ...lines,
      ...(more > 0 ? [ctx.t("attestation-more-schools", { count: more })] : []),
    ].join("\n");
    await ctx.reply(text, HTML);
    if (!report.attention.length) return ctx.reply(ctx.t("attestation-nobody-to-list"), HTML);
    const file = await attestationWorkbook(
      report,
      {
        sheet: ctx.t("attestation-sheet-name"),
        ...personLabels(ctx.t),
        category: ctx.t("attestation-col-category"),
        until: ctx.t("attestation-col-until"),
        status: ctx.t("attestation-col-status"),
        dateFormat: ctx.t("sheet-date-format"),
        categoryOf: (t: AttestedTeacher) => (t.category ? ctx.t(`attestation-category-${t.category}`) : ""),
        statusOf: (t: AttestedTeacher) => ctx.t(`attestation-status-${t.status}`),
      },
      zone,
    );
    const day = DateTime.fromJSDate(deps.clock.now(), { zone }).toISODate();
    await ctx.replyWithDocument(new InputFile(file, `attestation-${day}.xlsx`), {
      caption: ctx.t("attestation-file-caption", { date: formatDate(deps.clock.now(), locale, zone) }),
      ...HTML,
    });
  });
  return composer;
}

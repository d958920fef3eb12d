// /teachers (methodists): who has joined the bot. A summary in the chat (registered teachers, how many
// joined in the last 7 days and how many blocked the bot; every school of her scope, those with nobody
// registered first) and a spreadsheet by school and of everyone registered. A district's methodist sees
// her district (the title names it); a regional one sees by district too.
import { chatAction } from "@grammyjs/auto-chat-action";
import { Composer, InputFile } from "grammy";
import { alongside, chartPng } from "../../../charts/png.js";
import { percent } from "../../../domain/by-school.js";
import { adoptionChart } from "../../../charts/monitoring.js";
import { adoptionFile, type PlainT } from "../../../reports/index.js";
import { formatDate } from "../../../domain/time.js";
import type { BotContext, BotDeps } from "../../context.js";
import { replyLong } from "../../long-text.js";
import { methodistOnly, only } from "../../middlewares/guards.js";
import { sendDatedReport } from "../../spreadsheets.js";
import { bar, CHART_SCHOOLS, schoolLabel } from "../coverage/index.js";

export function adoptionFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  const methodists = only(composer, methodistOnly);
  methodists.command("teachers", chatAction("upload_photo"), async (ctx) => {
    const locale = await ctx.i18n.getLocale();
    const zone = deps.config.TIMEZONE;
    const report = await deps.services.adoption.report(ctx.user, locale);
    const plain: PlainT = (key, vars) => deps.messages.i18n.t(locale, key, vars);
    const district = report.district;
    const schools = report.schoolCount;
    if (!report.teachers) return ctx.reply(district === null ? ctx.t("teachers-none", { schools }) : ctx.t("teachers-none-district", { district, schools }));
    const reach = (reached: number, of: number) => ({ bar: bar(percent(reached, of)), percent: percent(reached, of) });
    const districts = report.districts.length
      ? [
          ctx.t("teachers-districts-title"),
          ...report.districts.map((d) =>
            ctx.t("teachers-district-line", {
              ...reach(d.reached, d.schools),
              district: d.district ?? ctx.t("teachers-no-district"),
              reached: d.reached,
              schools: d.schools,
              teachers: d.teachers,
            }),
          ),
          "",
        ]
      : [];
    const more = report.schools.length - CHART_SCHOOLS;
    const label = schoolLabel(report.schools);
    const text = [
      district === null ? ctx.t("teachers-title") : ctx.t("teachers-title-district", { district }),
      ctx.t("teachers-total", { teachers: report.teachers, recent: report.recent, since: formatDate(report.since, locale, zone), inactive: report.inactive }),
      ...(report.staff ? [ctx.t("teachers-staff", { staff: report.staff })] : []),
      ...(report.staffListed ? [ctx.t("staff-teachers-line", { listed: report.staffListed, notInBot: report.notInBot })] : []),
      ctx.t("teachers-reach", {
        ...reach(schools - report.emptySchools, schools),
        reached: schools - report.emptySchools,
        schools,
        empty: report.emptySchools,
      }),
      "",
      ...districts,
      ctx.t("teachers-schools-title"),
      ...report.schools.slice(0, CHART_SCHOOLS).map((s) => ctx.t("teachers-school-line", { teachers: s.teachers, school: label(s) })),
      ...(more > 0 ? [ctx.t("teachers-more-schools", { count: more })] : []),
    ].join("\n");
    // the picture is drawn off the main thread while the file is written; the picture first, the figures under it
    const png = chartPng(adoptionChart(report, plain));
    const made = alongside(adoptionFile(report, plain, zone));
    await ctx.replyWithPhoto(new InputFile(await png, "teachers.png"));
    await replyLong(ctx, text);
    ctx.chatAction = "upload_document";
    const file = await made;
    await sendDatedReport(ctx, deps, "teachers", file, district);
  });
  return composer;
}

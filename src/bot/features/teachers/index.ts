// /teachers (methodists): who has joined the bot. A summary in the chat (registered teachers, how many
// joined in the last 7 days and how many blocked the bot; every school of her scope, those with nobody
// registered first) and a spreadsheet by school and of everyone registered. A district's methodist sees
// her district (the title names it); a regional one sees by district too.
import { Composer } from "grammy";
import { percent } from "../../../domain/coverage/index.js";
import type { RegisteredPerson } from "../../../domain/teachers/index.js";
import { adoptionWorkbook } from "../../../domain/teachers/spreadsheet.js";
import { formatDate } from "../../../domain/time.js";
import type { BotContext, BotDeps } from "../../context.js";
import { HTML } from "../../conversations/kit.js";
import { replyLong } from "../../long-text.js";
import { methodistOnly } from "../../middlewares/guards.js";
import { personLabels, sendDatedReport } from "../../spreadsheets.js";
import { bar, CHART_SCHOOLS, schoolLabel } from "../coverage/index.js";

export function teachersFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  composer.command("teachers", methodistOnly, async (ctx) => {
    const locale = await ctx.i18n.getLocale();
    const zone = deps.config.TIMEZONE;
    const report = await deps.services.teachers.adoption(ctx.user!, locale);
    const district = report.district;
    const schools = report.schoolCount;
    if (!report.teachers)
      return ctx.reply(district === null ? ctx.t("teachers-none", { schools }) : ctx.t("teachers-none-district", { district, schools }), HTML);
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
    await replyLong(ctx, text);
    const file = await adoptionWorkbook(
      report,
      {
        ...personLabels(ctx.t),
        schoolsSheet: ctx.t("teachers-sheet-schools"),
        peopleSheet: ctx.t("teachers-sheet-people"),
        district: ctx.t("teachers-col-district"),
        noDistrict: ctx.t("teachers-no-district"),
        teachers: ctx.t("teachers-col-teachers"),
        recent: ctx.t("teachers-col-recent"),
        inactive: ctx.t("teachers-col-inactive"),
        total: ctx.t("teachers-col-total"),
        subjects: ctx.t("teachers-col-subjects"),
        role: ctx.t("teachers-col-role"),
        registeredAt: ctx.t("teachers-col-registered"),
        language: ctx.t("teachers-col-language"),
        active: ctx.t("teachers-col-active"),
        dateFormat: ctx.t("sheet-date-format"),
        roleOf: (p: RegisteredPerson) => ctx.t(`role-${p.role}`),
        languageOf: (p: RegisteredPerson) => ctx.t(p.language === "en" ? "teachers-language-en" : "teachers-language-ru"),
        yes: ctx.t("sheet-yes"),
        no: ctx.t("sheet-no"),
      },
      zone,
    );
    await sendDatedReport(ctx, deps, "teachers", file, district);
  });
  return composer;
}

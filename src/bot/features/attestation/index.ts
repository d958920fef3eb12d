// /attestation (methodists): how many teachers have a category in force, expiring, expired, none or not
// told; by school, least covered first; and a spreadsheet of every school's figures (by district too, in a
// region) and of the teachers who need attention, sent even when nobody does. A district's methodist sees
// her district (the title names it); a regional one sees by district too.
import { chatAction } from "@grammyjs/auto-chat-action";
import { Composer, InputFile } from "grammy";
import { alongside, chartPng } from "../../../charts/png.js";
import { attestationChart } from "../../../charts/monitoring.js";
import { attestationFile, type PlainT } from "../../../reports/index.js";
import { percent } from "../../../domain/by-school.js";
import type { BotContext, BotDeps } from "../../context.js";

import { replyLong } from "../../long-text.js";
import { sendDatedReport } from "../../spreadsheets.js";
import { methodistOnly, only } from "../../middlewares/guards.js";
import { bar, CHART_SCHOOLS, schoolLabel } from "../coverage/index.js";

export function attestationFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  const methodists = only(composer, methodistOnly);
  methodists.command("attestation", chatAction("upload_photo"), async (ctx) => {
    const zone = deps.config.TIMEZONE;
    const report = await deps.services.attestation.report(ctx.user);
    const locale = await ctx.i18n.getLocale();
    const plain: PlainT = (key, vars) => deps.messages.i18n.t(locale, key, vars);
    const district = report.district;
    if (!report.teachers) return ctx.reply(district === null ? ctx.t("attestation-no-teachers") : ctx.t("attestation-no-teachers-district", { district }));
    const line = (name: string, current: number, teachers: number) => {
      const p = percent(current, teachers);
      return ctx.t("attestation-school-line", { bar: bar(p), percent: p, school: name, current, teachers });
    };
    const label = schoolLabel(report.schools);
    const lines = report.schools.slice(0, CHART_SCHOOLS).map((s) => line(label(s), s.current, s.teachers));
    const districts = report.districts.length
      ? [ctx.t("attestation-districts-title"), ...report.districts.map((d) => line(d.district ?? ctx.t("attestation-no-district"), d.current, d.teachers)), ""]
      : [];
    const more = report.schools.length - CHART_SCHOOLS;
    const text = [
      district === null ? ctx.t("attestation-title") : ctx.t("attestation-title-district", { district }),
      ctx.t("attestation-total", { teachers: report.teachers, ...report.counts }),
      ...(report.staffList ? [ctx.t("staff-attestation-line", { notInBot: report.notInBot, fromStaff: report.fromStaff })] : []),
      "",
      ...districts,
      ctx.t("attestation-schools-title"),
      ...lines,
      ...(more > 0 ? [ctx.t("attestation-more-schools", { count: more })] : []),
      ...(report.attention.length ? [] : ["", ctx.t("attestation-nobody-to-list")]),
    ].join("\n");
    // the picture is drawn off the main thread while the file is written; the picture first, the figures under it
    const png = chartPng(attestationChart(report, plain));
    const made = alongside(attestationFile(report, plain, zone));
    await ctx.replyWithPhoto(new InputFile(await png, "attestation.png"));
    // a region's 21 district lines and 15 schools of long names do not fit in one message
    await replyLong(ctx, text);
    ctx.chatAction = "upload_document";
    const file = await made;
    await sendDatedReport(ctx, deps, "attestation", file, district);
  });
  return composer;
}

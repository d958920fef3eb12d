// What every .xlsx list of teachers the bot sends shares: the labels of its first columns, in the
// reader's language (src/domain/spreadsheet.ts builds the columns from them); and how a report of today
// goes to the methodist.
import { InputFile } from "grammy";
import { DateTime } from "luxon";
import type { PersonLabels } from "../domain/spreadsheet.js";
import { formatDate } from "../domain/time.js";
import type { BotContext, BotDeps } from "./context.js";

export const personLabels = (t: BotContext["t"]): PersonLabels => ({
  number: t("sheet-col-number"),
  name: t("sheet-col-name"),
  school: t("sheet-col-school"),
  cluster: t("sheet-col-cluster"),
});

/**
 * A report as of today as `<report>-2026-11-23.xlsx` (the day in TIMEZONE), captioned with
 * `<report>-file-caption { $date }`, or `<report>-file-caption-district { $date } { $district }` where the
 * report is limited to her district.
 */
export async function sendDatedReport(ctx: BotContext, deps: BotDeps, report: string, file: Buffer, district: string | null): Promise<void> {
  const zone = deps.config.TIMEZONE;
  const now = deps.clock.now();
  const date = formatDate(now, await ctx.i18n.getLocale(), zone);
  await ctx.replyWithDocument(new InputFile(file, `${report}-${DateTime.fromJSDate(now, { zone }).toISODate()}.xlsx`), {
    caption: district === null ? ctx.t(`${report}-file-caption`, { date }) : ctx.t(`${report}-file-caption-district`, { date, district }),
  });
}

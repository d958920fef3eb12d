// What the documents section's handlers share: how a refusal is answered, the portfolio buttons.
import { InlineKeyboard } from "grammy";
import { isDomainError } from "../../../domain/errors.js";
import type { BotContext, BotDeps } from "../../context.js";
import { HTML } from "../../conversations/kit.js";
import { portfolioData, spanData } from "./callbacks.js";

/** A refusal from the domain: an alert on the pressed button, or a reply; anything else is a real error. */
export async function refuse(ctx: BotContext, e: unknown): Promise<void> {
  if (!isDomainError(e)) throw e;
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t(`error-${e.code}`, e.args), show_alert: true });
  else await ctx.reply(ctx.t(`error-${e.code}`, e.args), HTML);
}

/** Portfolio buttons for a person: this academic year, the one before, another span. */
export function portfolioButtons(ctx: BotContext, deps: BotDeps, personId: number, kb = new InlineKeyboard()): InlineKeyboard {
  const year = deps.services.documents.spans.currentYear();
  for (const y of [year, year - 1])
    kb.text(ctx.t("documents-portfolio-year", { year: `${y}/${y + 1}` }), portfolioData.pack({ u: personId, y, lang: "" })).row();
  return kb.text(ctx.t("documents-portfolio-span"), spanData.pack({ u: personId }));
}

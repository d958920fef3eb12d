// What the documents section's handlers share: the portfolio buttons (a refusal: src/bot/replies.ts).
import { InlineKeyboard } from "grammy";
import type { BotContext, BotDeps } from "../../context.js";
import { portfolioData, spanData } from "./callbacks.js";

/** Portfolio buttons for a person: this academic year, the one before, another span. */
export function portfolioButtons(ctx: BotContext, deps: BotDeps, personId: number, kb = new InlineKeyboard()): InlineKeyboard {
  const year = deps.services.documents.spans.currentYear();
  for (const y of [year, year - 1])
    kb.text(ctx.t("documents-portfolio-year", { year: `${y}/${y + 1}` }), portfolioData.pack({ u: personId, y, lang: "" })).row();
  return kb.text(ctx.t("documents-portfolio-span"), spanData.pack({ u: personId }));
}

// Search: ask for words, show the first page of results; further pages are turned by buttons that
// carry the (normalised, short) query.
import { searchKey } from "../../../domain/materials/index.js";
import { DomainError } from "../../../domain/errors.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { askText, HTML } from "../../conversations/kit.js";
import { fitsCallback, searchPageData } from "./callbacks.js";
import { searchScreen } from "./lists.js";

export const SEARCH = "material-search";

/** The words to search for; refused when empty or too long to travel in a page button. */
export function validateQuery(text: string): string {
  const q = searchKey(text);
  if (!q) throw new DomainError("material-query-empty");
  if (!fitsCallback(searchPageData.pack({ p: 999, q }))) throw new DomainError("material-query-long");
  return q;
}

export function searchConversation(deps: BotDeps) {
  return async (conversation: Conv, ctx: ConvContext) => {
    const q = await askText(conversation, ctx, { question: ctx.t("material-ask-query"), validate: validateQuery });
    const c = q.ctx;
    const screen = await conversation.external(async () => {
      const s = await searchScreen(c.t, deps.services.materials, q.value, 0);
      return { text: s.text, keyboard: s.keyboard.inline_keyboard };
    });
    await c.reply(screen.text, { ...HTML, reply_markup: { inline_keyboard: screen.keyboard } });
  };
}

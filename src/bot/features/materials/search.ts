// Search: ask for words, show the first page of results; further pages are turned by buttons (see query.ts).
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { askText } from "../../conversations/kit.js";
import { searchScreen } from "./lists.js";
import { rememberQuery, validateQuery } from "./query.js";

export const SEARCH = "material-search";

export function searchConversation(deps: BotDeps) {
  return async (conversation: Conv, ctx: ConvContext) => {
    const q = await askText(conversation, ctx, { question: ctx.t("material-ask-query"), validate: validateQuery });
    const c = q.ctx;
    const screen = await conversation.external(async (outer) => {
      rememberQuery(await outer.session, q.value);
      const s = await searchScreen(c.t, deps.services.materials, q.value, 0);
      return { text: s.text, keyboard: s.keyboard.inline_keyboard };
    });
    await c.reply(screen.text, { reply_markup: { inline_keyboard: screen.keyboard } });
  };
}

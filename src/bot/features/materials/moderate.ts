// Moderation by methodists: the oldest pending material with approve / reject; a rejection asks for
// the reason. The author is told through the outbox either way.
import { InlineKeyboard } from "grammy";
import type { BotDeps, Conv, ConvContext, RegisteredContext } from "../../context.js";
import { askText, attempt } from "../../conversations/kit.js";
import type { Translate } from "../../../i18n.js";
import { validateReason, type MaterialCard } from "../../../domain/materials/index.js";
import { approveData, rejectData } from "./callbacks.js";
import { cardText, sourceButton } from "./card.js";
import { asRegistered } from "../../middlewares/guards.js";

export const REJECT = "material-reject";

export function moderationKeyboard(t: Translate, card: MaterialCard): InlineKeyboard {
  return sourceButton(new InlineKeyboard(), t, card)
    .row()
    .text(t("material-approve-button"), approveData.pack({ id: card.id }))
    .text(t("material-reject-button"), rejectData.pack({ id: card.id }));
}

/** Shows the next material waiting for moderation (or says the queue is empty). */
export async function showNextPending(ctx: RegisteredContext, deps: BotDeps): Promise<void> {
  const { materials } = deps.services;
  const { id, total } = await materials.nextPending(ctx.user);
  const card = id === null ? null : await materials.card(id, ctx.user);
  if (!card) {
    await ctx.reply(ctx.t("material-queue-empty"));
    return;
  }
  const text = `${ctx.t("material-queue-heading", { total })}\n\n${cardText(ctx.t, card, await ctx.i18n.getLocale())}`;
  await ctx.reply(text, { reply_markup: moderationKeyboard(ctx.t, card) });
}

export function rejectConversation(deps: BotDeps) {
  return async (conversation: Conv, ctx: ConvContext, materialId: number) => {
    const title = await conversation.external(async (outer) => (await deps.services.materials.card(materialId, asRegistered(outer).user))?.title ?? null);
    if (title === null) {
      await ctx.reply(ctx.t("error-material-not-found"));
      return;
    }
    const reason = await askText(conversation, ctx, {
      question: ctx.t("material-ask-reason", { title }),
      validate: validateReason,
    });
    const outcome = await conversation.external((outer) => attempt(() => deps.services.materials.reject(asRegistered(outer).user, materialId, reason.value)));
    const c = reason.ctx;
    if (!outcome.ok) {
      await c.reply(c.t(`error-${outcome.code}`, outcome.args));
      return;
    }
    await c.reply(c.t("material-rejected-done", { title }));
    await conversation.external((outer) => showNextPending(asRegistered(outer), deps));
  };
}

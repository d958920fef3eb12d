// "🎓 Attestation" in the profile: her qualification category (buttons), then, unless she has none,
// the day it expires (typed, validated by the attestation service). /cancel leaves both unchanged:
// nothing is stored before the last answer.
import { InlineKeyboard } from "grammy";
import { CATEGORIES, isCategory, type AttestationCategory } from "../../../domain/attestation/index.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { askText, waitButton } from "../../conversations/kit.js";
import { categoryData } from "./callbacks.js";
import { shortDate } from "./card.js";
import { asRegistered } from "../../middlewares/guards.js";

export const EDIT_ATTESTATION = "profile-attestation";

function categoryKeyboard(t: ConvContext["t"]): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const category of CATEGORIES) kb.text(t(`attestation-category-${category}`), categoryData.pack({ category })).row();
  return kb;
}

async function askCategory(conversation: Conv, ctx: ConvContext): Promise<{ ctx: ConvContext; value: AttestationCategory }> {
  await ctx.reply(ctx.t("attestation-ask-category"), { reply_markup: categoryKeyboard(ctx.t) });
  for (;;) {
    const pressed = await waitButton(conversation, categoryData.filter());
    const { category } = categoryData.unpack(pressed.callbackQuery.data);
    if (!isCategory(category)) {
      await pressed.answerCallbackQuery({ text: pressed.t("unknown-button") });
      continue;
    }
    await pressed.answerCallbackQuery();
    await pressed.editMessageText(`${pressed.t("attestation-ask-category")}\n<b>${pressed.t(`attestation-category-${category}`)}</b>`).catch(() => undefined);
    return { ctx: pressed, value: category };
  }
}

export function editAttestation(deps: BotDeps) {
  const { attestation } = deps.services;
  return async (conversation: Conv, ctx: ConvContext) => {
    const id = await conversation.external((outer) => asRegistered(outer).user.id);
    const { ctx: pressed, value: category } = await askCategory(conversation, ctx);
    if (category === "none") {
      await conversation.external(() => attestation.set(id, "none", null).then(() => undefined));
      await pressed.reply(pressed.t("attestation-saved-none"));
      return;
    }
    // the day goes through the replay log as a number (a Date would not come back as one)
    const until = await askText(conversation, pressed, {
      question: pressed.t("attestation-ask-until"),
      validate: (text) => attestation.parseUntil(text).getTime(),
    });
    const day = new Date(until.value);
    await conversation.external(() => attestation.set(id, category, day).then(() => undefined));
    const t = until.ctx.t;
    await until.ctx.reply(t("attestation-saved", { category: t(`attestation-category-${category}`), until: shortDate(day, deps.config.TIMEZONE) }));
  };
}

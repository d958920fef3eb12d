// A recipient answers a survey: her press is recorded (the domain refuses anyone the broadcast did not
// reach, and a closed survey), a toast confirms it and her copy's buttons are edited in place to show ✅
// on what she chose. An option under a preview answers nothing.
import { Composer } from "grammy";
import { answerButtons } from "../../../domain/broadcasts/question.js";
import type { BotContext, BotDeps } from "../../context.js";
import { attempt } from "../../conversations/kit.js";
import { broadcastAnswerData, broadcastPreviewOptionData } from "./callbacks.js";
import { keyboardOf } from "./question.js";

/** A forged button may carry anything: what does not decode is no survey. */
function decode(data: string): { id: number; option: number } | null {
  try {
    return broadcastAnswerData.unpack(data);
  } catch {
    return null;
  }
}

export function answersFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();

  composer.callbackQuery(broadcastAnswerData.filter(), async (ctx) => {
    const pressed = decode(ctx.callbackQuery.data);
    if (!pressed) return ctx.answerCallbackQuery({ text: ctx.t("error-broadcast-question-not-found"), show_alert: true });
    const { id, option } = pressed;
    const user = ctx.user;
    const outcome = user
      ? await attempt(() => deps.services.broadcastAnswers.answer(id, user.id, option))
      : ({ ok: false, code: "broadcast-answer-not-yours", args: {} } as const);
    if (!outcome.ok) return ctx.answerCallbackQuery({ text: ctx.t(`error-${outcome.code}`, outcome.args), show_alert: true });
    const { question, chosen, ticked } = outcome.value;
    const toast = !question.multiple ? "broadcast-answer-saved" : ticked ? "broadcast-answer-ticked" : "broadcast-answer-unticked";
    await ctx.answerCallbackQuery({ text: ctx.t(toast, { count: chosen.length }) });
    // the same buttons, her choices ticked (an unchanged keyboard, after a repeated press, is no error)
    await ctx
      .editMessageReplyMarkup({ reply_markup: keyboardOf(answerButtons(id, question, chosen)) })
      .catch((err: unknown) => ctx.log.debug({ err }, "answer buttons not edited"));
  });

  // an option under a preview whose flow is over
  composer.callbackQuery(broadcastPreviewOptionData.filter(), (ctx) => ctx.answerCallbackQuery({ text: ctx.t("broadcast-preview-option") }));
  return composer;
}

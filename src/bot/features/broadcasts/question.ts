// The answer-options step of /broadcast: the options typed one per line (checked, explained and asked
// again when wrong), then one answer or several. Options already set can be kept (to switch between
// one and several) or removed, which makes the broadcast a plain announcement again.
import { InlineKeyboard } from "grammy";
import { optionLabels, parseOptions, type Question } from "../../../domain/broadcasts/question.js";
import type { RawButton } from "../../../domain/outbox.js";
import { packAction } from "../../actions.js";
import type { Conv, ConvContext } from "../../context.js";
import { attempt, nudge, waitButton } from "../../conversations/kit.js";
import { broadcastPreviewOptionData, broadcastQuestionData } from "./callbacks.js";

/** The domain's buttons (as the outbox stores them) as an inline keyboard. */
export const keyboardOf = (rows: RawButton[][]): InlineKeyboard =>
  InlineKeyboard.from(rows.map((row) => row.map((b) => InlineKeyboard.text(b.text, packAction(b.action)))));

/** The option buttons exactly as recipients get them; pressing one only says that this is a preview. */
export const previewKeyboard = (q: Question): InlineKeyboard =>
  InlineKeyboard.from(optionLabels(q, []).map((text, option) => [InlineKeyboard.text(text, broadcastPreviewOptionData.pack({ option }))]));

/** "📊 Survey: 3 answer options …" under the audience, or nothing for a plain announcement. */
export const questionNote = (t: ConvContext["t"], q: Question | null): string[] =>
  q ? [t("broadcast-question-note", { count: q.options.length, multiple: q.multiple ? "yes" : "no" })] : [];

/**
 * Asks for the options (and one answer or several). `hasText`: the announcement has words to ask with;
 * without them there can be no question (and options set before are dropped, saying so).
 */
export async function askQuestion(
  conversation: Conv,
  ctx: ConvContext,
  current: Question | null,
  hasText: boolean,
): Promise<{ ctx: ConvContext; question: Question | null }> {
  if (!hasText) {
    await ctx.reply([ctx.t("error-broadcast-question-no-text"), ...(current ? [ctx.t("broadcast-question-removed")] : [])].join("\n\n"));
    return { ctx, question: null };
  }
  const ask = [ctx.t("broadcast-question-ask"), ...(current ? [ctx.t("broadcast-question-current", { list: current.options.join(" · ") })] : [])].join("\n\n");
  const kb = () =>
    current
      ? new InlineKeyboard()
          .text(ctx.t("broadcast-question-keep"), broadcastQuestionData.pack({ action: "keep" }))
          .row()
          .text(ctx.t("broadcast-question-remove"), broadcastQuestionData.pack({ action: "remove" }))
      : new InlineKeyboard().text(ctx.t("broadcast-question-back"), broadcastQuestionData.pack({ action: "remove" }));
  await ctx.reply(ask, { reply_markup: kb() });
  let options: string[];
  let c: ConvContext;
  for (;;) {
    const answer = await conversation.waitFor(["message:text", "callback_query:data"], { otherwise: (x) => nudge(x, "broadcast-question-expect-text") });
    const data = answer.callbackQuery?.data;
    if (data !== undefined) {
      const action = broadcastQuestionData.filter().test(data) ? broadcastQuestionData.unpack(data).action : null;
      if (action !== "keep" && action !== "remove") {
        await answer.answerCallbackQuery({ text: answer.t("unknown-button") });
        continue;
      }
      await answer.answerCallbackQuery();
      await answer.editMessageReplyMarkup();
      if (action === "remove" || !current) {
        if (current) await answer.reply(answer.t("broadcast-question-removed"));
        return { ctx: answer, question: null };
      }
      options = current.options;
      c = answer;
      break;
    }
    const parsed = await attempt(() => parseOptions(answer.message!.text!));
    if (parsed.ok) {
      options = parsed.value;
      c = answer;
      break;
    }
    await answer.reply(`${answer.t(`error-${parsed.code}`, parsed.args)}\n\n${ask}`, { reply_markup: kb() });
  }
  const mark = (multiple: boolean) => (current && current.multiple === multiple ? "✅ " : "");
  const modes = new InlineKeyboard()
    .text(mark(false) + c.t("broadcast-question-single"), broadcastQuestionData.pack({ action: "single" }))
    .text(mark(true) + c.t("broadcast-question-multiple"), broadcastQuestionData.pack({ action: "multiple" }));
  await c.reply(c.t("broadcast-question-mode"), { reply_markup: modes });
  const pressed = await waitButton(conversation, [broadcastQuestionData.filter({ action: "single" }), broadcastQuestionData.filter({ action: "multiple" })]);
  await pressed.answerCallbackQuery();
  await pressed.editMessageReplyMarkup();
  return { ctx: pressed, question: { options, multiple: broadcastQuestionData.unpack(pressed.callbackQuery.data).action === "multiple" } };
}

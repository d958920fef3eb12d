// A guest rates a lesson she attended: 1–5 on each criterion, then an optional comment.
import { InlineKeyboard } from "grammy";
import { validateComment } from "../../../domain/lessons/validate.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { attempt, nudge, waitButton } from "../../conversations/kit.js";
import { LESSON_SKIP, lessonScore } from "./callbacks.js";
import { asRegistered } from "../../middlewares/guards.js";

export const RATE = "lesson-rate";

/** The criteria, in the order asked: the field and its question (`lesson-rate-ask-<key>`). */
const CRITERIA = [
  ["goalClarity", "goal"],
  ["methodUse", "method"],
  ["pupilActivity", "activity"],
] as const;

const scoreKeyboard = () => {
  const kb = new InlineKeyboard();
  for (let v = 1; v <= 5; v++) kb.text(String(v), lessonScore.pack({ v }));
  return kb;
};

export function rateConversation(deps: BotDeps) {
  const { lessons } = deps.services;
  return async (conversation: Conv, ctx: ConvContext, lessonId: number) => {
    const userId = await conversation.external((outer) => asRegistered(outer).user.id);
    const check = await conversation.external(() =>
      attempt(async () => {
        const l = await lessons.checkCanRate(userId, lessonId);
        return { topic: l.topic, again: !!(await lessons.feedbackOf(userId, lessonId)) };
      }),
    );
    if (!check.ok) {
      await ctx.reply(ctx.t(`error-${check.code}`, check.args));
      return;
    }
    await ctx.reply(ctx.t(check.value.again ? "lesson-rate-intro-again" : "lesson-rate-intro", { topic: check.value.topic }));
    const scores: Record<string, number> = {};
    for (const [field, key] of CRITERIA) {
      const question = ctx.t(`lesson-rate-ask-${key}`);
      await ctx.reply(question, { reply_markup: scoreKeyboard() });
      const c = await waitButton(conversation, lessonScore.filter());
      const v = lessonScore.unpack(c.callbackQuery.data).v;
      scores[field] = v;
      await c.answerCallbackQuery();
      await c.editMessageText(`${question} — <b>${v}</b>`);
    }

    const commentQuestion = ctx.t("lesson-rate-ask-comment");
    await ctx.reply(commentQuestion, { reply_markup: new InlineKeyboard().text(ctx.t("lesson-rate-skip"), LESSON_SKIP) });
    let comment: string | null = null;
    for (;;) {
      const c = await conversation.waitFor(["message:text", "callback_query:data"], { otherwise: (x) => nudge(x, "expect-text") });
      if (c.callbackQuery) {
        await c.answerCallbackQuery();
        if (c.callbackQuery.data === LESSON_SKIP) break;
        continue;
      }
      const text = c.message!.text!;
      const ok = await conversation.external(() => attempt(() => validateComment(text)));
      if (ok.ok) {
        comment = ok.value;
        break;
      }
      await c.reply(`${c.t(`error-${ok.code}`, ok.args)}\n\n${commentQuestion}`);
    }

    const input = { goalClarity: scores.goalClarity!, methodUse: scores.methodUse!, pupilActivity: scores.pupilActivity!, comment };
    const saved = await conversation.external(() => attempt(() => lessons.rate(userId, lessonId, input)));
    await ctx.reply(saved.ok ? ctx.t("lesson-rate-thanks") : ctx.t(`error-${saved.code}`, saved.args));
  };
}

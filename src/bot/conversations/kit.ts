// Building blocks of every conversation: ask, validate, ask again. They keep the rules of
// conversations v2 in one place: side effects and database reads go through `conversation.external`
// and return plain data (errors become `{ ok: false }` values, since thrown classes do not survive
// the replay log); a wrong kind of answer gets a localized nudge and the question stays open.
import type { CallbackQueryContext, Filter, InlineKeyboard, Keyboard } from "grammy";
import { isDomainError } from "../../domain/errors.js";
import type { Conv, ConvContext } from "../context.js";

export type Outcome<T> = { ok: true; value: T } | { ok: false; code: string; args: Record<string, string | number> };

/** Runs `fn`, turning a DomainError into a value that can be stored in the replay log. */
export async function attempt<T>(fn: () => T | Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (isDomainError(e)) return { ok: false, code: e.code, args: e.args };
    throw e;
  }
}

/** Tells the user what kind of answer the current step needs. */
export async function nudge(ctx: ConvContext, key = "expect-text"): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("finish-step-first"), show_alert: false });
  else await ctx.reply(ctx.t(key));
}

export async function waitText(conversation: Conv): Promise<Filter<ConvContext, "message:text">> {
  return conversation.waitFor("message:text", { otherwise: (ctx) => nudge(ctx, "expect-text") });
}

/** Waits for a press on one of this step's buttons (by callback-data pattern). */
export async function waitButton(conversation: Conv, pattern: RegExp | string | (RegExp | string)[]): Promise<CallbackQueryContext<ConvContext>> {
  return conversation.waitForCallbackQuery(pattern, {
    otherwise: async (ctx) => {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("unknown-button") });
      else await ctx.reply(ctx.t("expect-button"));
    },
  });
}

export interface AskTextOptions<T> {
  question: string;
  keyboard?: InlineKeyboard | Keyboard;
  /** validates the answer; throws DomainError for a wrong one. Runs outside the replay (may use the database). */
  validate: (text: string) => T | Promise<T>;
}

/** Asks for text until it validates; every wrong answer is explained and the question repeated. */
export async function askText<T>(conversation: Conv, ctx: ConvContext, opts: AskTextOptions<T>): Promise<{ ctx: ConvContext; value: T }> {
  await ctx.reply(opts.question, { reply_markup: opts.keyboard });
  for (;;) {
    const answer = await waitText(conversation);
    const text = answer.message.text;
    const outcome = await conversation.external(() => attempt(() => opts.validate(text)));
    if (outcome.ok) return { ctx: answer, value: outcome.value };
    await answer.reply(`${answer.t(`error-${outcome.code}`, outcome.args)}\n\n${opts.question}`);
  }
}

// One path from what a handler could not do to what the person sees, and edits that never fail in
// silence. For handlers (outside conversations: a flow's kit has `attempt` and `askText`).
import { GrammyError } from "grammy";
import { isDomainError } from "../domain/errors.js";
import type { BotContext } from "./context.js";

type EditOptions = Parameters<BotContext["editMessageText"]>[1];
type Markup = NonNullable<Parameters<BotContext["editMessageReplyMarkup"]>[0]>["reply_markup"];

const notModified = (err: GrammyError) => err.description.includes("message is not modified");

/**
 * A refusal from the domain (a `DomainError`) in its `error-<code>` words: an alert on the pressed
 * button, a reply to a message (or under a button Telegram no longer lets us answer). Anything else is
 * a real failure: thrown on, for the error boundary's apology and log.
 */
export async function refuse(ctx: BotContext, e: unknown): Promise<void> {
  if (!isDomainError(e)) throw e;
  const text = ctx.t(`error-${e.code}`, e.args);
  if (ctx.callbackQuery) {
    try {
      await ctx.answerCallbackQuery({ text, show_alert: true });
      return;
    } catch (err) {
      if (!(err instanceof GrammyError)) throw err;
      // answered already, or too old to answer: the words go into the chat instead
      ctx.log.info({ reason: err.description }, "refusal sent as a message: the button could not be answered");
    }
  }
  await ctx.reply(text);
}

/**
 * Replaces the text (and buttons) of the message whose button was pressed. Unchanged: left as it is.
 * Telegram refuses the edit (too old, deleted): logged, and the text is sent as a new message, so she
 * still sees it. A failure that is not Telegram's answer (the network) goes to the error boundary.
 */
export async function safeEdit(ctx: BotContext, text: string, options?: EditOptions): Promise<void> {
  try {
    await ctx.editMessageText(text, options);
  } catch (err) {
    if (!(err instanceof GrammyError)) throw err;
    if (notModified(err)) return;
    ctx.log.warn({ reason: err.description }, "message not edited: sent as a new one");
    await ctx.reply(text, options as Parameters<BotContext["reply"]>[1]);
  }
}

/**
 * Changes or takes off (no `markup`) the buttons under the pressed message, so they cannot be pressed
 * twice. Telegram refusing that is logged and nothing more: what follows says what happened.
 */
export async function safeEditMarkup(ctx: BotContext, markup?: Markup): Promise<void> {
  try {
    await ctx.editMessageReplyMarkup(markup ? { reply_markup: markup } : undefined);
  } catch (err) {
    if (!(err instanceof GrammyError)) throw err;
    if (!notModified(err)) ctx.log.info({ reason: err.description }, "buttons not updated");
  }
}

// Per-update plumbing: a logger keyed by update_id, the error boundary, the user behind the update.
import { GrammyError, type Middleware } from "grammy";
import { isButtonDataError } from "../../callback-data.js";
import type { BotContext, BotDeps } from "../context.js";

/** Attaches deps and this update's logger. */
export function attachDeps(deps: BotDeps): Middleware<BotContext> {
  return (ctx, next) => {
    ctx.deps = deps;
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id });
    return next();
  };
}

/**
 * Any failure below is logged with the update id and answered with a localized apology: the bot never
 * goes silent and never crashes on an update. Button data that does not decode (a forged, truncated or
 * out-of-range payload) is no failure of the bot: it is answered like a stale button, with a warning.
 */
export const errorBoundary: Middleware<BotContext> = async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    if (isButtonDataError(err) && ctx.callbackQuery) {
      ctx.log.warn({ data: ctx.callbackQuery.data, from: ctx.from?.id, reason: err.message }, "button data that does not decode");
      const stale = typeof ctx.t === "function" ? ctx.t("unknown-button") : ctx.deps.messages.t(ctx.from?.language_code?.slice(0, 2) ?? "", "unknown-button");
      await ctx.answerCallbackQuery({ text: stale }).catch(() => undefined);
      return;
    }
    ctx.log.error({ err, update_id: ctx.update.update_id, from: ctx.from?.id }, "update failed");
    // before the user and i18n are loaded (the database failed): Telegram's hint, else DEFAULT_LOCALE
    const apology = typeof ctx.t === "function" ? ctx.t("error-internal") : ctx.deps.messages.t(ctx.from?.language_code?.slice(0, 2) ?? "", "error-internal");
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: apology, show_alert: true });
      else if (ctx.chat) await ctx.reply(apology);
    } catch (e) {
      // a callback query may be too old to answer: say it in the chat instead
      if (e instanceof GrammyError && ctx.chat) await ctx.api.sendMessage(ctx.chat.id, apology).catch(() => undefined);
    }
  }
};

/** Loads the user once per update; a user who writes again after blocking the bot is active again. */
export function loadUser(deps: BotDeps): Middleware<BotContext> {
  return async (ctx, next) => {
    ctx.user = ctx.from ? await deps.services.users.byTelegramId(ctx.from.id) : null;
    if (ctx.user && !ctx.user.isActive && ctx.message) {
      await deps.services.users.markActive(ctx.user.id);
      ctx.user = { ...ctx.user, isActive: true, blockedAt: null };
    }
    return next();
  };
}

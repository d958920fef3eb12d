// Access rules, visible on the first line of each handler that needs one.
import type { Middleware } from "grammy";
import { isMethodistRole } from "../../domain/users.js";
import type { BotContext } from "../context.js";
import { HTML } from "../conversations/kit.js";

async function refuse(ctx: BotContext, key: string): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
  else await ctx.reply(ctx.t(key), HTML);
}

/** Only registered users; others are pointed to /start. */
export const registered: Middleware<BotContext> = async (ctx, next) => {
  if (ctx.user?.registeredAt) return next();
  await refuse(ctx, "need-registration");
};

/** Methodists and admins only; a teacher gets a localized refusal. */
export const methodistOnly: Middleware<BotContext> = async (ctx, next) => {
  if (!ctx.user?.registeredAt) return refuse(ctx, "need-registration");
  if (isMethodistRole(ctx.user.role)) return next();
  await refuse(ctx, "forbidden-methodist");
};

/** Admins only (ADMIN_TELEGRAM_IDS). */
export const adminOnly: Middleware<BotContext> = async (ctx, next) => {
  if (!ctx.user?.registeredAt) return refuse(ctx, "need-registration");
  if (ctx.user.role === "admin") return next();
  await refuse(ctx, "forbidden-admin");
};

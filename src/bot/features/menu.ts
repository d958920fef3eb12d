// The main menu, /menu, /help and the methodist panel.
import { Composer } from "grammy";
import { COMMANDS } from "../commands.js";
import type { BotContext, BotDeps } from "../context.js";

import { mainMenu, MENU, NOOP } from "../keyboards.js";
import { methodistOnly, only, registered } from "../middlewares/guards.js";

export function menuFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  const members = only(composer, registered);
  const methodists = only(composer, methodistOnly);
  const menuButton = (key: string) => (ctx: BotContext) => ctx.hasText(deps.messages.allLocales(key));

  members.command("menu", (ctx) => ctx.reply(ctx.t("main-menu"), { reply_markup: mainMenu(ctx.t, ctx.user.role) }));

  // the methodist panel lists what methodists (and admins) can do, from the command registry
  methodists.filter(menuButton(MENU.methodist), async (ctx) => {
    const role = ctx.user.role;
    const lines = COMMANDS.filter((c) => c.scope === "methodist" || (c.scope === "admin" && role === "admin")).map(
      (c) => `/${c.command} — ${ctx.t(`cmd-${c.command}`)}`,
    );
    // a methodist of one district is told whose people her tools reach
    const { districtId } = ctx.user;
    const district = role === "methodist" && districtId !== null ? await deps.services.directory.district(districtId) : null;
    const scope = district ? `\n${ctx.t("methodist-panel-district", { district: district.name })}` : "";
    await ctx.reply(`${ctx.t("methodist-panel")}${scope}\n\n${lines.join("\n")}`);
  });

  composer.callbackQuery(NOOP, (ctx) => ctx.answerCallbackQuery());
  return composer;
}

/** Last in the chain: whatever nobody handled gets a hint, never silence. */
export function fallbackFeature() {
  const composer = new Composer<BotContext>();
  composer.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("unknown-button") }));
  composer.on("message", async (ctx) => {
    if (!ctx.user?.registeredAt) return ctx.reply(ctx.t("need-registration"));
    await ctx.reply(ctx.t("unknown-text"), { reply_markup: mainMenu(ctx.t, ctx.user.role) });
  });
  return composer;
}

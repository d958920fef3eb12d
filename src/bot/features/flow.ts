// What works in the middle of any conversation, installed before the conversations see the update:
// /cancel leaves any flow; /help and /language answer and leave the flow waiting; any other command
// or a main-menu button leaves the flow and is then handled as usual.
import { Composer } from "grammy";
import { isLocale } from "../../i18n.js";
import { commandNames, refreshUserCommands } from "../commands.js";
import type { BotContext, BotDeps } from "../context.js";

import { mainMenu, MENU } from "../keyboards.js";
import { isMethodistRole } from "../../domain/users.js";
import { languageData } from "./registration/callbacks.js";
import { languageKeyboard } from "./registration/steps.js";

const inFlow = (ctx: BotContext) => Object.keys(ctx.conversation.active()).length > 0;

export function flowFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  const commands = new Set(commandNames());
  const menuTexts = new Set(Object.values(MENU).flatMap((key) => deps.messages.allLocales(key)));

  composer.command("cancel", async (ctx) => {
    const wasInFlow = inFlow(ctx);
    await ctx.conversation.exitAll();
    const registered = ctx.user?.registeredAt ? ctx.user : null;
    await ctx.reply(ctx.t(wasInFlow ? "cancelled" : "nothing-to-cancel"), {
      reply_markup: registered ? mainMenu(ctx.t, registered.role) : { remove_keyboard: true },
    });
  });

  composer.command("help", async (ctx) => {
    const role = ctx.user?.registeredAt ? ctx.user.role : undefined;
    let text = ctx.t(role ? "help" : "help-unregistered");
    if (isMethodistRole(role)) text += `\n\n${ctx.t("help-methodist")}`;
    if (inFlow(ctx)) text += `\n\n${ctx.t("help-in-flow")}`;
    await ctx.reply(text, { reply_markup: role && !inFlow(ctx) ? mainMenu(ctx.t, role) : undefined });
  });

  // /language works before registration too (the choice is kept in the session until then)
  composer.command("language", (ctx) => ctx.reply(ctx.t("language-choose"), { reply_markup: languageKeyboard(ctx.t) }));
  composer.callbackQuery(languageData.filter(), async (ctx) => {
    const { code } = languageData.unpack(ctx.callbackQuery.data);
    if (!isLocale(code)) return ctx.answerCallbackQuery();
    if (ctx.user) {
      ctx.user = await deps.services.users.update(ctx.user.id, { language: code });
      // a methodist's own command menu is in her language
      if (ctx.user.registeredAt && isMethodistRole(ctx.user.role)) await refreshUserCommands(ctx.api, deps.messages, ctx.user, ctx.log);
    } else (await ctx.session).language = code;
    ctx.i18n.useLocale(code);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("language-chosen")).catch(() => undefined);
    if (ctx.user?.registeredAt && !inFlow(ctx)) await ctx.reply(ctx.t("main-menu"), { reply_markup: mainMenu(ctx.t, ctx.user.role) });
  });

  composer.on("message:text", async (ctx, next) => {
    if (inFlow(ctx)) {
      const command = ctx.entities("bot_command")[0];
      const isCommand = command?.offset === 0 && commands.has(command.text.slice(1).split("@")[0]!);
      if (isCommand || menuTexts.has(ctx.message.text)) await ctx.conversation.exitAll();
    }
    return next();
  });
  return composer;
}

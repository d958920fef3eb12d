import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import type { BotContext, BotDeps, ConvContext } from "../../context.js";

import { mainMenu } from "../../keyboards.js";
import { invitedSchoolId } from "./invitation.js";
import { ONBOARDING, onboarding } from "./onboarding.js";
import { isRegistered } from "../../middlewares/guards.js";
import { openStartLink } from "./start-links.js";

/** The conversation (installed with the other conversations, before the features). */
export function registrationConversations(deps: BotDeps) {
  return createConversation<BotContext, ConvContext>(onboarding(deps), ONBOARDING);
}

export function registrationFeature() {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");

  // /start: a registered user gets the menu; anyone else (re)starts registration from the beginning
  // (with the school preset when she came by a school's invitation: /start school_<id>).
  // /start <payload> (a shared card's link, start-links.ts): the card, after registering if she is new.
  privateChats.command("start", async (ctx) => {
    await ctx.conversation.exitAll();
    const payload = ctx.match.trim();
    if (isRegistered(ctx)) {
      // a school's invitation needs nothing more of someone registered: the menu
      if (payload && invitedSchoolId(payload) === null) return openStartLink(ctx, ctx.deps, payload);
      await ctx.reply(ctx.t("welcome-back", { name: ctx.user.fullName ?? "" }), { reply_markup: mainMenu(ctx.t, ctx.user.role) });
      return;
    }
    await ctx.conversation.enter(ONBOARDING, payload);
  });
  return composer;
}

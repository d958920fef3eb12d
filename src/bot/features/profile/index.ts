// Profile: see and change what is stored (attestation too), language, notification opt-outs, and erasure (/deleteme).
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { safeEdit, safeEditMarkup } from "../../replies.js";
import type { BotContext, BotDeps, ConvContext, RegisteredContext } from "../../context.js";
import { refreshUserCommands } from "../../commands.js";

import { MENU } from "../../keyboards.js";
import { only, registered } from "../../middlewares/guards.js";
import { languageKeyboard } from "../registration/steps.js";
import { profileKeyboard, profileText } from "./card.js";
import { deleteData, profileData } from "./callbacks.js";
import { EDIT_ATTESTATION, editAttestation } from "./attestation.js";
import { EDIT_NAME, EDIT_SCHOOL, EDIT_SUBJECTS, editName, editSchool, editSubjects } from "./edit.js";

export function profileConversations(deps: BotDeps) {
  return [
    createConversation<BotContext, ConvContext>(editName(deps), EDIT_NAME),
    createConversation<BotContext, ConvContext>(editSchool(deps), EDIT_SCHOOL),
    createConversation<BotContext, ConvContext>(editSubjects(deps), EDIT_SUBJECTS),
    createConversation<BotContext, ConvContext>(editAttestation(deps), EDIT_ATTESTATION),
  ];
}

export function profileFeature(deps: BotDeps) {
  const { users } = deps.services;
  const composer = new Composer<BotContext>();
  const members = only(composer, registered);

  async function showProfile(ctx: RegisteredContext, edit = false) {
    const [profile, record] = await Promise.all([users.profile(ctx.user.id), deps.services.record.of(ctx.user.id)]);
    if (!profile) return;
    const text = profileText(ctx.t, profile, record, await ctx.i18n.getLocale(), deps.config.TIMEZONE);
    if (edit) await safeEdit(ctx, text, { reply_markup: profileKeyboard(ctx.t) });
    else await ctx.reply(text, { reply_markup: profileKeyboard(ctx.t) });
  }

  async function askDelete(ctx: BotContext) {
    const kb = new InlineKeyboard()
      .text(ctx.t("deleteme-yes"), deleteData.pack({ sure: true }))
      .row()
      .text(ctx.t("deleteme-no"), deleteData.pack({ sure: false }));
    await ctx.reply(ctx.t("deleteme-confirm"), { reply_markup: kb });
  }

  members.command("profile", (ctx) => showProfile(ctx));
  members.filter(
    (ctx) => ctx.hasText(deps.messages.allLocales(MENU.profile)),
    (ctx) => showProfile(ctx),
  );

  members.callbackQuery(profileData.filter(), async (ctx) => {
    const { action } = profileData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    const me = ctx.user;
    switch (action) {
      case "name":
        return ctx.conversation.enter(EDIT_NAME);
      case "school":
        return ctx.conversation.enter(EDIT_SCHOOL);
      case "subjects":
        return ctx.conversation.enter(EDIT_SUBJECTS);
      case "attestation":
        return ctx.conversation.enter(EDIT_ATTESTATION);
      case "language":
        return ctx.reply(ctx.t("language-choose"), { reply_markup: languageKeyboard(ctx.t) });
      case "courses":
        ctx.user = await users.update(me.id, { notifyNewCourses: !me.notifyNewCourses });
        return showProfile(ctx, true);
      case "announce":
        ctx.user = await users.update(me.id, { muteAnnouncements: !me.muteAnnouncements });
        return showProfile(ctx, true);
      case "delete":
        return askDelete(ctx);
    }
  });

  members.command("deleteme", askDelete);
  members.callbackQuery(deleteData.filter(), async (ctx) => {
    const { sure } = deleteData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await safeEditMarkup(ctx);
    if (!sure) return ctx.reply(ctx.t("deleteme-kept"));
    const me = ctx.user;
    await users.erase(me.id);
    // a methodist's own command menu goes with her data
    if (me.role !== "teacher") await refreshUserCommands(ctx.api, deps.messages, { ...me, role: "teacher" }, ctx.log);
    await ctx.conversation.exitAll();
    ctx.session = null as never; // deletes the session row
    (ctx as BotContext).user = null; // the rest of this update sees her unregistered
    await ctx.reply(ctx.t("deleteme-done"), { reply_markup: { remove_keyboard: true } });
  });
  return composer;
}

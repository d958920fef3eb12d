// The materials bank: the section's screens and buttons. Sharing, searching and rejecting with a reason
// are conversations; everything else is a button that edits the message it is on.
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { isMethodistRole } from "../../../domain/users.js";
import { refuse, safeEdit, safeEditMarkup } from "../../replies.js";
import type { BotContext, BotDeps, ConvContext, RegisteredContext } from "../../context.js";
import { MENU } from "../../keyboards.js";
import { methodistOnly, only, registered } from "../../middlewares/guards.js";
import {
  approveData,
  deleteData,
  fileData,
  hubData,
  keepData,
  listData,
  minePageData,
  openData,
  QUEUE,
  rejectData,
  searchPageData,
  subjectData,
  topData,
  typeData,
  voteData,
} from "./callbacks.js";
import { cardKeyboard, cardText, subjectName } from "./card.js";
import {
  gradesScreen,
  hubScreen,
  listScreen,
  mineScreen,
  searchExpiredScreen,
  searchScreen,
  subjectsScreen,
  topScreen,
  typesScreen,
  type Screen,
} from "./lists.js";
import { REJECT, rejectConversation, showNextPending } from "./moderate.js";
import { recallQuery } from "./query.js";
import { SEARCH, searchConversation } from "./search.js";
import { SHARE, shareConversation } from "./share.js";

export function materialsConversations(deps: BotDeps) {
  return [
    createConversation<BotContext, ConvContext>(shareConversation(deps), SHARE),
    createConversation<BotContext, ConvContext>(searchConversation(deps), SEARCH),
    createConversation<BotContext, ConvContext>(rejectConversation(deps), REJECT),
  ];
}

export function materialsFeature(deps: BotDeps) {
  const { materials } = deps.services;
  const composer = new Composer<BotContext>();
  const members = only(composer, registered);
  const methodists = only(composer, methodistOnly);

  const show = async (ctx: BotContext, screen: Screen) => {
    // a screen opened from a button replaces that message; an unchanged one is left as it is
    if (ctx.callbackQuery?.message) await safeEdit(ctx, screen.text, { reply_markup: screen.keyboard });
    else await ctx.reply(screen.text, { reply_markup: screen.keyboard });
  };
  const locale = (ctx: BotContext) => ctx.i18n.getLocale();
  const subjectTitle = async (ctx: BotContext, id: number) => {
    const s = await materials.subject(id);
    return s ? subjectName(s, await locale(ctx)) : "—";
  };

  async function hub(ctx: RegisteredContext) {
    const methodist = isMethodistRole(ctx.user.role);
    const pending = methodist ? (await materials.nextPending(ctx.user)).total : 0;
    await show(ctx, hubScreen(ctx.t, { methodist, pending }));
  }

  members.filter((ctx) => ctx.hasText(deps.messages.allLocales(MENU.materials)), hub);

  members.callbackQuery(hubData.filter(), async (ctx) => {
    const { a } = hubData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    switch (a) {
      case "hub":
        return hub(ctx);
      case "browse":
        return show(ctx, await subjectsScreen(ctx.t, materials, await locale(ctx), "browse"));
      case "top":
        return show(ctx, await subjectsScreen(ctx.t, materials, await locale(ctx), "top"));
      case "mine":
        return show(ctx, await mineScreen(ctx.t, materials, ctx.user.id, 0));
      case "search":
        return ctx.conversation.enter(SEARCH);
      case "share":
        return ctx.conversation.enter(SHARE);
    }
  });

  members.callbackQuery(subjectData.filter(), async (ctx) => {
    const { s } = subjectData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await show(ctx, await typesScreen(ctx.t, materials, await subjectTitle(ctx, s), s));
  });
  members.callbackQuery(typeData.filter(), async (ctx) => {
    const { s, t } = typeData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await show(ctx, await gradesScreen(ctx.t, materials, await subjectTitle(ctx, s), s, t));
  });
  members.callbackQuery(listData.filter(), async (ctx) => {
    const { s, t, g, p } = listData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await show(ctx, await listScreen(ctx.t, materials, await subjectTitle(ctx, s), s, t, g, p));
  });
  members.callbackQuery(topData.filter(), async (ctx) => {
    const { s, all } = topData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await show(ctx, await topScreen(ctx.t, materials, await subjectTitle(ctx, s), s, all));
  });
  members.callbackQuery(searchPageData.filter(), async (ctx) => {
    const { p, q } = searchPageData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    const query = recallQuery(await ctx.session, q);
    await show(ctx, query === null ? searchExpiredScreen(ctx.t) : await searchScreen(ctx.t, materials, query, p));
  });
  members.callbackQuery(minePageData.filter(), async (ctx) => {
    const { p } = minePageData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await show(ctx, await mineScreen(ctx.t, materials, ctx.user.id, p));
  });

  // the card: a new message under the list, so that the list stays
  members.callbackQuery(openData.filter(), async (ctx) => {
    const { id } = openData.unpack(ctx.callbackQuery.data);
    try {
      const card = await materials.open(id, ctx.user);
      await ctx.answerCallbackQuery();
      const mine = card.author.id === ctx.user.id;
      await ctx.reply(cardText(ctx.t, card, await locale(ctx), { status: mine || card.status !== "approved" }), {
        reply_markup: cardKeyboard(ctx.t, card, ctx.user.id),
      });
    } catch (e) {
      await refuse(ctx, e);
    }
  });

  members.callbackQuery(fileData.filter(), async (ctx) => {
    const { id } = fileData.unpack(ctx.callbackQuery.data);
    const card = await materials.card(id, ctx.user);
    if (!card?.fileId) return ctx.answerCallbackQuery({ text: ctx.t("error-material-not-found"), show_alert: true });
    await ctx.answerCallbackQuery();
    const options = { caption: ctx.t("material-file-caption", { title: card.title }) };
    if (card.fileKind === "photo") await ctx.replyWithPhoto(card.fileId, options);
    else if (card.fileKind === "video") await ctx.replyWithVideo(card.fileId, options);
    else await ctx.replyWithDocument(card.fileId, options);
  });

  // 👍 / 👎: the card the button is on shows the new counts
  members.callbackQuery(voteData.filter(), async (ctx) => {
    const { id, v } = voteData.unpack(ctx.callbackQuery.data);
    try {
      const outcome = await materials.vote(id, ctx.user.id, v === 1 ? 1 : -1);
      await ctx.answerCallbackQuery({ text: ctx.t(`material-vote-${outcome}`) });
    } catch (e) {
      return refuse(ctx, e);
    }
    const card = await materials.card(id, ctx.user);
    if (!card) return;
    await safeEdit(ctx, cardText(ctx.t, card, await locale(ctx)), { reply_markup: cardKeyboard(ctx.t, card, ctx.user.id) });
  });

  // delete: the card turns into the question, and back into the card when she keeps it
  const ownCard = async (ctx: RegisteredContext, id: number) => {
    const card = await materials.card(id, ctx.user);
    if (card?.author.id === ctx.user.id) return card;
    await ctx.answerCallbackQuery({ text: ctx.t("error-material-not-found"), show_alert: true });
    return null;
  };
  members.callbackQuery(deleteData.filter(), async (ctx) => {
    const { id, sure } = deleteData.unpack(ctx.callbackQuery.data);
    const card = await ownCard(ctx, id);
    if (!card) return;
    await ctx.answerCallbackQuery();
    if (!sure) {
      const kb = new InlineKeyboard()
        .text(ctx.t("material-delete-yes"), deleteData.pack({ id, sure: true }))
        .row()
        .text(ctx.t("material-delete-no"), keepData.pack({ id }));
      return show(ctx, { text: ctx.t("material-delete-confirm", { title: card.title }), keyboard: kb });
    }
    await materials.remove(id, ctx.user.id);
    await safeEdit(ctx, ctx.t("material-deleted", { title: card.title }));
  });
  members.callbackQuery(keepData.filter(), async (ctx) => {
    const card = await ownCard(ctx, keepData.unpack(ctx.callbackQuery.data).id);
    if (!card) return safeEditMarkup(ctx);
    await ctx.answerCallbackQuery();
    await show(ctx, { text: cardText(ctx.t, card, await locale(ctx), { status: true }), keyboard: cardKeyboard(ctx.t, card, ctx.user.id) });
  });

  // moderation
  methodists.command("moderate_materials", (ctx) => showNextPending(ctx, deps));
  methodists.callbackQuery(QUEUE, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showNextPending(ctx, deps);
  });
  methodists.callbackQuery(approveData.filter(), async (ctx) => {
    const { id } = approveData.unpack(ctx.callbackQuery.data);
    try {
      await materials.approve(ctx.user, id);
    } catch (e) {
      await safeEditMarkup(ctx);
      return refuse(ctx, e);
    }
    await ctx.answerCallbackQuery({ text: ctx.t("material-approved-toast") });
    await safeEditMarkup(ctx);
    const card = await materials.card(id, ctx.user);
    await ctx.reply(ctx.t("material-approved-done", { title: card?.title ?? "—" }));
    await showNextPending(ctx, deps);
  });
  methodists.callbackQuery(rejectData.filter(), async (ctx) => {
    const { id } = rejectData.unpack(ctx.callbackQuery.data);
    // refused before the reason is asked: gone, already moderated, or her own
    try {
      await materials.checkModerable(ctx.user, id);
    } catch (e) {
      await safeEditMarkup(ctx);
      return refuse(ctx, e);
    }
    await ctx.answerCallbackQuery();
    await safeEditMarkup(ctx);
    await ctx.conversation.enter(REJECT, id);
  });
  return composer;
}

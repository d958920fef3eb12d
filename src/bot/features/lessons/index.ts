// Open lessons: the list with filters, the card (sign up, withdraw, calendar, rate, move, cancel),
// the author's lessons, the best lessons, and the methodists' moderation queue.
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { isDomainError } from "../../../domain/errors.js";
import { MIN_RATINGS } from "../../../domain/lessons/rating.js";
import type { LessonView } from "../../../domain/lessons/types.js";
import { isMethodistRole } from "../../../domain/users.js";
import { lessonEvent } from "../../../domain/lessons/calendar.js";
import { replyWithCalendar } from "../../calendar.js";
import { cardLink, shareUrl } from "../../deep-links.js";
import type { BotContext, BotDeps, ConvContext, RegisteredContext } from "../../context.js";

import { MENU } from "../../keyboards.js";
import { refuse, safeEdit, safeEditMarkup } from "../../replies.js";
import { methodistOnly, only, registered } from "../../middlewares/guards.js";
import {
  LESSON_MINE,
  LESSON_OFFER,
  LESSON_QUEUE,
  lessonBest,
  lessonCalendar,
  lessonCancel,
  lessonCard,
  lessonFilterGrade,
  lessonFilterSubject,
  lessonJoin,
  lessonEdit,
  lessonLeave,
  lessonList,
  lessonMine,
  lessonModerate,
  lessonMove,
  lessonRate,
  lessonResubmit,
} from "./callbacks.js";
import {
  bestView,
  cardKeyboard,
  gradeKeyboard,
  lessonText,
  listView,
  mineView,
  PAGE_SIZE,
  queueView,
  subjectKeyboard,
  type ListState,
  type Viewer,
} from "./card.js";
import { EDIT, editConversation, isTextField, PLACE, placeConversation, REJECT, rejectConversation } from "./manage.js";
import { OFFER, offerConversation } from "./offer.js";
import { RATE, rateConversation } from "./rate.js";

export function lessonConversations(deps: BotDeps) {
  return [
    createConversation<BotContext, ConvContext>(offerConversation(deps), OFFER),
    createConversation<BotContext, ConvContext>(rateConversation(deps), RATE),
    createConversation<BotContext, ConvContext>(rejectConversation(deps), REJECT),
    createConversation<BotContext, ConvContext>(editConversation(deps), EDIT),
    createConversation<BotContext, ConvContext>(placeConversation(deps), PLACE),
  ];
}

/** A lesson's card for the person who opens it (from the list or a shared link): a DomainError for one she may not see. */
export function lessonCards(deps: BotDeps) {
  const { lessons } = deps.services;
  const zone = deps.config.TIMEZONE;

  async function viewer(ctx: RegisteredContext, l: LessonView, locale: string): Promise<Viewer> {
    const userId = ctx.user.id;
    const going = await lessons.isGoing(userId, l.id);
    const canRate =
      going &&
      (await lessons.checkCanRate(userId, l.id).then(
        () => true,
        () => false,
      ));
    const share = shareUrl(cardLink(ctx.me.username, "lesson", l.id), deps.messages.i18n.t(locale, "share-lesson-text", { topic: l.topic }));
    return { userId, going, now: deps.clock.now().getTime(), canRate, publishesOwn: isMethodistRole(ctx.user.role), share };
  }

  async function card(ctx: RegisteredContext, id: number, edit: boolean) {
    const l = await lessons.visibleTo(ctx.user, id);
    const locale = await ctx.i18n.getLocale();
    const v = await viewer(ctx, l, locale);
    const text = lessonText(ctx.t, l, locale, zone, v);
    const extra = { reply_markup: cardKeyboard(ctx.t, l, v), link_preview_options: { is_disabled: true } };
    if (edit) await safeEdit(ctx, text, extra);
    else await ctx.reply(text, extra);
  }
  return { card };
}

export function lessonFeature(deps: BotDeps) {
  const { lessons, directory } = deps.services;
  const zone = deps.config.TIMEZONE;
  const composer = new Composer<BotContext>();
  const members = only(composer, registered);
  const methodists = only(composer, methodistOnly);
  const locale = (ctx: BotContext) => ctx.i18n.getLocale();

  const { card } = lessonCards(deps);

  const subjectName = async (ctx: BotContext, id: number) => {
    if (!id) return null;
    const s = (await directory.subjects()).find((x) => x.id === id);
    return s ? ((await locale(ctx)) === "en" ? s.nameEn : s.nameRu) : null;
  };

  async function list(ctx: BotContext, state: ListState, edit: boolean) {
    const page = await lessons.upcoming({ subjectId: state.s || undefined, grade: state.g || undefined }, state.p, PAGE_SIZE);
    const v = listView(ctx.t, await locale(ctx), zone, state, page, await subjectName(ctx, state.s));
    if (edit) await safeEdit(ctx, v.text, { reply_markup: v.keyboard });
    else await ctx.reply(v.text, { reply_markup: v.keyboard });
  }

  async function showQueue(ctx: RegisteredContext) {
    const v = queueView(ctx.t, await locale(ctx), zone, await lessons.queue(ctx.user.id));
    await ctx.reply(v.text, { reply_markup: v.keyboard, link_preview_options: { is_disabled: true } });
  }

  // colleagues: the list, its filters, the card
  members.filter(
    (ctx) => ctx.hasText(deps.messages.allLocales(MENU.lessons)),
    (ctx) => list(ctx, { s: 0, g: "", p: 0 }, false),
  );
  members.callbackQuery(lessonList.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await list(ctx, lessonList.unpack(ctx.callbackQuery.data), true);
  });
  members.callbackQuery(lessonFilterSubject.filter(), async (ctx) => {
    const { g } = lessonFilterSubject.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    const kb = subjectKeyboard(await directory.subjects(), await locale(ctx), (s) => lessonList.pack({ s, g, p: 0 }), ctx.t("lesson-filter-all-subjects"));
    await safeEdit(ctx, ctx.t("lesson-filter-subject-ask"), { reply_markup: kb });
  });
  members.callbackQuery(lessonFilterGrade.filter(), async (ctx) => {
    const { s } = lessonFilterGrade.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    const kb = gradeKeyboard(ctx.t, (g) => lessonList.pack({ s, g, p: 0 }), ctx.t("lesson-filter-all-grades"));
    await safeEdit(ctx, ctx.t("lesson-filter-grade-ask"), { reply_markup: kb });
  });
  members.callbackQuery(lessonCard.filter(), async (ctx) => {
    try {
      await card(ctx, lessonCard.unpack(ctx.callbackQuery.data).id, false);
      await ctx.answerCallbackQuery();
    } catch (e) {
      await refuse(ctx, e);
    }
  });

  // sign up and withdraw: the card is redrawn with the new seat count
  members.callbackQuery(lessonJoin.filter(), async (ctx) => {
    const { id } = lessonJoin.unpack(ctx.callbackQuery.data);
    try {
      await lessons.signUp(ctx.user.id, id);
    } catch (e) {
      return refuse(ctx, e);
    }
    await ctx.answerCallbackQuery({ text: ctx.t("lesson-joined") });
    await card(ctx, id, true);
  });
  members.callbackQuery(lessonLeave.filter(), async (ctx) => {
    const { id } = lessonLeave.unpack(ctx.callbackQuery.data);
    try {
      await lessons.withdraw(ctx.user.id, id);
    } catch (e) {
      return refuse(ctx, e);
    }
    await ctx.answerCallbackQuery({ text: ctx.t("lesson-left") });
    await card(ctx, id, true);
  });

  members.callbackQuery(lessonCalendar.filter(), async (ctx) => {
    try {
      // the card's visibility, and published; a cancelled one's file takes it out of the calendar
      const l = await lessons.forCalendar(ctx.user, lessonCalendar.unpack(ctx.callbackQuery.data).id);
      await ctx.answerCallbackQuery();
      await replyWithCalendar(ctx, lessonEvent(l, ctx.t("lesson-calendar-title", { topic: l.topic }), deps.clock.now()));
    } catch (e) {
      await refuse(ctx, e);
    }
  });

  members.callbackQuery(lessonRate.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(RATE, lessonRate.unpack(ctx.callbackQuery.data).id);
  });

  // the author
  members.callbackQuery(LESSON_OFFER, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(OFFER);
  });
  async function mine(ctx: RegisteredContext, p: number, edit: boolean) {
    const page = await lessons.mine(ctx.user.id, p, PAGE_SIZE);
    const v = mineView(ctx.t, await locale(ctx), zone, p, page, deps.clock.now().getTime());
    if (edit) await safeEdit(ctx, v.text, { reply_markup: v.keyboard });
    else await ctx.reply(v.text, { reply_markup: v.keyboard });
  }
  members.callbackQuery(LESSON_MINE, async (ctx) => {
    await ctx.answerCallbackQuery();
    await mine(ctx, 0, false);
  });
  members.callbackQuery(lessonMine.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await mine(ctx, lessonMine.unpack(ctx.callbackQuery.data).p, true);
  });
  // the author's changes: each a short conversation on her own lesson, still ahead and not closed
  const enterOwn = async (ctx: RegisteredContext, id: number, field: string) => {
    try {
      await lessons.checkEditable(ctx.user.id, id);
    } catch (e) {
      return refuse(ctx, e);
    }
    await ctx.answerCallbackQuery();
    if (field === "place") await ctx.conversation.enter(PLACE, id);
    else if (isTextField(field)) await ctx.conversation.enter(EDIT, id, field);
  };
  members.callbackQuery(lessonMove.filter(), (ctx) => enterOwn(ctx, lessonMove.unpack(ctx.callbackQuery.data).id, "time"));
  members.callbackQuery(lessonEdit.filter(), (ctx) => {
    const { id, field } = lessonEdit.unpack(ctx.callbackQuery.data);
    return enterOwn(ctx, id, field);
  });
  members.callbackQuery(lessonResubmit.filter(), async (ctx) => {
    const { id } = lessonResubmit.unpack(ctx.callbackQuery.data);
    try {
      const l = await lessons.resubmit(ctx.user.id, id);
      await ctx.answerCallbackQuery();
      await safeEditMarkup(ctx);
      // a methodist's own lesson is published at once (nobody moderates her own work)
      if (l.status === "approved") await ctx.reply(ctx.t("lesson-republished", { topic: l.topic }));
      else await ctx.reply(ctx.t("lesson-resubmitted", { topic: l.topic }));
    } catch (e) {
      await refuse(ctx, e);
    }
  });
  members.callbackQuery(lessonCancel.filter(), async (ctx) => {
    const { id, step } = lessonCancel.unpack(ctx.callbackQuery.data);
    if (step === "ask") {
      await ctx.answerCallbackQuery();
      const kb = new InlineKeyboard()
        .text(ctx.t("lesson-cancel-yes"), lessonCancel.pack({ id, step: "yes" }))
        .text(ctx.t("lesson-cancel-no"), lessonCancel.pack({ id, step: "no" }));
      return ctx.reply(ctx.t("lesson-cancel-confirm"), { reply_markup: kb });
    }
    if (step !== "yes") {
      await ctx.answerCallbackQuery();
      return safeEdit(ctx, ctx.t("lesson-cancel-kept"));
    }
    try {
      const l = await lessons.cancel(ctx.user.id, id);
      await ctx.answerCallbackQuery();
      await safeEdit(ctx, ctx.t("lesson-cancelled", { topic: l.topic }));
    } catch (e) {
      await refuse(ctx, e);
    }
  });

  // best lessons of a subject
  members.callbackQuery(lessonBest.filter(), async (ctx) => {
    const { s } = lessonBest.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    const loc = await locale(ctx);
    const v = bestView(ctx.t, loc, zone, await lessons.best(s || null), await subjectName(ctx, s), MIN_RATINGS);
    const switcher = subjectKeyboard(await directory.subjects(), loc, (id) => lessonBest.pack({ s: id }), ctx.t("lesson-filter-all-subjects"));
    const kb = InlineKeyboard.from([...v.lessons.inline_keyboard, ...switcher.inline_keyboard])
      .row()
      .text(ctx.t("lesson-back-button"), lessonList.pack({ s, g: "", p: 0 }));
    await safeEdit(ctx, v.text, { reply_markup: kb });
  });

  // methodists: the moderation queue
  methodists.command("moderate_lessons", showQueue);
  methodists.callbackQuery(LESSON_QUEUE, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showQueue(ctx);
  });
  methodists.callbackQuery(lessonModerate.filter(), async (ctx) => {
    const { id, ok, v } = lessonModerate.unpack(ctx.callbackQuery.data);
    // a verdict on a version the author has changed since: refused, the queue is shown as it is now
    const stale = async (e: unknown) => {
      await refuse(ctx, e);
      if (isDomainError(e) && e.code === "lesson-changed-under-review") {
        await safeEditMarkup(ctx);
        await showQueue(ctx);
      }
    };
    if (!ok) {
      // refused before the reason is asked: her own lesson, one already reviewed, or changed meanwhile
      try {
        await lessons.checkReviewable(ctx.user.id, id, v);
      } catch (e) {
        return stale(e);
      }
      await ctx.answerCallbackQuery();
      await safeEditMarkup(ctx);
      return ctx.conversation.enter(REJECT, id, v);
    }
    try {
      const l = await lessons.approve(ctx.user.id, id, v);
      await ctx.answerCallbackQuery();
      await safeEditMarkup(ctx);
      await ctx.reply(ctx.t("lesson-approved", { topic: l.topic }));
      await showQueue(ctx);
    } catch (e) {
      await stale(e);
    }
  });
  return composer;
}

// Meetings: teachers see what is ahead for them, answer Going / Not going and add meetings to their
// calendar; methodists create, edit, cancel and mark attendance (admin.ts).
import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { replyWithCalendar } from "../../calendar.js";
import type { Translate } from "../../../i18n.js";
import { refuse, safeEdit } from "../../replies.js";
import type { BotContext, BotDeps, ConvContext, RegisteredContext } from "../../context.js";

import { MENU } from "../../keyboards.js";
import { only, registered } from "../../middlewares/guards.js";
import { meetingsAdminFeature } from "./admin.js";
import { meetingCard, meetingShare, rsvpKeyboard } from "./card.js";
import { meetingCalendarData, meetingRsvpData } from "./callbacks.js";
import { NEW_MEETING, newMeetingConversation } from "./create.js";
import { EDIT_MEETING, editMeetingConversation } from "./edit.js";

export function meetingsConversations(deps: BotDeps) {
  return [
    createConversation<BotContext, ConvContext>(newMeetingConversation(deps), NEW_MEETING),
    createConversation<BotContext, ConvContext>(editMeetingConversation(deps), EDIT_MEETING),
  ];
}

/** A meeting's card as its reader opens it (a shared link): a DomainError for one that does not concern her. */
export async function showMeetingCard(ctx: RegisteredContext, deps: BotDeps, id: number): Promise<void> {
  const { meetings } = deps.services;
  const m = await meetings.visibleTo(ctx.user, id);
  const answer = await meetings.answerOf(ctx.user.id, id);
  const locale = await ctx.i18n.getLocale();
  const text = meetingCard(ctx.t, m, { locale, zone: deps.config.TIMEZONE, answer });
  const open = m.status === "scheduled" && m.startsAt > deps.clock.now();
  const share = meetingShare(plainT(deps, locale), ctx.me.username, m);
  await ctx.reply(text, { reply_markup: open ? rsvpKeyboard(ctx.t, id, answer, share) : undefined });
}

/** Unescaped: the share sheet's text is plain text. */
const plainT =
  (deps: BotDeps, locale: string): Translate =>
  (key, vars) =>
    deps.messages.i18n.t(locale, key, vars);

export function meetingsFeature(deps: BotDeps) {
  const { meetings } = deps.services;
  const zone = deps.config.TIMEZONE;
  const composer = new Composer<BotContext>();
  const members = only(composer, registered);

  async function showMeetings(ctx: RegisteredContext) {
    const me = ctx.user;
    const locale = await ctx.i18n.getLocale();
    const list = await meetings.upcomingFor(me.id);
    const attended = await meetings.attendedCount(me.id);
    const head = ctx.t(list.length ? "meeting-list-title" : "meeting-list-empty");
    await ctx.reply(`${head}\n${ctx.t("meeting-record", { count: attended })}`);
    for (const m of list) {
      const share = meetingShare(plainT(deps, locale), ctx.me.username, m);
      await ctx.reply(meetingCard(ctx.t, m, { locale, zone, answer: m.answer }), { reply_markup: rsvpKeyboard(ctx.t, m.id, m.answer, share) });
    }
  }

  members.command("meetings", showMeetings);
  members.filter((ctx) => ctx.hasText(deps.messages.allLocales(MENU.meetings)), showMeetings);

  members.callbackQuery(meetingRsvpData.filter(), async (ctx) => {
    const { id, going } = meetingRsvpData.unpack(ctx.callbackQuery.data);
    const me = ctx.user;
    try {
      const m = await meetings.rsvp(me.id, id, going ? "going" : "not_going");
      const answer = going ? "going" : "not_going";
      await ctx.answerCallbackQuery({ text: ctx.t(going ? "meeting-rsvp-going" : "meeting-rsvp-not-going") });
      const locale = await ctx.i18n.getLocale();
      await safeEdit(ctx, meetingCard(ctx.t, m, { locale, zone, answer }), {
        reply_markup: rsvpKeyboard(ctx.t, id, answer, meetingShare(plainT(deps, locale), ctx.me.username, m)),
      });
    } catch (e) {
      await refuse(ctx, e);
    }
  });

  members.callbackQuery(meetingCalendarData.filter(), async (ctx) => {
    const { id } = meetingCalendarData.unpack(ctx.callbackQuery.data);
    try {
      const m = await meetings.visibleTo(ctx.user, id);
      // a cancelled one's file takes it out of the calendar
      await ctx.answerCallbackQuery();
      await replyWithCalendar(ctx, meetings.calendarEvent(m, await ctx.i18n.getLocale()));
    } catch (e) {
      await refuse(ctx, e);
    }
  });

  composer.use(meetingsAdminFeature(deps));
  return composer;
}

// /calendar: the private calendar feed from the chat. The site's Calendar page makes and revokes it too
// (src/web/calendar); here a press makes a new link (the old one stops working) and shows it once, with
// its webcal:// form for a phone. Only the token's hash is stored (src/domain/calendar-feed.ts).
import { Composer, InlineKeyboard } from "grammy";
import { escapeHtml } from "../../../i18n.js";
import type { BotContext, BotDeps } from "../../context.js";

import { only, registered } from "../../middlewares/guards.js";

/** "make a new link" */
export const CALENDAR_FEED_NEW = "calFeedN";

export function calendarFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  const members = only(composer, registered);
  const feeds = deps.services.calendarFeeds;
  const { publicUrl } = deps.config.http;

  members.command("calendar", async (ctx) => {
    const has = await feeds.status(ctx.user.id);
    const text = [ctx.t("calendar-feed-text"), has ? ctx.t("calendar-feed-has") : "", ctx.t("calendar-feed-site", { url: `${publicUrl}/calendar` })]
      .filter(Boolean)
      .join("\n\n");
    await ctx.reply(text, {
      link_preview_options: { is_disabled: true },
      reply_markup: new InlineKeyboard().text(ctx.t(has ? "calendar-feed-new-button" : "calendar-feed-make-button"), CALENDAR_FEED_NEW),
    });
  });

  members.callbackQuery(CALENDAR_FEED_NEW, async (ctx) => {
    await ctx.answerCallbackQuery();
    const token = await feeds.issue(ctx.user.id);
    const url = `${publicUrl}/calendar/feed/${token}.ics`;
    await ctx.reply(
      [ctx.t("calendar-feed-link"), escapeHtml(url), "", ctx.t("calendar-feed-webcal"), escapeHtml(url.replace(/^https?:\/\//, "webcal://"))].join("\n"),
      { link_preview_options: { is_disabled: true } },
    );
  });
  return composer;
}

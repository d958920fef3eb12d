// The methodist's tools: /meetings_admin lists meetings; each opens a card with its answers, a
// spreadsheet of everyone invited, edits, cancellation and, after the start, attendance marking (one
// by one or everyone who said Going).
import { Composer, InlineKeyboard } from "grammy";
import { formatDateTime } from "../../../domain/time.js";
import { refuse, safeEdit, safeEditMarkup } from "../../replies.js";
import type { BotContext, BotDeps, RegisteredContext } from "../../context.js";

import { pager } from "../../keyboards.js";
import { replyLong } from "../../long-text.js";
import { methodistOnly, only } from "../../middlewares/guards.js";
import { meetingCard } from "./card.js";
import { MEETING_NEW, meetingAdminData, meetingAttendData, meetingAttendPageData } from "./callbacks.js";
import { NEW_MEETING } from "./create.js";
import { EDIT_MEETING } from "./edit.js";
import { sendAttendanceSheet } from "./spreadsheet.js";

const ATTEND_PAGE = 10;

/** people not answered yet named in the chat (a few messages); a region's thousands are counted, all are in the spreadsheet */
const SILENT_SHOWN = 300;

export function meetingsAdminFeature(deps: BotDeps) {
  const { meetings } = deps.services;
  const zone = deps.config.TIMEZONE;
  const composer = new Composer<BotContext>();
  const methodists = only(composer, methodistOnly);
  const act = (id: number, action: string) => meetingAdminData.pack({ id, action });

  async function list(ctx: RegisteredContext) {
    const items = await meetings.recent(ctx.user);
    const locale = await ctx.i18n.getLocale();
    const kb = new InlineKeyboard();
    for (const m of items) {
      const mark = m.status === "cancelled" ? "❌ " : "";
      kb.text(`${mark}${formatDateTime(m.startsAt, locale, zone)} · ${m.title}`.slice(0, 60), act(m.id, "open")).row();
    }
    kb.text(ctx.t("meeting-new-button"), MEETING_NEW);
    await ctx.reply(ctx.t(items.length ? "meeting-admin-list" : "meeting-admin-empty"), { reply_markup: kb });
  }

  async function card(ctx: RegisteredContext, id: number) {
    const m = await meetings.managed(ctx.user, id);
    const c = await meetings.counts(id);
    const started = m.startsAt <= deps.clock.now();
    const text = `${meetingCard(ctx.t, m, { locale: await ctx.i18n.getLocale(), zone })}\n\n${ctx.t("meeting-admin-counts", {
      audience: c.audience,
      going: c.going,
      notGoing: c.notGoing,
      attended: c.attended,
    })}`;
    const kb = new InlineKeyboard().text(ctx.t("meeting-admin-answers"), act(id, "answers")).text(ctx.t("sheet-button"), act(id, "xlsx"));
    if (m.status === "scheduled" && !started) {
      kb.row().text(ctx.t("meeting-admin-time"), act(id, "time")).text(ctx.t("meeting-admin-duration"), act(id, "duration"));
      kb.row().text(ctx.t("meeting-admin-place"), act(id, "place")).text(ctx.t("meeting-admin-title"), act(id, "title"));
      kb.row().text(ctx.t("meeting-admin-agenda"), act(id, "agenda")).text(ctx.t("meeting-admin-audience"), act(id, "audience"));
      kb.row().text(ctx.t("meeting-admin-cancel"), act(id, "cancel"));
    } else if (m.status === "scheduled") kb.row().text(ctx.t("meeting-admin-attendance"), act(id, "attend"));
    await ctx.reply(text, { reply_markup: kb });
  }

  async function attendance(ctx: RegisteredContext, id: number, page: number, edit: boolean) {
    const rows = await meetings.attendanceList(ctx.user, id);
    const pages = Math.max(1, Math.ceil(rows.length / ATTEND_PAGE));
    const p = Math.min(page, pages - 1);
    const kb = new InlineKeyboard();
    for (const r of rows.slice(p * ATTEND_PAGE, (p + 1) * ATTEND_PAGE)) {
      const icon = r.attended ? "✅" : "▫️";
      const said = r.answer === "going" ? " ✋" : "";
      kb.text(`${icon} ${r.name}${said}`.slice(0, 60), meetingAttendData.pack({ id, user: r.userId, page: p })).row();
    }
    pager(kb, p, pages, (n) => meetingAttendPageData.pack({ id, page: n }));
    kb.row().text(ctx.t("meeting-attend-all-going"), act(id, "all"));
    const text = ctx.t(rows.length ? "meeting-attend-title" : "meeting-attend-nobody");
    if (edit) await safeEdit(ctx, text, { reply_markup: kb });
    else await ctx.reply(text, { reply_markup: kb });
  }

  methodists.command("meetings_admin", list);
  methodists.command("newmeeting", (ctx) => ctx.conversation.enter(NEW_MEETING));
  methodists.callbackQuery(MEETING_NEW, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(NEW_MEETING);
  });

  methodists.callbackQuery(meetingAdminData.filter(), async (ctx) => {
    const { id, action } = meetingAdminData.unpack(ctx.callbackQuery.data);
    const me = ctx.user;
    try {
      switch (action) {
        case "open":
          // another district's meeting (a stale button): refused before anything is shown
          await meetings.managed(me, id);
          await ctx.answerCallbackQuery();
          return await card(ctx, id);
        case "answers": {
          // everyone invited or who answered: those who have not answered are whom the methodist calls
          const rows = await meetings.attendanceList(me, id);
          await ctx.answerCallbackQuery();
          const answered = rows.filter((r) => r.answer !== null);
          const silent = rows.filter((r) => r.answer === null);
          const lines = answered.length
            ? answered.map((r) => ctx.t(r.answer === "going" ? "meeting-answers-going" : "meeting-answers-not-going", { name: r.name }))
            : [ctx.t("meeting-answers-none")];
          if (silent.length) {
            lines.push("", ctx.t("meeting-answers-silent", { count: silent.length }));
            for (const r of silent.slice(0, SILENT_SHOWN)) lines.push(ctx.t("meeting-answers-none-yet", { name: r.name }));
            if (silent.length > SILENT_SHOWN) lines.push(ctx.t("meeting-answers-silent-more", { count: silent.length - SILENT_SHOWN }));
          }
          return await replyLong(ctx, `${ctx.t("meeting-answers-title")}\n${lines.join("\n")}`);
        }
        case "xlsx":
          await meetings.managed(me, id);
          await ctx.answerCallbackQuery();
          return await sendAttendanceSheet(ctx, deps, id);
        case "time":
        case "duration":
        case "place":
        case "title":
        case "agenda":
        case "audience":
          // not a question about another district's meeting (the change would be refused anyway)
          await meetings.managed(me, id);
          await ctx.answerCallbackQuery();
          return await ctx.conversation.enter(EDIT_MEETING, id, action);
        case "cancel": {
          await meetings.managed(me, id);
          await ctx.answerCallbackQuery();
          const kb = new InlineKeyboard().text(ctx.t("meeting-cancel-yes"), act(id, "cancel-yes")).text(ctx.t("meeting-cancel-no"), act(id, "cancel-no"));
          return await ctx.reply(ctx.t("meeting-cancel-confirm"), { reply_markup: kb });
        }
        case "cancel-yes":
          await meetings.cancel(me, id);
          await ctx.answerCallbackQuery();
          await safeEditMarkup(ctx);
          return await ctx.reply(ctx.t("meeting-cancel-done"));
        case "cancel-no":
          await ctx.answerCallbackQuery();
          await safeEditMarkup(ctx);
          return await ctx.reply(ctx.t("meeting-cancel-kept"));
        case "attend":
          await meetings.attendanceList(me, id);
          await ctx.answerCallbackQuery();
          return await attendance(ctx, id, 0, false);
        case "all": {
          const n = await meetings.markAllGoing(me, id);
          await ctx.answerCallbackQuery({ text: ctx.t("meeting-attend-all-done", { count: n }) });
          return await attendance(ctx, id, 0, true);
        }
        default:
          return await ctx.answerCallbackQuery({ text: ctx.t("unknown-button") });
      }
    } catch (e) {
      await refuse(ctx, e);
    }
  });

  methodists.callbackQuery(meetingAttendData.filter(), async (ctx) => {
    const { id, user, page } = meetingAttendData.unpack(ctx.callbackQuery.data);
    try {
      const row = (await meetings.attendanceList(ctx.user, id)).find((r) => r.userId === user);
      await meetings.markAttendance(ctx.user, id, user, !row?.attended);
      await ctx.answerCallbackQuery();
      await attendance(ctx, id, page, true);
    } catch (e) {
      await refuse(ctx, e);
    }
  });

  methodists.callbackQuery(meetingAttendPageData.filter(), async (ctx) => {
    const { id, page } = meetingAttendPageData.unpack(ctx.callbackQuery.data);
    try {
      await attendance(ctx, id, page, true);
      await ctx.answerCallbackQuery();
    } catch (e) {
      await refuse(ctx, e);
    }
  });
  return composer;
}

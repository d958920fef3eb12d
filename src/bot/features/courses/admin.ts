// Methodists: the list of running courses, a course's panel (participants, their spreadsheet,
// completion, edit, close, cancel). Every handler starts with methodistOnly.
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, BotDeps, RegisteredContext } from "../../context.js";

import { pager } from "../../keyboards.js";
import { replyLong } from "../../long-text.js";
import { methodistOnly, only } from "../../middlewares/guards.js";
import { courseCard, courseSummary } from "./cards.js";
import { COURSE_NEW, COURSE_NEW_FORMERLY, courseAdminData, courseAdminPageData, courseCompleteData } from "./callbacks.js";
import { COURSE_CREATE, COURSE_EDIT } from "./conversations.js";
import { sendParticipantsSheet } from "./spreadsheet.js";
import { explain, viewOf } from "./teacher.js";
import { safeEdit, safeEditMarkup } from "../../replies.js";

const PAGE = 8;
const MARK_BUTTONS = 40;
export function adminFeature(deps: BotDeps) {
  const { courses } = deps.services;
  const composer = new Composer<BotContext>();
  const methodists = only(composer, methodistOnly);

  async function showList(ctx: RegisteredContext, page: number, edit: boolean) {
    const v = await viewOf(ctx, deps);
    const { items, total } = await courses.adminList(ctx.user, page, PAGE);
    const kb = new InlineKeyboard();
    for (const c of items)
      kb.text(`${c.status === "closed" ? "🔒 " : c.status === "finished" ? "🏁 " : ""}${c.title}`, courseAdminData.pack({ id: c.id, action: "card" })).row();
    pager(kb, page, Math.ceil(total / PAGE), (p) => courseAdminPageData.pack({ page: p }));
    kb.row().text(ctx.t("course-new-button"), COURSE_NEW);
    const text = items.length
      ? `${ctx.t("course-admin-title", { total })}\n\n${items.map((c) => courseSummary(v, c)).join("\n\n")}`
      : ctx.t("course-admin-empty");
    if (edit) await safeEdit(ctx, text, { reply_markup: kb });
    else await ctx.reply(text, { reply_markup: kb });
  }

  /** A course's panel: a new message from the list, the message itself when coming back from its participants. */
  async function showPanel(ctx: RegisteredContext, id: number, edit = false) {
    const v = await viewOf(ctx, deps);
    const c = await courses.get(id);
    const access = await courses.access(ctx.user, id);
    const b = (key: string, action: string) => [ctx.t(key), courseAdminData.pack({ id, action })] as const;
    const kb = new InlineKeyboard()
      .text(...b("course-participants-button", "people"))
      .text(...b("sheet-button", "xlsx"))
      .row();
    if (access === "manage" && (c.status === "open" || c.status === "closed")) {
      kb.text(...b("course-edit-button", "edit"));
      if (c.status === "open") kb.text(...b("course-close-button", "close"));
      kb.row().text(...b("course-cancel-button", "cancel"));
    }
    kb.row().text(ctx.t("course-back-button"), courseAdminPageData.pack({ page: 0 }));
    const counts = ctx.t("course-admin-counts", { taken: c.seatsTaken, seats: c.seats });
    // a district's methodist on a course for everyone: she sees it and her district's participants
    const readOnly = access === "view" ? `\n\n${ctx.t("course-admin-view-only")}` : "";
    const text = `${courseCard(v, c)}\n\n${counts}${readOnly}`;
    if (edit) await safeEdit(ctx, text, { reply_markup: kb });
    else await ctx.reply(text, { reply_markup: kb });
  }

  async function showParticipants(ctx: RegisteredContext, id: number) {
    const c = await courses.get(id);
    const people = await courses.participants(ctx.user, id, await ctx.i18n.getLocale());
    const access = await courses.access(ctx.user, id);
    const group = (status: string) => people.filter((p) => p.status === status);
    const lines = (status: string) =>
      group(status)
        .map((p, i) => ctx.t("course-participant-line", { n: p.position ?? i + 1, name: p.name, school: p.school }))
        .join("\n") || ctx.t("course-participants-none");
    const text = [
      ctx.t("course-participants-title", { title: c.title }),
      access === "view" ? ctx.t("course-participants-district-only") : "",
      `${ctx.t("course-participants-registered", { count: group("registered").length + group("offered").length })}\n${lines("registered")}`,
      group("offered").length ? `${ctx.t("course-participants-offered")}\n${lines("offered")}` : "",
      `${ctx.t("course-participants-waiting", { count: group("waiting").length })}\n${lines("waiting")}`,
      `${ctx.t("course-participants-completed", { count: group("completed").length })}\n${lines("completed")}`,
    ]
      .filter(Boolean)
      .join("\n\n");
    const kb = new InlineKeyboard();
    if (access === "manage" && c.startDate <= deps.clock.now() && c.status !== "cancelled") {
      // one button per person up to Telegram's keyboard limit; "everyone" covers the rest
      for (const p of group("registered").slice(0, MARK_BUTTONS)) kb.text(`✅ ${p.name}`, courseCompleteData.pack({ id, reg: p.id })).row();
      if (group("registered").length) kb.text(ctx.t("course-complete-all-button"), courseCompleteData.pack({ id, reg: 0 }));
    }
    kb.row().text(ctx.t("course-back-button"), courseAdminData.pack({ id, action: "panel" }));
    await replyLong(ctx, text, kb);
  }

  methodists.command("courses_admin", (ctx) => showList(ctx, 0, false));
  methodists.command("newcourse", (ctx) => ctx.conversation.enter(COURSE_CREATE));
  methodists.callbackQuery([COURSE_NEW, COURSE_NEW_FORMERLY], async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(COURSE_CREATE);
  });
  methodists.callbackQuery(courseAdminPageData.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await showList(ctx, courseAdminPageData.unpack(ctx.callbackQuery.data).page, true);
  });

  methodists.callbackQuery(courseAdminData.filter(), async (ctx) => {
    const { id, action } = courseAdminData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    const me = ctx.user;
    try {
      switch (action) {
        case "card":
          return await showPanel(ctx, id);
        case "panel":
          return await showPanel(ctx, id, true);
        case "people":
          return await showParticipants(ctx, id);
        case "xlsx":
          return await sendParticipantsSheet(ctx, deps, id);
        case "edit":
          await courses.ensureManageable(me, id);
          return await ctx.conversation.enter(COURSE_EDIT, id);
        case "close":
          await courses.close(me, id);
          return await ctx.reply(ctx.t("course-closed-done"));
        case "cancel": {
          await courses.ensureManageable(me, id);
          const c = await courses.get(id);
          const kb = new InlineKeyboard()
            .text(ctx.t("course-cancel-yes"), courseAdminData.pack({ id, action: "cancel!" }))
            .text(ctx.t("course-cancel-no"), courseAdminData.pack({ id, action: "keep" }));
          return await ctx.reply(ctx.t("course-cancel-confirm", { title: c.title, count: c.seatsTaken }), { reply_markup: kb });
        }
        case "cancel!": {
          await safeEditMarkup(ctx);
          const told = await courses.cancel(me, id);
          return await ctx.reply(ctx.t("course-cancelled-done", { count: told }));
        }
        case "keep":
          await safeEditMarkup(ctx);
          return await ctx.reply(ctx.t("course-cancel-kept"));
      }
    } catch (e) {
      await explain(ctx, e);
    }
  });

  methodists.callbackQuery(courseCompleteData.filter(), async (ctx) => {
    const { id, reg } = courseCompleteData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    try {
      const count = await courses.complete(ctx.user, id, reg === 0 ? null : reg);
      await ctx.reply(ctx.t("course-completed-done", { count }));
      await showParticipants(ctx, id);
    } catch (e) {
      await explain(ctx, e);
    }
  });
  return composer;
}

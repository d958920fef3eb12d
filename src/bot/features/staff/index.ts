// /staff (methodists and admins): the district's staff list. The summary (on the list, in the bot, not
// yet, left), and from it: load a file (import.ts), the unlinked on both sides with linking by hand, and
// per-school invitations (a /start link that presets the school, and a one-page PDF with its QR code).
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { invitationUrl } from "../registration/invitation.js";
import { formatDate } from "../../../domain/time.js";
import { renderInvitation } from "../../../pdf/invitation.js";
import type { BotContext, BotDeps, ConvContext } from "../../context.js";

import { pager } from "../../keyboards.js";
import { replyLong } from "../../long-text.js";
import { methodistOnly, only } from "../../middlewares/guards.js";
import { STAFF_INVITE, STAFF_LOAD, STAFF_UNLINKED, staffInviteData, staffInvitePageData, staffLinkRowData, staffLinkUserData } from "./callbacks.js";
import { STAFF_IMPORT, staffImportConversation } from "./import.js";

/** Schools a page of the invitations' list shows. */
const PAGE = 8;

export function staffConversations(deps: BotDeps) {
  return [createConversation<BotContext, ConvContext>(staffImportConversation(deps), STAFF_IMPORT)];
}

/** A file name people can read, without characters file systems refuse. */
const fileName = (text: string) => text.replace(/[\\/:*?"<>|«»“”]+/g, "").replace(/\s+/g, "_");

export function staffFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  const methodists = only(composer, methodistOnly);
  const { staff } = deps.services;

  methodists.command("staff", async (ctx) => {
    const s = await staff.summary(ctx.user);
    const locale = await ctx.i18n.getLocale();
    const kb = new InlineKeyboard().text(ctx.t("staff-load-button"), STAFF_LOAD);
    if (s.active) kb.row().text(ctx.t("staff-unlinked-button"), STAFF_UNLINKED).row().text(ctx.t("staff-invite-button"), STAFF_INVITE);
    const title = s.district === null ? ctx.t("staff-title") : ctx.t("staff-title-district", { district: s.district });
    const body = s.active
      ? ctx.t("staff-summary", {
          active: s.active,
          linked: s.linked,
          notInBot: s.notInBot,
          left: s.left,
          date: s.updatedAt ? formatDate(s.updatedAt, locale, deps.config.TIMEZONE) : "—",
        })
      : ctx.t("staff-summary-empty");
    await ctx.reply(`${title}\n${body}`, { reply_markup: kb });
  });

  methodists.callbackQuery(STAFF_LOAD, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(STAFF_IMPORT);
  });

  methodists.callbackQuery(STAFF_UNLINKED, async (ctx) => {
    await ctx.answerCallbackQuery();
    const u = await staff.unlinked(ctx.user);
    const staffLines = u.staff.map((p) => ctx.t("staff-plan-person", { name: p.name, school: p.school }));
    if (u.staffCount > u.staff.length) staffLines.push(ctx.t("staff-plan-more", { count: u.staffCount - u.staff.length }));
    const peopleLines = u.people.map((p) => ctx.t("staff-plan-person", { name: p.name, school: p.school }));
    if (u.peopleCount > u.people.length) peopleLines.push(ctx.t("staff-plan-more", { count: u.peopleCount - u.people.length }));
    const text = [
      ctx.t("staff-unlinked-staff", { count: u.staffCount }),
      ...staffLines,
      "",
      ctx.t("staff-unlinked-people", { count: u.peopleCount }),
      ...peopleLines,
      ...(u.people.length ? ["", ctx.t("staff-link-hint")] : []),
    ].join("\n");
    await replyLong(ctx, text);
    if (u.people.length) {
      const kb = new InlineKeyboard();
      for (const p of u.people) kb.text(p.name, staffLinkUserData.pack({ user: p.id })).row();
      await ctx.reply(ctx.t("staff-link-pick-person"), { reply_markup: kb });
    }
  });

  methodists.callbackQuery(staffLinkUserData.filter(), async (ctx) => {
    const { user } = staffLinkUserData.unpack(ctx.callbackQuery.data);
    const found = await staff.rowsToLink(ctx.user, user).catch(() => null);
    if (!found) return ctx.answerCallbackQuery({ text: ctx.t("error-staff-not-found"), show_alert: true });
    await ctx.answerCallbackQuery();
    if (!found.rows.length) return ctx.reply(ctx.t("staff-link-no-rows", { name: found.user.name, school: found.user.school }));
    const kb = new InlineKeyboard();
    for (const r of found.rows) kb.text(r.position ? `${r.name} · ${r.position}` : r.name, staffLinkRowData.pack({ user, row: r.id })).row();
    await ctx.reply(ctx.t("staff-link-pick-row", { name: found.user.name, school: found.user.school }), { reply_markup: kb });
  });

  methodists.callbackQuery(staffLinkRowData.filter(), async (ctx) => {
    const { user, row } = staffLinkRowData.unpack(ctx.callbackQuery.data);
    try {
      await staff.linkByHand(ctx.user, row, user);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (!code) throw e;
      return ctx.answerCallbackQuery({ text: ctx.t(`error-${code}`), show_alert: true });
    }
    await ctx.answerCallbackQuery({ text: ctx.t("staff-linked") });
    await ctx.editMessageText(ctx.t("staff-linked"));
  });

  // the list opens as a new message; its pages turn in place
  methodists.callbackQuery([STAFF_INVITE, staffInvitePageData.filter()], async (ctx) => {
    const opening = ctx.callbackQuery.data === STAFF_INVITE;
    const { page } = opening ? { page: 0 } : staffInvitePageData.unpack(ctx.callbackQuery.data);
    const schools = await staff.schools(ctx.user);
    await ctx.answerCallbackQuery();
    if (!schools.length) return ctx.reply(ctx.t("staff-invite-nobody"));
    const pages = Math.ceil(schools.length / PAGE);
    const n = Math.min(Math.max(page, 0), pages - 1);
    const kb = new InlineKeyboard();
    for (const s of schools.slice(n * PAGE, n * PAGE + PAGE)) {
      const label = ctx.t("staff-invite-school", { school: s.district ? `${s.school} · ${s.district}` : s.school, notInBot: s.notInBot, staff: s.staff });
      kb.text(label, staffInviteData.pack({ school: s.schoolId })).row();
    }
    const text = ctx.t("staff-invite-title", { schools: schools.length, page: n + 1, pages });
    const markup = pager(kb, n, pages, (p) => staffInvitePageData.pack({ page: p }));
    if (opening) await ctx.reply(text, { reply_markup: markup });
    else await ctx.editMessageText(text, { reply_markup: markup });
  });

  methodists.callbackQuery(staffInviteData.filter(), async (ctx) => {
    const { school } = staffInviteData.unpack(ctx.callbackQuery.data);
    const reach = await staff.school(ctx.user, school).catch(() => null);
    if (!reach) return ctx.answerCallbackQuery({ text: ctx.t("error-school-not-found"), show_alert: true });
    await ctx.answerCallbackQuery();
    const locale = await ctx.i18n.getLocale();
    const url = invitationUrl(ctx.me.username, reach.schoolId);
    const issuer = locale === "en" ? (deps.config.ISSUER_NAME_EN ?? deps.config.ISSUER_NAME) : deps.config.ISSUER_NAME;
    const pdf = await renderInvitation(
      { school: reach.school, district: reach.district, url, botUsername: ctx.me.username, issuer, createdAt: deps.clock.now(), lang: locale },
      (key, vars) => deps.messages.i18n.t(locale, key, vars),
    );
    await ctx.replyWithDocument(new InputFile(pdf, `${fileName(ctx.t("staff-invite-file", { school: reach.school }))}.pdf`), {
      caption: ctx.t("staff-invite-caption", { school: reach.school, notInBot: reach.notInBot, url }),
    });
  });
  return composer;
}

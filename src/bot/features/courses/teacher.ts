// A teacher's side: the catalog, a course card with one sign-up button, "My courses" with
// cancellation, and the answers to offered seats.
import { Composer, InlineKeyboard } from "grammy";
import { courseEvent } from "../../../domain/courses/calendar.js";
import { courseState } from "../../../domain/courses/index.js";
import { DomainError, isDomainError } from "../../../domain/errors.js";
import { formatDateTime } from "../../../domain/time.js";
import { isMethodistRole } from "../../../domain/users.js";
import { replyWithCalendar } from "../../calendar.js";
import { shareRow } from "../../deep-links.js";
import type { BotContext, BotDeps, RegisteredContext } from "../../context.js";

import { MENU, pager } from "../../keyboards.js";
import { only, registered } from "../../middlewares/guards.js";
import { courseCard, courseSummary, myCourseLine, registrationStatus, type View } from "./cards.js";
import {
  COURSE_MINE,
  COURSE_MINE_FORMERLY,
  COURSE_NEW,
  courseAdminPageData,
  courseCalendarData,
  courseLeaveData,
  courseMinePageData,
  courseOfferData,
  courseOpenData,
  coursePageData,
  courseRegData,
  courseSignUpData,
} from "./callbacks.js";
import { safeEdit, safeEditMarkup } from "../../replies.js";

export const CATALOG_PAGE_SIZE = 5;
const MINE_PAGE_SIZE = 6;

export async function viewOf(ctx: BotContext, deps: BotDeps): Promise<View> {
  return { t: ctx.t, locale: await ctx.i18n.getLocale(), zone: deps.config.TIMEZONE, now: deps.clock.now() };
}

/** A refusal from the domain as a localized answer (toast for a button, message otherwise). */
export async function explain(ctx: BotContext, e: unknown): Promise<void> {
  if (!isDomainError(e)) throw e;
  const text = ctx.t(`error-${e.code}`, e.args);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  await ctx.reply(text);
}

/** A course's card as a teacher opens it (from the catalog or a shared link); a DomainError for one she may not see. */
export async function showCourseCard(ctx: RegisteredContext, deps: BotDeps, id: number): Promise<void> {
  const { courses } = deps.services;
  const v = await viewOf(ctx, deps);
  const course = await courses.forTeacher(ctx.user.id, id);
  const reg = await courses.registrationOf(ctx.user.id, id);
  const kb = new InlineKeyboard();
  const now = deps.clock.now();
  const active = reg && ["registered", "waiting", "offered", "completed"].includes(reg.status);
  const joinable = !active && courseState(course, now) === "open";
  let text = courseCard(v, course, joinable);
  if (active) text += `\n\n${ctx.t("course-your-status", { status: registrationStatus(v, await courses.registration(ctx.user.id, reg.id), now) })}`;
  else if (joinable) kb.text(ctx.t("course-signup-button"), courseSignUpData.pack({ id })).row();
  if (course.status !== "cancelled") {
    kb.text(ctx.t("calendar-button"), courseCalendarData.pack({ id })).row();
    const share = deps.messages.i18n.t(v.locale, "share-course-text", { title: course.title });
    shareRow(kb, ctx.t("share-button"), ctx.me.username, "course", id, share);
  }
  kb.text(ctx.t("course-back-button"), coursePageData.pack({ page: 0 }));
  await ctx.reply(text, { reply_markup: kb });
}

export function teacherFeature(deps: BotDeps) {
  const { courses } = deps.services;
  const composer = new Composer<BotContext>();
  const members = only(composer, registered);

  async function showCatalog(ctx: RegisteredContext, page: number, edit: boolean) {
    const v = await viewOf(ctx, deps);
    const { items, total } = await courses.catalog(ctx.user.id, page, CATALOG_PAGE_SIZE);
    const pages = Math.ceil(total / CATALOG_PAGE_SIZE);
    const kb = new InlineKeyboard();
    for (const [i, c] of items.entries()) kb.text(`${page * CATALOG_PAGE_SIZE + i + 1}. ${c.title}`, courseOpenData.pack({ id: c.id })).row();
    pager(kb, page, pages, (p) => coursePageData.pack({ page: p }));
    kb.row().text(ctx.t("course-mine-button"), COURSE_MINE);
    if (isMethodistRole(ctx.user.role))
      kb.row()
        .text(ctx.t("course-new-button"), COURSE_NEW)
        .text(ctx.t("course-admin-button"), courseAdminPageData.pack({ page: 0 }));
    const body = items.length ? items.map((c, i) => `${page * CATALOG_PAGE_SIZE + i + 1}. ${courseSummary(v, c)}`).join("\n\n") : ctx.t("course-catalog-empty");
    const text = `${ctx.t("course-catalog-title", { total })}\n\n${body}`;
    if (edit) await safeEdit(ctx, text, { reply_markup: kb });
    else await ctx.reply(text, { reply_markup: kb });
  }

  /** "My courses", MINE_PAGE_SIZE a page (a teacher with many registrations would pass Telegram's 4096 characters). */
  async function showMine(ctx: RegisteredContext, page: number, edit: boolean) {
    const v = await viewOf(ctx, deps);
    const { items: regs, total } = await courses.myRegistrations(ctx.user.id, page, MINE_PAGE_SIZE);
    const now = deps.clock.now();
    const kb = new InlineKeyboard();
    for (const r of regs) {
      if (r.status === "offered") {
        kb.text(`✅ ${r.course.title}`, courseOfferData.pack({ reg: r.id, yes: true }))
          .text(`✖ ${r.course.title}`, courseOfferData.pack({ reg: r.id, yes: false }))
          .row();
      }
      // once a course has begun her registration is the methodist's record: no "cancel" button
      const upcoming = r.course.startDate > now && r.course.status !== "finished";
      if (upcoming && ["registered", "waiting", "offered"].includes(r.status))
        kb.text(`${ctx.t("course-leave-button")} ${r.course.title}`, courseRegData.pack({ reg: r.id })).row();
    }
    pager(kb, page, Math.ceil(total / MINE_PAGE_SIZE), (p) => courseMinePageData.pack({ page: p }));
    kb.row().text(ctx.t("course-back-button"), coursePageData.pack({ page: 0 }));
    const text = total ? `${ctx.t("course-mine-title", { total })}\n\n${regs.map((r) => myCourseLine(v, r, now)).join("\n\n")}` : ctx.t("course-mine-empty");
    if (edit) await safeEdit(ctx, text, { reply_markup: kb });
    else await ctx.reply(text, { reply_markup: kb });
  }

  members.filter(
    (ctx) => ctx.hasText(deps.messages.allLocales(MENU.courses)),
    (ctx) => showCatalog(ctx, 0, false),
  );
  members.command("courses", (ctx) => showCatalog(ctx, 0, false));
  members.command("mycourses", (ctx) => showMine(ctx, 0, false));

  members.callbackQuery(coursePageData.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await showCatalog(ctx, coursePageData.unpack(ctx.callbackQuery.data).page, true);
  });

  members.callbackQuery(courseOpenData.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await showCourseCard(ctx, deps, courseOpenData.unpack(ctx.callbackQuery.data).id).catch((e) => explain(ctx, e));
  });

  members.callbackQuery(courseSignUpData.filter(), async (ctx) => {
    const { id } = courseSignUpData.unpack(ctx.callbackQuery.data);
    try {
      const result = await courses.signUp(ctx.user.id, id);
      await ctx.answerCallbackQuery();
      await safeEditMarkup(ctx);
      const course = await courses.get(id);
      const text =
        result.status === "registered"
          ? ctx.t("course-signed-up", {
              title: course.title,
              reminder: result.reminder ?? "none",
              start: formatDateTime(course.startDate, await ctx.i18n.getLocale(), deps.config.TIMEZONE),
            })
          : ctx.t("course-signed-up-waiting", { title: course.title, position: result.position });
      await ctx.reply(text, { reply_markup: new InlineKeyboard().text(ctx.t("calendar-button"), courseCalendarData.pack({ id })) });
    } catch (e) {
      await explain(ctx, e);
    }
  });

  members.callbackQuery(courseCalendarData.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    let c: Awaited<ReturnType<typeof courses.forTeacher>>;
    try {
      c = await courses.forTeacher(ctx.user.id, courseCalendarData.unpack(ctx.callbackQuery.data).id);
    } catch (e) {
      return explain(ctx, e);
    }
    await replyWithCalendar(ctx, courseEvent(c, deps.config.TIMEZONE, deps.clock.now()));
  });

  members.callbackQuery([COURSE_MINE, COURSE_MINE_FORMERLY], async (ctx) => {
    await ctx.answerCallbackQuery();
    await showMine(ctx, 0, false);
  });
  members.callbackQuery(courseMinePageData.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await showMine(ctx, courseMinePageData.unpack(ctx.callbackQuery.data).page, true);
  });

  members.callbackQuery(courseRegData.filter(), async (ctx) => {
    const { reg } = courseRegData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    try {
      const r = await courses.registration(ctx.user.id, reg);
      if (r.status === "completed") return explain(ctx, new DomainError("course-cancel-completed"));
      if (r.course.startDate <= deps.clock.now() || r.course.status === "finished") return explain(ctx, new DomainError("course-cancel-started"));
      const kb = new InlineKeyboard()
        .text(ctx.t("course-leave-yes"), courseLeaveData.pack({ reg, sure: true }))
        .text(ctx.t("course-leave-no"), courseLeaveData.pack({ reg, sure: false }));
      await ctx.reply(ctx.t("course-leave-confirm", { title: r.course.title }), { reply_markup: kb });
    } catch (e) {
      await explain(ctx, e);
    }
  });

  members.callbackQuery(courseLeaveData.filter(), async (ctx) => {
    const { reg, sure } = courseLeaveData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await safeEditMarkup(ctx);
    if (!sure) return ctx.reply(ctx.t("course-leave-kept"));
    try {
      await courses.cancelRegistration(ctx.user.id, reg);
      await ctx.reply(ctx.t("course-left"));
    } catch (e) {
      await explain(ctx, e);
    }
  });

  members.callbackQuery(courseOfferData.filter(), async (ctx) => {
    const { reg, yes } = courseOfferData.unpack(ctx.callbackQuery.data);
    try {
      if (yes) {
        const course = await courses.acceptOffer(ctx.user.id, reg);
        await ctx.answerCallbackQuery();
        await safeEditMarkup(ctx);
        await ctx.reply(ctx.t("course-offer-accepted", { title: course.title }), {
          reply_markup: new InlineKeyboard().text(ctx.t("calendar-button"), courseCalendarData.pack({ id: course.id })),
        });
      } else {
        await courses.declineOffer(ctx.user.id, reg);
        await ctx.answerCallbackQuery();
        await safeEditMarkup(ctx);
        await ctx.reply(ctx.t("course-offer-declined"));
      }
    } catch (e) {
      await safeEditMarkup(ctx);
      await explain(ctx, e);
    }
  });
  return composer;
}

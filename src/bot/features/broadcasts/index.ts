// Broadcasts (methodists and admins): /broadcast composes and sends an announcement, /broadcasts lists
// past ones with their delivery reports; the report message's Stop button cancels what is still queued.
// A broadcast may be a survey: recipients answer with its buttons (answers.ts), its author and admins
// see the answers in the report and the list, close it and take the answers as a file (results.ts).
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { canStop, parseAudience } from "../../../domain/broadcasts/index.js";
import { questionOf } from "../../../domain/broadcasts/question.js";
import { formatDateTime } from "../../../domain/time.js";
import type { BotContext, BotDeps, ConvContext, RegisteredContext } from "../../context.js";
import { attempt } from "../../conversations/kit.js";
import { pager } from "../../keyboards.js";
import { methodistOnly, only } from "../../middlewares/guards.js";
import { answersFeature } from "./answers.js";
import { broadcastData, broadcastListCloseData, broadcastListData, broadcastListStopData } from "./callbacks.js";
import { COMPOSE, composeConversation, launch } from "./compose.js";
import { audienceSummary, resultLines, snippet } from "./render.js";
import { editReport, summaryNotices } from "./report.js";
import { closeSurvey, sendAnswersSheet } from "./results.js";
import { safeEdit, safeEditMarkup } from "../../replies.js";

export { registerBroadcastReports } from "./report.js";

const LIST_PAGE_SIZE = 5;

export function broadcastConversations(deps: BotDeps) {
  return [createConversation<BotContext, ConvContext>(composeConversation(deps), COMPOSE)];
}

export function broadcastFeature(deps: BotDeps) {
  const { broadcasts, broadcastAnswers } = deps.services;
  const composer = new Composer<BotContext>();
  const methodists = only(composer, methodistOnly);
  // recipients' answers: anyone may press (the domain tells who may answer)
  composer.use(answersFeature(deps));

  methodists.command("broadcast", (ctx) => ctx.conversation.enter(COMPOSE));
  methodists.command("broadcasts", (ctx) => showList(ctx, 0, false));
  methodists.callbackQuery(broadcastListData.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await showList(ctx, broadcastListData.unpack(ctx.callbackQuery.data).page, true);
  });

  // a Confirm pressed on a preview whose flow is over (a second press, or after a restart)
  methodists.callbackQuery(broadcastData.filter({ action: "confirm" }), async (ctx) => {
    const { id } = broadcastData.unpack(ctx.callbackQuery.data);
    const outcome = await launch(ctx, deps, id);
    if (outcome.ok) {
      await ctx.answerCallbackQuery();
      await safeEditMarkup(ctx);
    } else await ctx.answerCallbackQuery({ text: ctx.t(`error-${outcome.code}`, outcome.args), show_alert: true });
  });

  // Cancel on a preview whose flow is over: the draft goes
  methodists.callbackQuery(broadcastData.filter({ action: "cancel" }), async (ctx) => {
    const outcome = await attempt(() => broadcasts.discard(broadcastData.unpack(ctx.callbackQuery.data).id, ctx.user));
    if (!outcome.ok) return ctx.answerCallbackQuery({ text: ctx.t(`error-${outcome.code}`, outcome.args), show_alert: true });
    await ctx.answerCallbackQuery();
    await safeEditMarkup(ctx);
    await ctx.reply(ctx.t("broadcast-cancelled"));
  });

  methodists.callbackQuery(broadcastData.filter({ action: "stop" }), async (ctx) => {
    await stop(ctx, broadcastData.unpack(ctx.callbackQuery.data).id);
  });
  methodists.callbackQuery(broadcastListStopData.filter(), async (ctx) => {
    const { id, page } = broadcastListStopData.unpack(ctx.callbackQuery.data);
    if (await stop(ctx, id)) await showList(ctx, page, true);
  });

  // a survey: close it (report or list), its answers as a file
  methodists.callbackQuery(broadcastData.filter({ action: "close" }), (ctx) => closeSurvey(ctx, deps, broadcastData.unpack(ctx.callbackQuery.data).id));
  methodists.callbackQuery(broadcastListCloseData.filter(), async (ctx) => {
    const { id, page } = broadcastListCloseData.unpack(ctx.callbackQuery.data);
    if (await closeSurvey(ctx, deps, id)) await showList(ctx, page, true);
  });
  methodists.callbackQuery(broadcastData.filter({ action: "sheet" }), (ctx) => sendAnswersSheet(ctx, deps, broadcastData.unpack(ctx.callbackQuery.data).id));

  /** Stops a broadcast (its author or an admin), updates the author's report; false when refused. */
  async function stop(ctx: RegisteredContext, id: number): Promise<boolean> {
    const outcome = await attempt(() => broadcasts.stop(id, ctx.user));
    if (!outcome.ok) {
      await ctx.answerCallbackQuery({ text: ctx.t(`error-${outcome.code}`, outcome.args), show_alert: true });
      return false;
    }
    await ctx.answerCallbackQuery({ text: ctx.t("broadcast-stopped", { count: outcome.value }) });
    const progress = await broadcasts.progress(id);
    if (!progress) return true;
    await editReport(ctx.api, deps, progress);
    // nothing was in flight: the broadcast is over now, not at the next report
    await deps.services.outbox.notify(summaryNotices(progress));
    return true;
  }

  async function showList(ctx: RegisteredContext, page: number, edit: boolean) {
    const locale = await ctx.i18n.getLocale();
    const { items, total } = await broadcasts.list(ctx.user, page, LIST_PAGE_SIZE);
    if (!total) return ctx.reply(ctx.t("broadcast-list-empty"));
    const entries: string[] = [];
    const kb = new InlineKeyboard();
    for (const b of items) {
      const names = await broadcasts.names(parseAudience(b.audience));
      const c = b.counts;
      // running broadcasts she may stop (her own; an admin any): stopping is not only in the report
      if (b.status === "sending" && canStop(ctx.user, b))
        kb.text(ctx.t("broadcast-list-stop-button", { id: b.id }), broadcastListStopData.pack({ id: b.id, page })).row();
      // a survey: its answers for those who may see them (the author, admins), a word about them for the others
      const survey: string[] = [];
      const question = questionOf(b);
      if (question && broadcastAnswers.mayManage(ctx.user, b)) {
        const summary = await broadcastAnswers.summary(b.id);
        if (summary) {
          // shortened: five entries share one message of at most 4096 characters
          survey.push(...resultLines(ctx.t, summary, true));
          if (!summary.closed) kb.text(ctx.t("broadcast-list-close-button", { id: b.id }), broadcastListCloseData.pack({ id: b.id, page })).row();
          kb.text(ctx.t("broadcast-list-sheet-button", { id: b.id }), broadcastData.pack({ action: "sheet", id: b.id })).row();
        }
      } else if (question) survey.push(ctx.t("broadcast-results-hidden", { count: question.options.length }));
      entries.push(
        [
          ctx.t("broadcast-list-head", {
            id: b.id,
            date: formatDateTime(b.confirmedAt ?? b.createdAt, locale, deps.config.TIMEZONE),
            status: b.status,
            urgent: b.urgent ? "yes" : "no",
          }),
          ctx.t("broadcast-list-text", { author: b.authorName ?? "—", text: snippet(b.text), attachment: b.attachmentKind ?? "none" }),
          `${ctx.t("broadcast-audience-now")} ${audienceSummary(ctx.t, locale, names)}`,
          ctx.t("broadcast-list-counts", {
            total: c.total,
            sent: c.sent,
            queued: c.queued + c.sending,
            blocked: c.blocked,
            failed: c.failed,
            cancelled: c.cancelled,
          }),
          ...survey,
        ].join("\n"),
      );
    }
    const pages = Math.ceil(total / LIST_PAGE_SIZE);
    const text = `${ctx.t("broadcast-list-title", { total })}\n\n${entries.join("\n\n")}`;
    pager(kb, page, pages, (p) => broadcastListData.pack({ page: p }));
    if (edit) await safeEdit(ctx, text, { reply_markup: kb });
    else await ctx.reply(text, { reply_markup: kb });
  }

  return composer;
}

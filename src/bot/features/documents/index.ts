// «Мои документы» (/documents, and the profile's button): the certificates of what she did, each a PDF
// with a number and a QR code, and her portfolio for an academic year or a span she types. The button
// under a notice (a material published, attendance marked, a lesson's ratings summed up) sends that
// certificate. Methodists open a teacher's card with /teacher (teacher.ts); anyone checks a number with
// /verify (verify.ts).
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { type Certificate, type CertificateEntry, isCertificateKind, type Span } from "../../../domain/documents/index.js";
import { snippet } from "../../../domain/text.js";
import { shortDate } from "../../../domain/documents/wording.js";
import { refuse, safeEdit } from "../../replies.js";
import type { BotContext, BotDeps, Conv, ConvContext, RegisteredContext } from "../../context.js";
import { askText } from "../../conversations/kit.js";
import { pager } from "../../keyboards.js";
import { asRegistered, only, registered } from "../../middlewares/guards.js";
import { certificateData, listData, portfolioData, spanData } from "./callbacks.js";
import { documentSender } from "./send.js";
import { portfolioButtons } from "./shared.js";
import { teacherFeature } from "./teacher.js";
import { verifyFeature } from "./verify.js";

export const DOCUMENTS_SPAN = "documents-span";
/** entries of «Мои документы» on one page */
const PAGE = 8;

/** A typed span for a portfolio; then the portfolio. */
function spanConversation(deps: BotDeps) {
  const sender = documentSender(deps);
  return async (conversation: Conv, ctx: ConvContext, personId: number) => {
    // the span travels through the replay log as numbers (a Date would not come back as one)
    const answer = await askText(conversation, ctx, {
      question: ctx.t("documents-ask-span"),
      validate: (text) => {
        const s = deps.services.documents.spans.parse(text);
        return { from: s.from.getTime(), to: s.to.getTime() };
      },
    });
    const span: Span = { from: new Date(answer.value.from), to: new Date(answer.value.to), label: null };
    await conversation.external(async (outer) => {
      try {
        await sender.portfolio(outer, asRegistered(outer).user, personId, span, 0, "");
      } catch (e) {
        await refuse(outer, e);
      }
    });
  };
}

export function documentsConversations(deps: BotDeps) {
  return [createConversation<BotContext, ConvContext>(spanConversation(deps), DOCUMENTS_SPAN)];
}

export function documentsFeature(deps: BotDeps) {
  const { documents } = deps.services;
  const sender = documentSender(deps);
  const composer = new Composer<BotContext>();
  const members = only(composer, registered);
  composer.use(verifyFeature(deps));

  function entryLine(ctx: BotContext, e: CertificateEntry): string {
    const day = shortDay(e.eventAt);
    const head = ctx.t(`documents-entry-${e.kind}`, { day, title: snippet(e.title, 60) });
    const state = e.number
      ? ctx.t("documents-entry-number", { number: e.number })
      : e.availableFrom
        ? ctx.t("documents-entry-later", { day: shortDay(e.availableFrom) })
        : ctx.t("documents-entry-new");
    return `${head}\n    ${state}`;
  }
  const shortDay = (d: Date) => shortDate({ zone: deps.config.TIMEZONE }, d);

  async function showList(ctx: RegisteredContext, page: number, edit: boolean): Promise<void> {
    const me = ctx.user;
    const entries = await documents.entries(me);
    const pages = Math.max(1, Math.ceil(entries.length / PAGE));
    const p = Math.min(Math.max(page, 0), pages - 1);
    const shown = entries.slice(p * PAGE, (p + 1) * PAGE);
    const kb = new InlineKeyboard();
    for (const e of shown) {
      if (!e.availableFrom) kb.text(`🏅 ${snippet(e.title, 40)} · ${shortDay(e.eventAt)}`, certificateData.pack({ kind: e.kind, id: e.id, lang: "" })).row();
    }
    pager(kb, p, pages, (x) => listData.pack({ p: x, edit: true }));
    kb.row();
    portfolioButtons(ctx, deps, me.id, kb);
    const text = [
      ctx.t("documents-title"),
      ctx.t("documents-intro"),
      "",
      ...(entries.length ? shown.map((e) => entryLine(ctx, e)) : [ctx.t("documents-empty")]),
      "",
      ctx.t("documents-portfolio-hint"),
    ].join("\n");
    if (edit) await safeEdit(ctx, text, { reply_markup: kb });
    else await ctx.reply(text, { reply_markup: kb });
  }

  members.command("documents", (ctx) => showList(ctx, 0, false));
  members.callbackQuery(listData.filter(), async (ctx) => {
    const { p, edit } = listData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await showList(ctx, p, edit);
  });

  members.callbackQuery(certificateData.filter(), async (ctx) => {
    const { kind, id, lang } = certificateData.unpack(ctx.callbackQuery.data);
    if (!isCertificateKind(kind)) return ctx.answerCallbackQuery({ text: ctx.t("unknown-button") });
    let certificate: Certificate;
    try {
      // issued the first time; refusals come before anything is drawn: an alert on the button
      certificate = await documents.certificate(ctx.user, kind, id);
    } catch (e) {
      return refuse(ctx, e);
    }
    await ctx.answerCallbackQuery();
    await sender.certificate(ctx, certificate, { kind, id }, lang);
  });

  members.callbackQuery(portfolioData.filter(), async (ctx) => {
    const { u, y, lang } = portfolioData.unpack(ctx.callbackQuery.data);
    try {
      await documents.access(ctx.user, u);
    } catch (e) {
      return refuse(ctx, e);
    }
    await ctx.answerCallbackQuery();
    try {
      await sender.portfolio(ctx, ctx.user, u, documents.spans.year(y), y, lang);
    } catch (e) {
      await refuse(ctx, e);
    }
  });

  members.callbackQuery(spanData.filter(), async (ctx) => {
    const { u } = spanData.unpack(ctx.callbackQuery.data);
    try {
      await documents.access(ctx.user, u);
    } catch (e) {
      return refuse(ctx, e);
    }
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(DOCUMENTS_SPAN, u);
  });

  composer.use(teacherFeature(deps));
  return composer;
}

// Short conversations on an existing lesson: a methodist's reason for a rejection; the author's changes
// (time, duration, topic, method, seats, place), each checked like the offer's answer to the same question.
import { InlineKeyboard } from "grammy";
import { DomainError } from "../../../domain/errors.js";
import { lessonVars } from "../../../domain/lessons/format.js";
import type { LessonDraft, LessonView } from "../../../domain/lessons/types.js";
import { validateReason } from "../../../domain/lessons/validate.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { askText, attempt, waitButton, type Outcome } from "../../conversations/kit.js";
import { lessonCard, lessonOfferPlace } from "./callbacks.js";
import { placeKeyboard, queueView } from "./card.js";
import { asRegistered } from "../../middlewares/guards.js";

export const REJECT = "lesson-reject";
export const EDIT = "lesson-edit";
export const PLACE = "lesson-place";

/** What the author may change by typing; the question is `lesson-ask-new-<field>`. */
export const TEXT_FIELDS = ["time", "duration", "topic", "method", "seats"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export const isTextField = (s: string): s is TextField => (TEXT_FIELDS as readonly string[]).includes(s);

/** Refusals after which asking again cannot help: the lesson itself can no longer be changed. */
const FINAL = new Set(["lesson-not-found", "lesson-not-yours", "lesson-closed", "lesson-already-started"]);

/**
 * For `askText`: saves the answer; a wrong answer is thrown (explained, asked again), a refusal about
 * the lesson itself is returned (told once, the conversation ends).
 */
async function saveOrStop(save: () => Promise<LessonView>): Promise<Outcome<LessonView>> {
  const r = await attempt(save);
  if (!r.ok && !FINAL.has(r.code)) throw new DomainError(r.code, r.args);
  return r;
}

async function reportChange(deps: BotDeps, ctx: ConvContext, locale: string, key: string, r: Outcome<LessonView>): Promise<void> {
  if (!r.ok) {
    await ctx.reply(ctx.t(`error-${r.code}`, r.args));
    return;
  }
  const l = r.value;
  const vars = { ...lessonVars(l, locale, ctx.t, deps.config.TIMEZONE), status: l.status };
  await ctx.reply(ctx.t(key, vars), { reply_markup: new InlineKeyboard().text(ctx.t("lesson-open-card"), lessonCard.pack({ id: l.id })) });
}

export function rejectConversation(deps: BotDeps) {
  const { lessons } = deps.services;
  return async (conversation: Conv, ctx: ConvContext, lessonId: number, seen: number) => {
    const { id, locale } = await conversation.external(async (outer) => ({ id: asRegistered(outer).user.id, locale: await outer.i18n.getLocale() }));
    const reason = await askText(conversation, ctx, { question: ctx.t("lesson-ask-reason"), validate: validateReason });
    const done = await conversation.external(() => attempt(async () => (await lessons.reject(id, lessonId, reason.value, seen)).topic));
    if (done.ok) await reason.ctx.reply(reason.ctx.t("lesson-rejected", { topic: done.value }));
    else await reason.ctx.reply(reason.ctx.t(`error-${done.code}`, done.args));
    const next = await conversation.external(async () => {
      const q = await lessons.queue(id);
      const v = queueView(ctx.t, locale, deps.config.TIMEZONE, q);
      return { text: v.text, keyboard: v.keyboard?.inline_keyboard };
    });
    await reason.ctx.reply(next.text, { reply_markup: next.keyboard ? { inline_keyboard: next.keyboard } : undefined });
  };
}

/** The author types a new value for one field; the question shows the current one. */
export function editConversation(deps: BotDeps) {
  const { lessons } = deps.services;
  const save: Record<TextField, (authorId: number, id: number, text: string) => Promise<LessonView>> = {
    time: (a, id, s) => lessons.reschedule(a, id, s),
    duration: (a, id, s) => lessons.changeDuration(a, id, s),
    topic: (a, id, s) => lessons.revise(a, id, { topic: s }),
    method: (a, id, s) => lessons.revise(a, id, { method: s }),
    seats: (a, id, s) => lessons.changeSeats(a, id, s),
  };
  return async (conversation: Conv, ctx: ConvContext, lessonId: number, field: TextField) => {
    const me = await conversation.external(async (outer) => {
      const { user } = asRegistered(outer);
      return { id: user.id, locale: await outer.i18n.getLocale(), lesson: await attempt(() => lessons.checkEditable(user.id, lessonId)) };
    });
    if (!me.lesson.ok) {
      await ctx.reply(ctx.t(`error-${me.lesson.code}`, me.lesson.args));
      return;
    }
    const question = ctx.t(`lesson-ask-new-${field}`, lessonVars(me.lesson.value, me.locale, ctx.t, deps.config.TIMEZONE));
    const done = await askText(conversation, ctx, { question, validate: (text) => saveOrStop(() => save[field](me.id, lessonId, text)) });
    const key = field === "topic" || field === "method" ? "lesson-revised" : `lesson-changed-${field}`;
    await reportChange(deps, done.ctx, me.locale, key, done.value);
  };
}

export function placeConversation(deps: BotDeps) {
  const { lessons } = deps.services;
  return async (conversation: Conv, ctx: ConvContext, lessonId: number) => {
    const { id, school, locale } = await conversation.external(async (outer) => {
      const { user } = asRegistered(outer);
      return { id: user.id, school: (await deps.services.users.profile(user.id))?.school?.name ?? "—", locale: await outer.i18n.getLocale() };
    });
    await ctx.reply(ctx.t("lesson-ask-place"), { reply_markup: placeKeyboard(ctx.t) });
    const pc = await waitButton(conversation, lessonOfferPlace.filter());
    const online = lessonOfferPlace.unpack(pc.callbackQuery.data).k === "online";
    await pc.answerCallbackQuery();
    await pc.editMessageReplyMarkup();
    const save = (place: LessonDraft["place"]) => saveOrStop(() => lessons.changePlace(id, lessonId, place));
    const done = online
      ? await askText(conversation, ctx, { question: ctx.t("lesson-ask-url"), validate: (url) => save({ kind: "online", url }) })
      : await askText(conversation, ctx, { question: ctx.t("lesson-ask-room", { school }), validate: (room) => save({ kind: "school", room }) });
    await reportChange(deps, done.ctx, locale, "lesson-place-changed", done.value);
  };
}

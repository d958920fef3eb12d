// Short conversations on an existing lesson: a methodist's reason for a rejection, the author's new time.
import type { LessonDraft } from "../../../domain/lessons/service.js";
import { validateReason } from "../../../domain/lessons/validate.js";
import { formatDateTime } from "../../../domain/time.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { askText, attempt, HTML, waitButton } from "../../conversations/kit.js";
import { lessonOfferPlace } from "./callbacks.js";
import { placeKeyboard, queueView } from "./card.js";

export const REJECT = "lesson-reject";
export const MOVE = "lesson-move";
export const SEATS = "lesson-seats";
export const PLACE = "lesson-place";

export function rejectConversation(deps: BotDeps) {
  const { lessons } = deps.services;
  return async (conversation: Conv, ctx: ConvContext, lessonId: number) => {
    const { id, locale } = await conversation.external(async (outer) => ({ id: outer.user!.id, locale: await outer.i18n.getLocale() }));
    const reason = await askText(conversation, ctx, { question: ctx.t("lesson-ask-reason"), validate: validateReason });
    const done = await conversation.external(() => attempt(async () => (await lessons.reject(id, lessonId, reason.value)).topic));
    if (done.ok) await reason.ctx.reply(reason.ctx.t("lesson-rejected", { topic: done.value }), HTML);
    else await reason.ctx.reply(reason.ctx.t(`error-${done.code}`, done.args), HTML);
    const next = await conversation.external(async () => {
      const q = await lessons.queue(id);
      const v = queueView(ctx.t, locale, deps.config.TIMEZONE, q);
      return { text: v.text, keyboard: v.keyboard?.inline_keyboard };
    });
    await reason.ctx.reply(next.text, { ...HTML, reply_markup: next.keyboard ? { inline_keyboard: next.keyboard } : undefined });
  };
}

export function moveConversation(deps: BotDeps) {
  const { lessons } = deps.services;
  return async (conversation: Conv, ctx: ConvContext, lessonId: number) => {
    const id = await conversation.external((outer) => outer.user!.id);
    const moved = await askText(conversation, ctx, {
      question: ctx.t("lesson-ask-new-date"),
      validate: async (text) => {
        const l = await lessons.reschedule(id, lessonId, text);
        return { topic: l.topic, startsAt: l.startsAt };
      },
    });
    const locale = await conversation.external((outer) => outer.i18n.getLocale());
    await moved.ctx.reply(
      moved.ctx.t("lesson-moved", { topic: moved.value.topic, when: formatDateTime(new Date(moved.value.startsAt), locale, deps.config.TIMEZONE) }),
      HTML,
    );
  };
}

export function seatsConversation(deps: BotDeps) {
  const { lessons } = deps.services;
  return async (conversation: Conv, ctx: ConvContext, lessonId: number) => {
    const id = await conversation.external((outer) => outer.user!.id);
    const done = await askText(conversation, ctx, {
      question: ctx.t("lesson-ask-new-seats"),
      validate: async (text) => {
        const l = await lessons.changeSeats(id, lessonId, text);
        return { topic: l.topic, seats: l.seats, taken: l.seatsTaken };
      },
    });
    await done.ctx.reply(done.ctx.t("lesson-seats-changed", done.value), HTML);
  };
}

export function placeConversation(deps: BotDeps) {
  const { lessons } = deps.services;
  return async (conversation: Conv, ctx: ConvContext, lessonId: number) => {
    const { id, school } = await conversation.external(async (outer) => ({
      id: outer.user!.id,
      school: (await deps.services.users.profile(outer.user!.id))?.school?.name ?? "—",
    }));
    await ctx.reply(ctx.t("lesson-ask-place"), { ...HTML, reply_markup: placeKeyboard(ctx.t) });
    const pc = await waitButton(conversation, lessonOfferPlace.filter());
    const online = lessonOfferPlace.unpack(pc.callbackQuery.data).k === "online";
    await pc.answerCallbackQuery();
    await pc.editMessageReplyMarkup();
    const save = (place: LessonDraft["place"]) => async () => (await lessons.changePlace(id, lessonId, place)).topic;
    const done = online
      ? await askText(conversation, ctx, { question: ctx.t("lesson-ask-url"), validate: (url) => save({ kind: "online", url })() })
      : await askText(conversation, ctx, { question: ctx.t("lesson-ask-room", { school }), validate: (room) => save({ kind: "school", room })() });
    await done.ctx.reply(done.ctx.t("lesson-place-changed", { topic: done.value }), HTML);
  };
}

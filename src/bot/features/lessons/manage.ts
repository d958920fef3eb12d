// Short conversations on an existing lesson: a methodist's reason for a rejection, the author's new time.
import { validateReason } from "../../../domain/lessons/validate.js";
import { formatDateTime } from "../../../domain/time.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { askText, attempt, HTML } from "../../conversations/kit.js";
import { queueView } from "./card.js";

export const REJECT = "lesson-reject";
export const MOVE = "lesson-move";

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

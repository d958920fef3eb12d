// /broadcast: the message (kept exactly, with its formatting and one photo or document), the audience
// (and, if she wants answers, the options: a survey), a preview exactly as recipients will see it (the
// option buttons included) with the recipient count, then Confirm / Edit / Cancel.
import { InlineKeyboard } from "grammy";
import type { MessageEntity } from "grammy/types";
import { emptyAudience, validateContent, type Audience, type BroadcastContent } from "../../../domain/broadcasts/index.js";
import type { Question } from "../../../domain/broadcasts/question.js";
import { scopeOf } from "../../../domain/scope.js";
import type { BotDeps, Conv, ConvContext, RegisteredContext } from "../../context.js";
import { attempt, nudge, waitButton } from "../../conversations/kit.js";
import { askAudience, describeAudience } from "./audience.js";
import { broadcastData, broadcastEditData, broadcastPreviewOptionData } from "./callbacks.js";
import { askQuestion, previewKeyboard, questionNote } from "./question.js";
import { audienceSummary, reportMessage } from "./render.js";
import { surveyOf } from "./report.js";
import { asRegistered } from "../../middlewares/guards.js";

export const COMPOSE = "broadcast-compose";

/** Asks for the announcement until it is something that can be sent. */
async function askContent(conversation: Conv, ctx: ConvContext): Promise<{ ctx: ConvContext; value: BroadcastContent }> {
  await ctx.reply(ctx.t("broadcast-ask-message"));
  // an album arrives as several messages: taking its first would drop the rest unseen; one explanation is enough
  let refusedAlbum: string | undefined;
  for (;;) {
    const c = await conversation.waitFor(["message:text", "message:photo", "message:document"], {
      otherwise: (x) => nudge(x, "broadcast-expect-message"),
    });
    const m = c.message;
    if (m.media_group_id) {
      if (m.media_group_id !== refusedAlbum) await c.reply(`${c.t("error-broadcast-album")}\n\n${c.t("broadcast-ask-message")}`);
      refusedAlbum = m.media_group_id;
      continue;
    }
    const content: BroadcastContent = m.photo
      ? { text: m.caption ?? "", entities: m.caption_entities ?? [], attachment: { kind: "photo", fileId: m.photo.at(-1)!.file_id } }
      : m.document
        ? { text: m.caption ?? "", entities: m.caption_entities ?? [], attachment: { kind: "document", fileId: m.document.file_id } }
        : { text: m.text ?? "", entities: m.entities ?? [], attachment: null };
    const checked = await attempt(() => validateContent(content));
    if (checked.ok) return { ctx: c, value: content };
    await c.reply(`${c.t(`error-${checked.code}`, checked.args)}\n\n${c.t("broadcast-ask-message")}`);
  }
}

/** The message exactly as the recipients will get it: same text, same entities, no parse mode, the same option buttons. */
async function sendCopy(ctx: ConvContext, content: BroadcastContent, question: Question | null): Promise<void> {
  const entities = content.entities as MessageEntity[];
  const reply_markup = question ? previewKeyboard(question) : undefined;
  const caption = content.text ? { caption: content.text, caption_entities: entities } : {};
  if (content.attachment?.kind === "photo") await ctx.replyWithPhoto(content.attachment.fileId, { ...caption, reply_markup });
  else if (content.attachment?.kind === "document") await ctx.replyWithDocument(content.attachment.fileId, { ...caption, reply_markup });
  else await ctx.reply(content.text, { entities, link_preview_options: { is_disabled: true }, reply_markup });
}

/**
 * Sends a confirmed draft and posts the live report under it. Used by the conversation and by a
 * Confirm pressed on an older preview: the domain's conditional update makes a second press a no-op.
 */
export async function launch(
  ctx: RegisteredContext,
  deps: BotDeps,
  id: number,
): Promise<{ ok: true } | { ok: false; code: string; args: Record<string, string | number> }> {
  const { broadcasts } = deps.services;
  const outcome = await attempt(() => broadcasts.confirm(id, ctx.user));
  if (!outcome.ok) return outcome;
  const progress = await broadcasts.progress(id);
  if (progress) {
    const { text, reply_markup } = reportMessage(deps.messages.t, await ctx.i18n.getLocale(), progress, await surveyOf(deps, progress.broadcast));
    const sent = await ctx.reply(text, { reply_markup });
    await broadcasts.setReport(id, sent.chat.id, sent.message_id);
  }
  return { ok: true };
}

export function composeConversation(deps: BotDeps) {
  // `preset`: filters already chosen where the methodist came from (/coverage: those with no course)
  return async (conversation: Conv, ctx: ConvContext, preset: Partial<Audience> = {}) => {
    // her district, if she works for one: the audience reaches its people only (saving stamps it again)
    const me = await conversation.external(async (outer) => ({
      locale: await outer.i18n.getLocale(),
      districtId: scopeOf(asRegistered(outer).user).districtId,
    }));
    let content = await askContent(conversation, ctx);
    let c = content.ctx;
    let audience: Audience = { ...emptyAudience(), ...preset, districtId: me.districtId };
    let urgent = false;
    let question: Question | null = null;
    let draftId: number | undefined;
    let chooseAudience = true;
    for (;;) {
      if (chooseAudience) {
        const chosen = await askAudience(conversation, c, deps, me.locale, { audience, urgent, question }, content.value.text.trim().length > 0);
        ({ ctx: c, audience, urgent, question } = chosen);
      }
      const input = { ...content.value, audience, urgent, question };
      // the role as it is now (an admin may have changed it meanwhile)
      const saved = await conversation.external((outer) => attempt(() => deps.services.broadcasts.saveDraft(asRegistered(outer).user, input, draftId)));
      if (!saved.ok) {
        await c.reply(c.t(`error-${saved.code}`, saved.args));
        if (saved.code === "broadcast-already-confirmed" || saved.code === "forbidden") return;
        chooseAudience = true;
        continue;
      }
      const id = (draftId = saved.value.id);
      // as stored: the reach is the author's scope at the moment of saving
      audience = saved.value.audience;
      const { names } = await describeAudience(conversation, deps, audience, urgent);
      await c.reply(c.t("broadcast-preview-title"));
      await sendCopy(c, content.value, question);
      const kb = new InlineKeyboard()
        .text(c.t("broadcast-confirm-button"), broadcastData.pack({ action: "confirm", id }))
        .row()
        .text(c.t("broadcast-edit-button"), broadcastData.pack({ action: "edit", id }))
        .text(c.t("broadcast-cancel-button"), broadcastData.pack({ action: "cancel", id }));
      const summary = [
        `${c.t("broadcast-audience-now")} ${audienceSummary(c.t, me.locale, names)}`,
        c.t(urgent ? "broadcast-urgent-note-on" : "broadcast-urgent-note-off"),
        ...questionNote(c.t, question),
        c.t("broadcast-recipients", { count: saved.value.recipientCount }),
        c.t("broadcast-preview-check"),
      ].join("\n\n");
      await c.reply(summary, { reply_markup: kb });

      const buttons = [
        broadcastData.filter({ action: "confirm", id }),
        broadcastData.filter({ action: "edit", id }),
        broadcastData.filter({ action: "cancel", id }),
      ];
      let pressed = await waitButton(conversation, [...buttons, broadcastPreviewOptionData.filter()]);
      // an option under the preview: it answers nothing, it only shows what teachers will press
      while (broadcastPreviewOptionData.filter().test(pressed.callbackQuery.data)) {
        await pressed.answerCallbackQuery({ text: pressed.t("broadcast-preview-option") });
        pressed = await waitButton(conversation, [...buttons, broadcastPreviewOptionData.filter()]);
      }
      const { action } = broadcastData.unpack(pressed.callbackQuery.data);
      await pressed.answerCallbackQuery();
      await pressed.editMessageReplyMarkup();
      c = pressed;
      if (action === "cancel") {
        const dropped = await conversation.external((outer) => attempt(() => deps.services.broadcasts.discard(id, asRegistered(outer).user)));
        await pressed.reply(dropped.ok ? pressed.t("broadcast-cancelled") : pressed.t(`error-${dropped.code}`, dropped.args));
        return;
      }
      if (action === "confirm") {
        const launched = await conversation.external((outer) => launch(asRegistered(outer), deps, id));
        if (!launched.ok) await pressed.reply(pressed.t(`error-${launched.code}`, launched.args));
        return;
      }
      // edit: the message, the audience or the answer options, then a new preview
      const which = new InlineKeyboard()
        .text(pressed.t("broadcast-edit-message"), broadcastEditData.pack({ what: "message" }))
        .text(pressed.t("broadcast-edit-audience"), broadcastEditData.pack({ what: "audience" }))
        .row()
        .text(pressed.t("broadcast-edit-question"), broadcastEditData.pack({ what: "question" }));
      await pressed.reply(pressed.t("broadcast-edit-what"), { reply_markup: which });
      const what = await waitButton(conversation, broadcastEditData.filter());
      await what.answerCallbackQuery();
      await what.editMessageReplyMarkup();
      c = what;
      const part = broadcastEditData.unpack(what.callbackQuery.data).what;
      if (part === "message") {
        content = await askContent(conversation, what);
        c = content.ctx;
        chooseAudience = false;
      } else if (part === "question") {
        ({ ctx: c, question } = await askQuestion(conversation, what, question, content.value.text.trim().length > 0));
        chooseAudience = false;
      } else chooseAudience = true;
    }
  };
}

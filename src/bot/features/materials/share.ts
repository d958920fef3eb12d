// "Share a material": the file or link, title, type, subject, grades, description, a preview, then the
// moderation queue (a methodist's own is published at once: nobody moderates her own work). Every answer
// is checked and explained; nothing is stored before the last step.
import { InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { isDomainError } from "../../../domain/errors.js";
import {
  checkDocument,
  GRADES,
  looksLikeUrl,
  MATERIAL_TYPES,
  validateDescription,
  validateTitle,
  validateUrl,
  type MaterialCard,
  type MaterialFile,
  type MaterialSource,
} from "../../../domain/materials/index.js";
import { isMethodistRole } from "../../../domain/users.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { askText, attempt, nudge, waitButton } from "../../conversations/kit.js";
import { GRADES_DONE, stepConfirmData, stepGradeData, stepSubjectData, stepTypeData } from "./callbacks.js";
import { cardText, gradeName, typeName } from "./card.js";
import { asRegistered } from "../../middlewares/guards.js";

export const SHARE = "material-share";

/** The code of a refusal from a pure check, or null. */
function problemOf(check: () => unknown): { code: string; args: Record<string, string | number> } | null {
  try {
    check();
    return null;
  } catch (e) {
    if (isDomainError(e)) return { code: e.code, args: e.args };
    throw e;
  }
}

/** What a message offers as a material: a file, a link, or the reason it cannot be one. */
function sourceOf(msg: Message): { source: MaterialSource } | { problem: string; args?: Record<string, string | number> } | { text: true } {
  if (msg.animation || msg.sticker || msg.voice || msg.video_note || msg.audio) return { problem: "material-kind-unsupported" };
  if (msg.document) {
    const d = msg.document;
    const file: MaterialFile = {
      kind: "document",
      fileId: d.file_id,
      fileUniqueId: d.file_unique_id,
      fileName: d.file_name ?? null,
      mimeType: d.mime_type ?? null,
      fileSize: d.file_size ?? null,
    };
    const p = problemOf(() => checkDocument(file));
    return p ? { problem: p.code, args: p.args } : { source: { file } };
  }
  if (msg.photo?.length) {
    const best = msg.photo.at(-1)!;
    return { source: { file: { kind: "photo", fileId: best.file_id, fileUniqueId: best.file_unique_id, fileSize: best.file_size ?? null } } };
  }
  if (msg.video) {
    const v = msg.video;
    return {
      source: {
        file: {
          kind: "video",
          fileId: v.file_id,
          fileUniqueId: v.file_unique_id,
          fileName: v.file_name ?? null,
          mimeType: v.mime_type ?? null,
          fileSize: v.file_size ?? null,
        },
      },
    };
  }
  if (msg.text !== undefined) {
    if (!looksLikeUrl(msg.text)) return { text: true };
    const text = msg.text;
    const p = problemOf(() => validateUrl(text));
    return p ? { problem: p.code, args: p.args } : { source: { url: validateUrl(text) } };
  }
  return { problem: "material-kind-unsupported" };
}

async function askSource(conversation: Conv, ctx: ConvContext): Promise<{ ctx: ConvContext; source: MaterialSource }> {
  await ctx.reply(ctx.t("material-ask-source"));
  // an album arrives as several messages: one explanation is enough
  let refusedAlbum: string | undefined;
  for (;;) {
    const c = await conversation.waitFor("message", { otherwise: (x) => nudge(x, "material-expect-source") });
    const msg = c.message;
    if (msg.media_group_id) {
      if (msg.media_group_id !== refusedAlbum) await c.reply(`${c.t("error-material-album")}\n\n${c.t("material-ask-source")}`);
      refusedAlbum = msg.media_group_id;
      continue;
    }
    const found = sourceOf(msg);
    if ("source" in found) return { ctx: c, source: found.source };
    const why = "problem" in found ? c.t(`error-${found.problem}`, found.args) : c.t("material-expect-source");
    await c.reply(`${why}\n\n${c.t("material-ask-source")}`);
  }
}

function typeKeyboard(t: ConvContext["t"]): InlineKeyboard {
  const kb = new InlineKeyboard();
  MATERIAL_TYPES.forEach((type, i) => {
    kb.text(typeName(t, type), stepTypeData.pack({ t: i }));
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

function gradeKeyboard(t: ConvContext["t"], chosen: Set<string>): InlineKeyboard {
  const kb = new InlineKeyboard();
  GRADES.forEach((g, i) => {
    kb.text(`${chosen.has(g) ? "✅ " : ""}${gradeName(t, g)}`, stepGradeData.pack({ g }));
    if (i === 0 || i % 4 === 0) kb.row();
  });
  return kb.row().text(t("material-grades-done"), GRADES_DONE);
}

export function shareConversation(deps: BotDeps) {
  const { materials, directory, users } = deps.services;
  return async (conversation: Conv, ctx: ConvContext) => {
    const me = await conversation.external(async (outer) => {
      const { user } = asRegistered(outer);
      const p = await users.profile(user.id);
      return {
        id: user.id,
        fullName: p?.fullName ?? "—",
        school: p?.school?.name ?? null,
        subjectIds: p?.subjects.map((s) => s.id) ?? [],
        // the preview asks what will happen; the answer at the end says what did
        publishes: isMethodistRole(user.role),
      };
    });
    const locale = await ctx.i18n.getLocale();

    const source = await askSource(conversation, ctx);
    const title = await askText(conversation, source.ctx, { question: source.ctx.t("material-ask-title"), validate: validateTitle });

    await title.ctx.reply(title.ctx.t("material-ask-type"), { reply_markup: typeKeyboard(title.ctx.t) });
    const typePressed = await waitButton(conversation, stepTypeData.filter());
    const type = MATERIAL_TYPES[stepTypeData.unpack(typePressed.callbackQuery.data).t] ?? "other";
    await typePressed.answerCallbackQuery();
    await typePressed.editMessageText(typePressed.t("material-type-chosen", { type: typeName(typePressed.t, type) }));

    // the teacher's own subjects first
    const subjects = await conversation.external(async () =>
      (await directory.subjects())
        .map(({ id, nameRu, nameEn }) => ({ id, nameRu, nameEn }))
        .sort((a, b) => Number(me.subjectIds.includes(b.id)) - Number(me.subjectIds.includes(a.id))),
    );
    const subjectKb = new InlineKeyboard();
    subjects.forEach((s, i) => {
      subjectKb.text(locale === "en" ? s.nameEn : s.nameRu, stepSubjectData.pack({ id: s.id }));
      if (i % 2 === 1) subjectKb.row();
    });
    await typePressed.reply(typePressed.t("material-ask-subject"), { reply_markup: subjectKb });
    const subjectPressed = await waitButton(conversation, stepSubjectData.filter());
    const subjectId = stepSubjectData.unpack(subjectPressed.callbackQuery.data).id;
    const subject = subjects.find((s) => s.id === subjectId) ?? subjects[0]!;
    await subjectPressed.answerCallbackQuery();
    await subjectPressed.editMessageText(subjectPressed.t("material-subject-chosen", { subject: locale === "en" ? subject.nameEn : subject.nameRu }));

    const chosen = new Set<string>();
    await subjectPressed.reply(subjectPressed.t("material-ask-grades"), { reply_markup: gradeKeyboard(subjectPressed.t, chosen) });
    let gradesCtx: ConvContext;
    for (;;) {
      const c = await waitButton(conversation, [stepGradeData.filter(), GRADES_DONE]);
      if (c.callbackQuery.data === GRADES_DONE) {
        if (chosen.size === 0) {
          await c.answerCallbackQuery({ text: c.t("error-material-grades-empty"), show_alert: true });
          continue;
        }
        await c.answerCallbackQuery();
        const list = GRADES.filter((g) => chosen.has(g)).map((g) => gradeName(c.t, g));
        await c.editMessageText(c.t("material-grades-chosen", { grades: list.join(", ") }));
        gradesCtx = c;
        break;
      }
      const { g } = stepGradeData.unpack(c.callbackQuery.data);
      if (chosen.has(g)) chosen.delete(g);
      else if ((GRADES as readonly string[]).includes(g)) chosen.add(g);
      await c.answerCallbackQuery();
      await c.editMessageReplyMarkup({ reply_markup: gradeKeyboard(c.t, chosen) });
    }
    const grades = GRADES.filter((g) => chosen.has(g));

    const description = await askText(conversation, gradesCtx, { question: gradesCtx.t("material-ask-description"), validate: validateDescription });

    // preview: the card as colleagues will see it
    const s = source.source;
    const preview: MaterialCard = {
      id: 0,
      title: title.value,
      description: description.value,
      type,
      grades,
      subject,
      author: { id: me.id, fullName: me.fullName },
      school: me.school,
      fileKind: "file" in s ? s.file.kind : null,
      fileId: "file" in s ? s.file.fileId : null,
      fileName: "file" in s ? (s.file.fileName ?? null) : null,
      url: "url" in s ? s.url : null,
      status: "pending",
      rejectReason: null,
      views: 0,
      upVotes: 0,
      downVotes: 0,
      score: 0,
      myVote: 0,
    };
    const d = description.ctx;
    const confirmKb = new InlineKeyboard()
      .text(me.publishes ? d.t("material-publish-button") : d.t("material-send-button"), stepConfirmData.pack({ ok: true }))
      .row()
      .text(d.t("material-cancel-button"), stepConfirmData.pack({ ok: false }));
    const heading = me.publishes ? d.t("material-preview-title-publish") : d.t("material-preview-title");
    await d.reply(`${heading}\n\n${cardText(d.t, preview, locale)}`, { reply_markup: confirmKb });
    const confirm = await waitButton(conversation, stepConfirmData.filter());
    await confirm.answerCallbackQuery();
    await confirm.editMessageReplyMarkup();
    if (!stepConfirmData.unpack(confirm.callbackQuery.data).ok) {
      await confirm.reply(confirm.t("material-share-cancelled"));
      return;
    }
    const outcome = await conversation.external(() =>
      attempt(async () => {
        const m = await materials.submit(
          { id: me.id, fullName: me.fullName },
          { source: s, title: title.value, type, subjectId: subject.id, grades, description: description.value },
        );
        return m.status;
      }),
    );
    if (!outcome.ok) {
      await confirm.reply(confirm.t(`error-${outcome.code}`, outcome.args));
      return;
    }
    if (outcome.value === "approved") await confirm.reply(confirm.t("material-published", { title: title.value }));
    else await confirm.reply(confirm.t("material-submitted", { title: title.value }));
  };
}

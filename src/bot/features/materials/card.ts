// How a material looks: the card (text + buttons) and the lines of lists.
import { InlineKeyboard } from "grammy";
import type { ListItem, MaterialCard, MaterialType } from "../../../domain/materials/index.js";
import type { Translate } from "../../../i18n.js";
import { deleteData, fileData, openData, voteData } from "./callbacks.js";

export const typeName = (t: Translate, type: MaterialType) => t(`material-type-${type.replace(/_/g, "-")}`);
export const gradeName = (t: Translate, grade: string) => (grade === "preschool" ? t("material-grade-preschool") : grade);
export const gradesText = (t: Translate, grades: string[]) => grades.map((g) => gradeName(t, g)).join(", ");
export const subjectName = (s: { nameRu: string; nameEn: string }, locale: string) => (locale === "en" ? s.nameEn : s.nameRu);
export const scorePercent = (score: number) => Math.round(score * 100);

/** Button labels show teachers' titles as they are (labels are not HTML), shortened to fit a phone. */
export const shortTitle = (title: string, max = 48) => (title.length > max ? `${title.slice(0, max - 1)}…` : title);

const STATUS_ICON = { pending: "⏳", approved: "✅", rejected: "❌", cancelled: "🚫" } as const;

export function cardText(t: Translate, card: MaterialCard, locale: string, opts: { status?: boolean } = {}): string {
  let text = t("material-card", {
    title: card.title,
    type: typeName(t, card.type),
    subject: subjectName(card.subject, locale),
    grades: gradesText(t, card.grades),
    author: card.author.fullName,
    school: card.school ?? "—",
    description: card.description,
    up: card.upVotes,
    down: card.downVotes,
    score: scorePercent(card.score),
    views: card.views,
  });
  if (card.url) text += `\n${t("material-card-link", { url: card.url })}`;
  if (opts.status) {
    text += `\n\n${t("material-card-status", { icon: STATUS_ICON[card.status], status: t(`material-status-${card.status}`) })}`;
    if (card.status === "rejected" && card.rejectReason) text += `\n${t("material-card-reason", { reason: card.rejectReason })}`;
  }
  return text;
}

/** The file (or link) button of any card. */
export function sourceButton(kb: InlineKeyboard, t: Translate, card: MaterialCard): InlineKeyboard {
  if (card.url) return kb.url(t("material-link-button"), card.url);
  return kb.text(t(`material-file-button-${card.fileKind ?? "document"}`), fileData.pack({ id: card.id }));
}

/** A colleague's card: votes (the viewer's own marked) and the file. The author gets delete instead of votes. */
export function cardKeyboard(t: Translate, card: MaterialCard, viewerId: number): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (card.author.id === viewerId) {
    sourceButton(kb, t, card)
      .row()
      .text(t("material-delete-button"), deleteData.pack({ id: card.id, sure: false }));
    return kb;
  }
  if (card.status === "approved") {
    const mark = (v: number) => (card.myVote === v ? " ✓" : "");
    kb.text(`👍 ${card.upVotes}${mark(1)}`, voteData.pack({ id: card.id, v: 1 }))
      .text(`👎 ${card.downVotes}${mark(-1)}`, voteData.pack({ id: card.id, v: -1 }))
      .row();
  }
  return sourceButton(kb, t, card);
}

/** "1. Title — 👍 3 · 👎 0" lines above a list's buttons; `offset` numbers the page's items. */
export function listLines(t: Translate, items: ListItem[], offset: number, opts: { status?: boolean } = {}): string {
  return items
    .map((m, i) =>
      t(opts.status ? "material-list-line-status" : "material-list-line", {
        n: offset + i + 1,
        title: m.title,
        type: typeName(t, m.type),
        up: m.upVotes,
        down: m.downVotes,
        views: m.views,
        icon: STATUS_ICON[m.status],
      }),
    )
    .join("\n");
}

/** One button per item, numbered like the lines. */
export function listButtons(items: ListItem[], offset: number): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const [i, m] of items.entries()) kb.text(`${offset + i + 1}. ${shortTitle(m.title)}`, openData.pack({ id: m.id })).row();
  return kb;
}

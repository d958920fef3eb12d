// Links to a card: https://t.me/<bot>?start=course-12 opens that course's card for whoever taps it (after
// registering her first, if she is new). A card's "Share" button opens Telegram's share sheet with the
// link. What each payload opens is mapped in one place: src/bot/features/registration/start-links.ts.
import type { InlineKeyboard } from "grammy";

export type CardKind = "course" | "lesson" | "meeting";

/** The /start payload of a card: `course-12` (letters, digits, `_` and `-` only; 64 characters at most). */
export const cardPayload = (kind: CardKind, id: number): string => `${kind}-${id}`;

/** The link that opens a card. */
export const cardLink = (botUsername: string, kind: CardKind, id: number): string => `https://t.me/${botUsername}?start=${cardPayload(kind, id)}`;

/** Telegram's share sheet: she picks a chat, and the link goes there with `text` (plain text) above it. */
export const shareUrl = (url: string, text: string): string => `https://t.me/share/url?url=${encodeURIComponent(url)}&text=${encodeURIComponent(text)}`;

/** A "Share" button on a row of its own, and a new row after it: `text` is plain (no HTML), it is what the colleague reads with the link. */
export function shareRow(kb: InlineKeyboard, label: string, botUsername: string, kind: CardKind, id: number, text: string): InlineKeyboard {
  if (kb.inline_keyboard.at(-1)?.length) kb.row();
  return kb.url(label, shareUrl(cardLink(botUsername, kind, id), text)).row();
}

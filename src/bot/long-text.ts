// Telegram refuses a message over 4096 characters: a long list (a waiting list, a conference's
// answers) goes out as several messages, split at line breaks, the keyboard under the last one.
import type { InlineKeyboard } from "grammy";
import type { BotContext } from "./context.js";
import { HTML } from "./conversations/kit.js";

/** Under Telegram's 4096, with room for the entities HTML turns into */
const MESSAGE_LIMIT = 3800;

/** Splits at line breaks (a line never breaks its HTML tags) into messages under the limit. */
export function splitMessage(text: string, limit = MESSAGE_LIMIT): string[] {
  const parts: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    if (current && current.length + line.length + 1 > limit) {
      parts.push(current);
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  if (current) parts.push(current);
  return parts;
}

/** Replies with a long HTML text in as many messages as it takes; the keyboard goes under the last. */
export async function replyLong(ctx: BotContext, text: string, keyboard?: InlineKeyboard): Promise<void> {
  const parts = splitMessage(text);
  for (const [i, part] of parts.entries()) await ctx.reply(part, { ...HTML, reply_markup: i === parts.length - 1 ? keyboard : undefined });
}

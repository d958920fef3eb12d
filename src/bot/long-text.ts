// Telegram refuses a message over 4096 characters: a long list (a waiting list, a conference's
// answers) goes out as several messages, split at line breaks, the keyboard under the last one.
import type { InlineKeyboard } from "grammy";
import type { BotContext } from "./context.js";

/** Telegram's limit: characters (UTF-16 code units) of the text after its HTML is parsed */
const MESSAGE_LIMIT = 4096;

/** A piece of HTML: a tag (shows nothing), an entity (one character) or one character (an emoji whole). */
interface Token {
  raw: string;
  /** how many characters Telegram counts for it */
  visible: number;
  tag?: { name: string; closing: boolean };
}

const TOKEN = /<(\/?)([a-zA-Z][\w-]*)[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|[\s\S]/gu;

function tokenize(html: string): Token[] {
  const out: Token[] = [];
  for (const m of html.matchAll(TOKEN)) {
    if (m[2]) out.push({ raw: m[0], visible: 0, tag: { name: m[2].toLowerCase(), closing: m[1] === "/" } });
    else out.push({ raw: m[0], visible: m[0].startsWith("&") ? 1 : m[0].length });
  }
  return out;
}

const width = (tokens: Token[]) => tokens.reduce((n, t) => n + t.visible, 0);
/** where a line may be cut: a plain space (not a no-break one) */
const isSpace = (t: Token) => t.raw === " " || t.raw === "\t";

/** A line too long for one message, in pieces of at most `limit` visible characters, cut after a word where there is one. */
function cutLine(line: Token[], limit: number): Token[][] {
  const pieces: Token[][] = [];
  let rest = line;
  while (width(rest) > limit) {
    // the longest head that fits, then back to its last space (if any): the space goes, the word stays whole
    let end = 0;
    for (let seen = 0; end < rest.length && seen + rest[end]!.visible <= limit; end++) seen += rest[end]!.visible;
    if (end === 0) end = 1;
    let cut = end;
    while (cut > 0 && !isSpace(rest[cut]!) && !isSpace(rest[cut - 1]!)) cut--;
    if (cut === 0) cut = end; // one word longer than a message: cut inside it
    const head = rest.slice(0, cut);
    let from = cut;
    while (from < rest.length && isSpace(rest[from]!)) from++;
    while (head.length && isSpace(head.at(-1)!)) head.pop();
    pieces.push(head);
    rest = rest.slice(from);
  }
  pieces.push(rest);
  return pieces;
}

/**
 * The tags open at the end of a part are closed there and opened again at the start of the next, so
 * every part is valid HTML on its own (a <b> or <blockquote> that runs over the cut stays whole in both).
 */
function balance(parts: Token[][]): string[] {
  let open: Token[] = [];
  return parts.map((part) => {
    const prefix = open.map((t) => t.raw).join("");
    for (const t of part) {
      if (!t.tag) continue;
      if (!t.tag.closing) open.push(t);
      else {
        const i = open.findLastIndex((o) => o.tag!.name === t.tag!.name);
        if (i >= 0) open = [...open.slice(0, i), ...open.slice(i + 1)];
      }
    }
    const suffix = [...open]
      .reverse()
      .map((t) => `</${t.tag!.name}>`)
      .join("");
    return prefix + part.map((t) => t.raw).join("") + suffix;
  });
}

/**
 * Splits an HTML text into messages of at most `limit` characters as Telegram counts them (the text
 * after its HTML is parsed: tags count nothing, an entity one character). Messages break at line
 * breaks; a single line longer than a message is cut after a word (inside one only when a word is
 * longer than a message); never inside a tag or an entity, and tags open over a cut are closed and
 * opened again.
 */
export function splitMessage(text: string, limit = MESSAGE_LIMIT): string[] {
  const lines: Token[][] = [[]];
  for (const t of tokenize(text)) {
    if (t.raw === "\n") lines.push([]);
    else lines.at(-1)!.push(t);
  }
  const parts: Token[][] = [];
  let current: Token[] | null = null;
  for (const line of lines) {
    const w = width(line);
    if (current && width(current) + 1 + w <= limit) {
      current.push({ raw: "\n", visible: 1 }, ...line);
      continue;
    }
    if (current) parts.push(current);
    const pieces = w > limit ? cutLine(line, limit) : [line];
    parts.push(...pieces.slice(0, -1));
    current = pieces.at(-1)!;
  }
  if (current) parts.push(current);
  // a part with nothing to show (blank lines at a cut) would be refused as an empty message
  return balance(parts).filter((_, i) => parts[i]!.some((t) => t.visible && !/^\s$/u.test(t.raw)));
}

/** Replies with a long HTML text in as many messages as it takes; the keyboard goes under the last. */
export async function replyLong(ctx: BotContext, text: string, keyboard?: InlineKeyboard): Promise<void> {
  const parts = splitMessage(text);
  for (const [i, part] of parts.entries()) await ctx.reply(part, { reply_markup: i === parts.length - 1 ? keyboard : undefined });
}

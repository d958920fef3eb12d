// splitMessage: long HTML texts in parts Telegram takes (4096 characters of the text after parsing),
// each valid HTML on its own.
import { describe, expect, it } from "vitest";
import { splitMessage } from "../../src/bot/long-text.js";
import { visibleLength } from "../helpers/fake-telegram.js";

/** The text Telegram shows: tags dropped, entities decoded. */
const shown = (html: string) =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** Every tag closed in order, no tag or entity cut in half. */
function wellFormed(html: string): boolean {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z-]+)[^>]*>/g)) {
    if (!m[1]) stack.push(m[2]!);
    else if (stack.pop() !== m[2]) return false;
  }
  const rest = html.replace(/<\/?[a-z-]+[^>]*>/g, "").replace(/&(lt|gt|amp|quot);/g, "");
  return stack.length === 0 && !/[<>&]/.test(rest);
}

const words = (n: number, word = "слово") => Array.from({ length: n }, (_, i) => `${word}${i}`).join(" ");

describe("splitMessage", () => {
  it("keeps a short text whole and splits a long one at line breaks", () => {
    expect(splitMessage("<b>Список</b>\n1. Анна")).toEqual(["<b>Список</b>\n1. Анна"]);
    const lines = Array.from({ length: 300 }, (_, i) => `${i + 1}. Петрова Анна Сергеевна, МБОУ «СОШ № 1»`);
    const parts = splitMessage(lines.join("\n"));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(visibleLength(p)).toBeLessThanOrEqual(4096);
    expect(parts.join("\n")).toBe(lines.join("\n"));
  });

  it("measures the text Telegram counts, not the HTML: tags count nothing, an entity one character", () => {
    // 3,000 visible characters in 10,000 characters of HTML: one message
    const heavy = Array.from({ length: 100 }, () => `<a href="https://example.org/${"x".repeat(40)}">${"&amp;".repeat(10)}</a>${"я".repeat(20)}`).join("\n");
    expect(visibleLength(heavy)).toBeLessThan(4096);
    expect(heavy.length).toBeGreaterThan(4096);
    expect(splitMessage(heavy)).toEqual([heavy]);
    // and a text of exactly 4,096 visible characters stays whole, one more splits it
    const exact = `${"a".repeat(2000)}\n${"b".repeat(2095)}`;
    expect(splitMessage(exact)).toEqual([exact]);
    expect(splitMessage(`${exact}b`)).toHaveLength(2);
  });

  it("cuts a single line longer than a message after a word, never inside a tag or an entity", () => {
    const line = `<b>${words(1500)}</b> &lt;конец&gt; <a href="https://example.org/a?b=1&amp;c=2">ссылка</a>`;
    expect(visibleLength(line)).toBeGreaterThan(4096 * 2);
    const parts = splitMessage(line);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const p of parts) {
      expect(visibleLength(p)).toBeLessThanOrEqual(4096);
      expect(wellFormed(p)).toBe(true);
    }
    // the bold text runs over the cuts: each part opens and closes it
    expect(parts[0]!.startsWith("<b>")).toBe(true);
    expect(parts[1]!.startsWith("<b>")).toBe(true);
    expect(parts[0]!.endsWith("</b>")).toBe(true);
    // cut between words: every word arrives whole, in order, the spaces at the cuts aside
    const all = parts.map(shown).join(" ");
    expect(all).toBe(shown(line));
    expect(parts.at(-1)).toContain('<a href="https://example.org/a?b=1&amp;c=2">ссылка</a>');
  });

  it("cuts inside a word only when one word is longer than a message, keeping emoji whole", () => {
    const word = "😀".repeat(3000); // 6,000 UTF-16 characters, as Telegram counts them
    const parts = splitMessage(`начало\n${word}\nконец`);
    for (const p of parts) expect(visibleLength(p)).toBeLessThanOrEqual(4096);
    expect(parts[0]).toBe("начало");
    expect(parts.length).toBe(3);
    expect(parts.join("").replace(/\n/g, "") === `начало${word}конец`).toBe(true);
    for (const p of parts) expect(p).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it("sends no empty part for blank lines at a cut", () => {
    const text = `${"a".repeat(4000)}\n\n\n\n${"b".repeat(4000)}`;
    const parts = splitMessage(text);
    expect(parts.every((p) => p.trim().length > 0)).toBe(true);
    expect(parts.map((p) => p.replace(/\s/g, ""))).toEqual(["a".repeat(4000), "b".repeat(4000)]);
  });
});

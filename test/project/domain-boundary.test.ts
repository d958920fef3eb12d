// The domain knows no messenger: nothing under src/domain imports grammY, a grammY plugin, the button
// data codecs or the bot layer, and no service writes Telegram's markup or links (a `parse_mode`, an HTML
// tag built by hand, `escapeHtml`, a t.me deep link): texts are locale keys and variables, rendered by the
// translator it is given; deep links are made and parsed by the bot's features.
// Buttons in the domain are actions (src/domain/actions.ts); the Telegram layer packs them
// (src/bot/actions.ts). A second messenger is a new renderer and bot layer, not a new domain.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { packAction } from "../../src/bot/actions.js";
import { projectRoot } from "../../src/paths.js";

const files = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : d.name.endsWith(".ts") ? [path.join(dir, d.name)] : []));

/** module specifiers imported (statically or dynamically) by a source file */
const imports = (source: string): string[] => [...source.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]!);

const TELEGRAM = [/^grammy($|\/)/, /^@grammyjs\//, /^callback-data$/, /(^|\/)callback-data\.js$/, /(^|\/)bot\//];

/** Telegram's markup in code (comments left out): its parse mode, a hand-built HTML tag, the HTML escaper, its links */
const MARKUP: Record<string, RegExp> = {
  parse_mode: /\bparse_mode\b/,
  "an HTML tag": /<\/?(b|i|u|s|a|em|strong|code|pre|blockquote|tg-spoiler|tg-emoji|br|span)(\s[^<>]*)?>/,
  escapeHtml: /\bescapeHtml\b/,
  "a t.me link": /\bt\.me\//,
};

/**
 * What is still Telegram's in the domain, by file, until it moves (docs/ARCHITECTURE.md, "What is still
 * Telegram-shaped"): the outbox's rows are the Telegram channel's queue and carry its parse mode.
 */
const KNOWN: Record<string, string[]> = {};

const code = (source: string): string => source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");

/** the kinds of Telegram markup a source file writes */
const markup = (source: string): string[] => Object.keys(MARKUP).filter((kind) => MARKUP[kind]!.test(code(source)));

const domainFiles = () =>
  files(path.join(projectRoot, "src", "domain")).map((f) => ({
    file: path.relative(projectRoot, f).split(path.sep).join("/"),
    source: fs.readFileSync(f, "utf8"),
  }));

describe("the domain's boundary", () => {
  it("no file under src/domain imports grammY, its plugins, the button codecs or the bot layer", () => {
    const domain = path.join(projectRoot, "src", "domain");
    const offenders = files(domain).flatMap((f) =>
      imports(fs.readFileSync(f, "utf8"))
        .filter((spec) => TELEGRAM.some((re) => re.test(spec)))
        .map((spec) => `${path.relative(projectRoot, f)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it("the check sees an import of the bot layer (it can fail)", () => {
    const offending = 'import { x } from "../../bot/features/lessons/callbacks.js";\nimport { Composer } from "grammy";';
    expect(imports(offending).filter((spec) => TELEGRAM.some((re) => re.test(spec)))).toEqual(["../../bot/features/lessons/callbacks.js", "grammy"]);
  });

  it("no service writes Telegram's markup: no parse_mode, no HTML tag built by hand, no escapeHtml, no t.me link", () => {
    const offenders = domainFiles().flatMap(({ file, source }) =>
      markup(source)
        .filter((kind) => !KNOWN[file]?.includes(kind))
        .map((kind) => `${file} writes ${kind}`),
    );
    expect(offenders).toEqual([]);
  });

  it("each known exception is still there (once it has moved, take it off KNOWN)", () => {
    const found = Object.fromEntries(domainFiles().map(({ file, source }) => [file, markup(source)]));
    const stale = Object.entries(KNOWN).flatMap(([file, kinds]) => kinds.filter((k) => !found[file]?.includes(k)).map((k) => `${file}: ${k}`));
    expect(stale).toEqual([]);
  });

  it("the markup check sees markup in code and not in comments (it can fail)", () => {
    const written = 'const text = "<b>" + escapeHtml(title) + "</b>";\nawait send({ parse_mode: "HTML" });\nconst link = "https://t.me/" + bot;';
    expect(markup(written)).toEqual(["parse_mode", "an HTML tag", "escapeHtml", "a t.me link"]);
    expect(markup('const url = "https://example.org/x"; // <b>bold</b> with parse_mode\n/** escapeHtml <i>x</i> */')).toEqual([]);
    expect(markup("const cmp = a < b && c > d; type T = Array<string>;")).toEqual([]);
  });

  it("every domain action becomes Telegram button data its handler decodes, within Telegram's 64 bytes", () => {
    const samples = [
      packAction({ do: "lesson-card", id: 2147483647 }),
      packAction({ do: "meeting-rsvp", id: 2147483647, going: false }),
      packAction({ do: "course-offer", reg: 2147483647, yes: true }),
      packAction({ do: "broadcast-answer", id: 2147483647, option: 9 }),
      packAction({ do: "certificate", kind: "material", id: 2147483647 }),
      packAction({ do: "material-queue" }),
    ];
    expect(samples).toEqual([
      "lesson-card:2147483647",
      "meeting-r:0:2147483647",
      "course-offer:2147483647:1",
      "broadcast-q:2147483647:9",
      "doc-c:2147483647:material:",
      "material-mq",
    ]);
    for (const data of samples) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
  });
});

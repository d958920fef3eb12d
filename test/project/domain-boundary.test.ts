// The domain knows no messenger: nothing under src/domain imports grammY, a grammY plugin, the button
// data codecs or the bot layer. Buttons in the domain are actions (src/domain/actions.ts); the Telegram
// layer packs them (src/bot/actions.ts). A second messenger is a new renderer and bot layer, not a new domain.
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

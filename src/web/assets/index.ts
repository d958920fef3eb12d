// Everything a page loads comes from here, built from the project's own files and npm packages: the
// stylesheet (src/web/assets/site.css), the script (src/web/client/main.ts bundled by esbuild with the
// Mini App bridge from @twa-dev/sdk), and PT Sans from @fontsource/pt-sans. No CDN, no telegram.org:
// school networks are filtered. URLs carry a content version, so browsers may keep them for a year.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Hono } from "hono";
import { projectRoot } from "../../paths.js";

const here = path.join(projectRoot, "src", "web");
const CLIENT = path.join(here, "client", "main.ts");
const CSS = path.join(here, "assets", "site.css");
const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve("@fontsource/pt-sans/package.json")), "files");
/** the subsets a Russian or English page needs, regular and bold */
const FONT_FILE = /^pt-sans-(cyrillic|latin)-(400|700)-normal\.woff2$/;

export interface Assets {
  /** URLs with their version, for the layout */
  css: string;
  js: string;
  routes: Hono;
}

const IMMUTABLE = "public, max-age=31536000, immutable";

export function createAssets(): Assets {
  const version = createHash("sha256")
    .update(fs.readFileSync(CSS))
    .update(fs.readFileSync(CLIENT))
    .update(fs.readFileSync(path.join(here, "client", "sort.ts")))
    .digest("hex")
    .slice(0, 12);
  let script: Promise<string> | undefined;
  const bundle = () =>
    // esbuild is loaded on the first request for the script, not at start
    (script ??= import("esbuild")
      .then(({ build }) =>
        build({
          entryPoints: [CLIENT],
          bundle: true,
          minify: true,
          format: "iife",
          target: "es2019",
          write: false,
          legalComments: "none",
          // @twa-dev/sdk says it has no side effects, but installing window.Telegram.WebApp is its whole point
          ignoreAnnotations: true,
          logLevel: "silent",
        }),
      )
      .then((r) => r.outputFiles[0]!.text));
  const routes = new Hono()
    .get("/assets/site.css", (c) => c.body(fs.readFileSync(CSS, "utf8"), 200, { "content-type": "text/css; charset=utf-8", "cache-control": IMMUTABLE }))
    .get("/assets/app.js", async (c) => c.body(await bundle(), 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": IMMUTABLE }))
    .get("/assets/fonts/:file", (c) => {
      const file = c.req.param("file");
      if (!FONT_FILE.test(file)) return c.notFound();
      return c.body(fs.readFileSync(path.join(fontDir, file)), 200, { "content-type": "font/woff2", "cache-control": IMMUTABLE });
    });
  return { css: `/assets/site.css?v=${version}`, js: `/assets/app.js?v=${version}`, routes };
}

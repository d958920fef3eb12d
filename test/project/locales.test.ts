// Every user-facing text comes from locales/: both locales have every key, and every key the code
// names exists.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";

/** Every message id of a locale: all of locales/<locale>/*.ftl, as @grammyjs/i18n merges them. */
const ids = (locale: string) =>
  new Set(
    fs
      .readdirSync(path.join(projectRoot, "locales", locale))
      .filter((f) => f.endsWith(".ftl"))
      .map((f) => fs.readFileSync(path.join(projectRoot, "locales", locale, f), "utf8"))
      .join("\n")
      .split("\n")
      .map((l) => /^([a-z][a-z0-9_-]*)\s*=/.exec(l)?.[1])
      .filter((x): x is string => !!x),
  );

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "generated" ? [] : sourceFiles(p);
    return p.endsWith(".ts") ? [p] : [];
  });
}

describe("locales", () => {
  const ru = ids("ru"),
    en = ids("en");

  it("ru and en have the same message ids", () => {
    expect(
      [...ru].filter((k) => !en.has(k)),
      "missing in locales/en/",
    ).toEqual([]);
    expect(
      [...en].filter((k) => !ru.has(k)),
      "missing in locales/ru/",
    ).toEqual([]);
  });

  it("no message id is defined twice in a locale (a later file would silently override it)", () => {
    for (const locale of ["ru", "en"]) {
      const dir = path.join(projectRoot, "locales", locale);
      const all = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".ftl"))
        .flatMap((f) => fs.readFileSync(path.join(dir, f), "utf8").split("\n"))
        .map((l) => /^([a-z][a-z0-9_-]*)\s*=/.exec(l)?.[1])
        .filter((x): x is string => !!x);
      expect(
        all.filter((k, i) => all.indexOf(k) !== i),
        locale,
      ).toEqual([]);
    }
  });

  it("every message id named in the code exists, and every DomainError code has an error- message", () => {
    const code = sourceFiles(path.join(projectRoot, "src"))
      .map((f) => fs.readFileSync(f, "utf8"))
      .join("\n");
    const named = new Set([...code.matchAll(/\bt\(\s*"([a-z][a-z0-9_-]*)"/g)].map((m) => m[1]!));
    for (const m of code.matchAll(/DomainError\("([a-z0-9-]+)"/g)) named.add(`error-${m[1]}`);
    // `key: "course-signed-up"` in notices and menus; message ids always have a dash (column keys do not)
    for (const m of code.matchAll(/\b(?:MENU\.\w+|key):\s*"([a-z][a-z0-9_]*-[a-z0-9_-]*)"/g)) named.add(m[1]!);
    const missing = [...named].filter((k) => !ru.has(k));
    expect(missing).toEqual([]);
  });
});

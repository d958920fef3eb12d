// The conversations' storage version is derived from the flow sources (scripts/conversations-version.ts):
// a flow changed without `npm run conversations:version` fails here, so no deployment keeps replaying
// stored conversations against changed code under an unchanged version.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { computeFlowVersion, renderVersionFile } from "../../scripts/conversations-version.js";
import { CONVERSATIONS_VERSION, FLOW_SOURCES } from "../../src/bot/conversations-version.js";

const HOW = "a flow source changed: run `npm run format && npm run conversations:version` and commit src/bot/conversations-version.ts";

describe("the conversations' storage version", () => {
  it("matches the flow sources as they are", () => {
    const now = computeFlowVersion();
    expect(Object.keys(FLOW_SOURCES), HOW).toEqual(Object.keys(now.sources));
    expect(FLOW_SOURCES, HOW).toEqual(now.sources);
    expect(CONVERSATIONS_VERSION, HOW).toBe(now.version);
  });

  it("finds the flows: every feature with a conversation, the kit, and nothing outside src/bot", () => {
    const files = Object.keys(computeFlowVersion().sources);
    expect(files).toContain("src/bot/conversations/kit.ts");
    expect(files).toContain("src/bot/features/registration/onboarding.ts");
    expect(files).toContain("src/bot/features/lessons/offer.ts");
    expect(files.every((f) => f.startsWith("src/bot/"))).toBe(true);
    expect(files).not.toContain("src/bot/conversations-version.ts");
  });

  it("changes when any one flow source changes, and only that file's entry with it", () => {
    const now = computeFlowVersion();
    const target = "src/bot/features/registration/onboarding.ts";
    const edited = computeFlowVersion((file) => fs.readFileSync(file, "utf8") + (file.endsWith(target) ? "\n// one more line\n" : ""));
    expect(edited.version).not.toBe(now.version);
    expect(Object.entries(edited.sources).filter(([f, h]) => now.sources[f] !== h)).toEqual([[target, expect.any(String)]]);
    // line endings alone are no change
    expect(computeFlowVersion((file) => fs.readFileSync(file, "utf8").replace(/\n/g, "\r\n")).version).toBe(now.version);
  });

  it("writes a file that states the version and every source", () => {
    const now = computeFlowVersion();
    const text = renderVersionFile(now);
    expect(text).toContain(`export const CONVERSATIONS_VERSION = "${now.version}";`);
    for (const [file, hash] of Object.entries(now.sources)) expect(text).toContain(`"${file}": "${hash}",`);
  });
});

// Real Chromium for the site's tests: Debian's chromium (apt-get install chromium) driven by
// playwright-core, headless. One browser per test worker (a launch costs a second or two of CPU and the
// worker runs its files one after another: vitest.config.ts), each test in a fresh context of its own
// (cookies, storage and cache are per context, so nothing carries over between tests). Without the
// browser the tests that need it are skipped and say so in vitest's summary, as the PostgreSQL ones do.
import fs from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const hasChromium = fs.existsSync(CHROMIUM);

if (!hasChromium && process.env.VITEST) {
  const { describe, it } = await import("vitest");
  describe.skip(`in Chromium (${CHROMIUM} is not installed: apt-get install -y chromium)`, () => {
    it("every browser test of this file", () => undefined);
  });
}

/** A browser of one's own, with a fresh temporary profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** this worker's browser (see workerChromium) */
const WORKER_BROWSER = Symbol.for("metodset.test.chromium");
type WithBrowser = typeof globalThis & { [WORKER_BROWSER]?: Promise<Browser> };

/**
 * The test worker's browser: launched on first use, closed when the worker's process exits (playwright
 * closes the browsers it launched then). Tests open a context of their own in it and close it; a file
 * never closes the browser itself. Launched again if it went away (a crash).
 */
export function workerChromium(): Promise<Browser> {
  const g = globalThis as WithBrowser;
  const current = g[WORKER_BROWSER];
  if (current) {
    return current.then(
      (b) => (b.isConnected() ? b : relaunch(g)),
      () => relaunch(g),
    );
  }
  return relaunch(g);
}

function relaunch(g: WithBrowser): Promise<Browser> {
  const launched = launchChromium();
  g[WORKER_BROWSER] = launched;
  return launched;
}

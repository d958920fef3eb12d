// Real Chromium for the site's tests: Debian's chromium (apt-get install chromium) driven by
// playwright-core, headless, each launch with a fresh temporary profile. Without the browser the tests
// that need it are skipped and say so in vitest's summary, as the PostgreSQL ones do.
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

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

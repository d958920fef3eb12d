// Runs before each test file (in the same worker process as the files before it: vitest.config.ts).
import fs from "node:fs";
import { describe, expect, it } from "vitest";

// Loud notice when PostgreSQL is not part of this run.
if (!process.env.TEST_DATABASE_URL && !(globalThis as { __pgNotice?: boolean }).__pgNotice) {
  (globalThis as { __pgNotice?: boolean }).__pgNotice = true;
  console.warn(
    "\n⚠️  TEST_DATABASE_URL is not set: PostgreSQL tests are SKIPPED, only SQLite is tested.\n" +
      "    Set it (e.g. postgresql://postgres@127.0.0.1:5432/test) to test both databases.\n",
  );
}

// Without PostgreSQL every file that tests on the databases (that imports helpers/databases) says so in
// vitest's summary (one skipped entry per file, beside the warning above), so that a green run cannot pass
// for a run on both. Decided here, per file: a module's own top-level code runs once per worker.
const testPath = expect.getState().testPath;
if (!process.env.TEST_DATABASE_URL && testPath && /helpers\/databases\.js/.test(fs.readFileSync(testPath, "utf8"))) {
  describe.skip("on postgresql (TEST_DATABASE_URL is not set)", () => {
    it("every test of this file, on PostgreSQL", () => undefined);
  });
}

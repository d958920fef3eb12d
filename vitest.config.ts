import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/helpers/setup.ts"],
    // the migrated and seeded template databases each test copies, built once per run
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // each file builds its own databases; two cores
    maxWorkers: 2,
    // a worker runs its files one after another in one process, importing the app's modules once (not
    // once per file: that was half of the suite's CPU time). Sound because nothing in src/ or test/helpers
    // keeps module-level state between apps (no singletons: every test builds its own app).
    isolate: false,
  },
});

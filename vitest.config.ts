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
    // each file builds its own databases. Three workers on two cores: a good part of the suite waits (bot
    // processes starting, Chromium loading pages, the emulator), which a third worker fills; measured on
    // this machine 116 s wall against 136 s with two, at about the same CPU (165 s against 186 s)
    maxWorkers: 3,
    // a worker runs its files one after another in one process, importing the app's modules once (not
    // once per file: that was half of the suite's CPU time). Sound because nothing in src/ or test/helpers
    // keeps module-level state between apps (no singletons: every test builds its own app).
    isolate: false,
  },
});

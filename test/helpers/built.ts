// The bot as production runs it: `npm start` compiles into dist/ when a source is newer (scripts/build.mjs)
// and runs node dist/src/main.js. Tests that start the process do the same.
import { execFileSync } from "node:child_process";
import { projectRoot } from "../../src/paths.js";

/** node's arguments that start the compiled bot (from the project root) */
export const MAIN = ["dist/src/main.js"];

/** Builds dist/ if a source is newer than the last build (waits for a build another worker runs). */
export function ensureBuilt(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: projectRoot, stdio: ["ignore", "inherit", "inherit"] });
}

/** How long a build may take on a busy machine: the hook timeout of files that call ensureBuilt. */
export const BUILD_TIMEOUT_MS = 300_000;

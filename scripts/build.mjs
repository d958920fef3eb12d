// Compiles the app (src/ and the operator's scripts: tsconfig.build.json) into dist/ when a source is
// newer than the last build, or always with --force. `npm start` runs it first (prestart), so a fresh
// checkout or a `git pull` starts compiled JavaScript without a separate step, and an unchanged tree
// starts at once (the check reads file times only). Concurrent callers (two test workers) wait for the
// one that builds. Plain JavaScript: it must run before anything is compiled and without tsx.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, "dist");
const stamp = path.join(dist, ".built");
const lock = path.join(root, ".build.lock");
const inputs = ["src", "scripts/import-directory.ts", "tsconfig.json", "tsconfig.build.json", "package-lock.json"];

/** The newest modification time among the build's inputs. */
function newestInput() {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const i of inputs) visit(path.join(root, i));
  return newest;
}

const upToDate = () => fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= newestInput();

function build() {
  const started = Date.now();
  fs.rmSync(dist, { recursive: true, force: true }); // no compiled file of a deleted source stays behind
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  // emit only: checking the types is `npm run typecheck`'s job (CI runs it before the tests); the same
  // JavaScript comes out in a third of the time (≈ 5 s instead of ≈ 14 s on 2 cores), which every start
  // after a `git pull` and the first test run of a fresh clone pay
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--noCheck"], { cwd: root, stdio: "inherit" });
  // stamped with the time the build started: a source saved during the build is built next time
  fs.writeFileSync(stamp, "");
  fs.utimesSync(stamp, new Date(started), new Date(started));
  console.error(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function takeLock() {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      return;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      // a lock left by a build that died long ago is taken over
      if (Date.now() - fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 5 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${lock} is held for too long: remove it if no build runs`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

const force = process.argv.includes("--force");
if (force || !upToDate()) {
  takeLock();
  try {
    if (force || !upToDate()) build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

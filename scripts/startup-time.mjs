// Start-up time of the bot process: from spawn to its "polling for updates" log line, on an up-to-date
// SQLite database, against a local fake Bot API. Compares how production starts (node dist/src/main.js)
// with development (tsx src/main.ts). Usage: node scripts/startup-time.mjs [runs=5]
// (build first: npm run build). Prints the median wall time and the process's CPU time at that moment.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

const runs = Number(process.argv[2] ?? 5);
const root = path.resolve(import.meta.dirname, "..");
const TICK_MS = 10; // clock ticks of /proc/<pid>/stat on Linux (USER_HZ 100)

const api = http.createServer((req, res) => {
  const method = (req.url ?? "").split("/").pop();
  req.resume().on("end", () => {
    const result = method === "getMe" ? { id: 1, is_bot: true, first_name: "Методсеть", username: "metodset_bot" } : method === "getUpdates" ? [] : true;
    const answer = () => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
    if (method === "getUpdates") setTimeout(answer, 500);
    else answer();
  });
});
await new Promise((r) => api.listen(0, "127.0.0.1", r));
const apiRoot = `http://127.0.0.1:${api.address().port}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "metodset-startup-"));
const env = { PATH: process.env.PATH, BOT_TOKEN: "123456:STARTUP", BOT_API_ROOT: apiRoot, DATABASE_URL: `file:${path.join(dir, "bot.db")}` };

function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return Number.NaN;
  }
}

function once(args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const early = (code) => reject(new Error(`exited with ${code} before polling:\n${out}`));
    const onData = (c) => {
      out += c;
      if (out.includes('"msg":"polling for updates"')) {
        const ms = performance.now() - t0;
        const cpu = cpuMs(child.pid);
        child.stdout.off("data", onData);
        child.off("exit", early);
        child.kill("SIGTERM");
        child.once("exit", () => resolve({ ms, cpu }));
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (c) => (out += c));
    child.once("exit", early);
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const variants = {
  "node dist/src/main.js": ["dist/src/main.js"],
  "tsx src/main.ts": ["--import", "tsx", "src/main.ts"],
};
try {
  await once(variants["node dist/src/main.js"]); // migrates the database: later starts find it up to date
  for (const [name, args] of Object.entries(variants)) {
    await once(args); // warm the file cache (and tsx's transform cache)
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await once(args));
    console.log(`${name}: median ${Math.round(median(results.map((r) => r.ms)))} ms wall, ${median(results.map((r) => r.cpu))} ms CPU (${runs} runs)`);
  }
  console.log(
    `load average: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}, ${os.cpus().length} cores`,
  );
} finally {
  api.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

// Cold start: the compiled bot (`node dist/src/main.js`, as `npm start` runs it) on an up-to-date SQLite
// database (migrated and seeded by an earlier start), against a fake Bot API over HTTP that answers at
// once; the time from spawning the process to its "polling for updates" log line, and the steps between
// (from the log's timestamps). Slowest of BENCH_COLD_STARTS (3).
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { projectRoot } from "../../src/paths.js";
import { ensureBuilt, MAIN } from "../../test/helpers/built.js";
import { memoryNow, type BenchOptions, type Scenario, type ScenarioResult } from "../harness.js";
import { round, summarizeLatency } from "../stats.js";

const BOT = { id: 123456, is_bot: true, first_name: "Методсеть", username: "metodset_bot", can_join_groups: false, can_read_all_group_messages: false };

async function fakeBotApi() {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const method = (req.url ?? "").split("/").pop() ?? "";
      const json = (body: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
      if (method === "getUpdates") setTimeout(() => json({ ok: true, result: [] }), 500);
      else json({ ok: true, result: method === "getMe" ? BOT : true });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(r)) };
}

interface Start {
  totalMs: number;
  /** ms from spawn to each log line of the start */
  steps: Record<string, number>;
}

function startOnce(env: Record<string, string>): Promise<Start> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const spawnedAt = Date.now();
    const child = spawn(process.execPath, MAIN, { cwd: projectRoot, env: { PATH: process.env.PATH, ...env } });
    const steps: Record<string, number> = {};
    let buffer = "";
    let log = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no "polling for updates" within 60 s:\n${log}`));
    }, 60_000);
    child.stderr.on("data", (c: Buffer) => (log += c.toString()));
    child.stdout.on("data", (c: Buffer) => {
      buffer += c.toString();
      log += c.toString();
      let nl = buffer.indexOf("\n");
      while (nl >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        nl = buffer.indexOf("\n");
        try {
          const entry = JSON.parse(line) as { msg?: string; time?: number | string };
          const at = typeof entry.time === "string" ? Date.parse(entry.time) : entry.time;
          if (entry.msg && at !== undefined && Number.isFinite(at)) steps[entry.msg] = at - spawnedAt;
          if (entry.msg === "polling for updates") {
            const totalMs = performance.now() - t0;
            clearTimeout(timer);
            child.once("exit", () => resolve({ totalMs, steps }));
            child.kill("SIGTERM");
          }
        } catch {
          // not a JSON log line
        }
      }
    });
    child.once("exit", (code) => {
      if (!Object.hasOwn(steps, "polling for updates")) {
        clearTimeout(timer);
        reject(new Error(`the bot exited (${code}) before polling:\n${log}`));
      }
    });
  });
}

export const coldStart: Scenario = {
  id: "cold-start",
  title: "cold start of the compiled bot to polling, on an up-to-date SQLite database",
  async run(_opts: BenchOptions): Promise<ScenarioResult> {
    ensureBuilt();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "metodset-cold-"));
    const api = await fakeBotApi();
    try {
      const env = {
        BOT_TOKEN: "123456:BENCH-token",
        DATABASE_URL: `file:${path.join(dir, "bot.db")}`,
        BOT_API_ROOT: api.url,
        LOG_LEVEL: "info",
        PORT: "0",
      };
      // the first start migrates and loads the sample district: done here, not measured
      const app = await createApp(loadConfig(env), { logger: silentLogger() });
      await app.close();
      const starts: Start[] = [];
      for (let i = 0; i < Number(process.env.BENCH_COLD_STARTS ?? 3); i++) starts.push(await startOnce(env));
      const totals = starts.map((s) => s.totalMs);
      const slowest = starts.reduce((a, b) => (b.totalMs > a.totalMs ? b : a));
      return {
        id: this.id,
        title: this.title,
        workload: "spawn node dist/src/main.js (polling), wait for its 'polling for updates' log line, SIGTERM",
        updates: starts.length,
        wallMs: round(
          totals.reduce((a, b) => a + b, 0),
          1,
        ),
        updatesPerSecond: round((starts.length * 1000) / totals.reduce((a, b) => a + b, 0), 2),
        latencyMs: summarizeLatency(totals),
        perRound: totals.map((t) => round(1000 / t, 2)),
        concurrency: 1,
        chats: 0,
        memory: memoryNow(),
        details: { startsMs: totals.map((t) => round(t, 0)), slowestSteps: slowest.steps },
        targets: [{ label: "cold start to polling, slowest (ms)", value: round(Math.max(...totals), 0), target: "≤ 2000", pass: Math.max(...totals) <= 2000 }],
      };
    } finally {
      await api.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

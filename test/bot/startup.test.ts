// The process, started as an operator starts it, against a Bot API that refuses the token: it must say
// so and exit with a non-zero code (a service manager restarts it or shows the failure), not hang.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";

describe("starting the bot", () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const f of cleanup.splice(0)) f();
  });

  it("exits with code 1 and a clear log line when the Bot API refuses the token", async () => {
    const calls: string[] = [];
    const server = http.createServer((req, res) => {
      calls.push(req.url ?? "");
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error_code: 401, description: "Unauthorized" }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    cleanup.push(() => server.close());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "metodset-start-"));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));

    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH,
        BOT_TOKEN: "123456:WRONG",
        BOT_API_ROOT: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        DATABASE_URL: `file:${path.join(dir, "bot.db")}`,
      },
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number | null>((r) => child.on("exit", r));

    expect(code).toBe(1);
    expect(calls).toEqual(["/bot123456:WRONG/getMe"]);
    const fatal = out.split("\n").find((l) => l.includes('"level":60'));
    expect(fatal).toContain("the Bot API is unreachable or refused the token");
    expect(fatal).toContain("401");
    // the database was prepared before: the next start with the right token finds it ready
    expect(out).toContain("migrations applied");
  }, 30_000);
});

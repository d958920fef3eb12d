// A database that cannot be opened at start: the process says which setting is wrong and where it
// points (never the password), and exits with code 1 like any other failed start.
import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { silentLogger } from "../../src/logger.js";
import { projectRoot } from "../../src/paths.js";
import { BUILD_TIMEOUT_MS, ensureBuilt, MAIN } from "../helpers/built.js";

async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

describe("a database that cannot be opened at start", () => {
  // the process as `npm start` runs it (compiled: half the CPU of starting it through tsx)
  beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

  it("PostgreSQL not listening: the process names DATABASE_URL, the host and port, the database and user, not the password; exit code 1", async () => {
    const port = await closedPort();
    const child = spawn(process.execPath, MAIN, {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, BOT_TOKEN: "123456:TEST", DATABASE_URL: `postgresql://metodset:pw-Sup3rSecret@127.0.0.1:${port}/district` },
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number | null>((r) => child.on("exit", r));

    expect(code).toBe(1);
    expect(out).toContain(`DATABASE_URL: cannot connect to PostgreSQL at 127.0.0.1:${port} (database "district", user "metodset")`);
    expect(out).toContain("ECONNREFUSED");
    expect(out).not.toContain("pw-Sup3rSecret");
  }, 60_000);

  it("an SQLite file that cannot be created: the error names DATABASE_URL and the path", async () => {
    const err = await openDatabase("file:/etc/hostname/bot.db", { logger: silentLogger() }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^DATABASE_URL: cannot open the SQLite database file \/etc\/hostname\/bot\.db: .*(EEXIST|ENOTDIR)/);
  });
});

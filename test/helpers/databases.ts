// Which databases the suite runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. Each test
// app gets a database of its own (a temp SQLite file or a fresh PostgreSQL database, dropped afterwards).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type Provider = "sqlite" | "postgresql";

export const PG_URL = process.env.TEST_DATABASE_URL;

export const providers: Provider[] = PG_URL ? ["sqlite", "postgresql"] : ["sqlite"];

// Without PostgreSQL every file that tests on the databases says so in vitest's summary (one skipped
// entry per file, beside setup.ts's warning), so that a green run cannot pass for a run on both.
// Only under vitest: the benchmark imports this module too.
if (!PG_URL && process.env.VITEST) {
  const { describe, it } = await import("vitest");
  describe.skip("on postgresql (TEST_DATABASE_URL is not set)", () => {
    it("every test of this file, on PostgreSQL", () => undefined);
  });
}

let counter = 0;

export interface TempDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function tempDatabase(provider: Provider): Promise<TempDatabase> {
  const name = `metodset_t${process.pid}_${Date.now().toString(36)}_${counter++}`;
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "metodset-"));
    return { url: `file:${path.join(dir, "test.db")}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  if (!PG_URL) throw new Error("TEST_DATABASE_URL is not set");
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

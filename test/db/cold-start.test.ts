// Several replicas started at the same moment on an empty PostgreSQL database: the migrations run
// once (under their advisory lock) and the sample district is loaded once, whatever the number of
// replicas. (An SQLite deployment is one process: nothing to race.)
import { spawn } from "node:child_process";
import readline from "node:readline";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { PG_URL, tempDatabase } from "../helpers/databases.js";

/** A process that opens the app on each database URL it is given (test/db/fixtures/cold-start.ts). */
function replica() {
  const child = spawn(process.execPath, ["--import", "tsx", "test/db/fixtures/cold-start.ts"], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, BOT_TOKEN: "123456:TEST" },
  });
  const said: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  readline.createInterface({ input: child.stdout }).on("line", (line) => {
    const w = waiting.shift();
    if (w) w(line);
    else said.push(line);
  });
  const next = () => new Promise<string>((resolve) => (said.length ? resolve(said.shift()!) : waiting.push(resolve)));
  return { child, next, open: (url: string) => child.stdin.write(`${url}\n`) };
}

async function directory(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const n = async (sql: string) => Number((await c.query(sql)).rows[0].n);
    return {
      schools: await n("SELECT count(*) AS n FROM schools"),
      distinctSchools: await n("SELECT count(DISTINCT name) AS n FROM schools"),
      subjects: await n("SELECT count(*) AS n FROM subjects"),
    };
  } finally {
    await c.end();
  }
}

describe.skipIf(!PG_URL)("replicas cold-starting together on an empty PostgreSQL database", () => {
  const replicas: ReturnType<typeof replica>[] = [];
  beforeAll(async () => {
    replicas.push(replica(), replica(), replica());
    expect(await Promise.all(replicas.map((r) => r.next()))).toEqual(["ready", "ready", "ready"]);
  }, 120_000);
  afterAll(() => {
    for (const r of replicas) r.child.kill();
  });

  it("three processes at once, five times over: each starts, and the sample district is loaded exactly once", async () => {
    for (let round = 0; round < 5; round++) {
      const db = await tempDatabase("postgresql");
      try {
        for (const r of replicas) r.open(db.url);
        const outcomes = await Promise.all(replicas.map((r) => r.next()));
        expect(
          outcomes.filter((o) => o.startsWith("done failed")),
          `round ${round}`,
        ).toEqual([]);
        expect(outcomes.sort(), `round ${round}`).toEqual(["done found", "done found", "done loaded"]);
        expect(await directory(db.url), `round ${round}`).toEqual({ schools: 24, distinctSchools: 24, subjects: 18 });
      } finally {
        await db.drop();
      }
    }
  }, 180_000);
});

// One source of truth for the models; both providers' migrations committed and in sync with it.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { PG_URL } from "../helpers/databases.js";

function run(...args: string[]) {
  return spawnSync(process.execPath, ["scripts/prisma.mjs", ...args], { cwd: projectRoot, env: process.env, encoding: "utf8" });
}

describe("schema and migrations", () => {
  it("the per-provider schemas are generated from prisma/models.prisma", () => {
    const r = run("schemas", "--check");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("SQLite migrations produce exactly the models", () => {
    const r = run("check", "sqlite");
    expect(r.stdout + r.stderr).toContain("sqlite: migrations match the models");
    expect(r.status).toBe(0);
  });

  it.skipIf(!PG_URL)("PostgreSQL migrations produce exactly the models", () => {
    const r = run("check", "postgresql");
    expect(r.stdout + r.stderr).toContain("postgresql: migrations match the models");
    expect(r.status).toBe(0);
  });
});

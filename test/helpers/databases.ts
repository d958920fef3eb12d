// Which databases the suite runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. Each test
// app gets a database of its own (a temp SQLite file or a fresh PostgreSQL database, dropped afterwards),
// empty or copied from one of the run's templates (see templates.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { adminQuery, buildTemplates, databaseUrl, type TemplateKind, type Templates } from "./templates.js";

export type Provider = "sqlite" | "postgresql";

export const PG_URL = process.env.TEST_DATABASE_URL;

export const providers: Provider[] = PG_URL ? ["sqlite", "postgresql"] : ["sqlite"];

declare module "vitest" {
  export interface ProvidedContext {
    /** built once per run by test/helpers/global-setup.ts */
    templates: Templates;
  }
}

let templates: Promise<Templates> | undefined;

/**
 * The run's templates: under vitest those global-setup.ts built; elsewhere (the benchmark) built on first
 * use and dropped when the process exits.
 */
function runTemplates(): Promise<Templates> {
  templates ??= (async () => {
    if (process.env.VITEST) {
      const { inject } = await import("vitest");
      const provided = inject("templates");
      if (provided) return provided;
    }
    const built = await buildTemplates(PG_URL);
    process.once("beforeExit", () => void built.drop());
    return built.templates;
  })();
  return templates;
}

let counter = 0;

export interface TempDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of one's own: empty (the default: what an operator's first start sees), or a copy of the
 * `migrated` or `seeded` template.
 */
export async function tempDatabase(provider: Provider, from?: TemplateKind): Promise<TempDatabase> {
  const name = `metodset_t${process.pid}_${Date.now().toString(36)}_${counter++}`;
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "metodset-"));
    const file = path.join(dir, "test.db");
    if (from) fs.copyFileSync((await runTemplates()).sqlite[from], file);
    return { url: `file:${file}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  if (!PG_URL) throw new Error("TEST_DATABASE_URL is not set");
  const template = from ? (await runTemplates()).postgresql?.[from] : undefined;
  if (from && !template) throw new Error("no PostgreSQL template was built for this run");
  await adminQuery(PG_URL, template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
  return {
    url: databaseUrl(PG_URL, name),
    drop: () => adminQuery(PG_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

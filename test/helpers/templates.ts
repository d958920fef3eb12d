// Template databases: migrating a fresh database and loading the sample district took most of a test's
// second or two, so it is done once per run (test/helpers/global-setup.ts) and each test gets a copy:
// SQLite copies the template file, PostgreSQL creates the database from a template. Each test still has
// a database of its own.
//   migrated: every migration applied, nothing else (a fresh install's first start seeds it itself)
//   seeded:   what a first start leaves behind: migrated, plus the app's start-up work (the sample
//             district); a test app opened on a copy finds it done, exactly as on any later start
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/client.js";
import { silentLogger } from "../../src/logger.js";

export type TemplateKind = "migrated" | "seeded";

/** Where a run's templates are: SQLite files, PostgreSQL database names (on TEST_DATABASE_URL's server). */
export interface Templates {
  sqlite: Record<TemplateKind, string>;
  postgresql?: Record<TemplateKind, string>;
}

export interface BuiltTemplates {
  templates: Templates;
  drop(): Promise<void>;
}

/** The app's first start on an empty, migrated database: what the `seeded` template holds. */
async function firstStart(url: string): Promise<void> {
  const config = loadConfig({ BOT_TOKEN: "123456:TEMPLATE-token", DATABASE_URL: url, LOG_LEVEL: "silent" });
  const app = await createApp(config, {
    logger: silentLogger(),
    // no Bot API call is made while the app is only built; any would be a mistake here
    fetch: () => Promise.reject(new Error("the template database's app must not call the Bot API")),
    botInfo: { id: 1, is_bot: true, first_name: "template", username: "template_bot" } as never,
  });
  await app.close();
}

/**
 * A database file in one piece (no -wal or -shm beside it), safe to copy while nobody writes to it. Left
 * in WAL mode (a property of the file, kept in its header), as the app's start leaves every database: a
 * copy then opens in WAL at once instead of each test app converting it (a write of its own per test).
 */
function compact(from: string, to: string): void {
  const db = new Sqlite(from);
  try {
    db.prepare("VACUUM INTO ?").run(to);
  } finally {
    db.close();
  }
  const copy = new Sqlite(to);
  try {
    copy.pragma("journal_mode = WAL");
  } finally {
    copy.close(); // the last connection's close checkpoints and removes the -wal and -shm files
  }
}

async function sqliteTemplates(dir: string): Promise<Record<TemplateKind, string>> {
  const work = path.join(dir, "work.db");
  const db = await openDatabase(`file:${work}`, { logger: silentLogger() });
  await db.close();
  const migrated = path.join(dir, "migrated.db");
  compact(work, migrated);
  await firstStart(`file:${work}`);
  const seeded = path.join(dir, "seeded.db");
  compact(work, seeded);
  for (const f of fs.readdirSync(dir)) if (f.startsWith("work.db")) fs.rmSync(path.join(dir, f));
  return { migrated, seeded };
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function postgresTemplates(serverUrl: string, prefix: string): Promise<Record<TemplateKind, string>> {
  const migrated = `${prefix}_migrated`;
  const seeded = `${prefix}_seeded`;
  await adminQuery(serverUrl, `CREATE DATABASE "${migrated}"`);
  const db = await openDatabase(databaseUrl(serverUrl, migrated), { logger: silentLogger() });
  await db.close();
  await adminQuery(serverUrl, `CREATE DATABASE "${seeded}" TEMPLATE "${migrated}"`);
  await firstStart(databaseUrl(serverUrl, seeded));
  return { migrated, seeded };
}

/** Builds the templates of both providers (PostgreSQL's when `pgUrl` is given). */
export async function buildTemplates(pgUrl: string | undefined): Promise<BuiltTemplates> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "metodset-templates-"));
  const prefix = `metodset_tmpl_${process.pid}_${Date.now().toString(36)}`;
  const drop = async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (pgUrl) {
      for (const kind of ["seeded", "migrated"]) await adminQuery(pgUrl, `DROP DATABASE IF EXISTS "${prefix}_${kind}" WITH (FORCE)`).catch(() => undefined);
    }
  };
  try {
    const templates: Templates = { sqlite: await sqliteTemplates(dir) };
    if (pgUrl) templates.postgresql = await postgresTemplates(pgUrl, prefix);
    return { templates, drop };
  } catch (e) {
    await drop();
    throw e;
  }
}

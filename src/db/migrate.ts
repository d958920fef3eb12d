// Applies prisma/<provider>/migrations on start, recording them in `_prisma_migrations` exactly as
// `prisma migrate deploy` does (same table, checksum = sha256 of migration.sql), so an operator can use
// either on the same database. Runs on the raw driver: no Prisma CLI, no engine binary at run time.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import type { Logger } from "../logger.js";
import { projectRoot } from "../paths.js";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(provider: "sqlite" | "postgresql"): Migration[] {
  const dir = path.join(projectRoot, "prisma", provider, "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** What both drivers must offer the migrator. */
interface MigrationDriver {
  ensureTable(): Promise<void>;
  applied(): Promise<AppliedRow[]>;
  apply(m: Migration): Promise<void>;
}

function plan(migrations: Migration[], applied: AppliedRow[], logger: Logger): Migration[] {
  const failed = applied.find((r) => r.finished_at == null && r.rolled_back_at == null);
  if (failed) {
    throw new MigrationError(
      `migration ${failed.migration_name} failed earlier and was not resolved; fix the database, then run ` +
        `\`npx prisma migrate resolve --applied|--rolled-back ${failed.migration_name}\``,
    );
  }
  const done = new Map(applied.filter((r) => r.finished_at != null && r.rolled_back_at == null).map((r) => [r.migration_name, r]));
  const local = new Set(migrations.map((m) => m.name));
  for (const r of done.values()) {
    if (!local.has(r.migration_name))
      logger.warn({ migration: r.migration_name }, "database has a migration this code does not know (newer version deployed?)");
  }
  for (const m of migrations) {
    const row = done.get(m.name);
    if (row && row.checksum !== m.checksum) logger.warn({ migration: m.name }, "migration.sql changed after it was applied");
  }
  return migrations.filter((m) => !done.has(m.name));
}

async function run(driver: MigrationDriver, migrations: Migration[], logger: Logger): Promise<string[]> {
  await driver.ensureTable();
  const pending = plan(migrations, await driver.applied(), logger);
  for (const m of pending) {
    logger.info({ migration: m.name }, "applying migration");
    await driver.apply(m);
  }
  return pending.map((m) => m.name);
}

export function migrateSqlite(db: BetterSqlite3.Database, logger: Logger): Promise<string[]> {
  const driver: MigrationDriver = {
    async ensureTable() {
      db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`);
    },
    async applied() {
      return db.prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`).all() as AppliedRow[];
    },
    async apply(m) {
      // Like the schema engine: the script runs as a whole (SQLite scripts may toggle PRAGMA foreign_keys,
      // which a surrounding transaction would ignore); a failure is recorded with its message.
      const id = randomUUID(),
        now = () => new Date().toISOString().replace("Z", "+00:00");
      db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`).run(
        id,
        m.checksum,
        m.name,
        now(),
      );
      try {
        db.exec(m.sql);
      } catch (e) {
        db.prepare(`UPDATE "_prisma_migrations" SET logs = ? WHERE id = ?`).run(String(e), id);
        throw new MigrationError(`migration ${m.name} failed: ${(e as Error).message}`);
      }
      db.prepare(`UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(now(), id);
    },
  };
  return run(driver, readMigrations("sqlite"), logger);
}

/** Prisma's own advisory lock id: the CLI and the bot never migrate the same database at once. */
const PRISMA_ADVISORY_LOCK = 72707369;

export async function migratePostgres(client: pg.ClientBase, logger: Logger): Promise<string[]> {
  await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK})`);
  try {
    const driver: MigrationDriver = {
      async ensureTable() {
        await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`);
      },
      async applied() {
        return (await client.query(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`))
          .rows as AppliedRow[];
      },
      async apply(m) {
        const id = randomUUID();
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`, [
          id,
          m.checksum,
          m.name,
        ]);
        // PostgreSQL has transactional DDL: a migration is applied whole or not at all.
        try {
          await client.query("BEGIN");
          await client.query(m.sql);
          await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
          await client.query("COMMIT");
        } catch (e) {
          await client.query("ROLLBACK");
          await client.query(`UPDATE "_prisma_migrations" SET logs = $1 WHERE id = $2`, [String(e), id]);
          throw new MigrationError(`migration ${m.name} failed: ${(e as Error).message}`);
        }
      },
    };
    return await run(driver, readMigrations("postgresql"), logger);
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK})`);
  }
}

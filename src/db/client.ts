// Opens the database named by DATABASE_URL: SQLite through better-sqlite3 (the embedded default) or
// PostgreSQL through pg. Pending migrations are applied first, on the raw driver.
import fs from "node:fs";
import path from "node:path";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client.js";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client.js";
import type { Logger } from "../logger.js";
import { migratePostgres, migrateSqlite } from "./migrate.js";
import { createHotRows, type HotRows } from "./hot-rows.js";
import { type PgRows, pgRows } from "./pg-rows.js";
import { oneTransactionAtATime } from "./sqlite-gate.js";

/**
 * The application's database client. Both providers' clients are generated from the same models; the
 * SQLite one's type is used throughout (the narrower of the two), PostgreSQL's client is its runtime twin.
 */
export type Db = SqliteClient;
export type DbProvider = "sqlite" | "postgresql";

export interface Database {
  prisma: Db;
  provider: DbProvider;
  /**
   * Runs `fn` while no other process of the deployment runs an `exclusive` of the same name: on
   * PostgreSQL under an advisory lock (replicas started together wait for each other); an SQLite
   * deployment is one process, so there it simply runs.
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /**
   * The rows every update reads (its user, session, conversation state), kept in memory where that is
   * exact: on SQLite (one process, every write seen by the adapter); undefined on PostgreSQL.
   */
  hot?: HotRows;
  /** PostgreSQL: rows read on the pool itself, for statements of thousands of rows (src/db/pg-rows.ts) */
  pgRows?: PgRows;
  close(): Promise<void>;
}

export interface OpenOptions {
  logger: Logger;
  /** apply pending migrations first (default true) */
  migrate?: boolean;
  /** PostgreSQL pool size */
  poolSize?: number;
}

/** The database named by DATABASE_URL cannot be opened: the message names the setting and where it points. */
export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
}

/** Where a PostgreSQL client connects, password left out: host:port, database and user. */
function target(client: pg.Client): string {
  return `PostgreSQL at ${client.host}:${client.port} (database "${client.database ?? ""}", user "${client.user ?? ""}")`;
}

function reason(e: unknown): string {
  if (e instanceof AggregateError && e.errors.length) return e.errors.map((x) => (x instanceof Error ? x.message : String(x))).join("; ");
  return e instanceof Error ? e.message || e.name : String(e);
}

export function providerOf(url: string): DbProvider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

export async function openDatabase(url: string, opts: OpenOptions): Promise<Database> {
  return providerOf(url) === "sqlite" ? openSqlite(url, opts) : openPostgres(url, opts);
}

async function openSqlite(url: string, { logger, migrate = true }: OpenOptions): Promise<Database> {
  const file = url.replace(/^file:/, "");
  let raw: Sqlite.Database;
  try {
    if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    raw = new Sqlite(file, { timeout: 5000 });
  } catch (e) {
    throw new DatabaseUnreachableError(`DATABASE_URL: cannot open the SQLite database file ${path.resolve(file)}: ${reason(e)}`, { cause: e });
  }
  try {
    // WAL lets readers run beside the writer; it is a property of the file, set once here.
    raw.pragma("journal_mode = WAL");
    if (migrate) {
      const applied = await migrateSqlite(raw, logger);
      if (applied.length) logger.info({ applied }, "migrations applied");
    }
  } finally {
    raw.close();
  }
  // one connection: while a transaction is open, other requests' statements wait for its end rather
  // than run inside it (and be rolled back with it)
  const hot = createHotRows();
  const prisma = new SqliteClient({ adapter: oneTransactionAtATime(new PrismaBetterSqlite3({ url: file, timeout: 5000 }), { hot }) });
  // Per connection: durable enough with WAL and much faster than FULL; wait for a busy writer.
  await prisma.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  await prisma.$executeRawUnsafe("PRAGMA busy_timeout = 5000");
  await prisma.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  // the hot statements' way back to a connection Prisma closed (it reconnects on its next query)
  if (hot.sql) hot.sql.reconnect = () => prisma.$connect();
  return { prisma, provider: "sqlite", hot, exclusive: (_name, fn) => fn(), close: () => prisma.$disconnect() };
}

async function openPostgres(url: string, { logger, migrate = true, poolSize = 10 }: OpenOptions): Promise<Database> {
  if (migrate) {
    // a host that drops the packets must not keep the start waiting for minutes
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 15_000 });
    try {
      await client.connect();
    } catch (e) {
      throw new DatabaseUnreachableError(`DATABASE_URL: cannot connect to ${target(client)}: ${reason(e)}. Is the server running, and reachable from here?`, {
        cause: e,
      });
    }
    try {
      const applied = await migratePostgres(client, logger);
      if (applied.length) logger.info({ applied }, "migrations applied");
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // an idle connection the server closed (a restart, a failover, an administrator) must not crash the
  // bot: node-postgres emits it on the pool, and the next query simply opens a new connection
  pool.on("error", (err) => logger.warn({ err }, "an idle PostgreSQL connection was closed by the server"));
  const prisma = new PostgresClient({ adapter: new PrismaPg(pool) }) as unknown as Db;
  return {
    prisma,
    provider: "postgresql",
    pgRows: pgRows(pool, pg.types),
    async exclusive(name, fn) {
      // the lock is held by one connection of the pool while `fn` works through the others
      const holder = await pool.connect();
      const key = [`metodset:${name}`];
      // a connection whose lock state is unknown is closed, never handed back to the pool still locked
      let unlocked = false;
      try {
        await holder.query("SELECT pg_advisory_lock(hashtext($1))", key);
        try {
          return await fn();
        } finally {
          await holder.query("SELECT pg_advisory_unlock(hashtext($1))", key);
          unlocked = true;
        }
      } finally {
        holder.release(!unlocked);
      }
    },
    close: async () => {
      await prisma.$disconnect();
      // pool.end() resolves before its connections have closed; wait for each one's "remove" (emitted
      // once closed), or a database dropped right after sees them and they fail with 57P01
      const open = pool.totalCount;
      let removed = 0;
      const closed = new Promise<void>((resolve) => {
        if (open === 0) resolve();
        pool.on("remove", () => {
          if (++removed >= open) resolve();
        });
      });
      await pool.end();
      // never hang a shutdown on it: a connection that does not say goodbye in 5 s is left to the server
      await Promise.race([closed, new Promise((r) => setTimeout(r, 5000).unref())]);
    },
  };
}

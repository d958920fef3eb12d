// Rows the bot reads on every update (the person behind it, her session and conversation state), kept
// in memory where that is exact: an SQLite deployment is one process on one connection, and every
// statement of that process passes the adapter (src/db/sqlite-gate.ts), which tells these caches about
// each write as it runs (`observeWrite`). A write the caches can place drops that row; one they cannot
// place (a bulk update, an unknown shape, a script) drops the whole table's rows: never stale, at worst
// cold. PostgreSQL deployments may run several replicas, so there nothing is cached.
//
// A read that fills a cache takes a `ticket()` before it asks the database; a write to the same row that
// ran meanwhile makes its `set` a no-op, so a slow read never puts back what a write replaced.

import type { OneConnection } from "./sqlite-direct.js";

/** The bot's storage statements, recognised by the adapter so that its own writes keep their rows cached. */
export const STORAGE_SQL = {
  bot_sessions: storageSql("bot_sessions"),
  bot_conversations: storageSql("bot_conversations"),
} as const;

export type StorageTable = keyof typeof STORAGE_SQL;

function storageSql(table: string) {
  return {
    upsert: `INSERT INTO ${table} (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    remove: `DELETE FROM ${table} WHERE key = ?`,
    select: `SELECT value FROM ${table} WHERE key = ?`,
  };
}

export interface RowCacheOptions {
  /** rows kept at most (the oldest go first) */
  max: number;
  /** a row is read again after this long, whatever the adapter saw (another process, e.g. a script, may write) */
  ttlMs: number;
  now?: () => number;
}

/** Rows by key, with tickets that keep a read from overwriting a newer write. */
export class RowCache<V> {
  private readonly rows = new Map<string, { value: V; at: number }>();
  private readonly dirty = new Map<string, number>();
  private epoch = 0;
  private clearedAt = 0;
  private readonly now: () => number;
  hits = 0;
  misses = 0;

  constructor(private readonly opts: RowCacheOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** The cached row (`null`: known to be absent), or undefined when the database must be asked. */
  get(key: string): { value: V } | undefined {
    const row = this.rows.get(key);
    if (row && this.now() - row.at < this.opts.ttlMs) {
      this.hits++;
      return row;
    }
    if (row) this.rows.delete(key);
    this.misses++;
    return undefined;
  }

  /** Taken before reading from the database; hand it to `set`. */
  ticket(): number {
    return this.epoch;
  }

  /** Keeps what a read found, unless the row was written since the read's ticket. */
  set(key: string, value: V, ticket: number): void {
    if (ticket < this.clearedAt || (this.dirty.get(key) ?? 0) > ticket) return;
    this.keep(key, value);
  }

  /** What a write just stored (called as the statement runs). */
  write(key: string, value: V): void {
    this.markDirty(key);
    this.keep(key, value);
  }

  /** A write changed this row in a way the cache does not know: read it again next time. */
  invalidate(key: string): void {
    this.markDirty(key);
    this.rows.delete(key);
  }

  clear(): void {
    this.rows.clear();
    this.dirty.clear();
    this.clearedAt = ++this.epoch;
  }

  get size(): number {
    return this.rows.size;
  }

  private markDirty(key: string): void {
    if (this.dirty.size >= this.opts.max) this.clear();
    this.dirty.set(key, ++this.epoch);
  }

  private keep(key: string, value: V): void {
    this.rows.delete(key);
    if (this.rows.size >= this.opts.max) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(key, { value, at: this.now() });
  }
}

/** A user row as the bot reads it, by Telegram id; found again by database id when a write names that. */
export class UserRows<U extends { id: number }> {
  readonly rows: RowCache<U | null>;
  private readonly telegramIdOf = new Map<number, string>();

  constructor(opts: RowCacheOptions) {
    this.rows = new RowCache(opts);
  }

  get(telegramId: string) {
    return this.rows.get(telegramId);
  }

  ticket() {
    return this.rows.ticket();
  }

  set(telegramId: string, user: U | null, ticket: number): void {
    if (user) {
      if (this.telegramIdOf.size >= 4 * 10_000) this.telegramIdOf.clear();
      this.telegramIdOf.set(user.id, telegramId);
    }
    this.rows.set(telegramId, user, ticket);
  }

  /**
   * What a write of her row just returned, told in the same synchronous section as the write ran on the
   * one connection (src/db/sqlite-direct.ts): nothing can have changed the row in between.
   */
  written(user: U): void {
    const telegramId = String((user as U & { telegramId: bigint | number }).telegramId);
    if (this.telegramIdOf.size >= 4 * 10_000) this.telegramIdOf.clear();
    this.telegramIdOf.set(user.id, telegramId);
    this.rows.write(telegramId, user);
  }

  /** A write to the user with this database id (one we may not have cached: then everything goes). */
  invalidateId(id: number): void {
    const telegramId = this.telegramIdOf.get(id);
    if (telegramId === undefined) this.rows.clear();
    else this.rows.invalidate(telegramId);
  }

  clear(): void {
    this.rows.clear();
  }
}

export interface HotRows {
  // biome-ignore lint/suspicious/noExplicitAny: the row type is the generated client's User, which the db layer does not import here
  users: UserRows<any>;
  bot_sessions: RowCache<string | null>;
  bot_conversations: RowCache<string | null>;
  /** the connection itself, for the statements that keep these rows (set by src/db/sqlite-gate.ts) */
  sql?: OneConnection;
}

export function createHotRows(opts: Partial<RowCacheOptions> = {}): HotRows {
  const base = { max: 20_000, ttlMs: 60_000, ...opts };
  return { users: new UserRows(base), bot_sessions: new RowCache(base), bot_conversations: new RowCache(base) };
}

const WRITE = /^\s*(?:INSERT|UPDATE|DELETE|REPLACE)\b/i;
const ANY_WRITE = /\b(?:INSERT|UPDATE|DELETE|REPLACE)\b/i;
const TARGET = /^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+(?:[`"]?main[`"]?\.)?[`"]?(\w+)[`"]?/i;
/** Prisma's `update({ where: { id } })` of a user: the id is the last parameter before RETURNING */
const USER_BY_ID = /WHERE \(`main`\.`users`\.`id` = \? AND 1=1\) RETURNING /;

function clearAll(hot: HotRows): void {
  hot.users.clear();
  hot.bot_sessions.clear();
  hot.bot_conversations.clear();
}

/**
 * Tells the caches about a statement that is about to run (on the one SQLite connection, in the order
 * statements run). Reads pass untouched.
 */
export function observeWrite(hot: HotRows, sql: string, args: readonly unknown[]): void {
  if (!WRITE.test(sql)) {
    // a read, a PRAGMA, BEGIN/COMMIT; a statement that writes behind a WITH goes the safe way
    if (ANY_WRITE.test(sql) && !/^\s*(?:SELECT|PRAGMA)\b/i.test(sql)) clearAll(hot);
    return;
  }
  const table = TARGET.exec(sql)?.[1]?.toLowerCase();
  switch (table) {
    case "bot_sessions":
    case "bot_conversations": {
      const own = STORAGE_SQL[table];
      const cache = hot[table];
      if (sql === own.upsert) cache.write(String(args[0]), String(args[1]));
      else if (sql === own.remove) cache.write(String(args[0]), null);
      else cache.clear();
      return;
    }
    case "users": {
      const id = USER_BY_ID.test(sql) && /^UPDATE /.test(sql) ? Number(args.at(-1)) : Number.NaN;
      if (Number.isInteger(id)) hot.users.invalidateId(id);
      else hot.users.clear();
      return;
    }
    case "schools":
      // a school deleted sets its teachers' school to none (ON DELETE SET NULL)
      if (/^\s*DELETE\b/i.test(sql)) hot.users.clear();
      return;
    case undefined:
      clearAll(hot);
      return;
    default:
      return;
  }
}

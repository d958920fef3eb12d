// grammY sessions and conversations v2 state in the database, so that a restart loses nothing.
import type { ConversationData, ConversationStorage, VersionedState } from "@grammyjs/conversations";
import type { StorageAdapter } from "grammy";
import type { Db } from "../db/client.js";
import { STORAGE_SQL, type HotRows, type StorageTable } from "../db/hot-rows.js";
import { sqliteTime, type OneConnection } from "../db/sqlite-direct.js";
import { Prisma } from "../generated/sqlite/client.js";
import type { BotContext } from "./context.js";
import { CONVERSATIONS_VERSION } from "./conversations-version.js";

type Table = "session" | "conversationState";

const TABLES: Record<Table, StorageTable> = { session: "bot_sessions", conversationState: "bot_conversations" };

/**
 * JSON rows keyed by chat. A write equal to what was just read is skipped (most updates change
 * nothing); an empty object is not stored (reading nothing gives the session's initial value again).
 *
 * Every update reads these rows, so they take the cheapest way through Prisma: plain SQL (the same on
 * both providers) instead of the model API, which costs about twice as much per statement; and on
 * SQLite the rows are kept in memory (`hot`, exact: see src/db/hot-rows.ts), so a chat without an open
 * conversation costs no query at all.
 */
export function dbStorage<T>(db: Db, table: Table, hot?: HotRows): StorageAdapter<T> {
  const name = TABLES[table];
  const { select, remove, upsert } = hot?.sql ? directStatements(hot, hot.sql, name) : prismaStatements(db, name, hot);
  const cache = hot?.[name];
  const lastRead = new Map<string, string>();
  async function readValue(key: string): Promise<string | null> {
    const cached = cache?.get(key);
    if (cached) return cached.value;
    return select(key);
  }
  return {
    async read(key) {
      const value = await readValue(key);
      if (value === null) return undefined;
      if (lastRead.size > 10_000) lastRead.clear();
      lastRead.set(key, value);
      return JSON.parse(value) as T;
    },
    async write(key, value) {
      const json = JSON.stringify(value);
      const previous = lastRead.get(key);
      lastRead.delete(key);
      if (previous === json) return;
      // an empty session is no session: a stranger's first message stores nothing about her
      if (json === "{}") {
        if (previous !== undefined || cache?.get(key)?.value !== null) await remove(key);
        return;
      }
      await upsert(key, json);
    },
    async delete(key) {
      lastRead.delete(key);
      if (cache?.get(key)?.value === null) return;
      await remove(key);
    },
  };
}

interface Statements {
  /** the row's value (null: none), kept in the cache */
  select(key: string): Promise<string | null>;
  remove(key: string): Promise<unknown>;
  upsert(key: string, value: string): Promise<unknown>;
}

/** Through Prisma (PostgreSQL; SQLite without its connection at hand): the adapter tells the cache. */
function prismaStatements(db: Db, name: StorageTable, hot: HotRows | undefined): Statements {
  const cache = hot?.[name];
  // the writes' text on SQLite is exactly STORAGE_SQL's: the adapter recognises them by it (a test checks)
  const t = Prisma.raw(name);
  return {
    async select(key) {
      const ticket = cache?.ticket() ?? 0;
      const value = (await db.$queryRaw<{ value: string }[]>`SELECT value FROM ${t} WHERE key = ${key}`)[0]?.value ?? null;
      cache?.set(key, value, ticket);
      return value;
    },
    remove: (key) => db.$executeRaw`DELETE FROM ${t} WHERE key = ${key}`,
    upsert: (key, value) =>
      db.$executeRaw`INSERT INTO ${t} (key, value, updated_at) VALUES (${key}, ${value}, ${new Date()}) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  };
}

/**
 * On SQLite, prepared statements on the one connection (src/db/sqlite-direct.ts), the cache told in the
 * same synchronous section as each statement runs: no other statement can come between.
 */
function directStatements(hot: HotRows, connection: OneConnection, name: StorageTable): Statements {
  const cache = hot[name];
  const sql = STORAGE_SQL[name];
  return {
    select: (key) =>
      connection.run((statement) => {
        const value = (statement(sql.select).get(key) as { value: string } | undefined)?.value ?? null;
        cache.set(key, value, cache.ticket());
        return value;
      }),
    remove: (key) =>
      connection.run((statement) => {
        statement(sql.remove).run(key);
        cache.write(key, null);
      }),
    upsert: (key, value) =>
      connection.run((statement) => {
        statement(sql.upsert).run(key, value, sqliteTime(new Date()));
        cache.write(key, value);
      }),
  };
}

/**
 * Stored conversations of another version are dropped (replaying them against changed code would shift
 * answers), and their users are told. The version is derived from the flow sources, never bumped by
 * hand: `npm run conversations:version` regenerates it, a test fails when it is stale.
 */
export { CONVERSATIONS_VERSION };

type Stored = VersionedState<ConversationData>;

export function conversationStorage(
  db: Db,
  version: string | number = CONVERSATIONS_VERSION,
  hot?: HotRows,
): ConversationStorage<BotContext, ConversationData> {
  const rows = dbStorage<Stored>(db, "conversationState", hot);
  const keyOf = (ctx: BotContext) => ctx.chatId?.toString();
  return {
    type: "context",
    version,
    adapter: {
      async read(ctx) {
        const key = keyOf(ctx);
        if (key === undefined) return undefined;
        const stored = await rows.read(key);
        if (stored && (stored as { erased?: boolean }).erased) {
          // someone this flow had listed erased her data meanwhile (see erasure.ts): it cannot go on
          await rows.delete(key);
          await ctx.reply(ctx.t("flow-erased")).catch(() => undefined);
          return undefined;
        }
        if (stored && stored.version[1] !== version) {
          // the bot was updated while this chat was in the middle of a flow
          await rows.delete(key);
          if (Object.values(stored.state).some((list) => list.length > 0)) {
            await ctx.reply(ctx.t("flow-reset")).catch(() => undefined);
          }
          return undefined;
        }
        return stored;
      },
      async write(ctx, state) {
        const key = keyOf(ctx);
        if (key !== undefined) await rows.write(key, state);
      },
      async delete(ctx) {
        const key = keyOf(ctx);
        if (key !== undefined) await rows.delete(key);
      },
    },
  };
}

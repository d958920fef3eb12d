// grammY sessions and conversations v2 state in the database, so that a restart loses nothing.
import type { ConversationData, ConversationStorage, VersionedState } from "@grammyjs/conversations";
import type { StorageAdapter } from "grammy";
import type { Db } from "../db/client.js";
import type { BotContext } from "./context.js";
import { CONVERSATIONS_VERSION } from "./conversations-version.js";

type Table = "session" | "conversationState";

/**
 * JSON rows keyed by chat. A write equal to what was just read is skipped (most updates change
 * nothing); an empty object is not stored (reading nothing gives the session's initial value again).
 */
export function dbStorage<T>(db: Db, table: Table): StorageAdapter<T> {
  const delegate = db[table] as unknown as Db["session"];
  const lastRead = new Map<string, string>();
  return {
    async read(key) {
      const row = await delegate.findUnique({ where: { key } });
      if (!row) return undefined;
      if (lastRead.size > 10_000) lastRead.clear();
      lastRead.set(key, row.value);
      return JSON.parse(row.value) as T;
    },
    async write(key, value) {
      const json = JSON.stringify(value);
      const previous = lastRead.get(key);
      lastRead.delete(key);
      if (previous === json) return;
      // an empty session is no session: a stranger's first message stores nothing about her
      if (json === "{}") {
        await delegate.deleteMany({ where: { key } });
        return;
      }
      await delegate.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
    },
    async delete(key) {
      lastRead.delete(key);
      await delegate.deleteMany({ where: { key } });
    },
  };
}

/**
 * Stored conversations of another version are dropped (replaying them against changed code would shift
 * answers), and their users are told. The version is derived from the flow sources, never bumped by
 * hand: `npm run conversations:version` regenerates it, a test fails when it is stale.
 */
export { CONVERSATIONS_VERSION };

type Stored = VersionedState<ConversationData>;

export function conversationStorage(db: Db, version: string | number = CONVERSATIONS_VERSION): ConversationStorage<BotContext, ConversationData> {
  const rows = dbStorage<Stored>(db, "conversationState");
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
          await ctx.reply(ctx.t("flow-erased"), { parse_mode: "HTML" }).catch(() => undefined);
          return undefined;
        }
        if (stored && stored.version[1] !== version) {
          // the bot was updated while this chat was in the middle of a flow
          await rows.delete(key);
          if (Object.values(stored.state).some((list) => list.length > 0)) {
            await ctx.reply(ctx.t("flow-reset"), { parse_mode: "HTML" }).catch(() => undefined);
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

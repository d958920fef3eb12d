// Erasure (/deleteme, 152-ФЗ) reaches the bot's own stored state, not only the domain's tables: the
// person's session and conversations, and other people's that mention her. A conversation keeps a replay
// log (what was typed, what `conversation.external` returned, what the bot sent): an admin's open /role
// search that listed her holds her full name there until the admin finishes it, which may be never.
import type { Db } from "../db/client.js";
import type { User } from "../domain/users.js";

/** What a conversation row is replaced with: its next read drops it and tells its owner (see storage.ts). */
export const ERASED_STATE = JSON.stringify({ erased: true });

/**
 * How a person shows in stored state: her full name, and (from its first two words) her surname and first
 * name, which a shortened label keeps; her Telegram id as a JSON value (a number or a typed string,
 * never part of a longer number). Her user id is not searched for: a small number matches other things'
 * ids, and wherever state names her by id (a result listing people) her name is beside it.
 */
export function traces(user: Pick<User, "telegramId" | "fullName">): string[] {
  const found = new Set<string>();
  const name = user.fullName?.trim();
  if (name) {
    found.add(name);
    const words = name.split(/\s+/);
    if (words.length > 2) found.add(words.slice(0, 2).join(" "));
  }
  const id = String(user.telegramId);
  for (const pattern of [`"${id}"`, `:${id},`, `:${id}}`, `[${id},`, `,${id}]`, `,${id},`]) found.add(pattern);
  return [...found];
}

/**
 * Her own session and conversation rows (keyed by her chat: a private chat's id is her Telegram id) are
 * deleted; other people's sessions that mention her are deleted (a session holds a language and recent
 * search queries), and their conversations are replaced by ERASED_STATE, so that they are told their
 * flow was interrupted rather than finding it silently gone. Returns how many rows of others were reached.
 */
export async function eraseFromStoredState(db: Db, user: Pick<User, "telegramId" | "fullName">): Promise<number> {
  const own = String(user.telegramId);
  await db.session.deleteMany({ where: { key: own } });
  await db.conversationState.deleteMany({ where: { key: own } });
  const mentions = { OR: traces(user).map((t) => ({ value: { contains: t } })) };
  const sessions = await db.session.deleteMany({ where: mentions });
  const conversations = await db.conversationState.updateMany({ where: { ...mentions, value: { not: ERASED_STATE } }, data: { value: ERASED_STATE } });
  return sessions.count + conversations.count;
}

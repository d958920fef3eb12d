// The outbox: every message the bot sends on its own (reminders, offers, moderation results, broadcasts)
// is a row here first. Rendering happens on enqueue, in the recipient's language; the sender
// (src/jobs/sender.ts) delivers rows at the rate Telegram allows. The same dedupe key enqueued twice
// stores one message, so callers may retry freely.
import type { Db, DbProvider } from "../db/client.js";
import { Prisma } from "../generated/sqlite/client.js";
import type { Translator } from "../i18n.js";
import type { ActionPacker, ButtonAction } from "./actions.js";
import type { Clock } from "./clock.js";
import type { Role } from "./users.js";

/** A button under a notice: its label from locales (or given text), what it does as a domain action. */
export interface NoticeButton {
  key?: string;
  vars?: Record<string, string | number>;
  text?: string;
  action: ButtonAction;
}

/** A button with its final label (a raw message's). */
export interface RawButton {
  text: string;
  action: ButtonAction;
}

/**
 * Which messages a sender claims first: personal notices (a reminder, a freed seat, a moderation result)
 * do not wait behind a broadcast to the whole region.
 */
export const PRIORITY = { notice: 0, bulk: 1 } as const;
export type Priority = keyof typeof PRIORITY;

/**
 * The main menu of a role, in a language: what a notice that changes someone's role brings along, so that
 * her keyboard changes with it (the Telegram side renders it; the domain only says which menu).
 */
export interface MainMenu {
  role: Role;
  locale: string;
}

/** What comes under a stored message: inline buttons, or the recipient's new main menu (one or the other). */
export type StoredMarkup = { buttons: { text: string; data: string }[][] } | { mainMenu: MainMenu };

/** Reads the reply_markup column: a JSON array is inline buttons, `{ mainMenu }` a main menu. */
export function parseStoredMarkup(json: string | null): StoredMarkup | null {
  if (!json) return null;
  const value = JSON.parse(json) as unknown;
  if (Array.isArray(value)) return { buttons: value as { text: string; data: string }[][] };
  const menu = (value as { mainMenu?: MainMenu } | null)?.mainMenu;
  return menu ? { mainMenu: menu } : null;
}

function storedMarkup(r: { buttons?: { text: string; data: string }[][]; mainMenu?: MainMenu }): string | null {
  if (r.buttons?.length && r.mainMenu) throw new Error("a message carries inline buttons or a main menu, not both");
  if (r.buttons?.length) return JSON.stringify(r.buttons);
  return r.mainMenu ? JSON.stringify({ mainMenu: r.mainMenu }) : null;
}

export interface Attachment {
  kind: "document" | "photo" | "video";
  fileId: string;
}

/** A message to one registered user, rendered from locales in their language. */
export interface Notice {
  userId: number;
  key: string;
  vars?: Record<string, string | number>;
  /** rows of buttons */
  buttons?: NoticeButton[][];
  /** the recipient's main menu for this role comes with the notice (her keyboard changes); not with buttons */
  mainMenu?: Role;
  attachment?: Attachment;
  dedupeKey: string;
  groupId?: string;
  notBefore?: Date;
  /** not sent after this (the event began, the offer ran out): still queued then, it is cancelled */
  expiresAt?: Date | null;
  /** "notice" unless given; announcements to many are "bulk" */
  priority?: Priority;
}

/** A message whose text is already final (a methodist's broadcast with its Telegram entities). */
export interface RawMessage {
  userId: number | null;
  chatId: bigint | number;
  text: string;
  /** JSON of Telegram message entities; when absent the text is HTML */
  entities?: string | null;
  buttons?: RawButton[][];
  /** the recipient's new main menu (instead of buttons) */
  mainMenu?: MainMenu;
  attachment?: Attachment | null;
  dedupeKey: string;
  groupId?: string | null;
  notBefore?: Date;
  expiresAt?: Date | null;
  priority?: Priority;
}

/**
 * One message, the same for every recipient (a methodist's broadcast: her text and buttons, whatever
 * the recipient's language), queued by the database for the users a query selects.
 */
export interface MessageToMany {
  text: string;
  /** JSON of Telegram message entities; when absent the text is HTML */
  entities?: string | null;
  buttons?: RawButton[][];
  attachment?: Attachment | null;
  /** each recipient's dedupe key is this followed by her user id */
  dedupePrefix: string;
  groupId: string;
  priority?: Priority;
}

export type OutboxStatus = "queued" | "sending" | "sent" | "failed" | "blocked" | "cancelled";
export type GroupStatus = Record<OutboxStatus, number> & { total: number };

const STATUSES: OutboxStatus[] = ["queued", "sending", "sent", "failed", "blocked", "cancelled"];
/** rows per INSERT: one JSON parameter carries them, so the batch is bounded by memory, not parameters */
const INSERT_BATCH = 2000;
/**
 * user ids per INSERT … SELECT of `enqueueToUsers`: SQLite runs a statement on the process's one thread
 * (better-sqlite3 is synchronous), so a region's broadcast is cut into statements of a fraction of a
 * second, between which the bot answers its users.
 */
const USER_ID_RANGE = 20_000;

export interface OutboxOptions {
  /** what a button's action is stored as: the messenger's button data (Telegram: src/bot/actions.ts) */
  pack: ActionPacker;
  onEnqueued?: () => void;
  onCancelled?: () => void;
}

export function createOutbox(db: Db, provider: DbProvider, clock: Clock, t: Translator, opts: OutboxOptions) {
  const packed = (buttons: RawButton[][] | undefined) => buttons?.map((row) => row.map((b) => ({ text: b.text, data: opts.pack(b.action) })));
  /**
   * Inserts rows, skipping dedupe keys already present (ON CONFLICT DO NOTHING works on both databases).
   * A batch travels as one JSON array (PostgreSQL: jsonb_to_recordset, SQLite: json_each) rather than
   * fifteen parameters per row: enqueueing a region's announcement is then bound by the database, not by
   * binding tens of thousands of parameters. Dates stay real parameters, so the driver adapter formats
   * them as it formats every other date; rows are grouped by their "not before" and "expires at" times
   * (usually one group).
   */
  async function insert(rows: (RawMessage & { status: OutboxStatus })[]): Promise<number> {
    let inserted = 0;
    const now = clock.now();
    const byTime = new Map<string, typeof rows>();
    for (const r of rows) {
      const key = `${(r.notBefore ?? now).getTime()}/${r.expiresAt?.getTime() ?? ""}`;
      const group = byTime.get(key);
      if (group) group.push(r);
      else byTime.set(key, [r]);
    }
    for (const group of byTime.values()) {
      const times = { notBefore: group[0]!.notBefore ?? now, expiresAt: group[0]!.expiresAt ?? null, now };
      for (let i = 0; i < group.length; i += INSERT_BATCH) {
        const json = JSON.stringify(
          group.slice(i, i + INSERT_BATCH).map((r) => ({
            dedupe_key: r.dedupeKey,
            group_id: r.groupId ?? null,
            user_id: r.userId,
            chat_id: String(r.chatId),
            text: r.text,
            entities: r.entities ?? null,
            reply_markup: storedMarkup({ buttons: packed(r.buttons), mainMenu: r.mainMenu }),
            attach_kind: r.attachment?.kind ?? null,
            attach_file_id: r.attachment?.fileId ?? null,
            status: r.status,
            priority: PRIORITY[r.priority ?? "notice"],
          })),
        );
        inserted += await db.$executeRaw`INSERT INTO outbox_messages (dedupe_key, group_id, user_id, chat_id, text, entities,
          reply_markup, attach_kind, attach_file_id, status, priority, not_before, expires_at, attempts, created_at, updated_at)
          ${provider === "postgresql" ? pgRows(json, times) : sqliteRows(json, times)}
          ON CONFLICT (dedupe_key) DO NOTHING`;
      }
    }
    if (inserted > 0) opts.onEnqueued?.();
    return inserted;
  }

  const outbox = {
    /** Renders each notice in its recipient's language and queues it. Returns how many were new. */
    async notify(notices: Notice[]): Promise<number> {
      if (!notices.length) return 0;
      const ids = [...new Set(notices.map((n) => n.userId))];
      const users = new Map(
        (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, telegramId: true, language: true, isActive: true } })).map((u) => [u.id, u]),
      );
      // an announcement to a whole district repeats a few texts thousands of times: render each once
      const rendered = new Map<string, string>();
      const rows = notices.flatMap((n) => {
        const u = users.get(n.userId);
        if (!u) return []; // erased meanwhile
        const render = (key: string, vars?: Record<string, string | number>) => {
          const memo = `${u.language}\u0000${key}\u0000${vars ? JSON.stringify(vars) : ""}`;
          let text = rendered.get(memo);
          if (text === undefined) rendered.set(memo, (text = t(u.language, key, vars)));
          return text;
        };
        return [
          {
            userId: u.id,
            chatId: u.telegramId,
            text: render(n.key, n.vars),
            buttons: n.buttons?.map((row) => row.map((b) => ({ text: b.text ?? render(b.key!, b.vars), action: b.action }))),
            mainMenu: n.mainMenu ? { role: n.mainMenu, locale: u.language } : undefined,
            attachment: n.attachment,
            dedupeKey: n.dedupeKey,
            groupId: n.groupId,
            notBefore: n.notBefore,
            expiresAt: n.expiresAt,
            priority: n.priority,
            // someone who blocked the bot is counted, not sent to
            status: (u.isActive ? "queued" : "blocked") as OutboxStatus,
          },
        ];
      });
      return insert(rows);
    },

    /**
     * Queues `m` to every user `recipients` selects (an SQL condition on `users u`): the database copies
     * the message into one row per recipient (INSERT … SELECT, one statement per range of
     * USER_ID_RANGE user ids), so a region of 100,000 costs a few statements and no row passes through
     * JavaScript. Her dedupe key is `dedupePrefix` and her user id, so queueing again adds nobody twice.
     * Returns how many were new.
     */
    async enqueueToUsers(m: MessageToMany, recipients: Prisma.Sql): Promise<number> {
      const [bounds] = await db.$queryRaw<{ lo: number | bigint | null; hi: number | bigint | null }[]>`SELECT MIN(id) AS lo, MAX(id) AS hi FROM users`;
      if (bounds?.lo == null || bounds.hi == null) return 0;
      const now = clock.now();
      const markup = storedMarkup({ buttons: packed(m.buttons) });
      let inserted = 0;
      for (let from = Number(bounds.lo); from <= Number(bounds.hi); from += USER_ID_RANGE) {
        inserted += await db.$executeRaw`INSERT INTO outbox_messages (dedupe_key, group_id, user_id, chat_id, text, entities,
          reply_markup, attach_kind, attach_file_id, priority, not_before, attempts, created_at, updated_at)
          SELECT ${m.dedupePrefix} || CAST(u.id AS TEXT), ${m.groupId}, u.id, u.telegram_id, ${m.text}, ${m.entities ?? null},
            ${markup}, ${m.attachment?.kind ?? null}, ${m.attachment?.fileId ?? null},
            ${PRIORITY[m.priority ?? "notice"]}, ${now}, 0, ${now}, ${now}
          FROM users u
          WHERE u.id >= ${from} AND u.id < ${from + USER_ID_RANGE} AND ${recipients}
          ON CONFLICT (dedupe_key) DO NOTHING`;
      }
      if (inserted > 0) opts.onEnqueued?.();
      return inserted;
    },

    /** Queues messages with final text (and their own entities). */
    async enqueueRaw(messages: RawMessage[], opts2: { blockedUserIds?: Set<number> } = {}): Promise<number> {
      return insert(messages.map((m) => ({ ...m, status: m.userId !== null && opts2.blockedUserIds?.has(m.userId) ? "blocked" : "queued" })));
    },

    /**
     * What waits to be sent now (due, not yet claimed) and how long the oldest has waited: the health
     * check shows it, so a sender that is stuck (or a rate set too low) is seen from outside.
     */
    async backlog(): Promise<{ due: number; oldestDueSeconds: number }> {
      const now = clock.now();
      const where = { status: "queued" as const, notBefore: { lte: now } };
      const [due, oldest] = await Promise.all([
        db.outboxMessage.count({ where }),
        db.outboxMessage.findFirst({ where, orderBy: { notBefore: "asc" }, select: { notBefore: true } }),
      ]);
      return { due, oldestDueSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.notBefore.getTime()) / 1000)) : 0 };
    },

    /**
     * Counts per status of a group (a broadcast, a reminder batch). A message cancelled while it was
     * being sent counts as "sending" until Telegram's answer is in (it may yet turn out sent).
     */
    async groupStatus(groupId: string): Promise<GroupStatus> {
      const [rows, cancelledInFlight] = await Promise.all([
        db.outboxMessage.groupBy({ by: ["status"], where: { groupId }, _count: { _all: true } }),
        db.outboxMessage.count({ where: { groupId, status: "cancelled", claimedUntil: { gt: clock.now() } } }),
      ]);
      const result = Object.fromEntries(STATUSES.map((s) => [s, 0])) as GroupStatus;
      for (const r of rows) result[r.status] = r._count._all;
      result.cancelled -= cancelledInFlight;
      result.sending += cancelledInFlight;
      result.total = STATUSES.reduce((sum, s) => sum + result[s], 0);
      return result;
    },

    /**
     * Stops a group: what is still queued is cancelled, and so is what a sender has claimed: it skips
     * those it has not sent yet, and one already on its way counts as sent only if Telegram accepts it
     * (a 429 or a network error no longer puts it back in the queue). Returns how many were cancelled.
     */
    async cancelGroup(groupId: string): Promise<number> {
      const r = await db.outboxMessage.updateMany({ where: { groupId, status: { in: ["queued", "sending"] } }, data: { status: "cancelled" } });
      if (r.count) opts.onCancelled?.();
      return r.count;
    },

    /** Cancels queued messages whose dedupe key starts with a prefix (e.g. an event's reminders). */
    async cancelByPrefix(prefix: string): Promise<number> {
      const r = await db.outboxMessage.updateMany({ where: { dedupeKey: { startsWith: prefix }, status: "queued" }, data: { status: "cancelled" } });
      if (r.count) opts.onCancelled?.();
      return r.count;
    },
  };
  return outbox;
}

export type Outbox = ReturnType<typeof createOutbox>;

interface RowTimes {
  notBefore: Date;
  expiresAt: Date | null;
  now: Date;
}

const pgRows = (json: string, t: RowTimes) => Prisma.sql`SELECT r.dedupe_key, r.group_id, r.user_id, r.chat_id, r.text,
  r.entities, r.reply_markup, r.attach_kind, r.attach_file_id, r.status::"OutboxStatus", r.priority,
  ${t.notBefore}, ${t.expiresAt}::timestamp(3), 0, ${t.now}, ${t.now}
  FROM jsonb_to_recordset(${json}::jsonb) AS r(dedupe_key text, group_id text, user_id int, chat_id bigint, text text, entities text,
    reply_markup text, attach_kind text, attach_file_id text, status text, priority int)`;

// "WHERE true": SQLite's parser needs it to tell the upsert's ON CONFLICT from a join's ON
const sqliteRows = (json: string, t: RowTimes) => Prisma.sql`SELECT value ->> 'dedupe_key', value ->> 'group_id',
  value ->> 'user_id', CAST(value ->> 'chat_id' AS INTEGER), value ->> 'text', value ->> 'entities',
  value ->> 'reply_markup', value ->> 'attach_kind', value ->> 'attach_file_id', value ->> 'status', value ->> 'priority',
  ${t.notBefore}, ${t.expiresAt}, 0, ${t.now}, ${t.now}
  FROM json_each(${json}) WHERE true`;

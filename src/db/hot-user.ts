// A person's own change to her row (her name, school, language, opt-outs) on SQLite: one hand-written
// `UPDATE users … RETURNING *` on the connection (src/db/sqlite-direct.ts) instead of Prisma's update
// (~0.4–1 ms of its client per call, the largest cost of a conversation step), and the returned row put
// in the hot rows in the same synchronous section, so the next update of hers reads it from memory
// (before, the UPDATE dropped the cached row and her next update read it again through Prisma).
import type { User } from "../generated/sqlite/client.js";
import type { HotRows } from "./hot-rows.js";
import { sqliteTime } from "./sqlite-direct.js";

type Kind = "int" | "bigint" | "text" | "bool" | "time";

/**
 * Every column of `users` and how Prisma reads it: `satisfies` keeps it complete at compile time, and a
 * test compares rows read here with Prisma's own.
 */
const COLUMNS = {
  id: ["id", "int"],
  telegramId: ["telegram_id", "bigint"],
  username: ["username", "text"],
  fullName: ["full_name", "text"],
  searchName: ["search_name", "text"],
  language: ["language", "text"],
  role: ["role", "text"],
  consentAt: ["consent_at", "time"],
  registeredAt: ["registered_at", "time"],
  schoolId: ["school_id", "int"],
  isActive: ["is_active", "bool"],
  blockedAt: ["blocked_at", "time"],
  muteAnnouncements: ["mute_announcements", "bool"],
  notifyNewCourses: ["notify_new_courses", "bool"],
  attestationCategory: ["attestation_category", "text"],
  attestationUntil: ["attestation_until", "time"],
  districtId: ["district_id", "int"],
  createdAt: ["created_at", "time"],
  updatedAt: ["updated_at", "time"],
} as const satisfies Record<keyof User, readonly [string, Kind]>;

const FIELDS = Object.entries(COLUMNS) as [keyof User, readonly [string, Kind]][];

/** Columns this path never sets: the keys, and the timestamps it keeps itself. */
const FIXED = new Set(["id", "telegram_id", "created_at", "updated_at"]);

/** What this path writes: plain columns of her own row (never the keys, never the timestamps). */
export type UserRowChange = Partial<Omit<User, "id" | "telegramId" | "createdAt" | "updatedAt">>;

/** Prisma's DateTime as its SQLite adapter writes it, or a number of milliseconds (unixepoch-ms). */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

function time(v: unknown): Date | null | undefined {
  if (v === null) return null;
  const d = typeof v === "bigint" || typeof v === "number" ? new Date(Number(v)) : typeof v === "string" && ISO.test(v) ? new Date(v) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}

/** A `users` row (better-sqlite3, safe integers) as Prisma returns it; undefined for anything unexpected. */
export function userFromRow(row: Record<string, unknown>): User | undefined {
  let columns = 0;
  for (const _ in row) columns++;
  if (columns !== FIELDS.length) return undefined;
  const user: Record<string, unknown> = {};
  for (const [field, [column, kind]] of FIELDS) {
    const v = row[column];
    if (v === undefined) return undefined;
    let value: unknown;
    if (v === null) value = null;
    else if (kind === "int") value = Number(v);
    else if (kind === "bigint") value = typeof v === "bigint" ? v : BigInt(v as number);
    else if (kind === "bool") value = Number(v) !== 0;
    else if (kind === "time") value = time(v);
    else value = v;
    if (value === undefined || (kind === "text" && typeof value !== "string" && value !== null)) return undefined;
    user[field] = value;
  }
  return user as unknown as User;
}

function bind(v: unknown): unknown {
  if (v === null || typeof v === "string" || typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof Date) return sqliteTime(v);
  return undefined;
}

/**
 * `UPDATE users SET … , updated_at = now WHERE id = ? RETURNING *` on the one connection, the hot rows
 * told the row it returned. Undefined when this path cannot answer (no connection at hand, no such
 * user, a value or a row it does not know): the caller then makes the same change through Prisma.
 */
export async function updateUserRow(hot: HotRows | undefined, id: number, change: UserRowChange): Promise<User | undefined> {
  const connection = hot?.sql;
  if (!hot || !connection) return undefined;
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const key in change) {
    const field = key as keyof UserRowChange;
    const column = (COLUMNS as Partial<Record<string, readonly [string, Kind]>>)[field];
    const value = bind(change[field]);
    if (!column || value === undefined || FIXED.has(column[0])) return undefined;
    sets.push(`${column[0]} = ?`);
    values.push(value);
  }
  if (!sets.length) return undefined;
  // Prisma's @updatedAt is the client's clock too
  values.push(sqliteTime(new Date()), id);
  const sql = `UPDATE users SET ${sets.join(", ")}, updated_at = ? WHERE id = ? RETURNING *`;
  return connection.run((statement) => {
    const row = statement(sql).get(...values) as Record<string, unknown> | undefined;
    if (!row) return undefined;
    const user = userFromRow(row);
    // a row it cannot read: the caller's Prisma update writes it again and returns it
    if (user) hot.users.written(user);
    else hot.users.invalidateId(id);
    return user;
  });
}

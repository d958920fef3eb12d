// The one SQLite connection, reached without Prisma for the few statements every update runs (the bot's
// session and conversation rows, the user's own UPDATE): Prisma's client costs ~0.3–1 ms per statement
// on this hardware, a prepared better-sqlite3 statement 5–100 µs (`npx tsx bench/breakdown.ts`).
//
// These statements pass the same gate as Prisma's (src/db/sqlite-gate.ts): they wait while a transaction
// is open, and they never run inside one. A `run` is synchronous from the moment the gate is entered, so
// nothing else runs on the connection between its statements: whatever it reads or writes, the caller
// may put in the hot rows (src/db/hot-rows.ts) exactly as it is, in the same breath. The adapter does not
// see these statements, so the caller tells the caches itself.
import type Sqlite from "better-sqlite3";
import type { Gate } from "./sqlite-gate.js";

export type Prepare = (sql: string) => Sqlite.Statement;

/** A statement prepared once on the connection, by its SQL. Use it only inside `run`. */
export type Statements = (sql: string) => Sqlite.Statement;

/** Prisma's DateTime on SQLite as its adapter writes it (ISO 8601, offset `+00:00`). */
export const sqliteTime = (d: Date): string => d.toISOString().replace("Z", "+00:00");

export class OneConnection {
  private prepare: Prepare | undefined;
  private readonly prepared = new Map<string, Sqlite.Statement>();
  /** opens the connection again after a close (set by openDatabase: the Prisma client's `$connect`) */
  reconnect: (() => Promise<void>) | undefined;

  constructor(private readonly gate: Gate) {}

  /** The adapter connected: its connection's own `prepare` (not the adapter's statement cache). */
  attach(prepare: Prepare): void {
    this.prepare = prepare;
    this.prepared.clear();
  }

  detach(): void {
    this.prepare = undefined;
    this.prepared.clear();
  }

  private readonly statement: Statements = (sql) => {
    let s = this.prepared.get(sql);
    if (!s) {
      if (!this.prepare) throw new Error("the SQLite connection is closed");
      s = this.prepare(sql);
      if (this.prepared.size >= 100) this.prepared.clear();
      this.prepared.set(sql, s);
    }
    return s;
  };

  /** Runs `fn` when no transaction is open and nothing else runs; `fn` is synchronous. */
  async run<T>(fn: (statement: Statements) => T): Promise<T> {
    if (!this.prepare && this.reconnect) await this.reconnect();
    const wait = this.gate.enter();
    if (wait) await wait;
    try {
      return fn(this.statement);
    } finally {
      this.gate.leave();
    }
  }
}

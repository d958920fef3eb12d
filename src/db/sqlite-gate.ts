// SQLite through better-sqlite3 is ONE connection for the whole process. While an interactive
// transaction is open on it, a statement of another request would run inside that transaction, and be
// undone with it if it rolls back: a sign-up, a vote or an outbox "sent" mark the bot had already
// reported as done. This wrapper around Prisma's driver adapter makes that impossible by construction:
// from the start of a transaction to its commit or rollback it holds a gate, and every statement from
// outside the transaction waits at the gate (the transaction's own statements go through its
// Transaction object and pass). Statements and transactions are let through in the order they came.
// PostgreSQL needs none of this: each transaction has a connection of its own from the pool.
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction } from "@prisma/driver-adapter-utils";
import { observeWrite, type HotRows } from "./hot-rows.js";
import { OneConnection, type Prepare } from "./sqlite-direct.js";

/** Called with each statement just before it runs (in the order they run: there is one connection). */
type Observer = (q: SqlQuery) => void;

/** A first-come, first-served lock. */
export class Gate {
  private held = false;
  private readonly queue: (() => void)[] = [];

  enter(): Promise<void> | undefined {
    if (!this.held) {
      this.held = true;
      return undefined;
    }
    return new Promise<void>((resolve) => this.queue.push(resolve));
  }

  /** Hands the gate to the next in line, or opens it. */
  leave(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.held = false;
  }

  async through<T>(fn: () => Promise<T>): Promise<T> {
    const wait = this.enter();
    if (wait) await wait;
    try {
      return await fn();
    } finally {
      this.leave();
    }
  }
}

function gatedTransaction(tx: Transaction, gate: Gate, observe: Observer): Transaction {
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    gate.leave();
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (q: SqlQuery) => {
      observe(q);
      return tx.queryRaw(q);
    },
    executeRaw: (q: SqlQuery) => {
      observe(q);
      return tx.executeRaw(q);
    },
    commit: () => tx.commit().finally(close),
    rollback: () => tx.rollback().finally(close),
    createSavepoint: tx.createSavepoint && ((name: string) => tx.createSavepoint!(name)),
    rollbackToSavepoint: tx.rollbackToSavepoint && ((name: string) => tx.rollbackToSavepoint!(name)),
    releaseSavepoint: tx.releaseSavepoint && ((name: string) => tx.releaseSavepoint!(name)),
  };
}

function gatedAdapter(adapter: SqlDriverAdapter, gate: Gate, observe: Observer, observeScript: () => void, onDispose: () => void): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (q: SqlQuery): Promise<SqlResultSet> =>
      gate.through(() => {
        observe(q);
        return adapter.queryRaw(q);
      }),
    executeRaw: (q: SqlQuery): Promise<number> =>
      gate.through(() => {
        observe(q);
        return adapter.executeRaw(q);
      }),
    executeScript: (script: string) =>
      gate.through(() => {
        observeScript();
        return adapter.executeScript(script);
      }),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      const wait = gate.enter();
      if (wait) await wait;
      try {
        return gatedTransaction(await adapter.startTransaction(isolationLevel), gate, observe);
      } catch (e) {
        gate.leave();
        throw e;
      }
    },
    getConnectionInfo: adapter.getConnectionInfo && (() => adapter.getConnectionInfo!()),
    dispose: () => {
      onDispose();
      return adapter.dispose();
    },
  };
}

/** The slice of better-sqlite3's Statement that Prisma's adapter uses (bind once, then run or read). */
interface Statement {
  reader: boolean;
  bind(args: unknown[]): Statement;
  run(...args: unknown[]): unknown;
  columns(): unknown[];
  raw(on?: boolean): { all(...args: unknown[]): unknown[] };
}

/**
 * Prisma's better-sqlite3 adapter prepares every statement anew (`client.prepare(sql).bind(args)`), which
 * the breakdown measured as a good part of each query's cost. Statements are kept by their SQL (Prisma's
 * SQL has parameters, never values, so a few hundred shapes cover the app) and bound per call instead:
 * a cached statement cannot be bound twice, so `bind` hands back a view that passes the arguments to
 * each call. The adapter's client is not part of its typed API; without one, nothing changes.
 */
function reusePreparedStatements(adapter: SqlDriverAdapter, max = 500): Prepare | undefined {
  const client = (adapter as unknown as { client?: { prepare?: (sql: string) => Statement } }).client;
  if (!client || typeof client.prepare !== "function") return undefined;
  const prepare = client.prepare.bind(client);
  const cache = new Map<string, Statement>();
  client.prepare = (sql: string): Statement => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = prepare(sql);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(sql, stmt);
    }
    const s = stmt;
    const bound = (args: unknown[]): Statement => ({
      reader: s.reader,
      bind: () => {
        throw new TypeError("statement already bound");
      },
      run: () => s.run(args),
      columns: () => s.columns(),
      raw: () => ({ all: () => s.raw(true).all(args) }),
    });
    return { ...bound([]), run: (...args: unknown[]) => s.run(...args), bind: bound };
  };
  return prepare as unknown as Prepare;
}

export interface GateOptions {
  /**
   * in-memory rows told about every write as it runs (see hot-rows.ts); they are handed the connection
   * itself (`hot.sql`) for the few statements every update runs
   */
  hot?: HotRows;
}

/** The adapter factory whose connections let no statement into another request's transaction. */
export function oneTransactionAtATime(factory: SqlDriverAdapterFactory, { hot }: GateOptions = {}): SqlDriverAdapterFactory {
  const observe: Observer = hot ? (q) => observeWrite(hot, q.sql, q.args) : () => undefined;
  const observeScript = () => {
    hot?.users.clear();
    hot?.bot_sessions.clear();
    hot?.bot_conversations.clear();
  };
  // one gate for Prisma's statements and the hand-written ones (there is one connection at a time)
  const gate = new Gate();
  const direct = new OneConnection(gate);
  if (hot) hot.sql = direct;
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      const prepare = reusePreparedStatements(adapter);
      if (prepare) direct.attach(prepare);
      return gatedAdapter(adapter, gate, observe, observeScript, () => direct.detach());
    },
  };
}

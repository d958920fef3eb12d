// SQLite through better-sqlite3 is ONE connection for the whole process. While an interactive
// transaction is open on it, a statement of another request would run inside that transaction, and be
// undone with it if it rolls back: a sign-up, a vote or an outbox "sent" mark the bot had already
// reported as done. This wrapper around Prisma's driver adapter makes that impossible by construction:
// from the start of a transaction to its commit or rollback it holds a gate, and every statement from
// outside the transaction waits at the gate (the transaction's own statements go through its
// Transaction object and pass). Statements and transactions are let through in the order they came.
// PostgreSQL needs none of this: each transaction has a connection of its own from the pool.
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction } from "@prisma/driver-adapter-utils";

/** A first-come, first-served lock. */
class Gate {
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

function gatedTransaction(tx: Transaction, gate: Gate): Transaction {
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
    queryRaw: (q: SqlQuery) => tx.queryRaw(q),
    executeRaw: (q: SqlQuery) => tx.executeRaw(q),
    commit: () => tx.commit().finally(close),
    rollback: () => tx.rollback().finally(close),
    createSavepoint: tx.createSavepoint && ((name: string) => tx.createSavepoint!(name)),
    rollbackToSavepoint: tx.rollbackToSavepoint && ((name: string) => tx.rollbackToSavepoint!(name)),
    releaseSavepoint: tx.releaseSavepoint && ((name: string) => tx.releaseSavepoint!(name)),
  };
}

function gatedAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const gate = new Gate();
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (q: SqlQuery): Promise<SqlResultSet> => gate.through(() => adapter.queryRaw(q)),
    executeRaw: (q: SqlQuery): Promise<number> => gate.through(() => adapter.executeRaw(q)),
    executeScript: (script: string) => gate.through(() => adapter.executeScript(script)),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      const wait = gate.enter();
      if (wait) await wait;
      try {
        return gatedTransaction(await adapter.startTransaction(isolationLevel), gate);
      } catch (e) {
        gate.leave();
        throw e;
      }
    },
    getConnectionInfo: adapter.getConnectionInfo && (() => adapter.getConnectionInfo!()),
    dispose: () => adapter.dispose(),
  };
}

/** The adapter factory whose connections let no statement into another request's transaction. */
export function oneTransactionAtATime(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => gatedAdapter(await factory.connect()),
  };
}

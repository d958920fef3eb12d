// No acknowledged write is undone. SQLite is one connection for the process: before, a statement of
// another request issued while an interactive transaction was open ran inside it, and vanished when the
// transaction rolled back. Now it waits for the transaction's end. PostgreSQL (a pool) runs it beside,
// on a connection of its own; the results are the same.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "../../src/domain/errors.js";
import { providers } from "../helpers/databases.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

/** Waits for `p` at most `ms`: inside a transaction, a statement that waits for its end never settles. */
const settledWithin = (p: Promise<unknown>, ms: number) => Promise.race([p.then(() => true), new Promise((r) => setTimeout(() => r(false), ms))]);

describe.each(providers)("writes beside a transaction on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("a write issued while a transaction is open survives that transaction's rollback, and reads none of its changes", async () => {
    const db = app.db.prisma;
    let queued: Promise<number> | undefined;
    let read: Promise<number> | undefined;
    let settled: unknown;
    const failing = db.$transaction(async (tx) => {
      await tx.district.create({ data: { name: "Округ, которого не будет" } });
      // another request, at this moment: a notice is queued, and the request is told it is
      queued = app.services.outbox.enqueueRaw([{ userId: null, chatId: 4101, text: "Курс открыт", dedupeKey: "beside:1" }]);
      read = db.district.count();
      settled = await settledWithin(queued, 1500);
      throw new DomainError("material-not-found");
    });
    await expect(failing).rejects.toThrow(DomainError);
    expect(await queued).toBe(1);
    expect(await app.db.prisma.outboxMessage.count({ where: { dedupeKey: "beside:1" } })).toBe(1);
    // on SQLite it waited for the rollback (before: it ran inside and was rolled back with it)
    if (provider === "sqlite") expect(settled).toBe(false);
    // never a row of the open transaction (SQLite before: it read the uncommitted row)
    expect(await read).toBe(0);
    expect(await db.district.count()).toBe(0);
  });

  it("a transaction that commits keeps its writes; on SQLite a statement issued meanwhile runs after it", async () => {
    const db = app.db.prisma;
    const order: string[] = [];
    let after: Promise<unknown> | undefined;
    await db.$transaction(async (tx) => {
      await tx.district.create({ data: { name: "Первый" } });
      after = db.district.create({ data: { name: "Второй" } }).then(() => order.push("outside"));
      await settledWithin(after, 1000);
      await tx.district.update({ where: { name: "Первый" }, data: { name: "Первый округ" } });
      order.push("transaction");
    });
    await after;
    // PostgreSQL ran it beside, on a connection of its own
    expect(order).toEqual(provider === "sqlite" ? ["transaction", "outside"] : ["outside", "transaction"]);
    expect((await db.district.findMany({ orderBy: { name: "asc" } })).map((d) => d.name)).toEqual(["Второй", "Первый округ"]);
  });
});

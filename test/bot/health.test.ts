import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { insertTeacher } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(providers)("the health report (GET /healthz) on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("says the database answers and how much waits in the outbox, and since when", async () => {
    expect(await app.health()).toEqual({ status: "ok", database: "ok", outbox: { due: 0, oldestDueSeconds: 0 } });
    const u = await insertTeacher(app, 7001);
    const v = await insertTeacher(app, 7002);
    const later = new Date(app.clock.now().getTime() + 3_600_000);
    await app.services.outbox.enqueueRaw([
      { userId: u, chatId: 7001, text: "a", dedupeKey: "h:1" },
      { userId: v, chatId: 7002, text: "b", dedupeKey: "h:2" },
      // not due yet: not a backlog
      { userId: u, chatId: 7001, text: "c", dedupeKey: "h:3", notBefore: later },
    ]);
    app.clock.set(new Date(app.clock.now().getTime() + 90_000));
    expect(await app.health()).toEqual({ status: "ok", database: "ok", outbox: { due: 2, oldestDueSeconds: 90 } });
    await app.sender.runUntilIdle();
    expect(await app.health()).toMatchObject({ outbox: { due: 0, oldestDueSeconds: 0 } });
  });

  it("says unavailable, without throwing, when the database does not answer", async () => {
    const broken = { ...app.services.outbox, backlog: () => Promise.reject(new Error("connection refused")) };
    const real = app.services.outbox;
    (app.services as { outbox: typeof real }).outbox = broken;
    try {
      expect(await app.health()).toEqual({ status: "unavailable", database: "unreachable" });
    } finally {
      (app.services as { outbox: typeof real }).outbox = real;
    }
  });
});

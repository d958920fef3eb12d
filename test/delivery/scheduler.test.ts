import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TaskContext } from "../../src/domain/tasks.js";
import { cronExpression } from "../../src/jobs/scheduler.js";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { insertTeacher } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

const T0 = "2026-12-01T09:00:00Z";
const at = (iso: string) => new Date(iso);

describe.each(providers)("scheduler on %s", (provider) => {
  let app: TestApp;
  let runs: TaskContext[];
  let userId: number;

  function install(a: TestApp) {
    a.services.tasks.handle("test.reminder", async (ctx) => {
      runs.push(ctx);
      return [{ userId: ctx.payload.userId as number, key: "cancelled", dedupeKey: `reminder:${ctx.task.id}:${ctx.payload.userId}` }];
    });
  }

  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
    app.clock.set(T0);
    runs = [];
    install(app);
    userId = await insertTeacher(app, 7001);
  });
  afterEach(() => closeTestApp(app));

  it("turns a due task into one outbox message, exactly once", async () => {
    await app.services.tasks.schedule({
      kind: "test.reminder",
      payload: { userId },
      dueAt: at("2026-12-01T10:00:00Z"),
      eventAt: at("2026-12-02T10:00:00Z"),
      dedupeKey: "r:1",
    });
    expect(await app.scheduler.tick()).toBe(0);
    app.clock.set("2026-12-01T10:00:10Z");
    expect(await app.scheduler.tick()).toBe(1);
    expect(await app.scheduler.tick()).toBe(0);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.late).toBe(false);
    await deliverAll(app);
    expect(receivedTexts(app, 7001)).toEqual(["Действие отменено."]);
    expect((await app.db.prisma.scheduledTask.findFirstOrThrow()).status).toBe("done");
  });

  it("a reminder due while the bot was down is sent late once; one whose event began is dropped", async () => {
    await app.services.tasks.schedule({
      kind: "test.reminder",
      payload: { userId },
      dueAt: at("2026-12-01T10:00:00Z"),
      eventAt: at("2026-12-01T15:00:00Z"),
      dedupeKey: "late",
    });
    await app.services.tasks.schedule({
      kind: "test.reminder",
      payload: { userId },
      dueAt: at("2026-12-01T11:00:00Z"),
      eventAt: at("2026-12-01T12:00:00Z"),
      dedupeKey: "gone",
    });
    app = await app.restart();
    install(app);
    app.clock.set("2026-12-01T13:00:00Z");
    expect(await app.scheduler.tick()).toBe(2);
    expect(runs.map((r) => r.task.dedupeKey)).toEqual(["late"]);
    expect(runs[0]!.late).toBe(true);
    const tasks = await app.db.prisma.scheduledTask.findMany({ orderBy: { id: "asc" } });
    expect(tasks.map((t) => [t.dedupeKey, t.status])).toEqual([
      ["late", "done"],
      ["gone", "cancelled"],
    ]);
  });

  it("a task claimed by a process that died is run again after its lease, without a second message", async () => {
    await app.services.tasks.schedule({ kind: "test.reminder", payload: { userId }, dueAt: at(T0), dedupeKey: "crash" });
    const task = await app.db.prisma.scheduledTask.findFirstOrThrow();
    // the dead process had queued the notice but not marked the task done
    await app.services.outbox.notify([{ userId, key: "cancelled", dedupeKey: `reminder:${task.id}:${userId}` }]);
    await app.db.prisma.scheduledTask.update({
      where: { id: task.id },
      data: { status: "running", lockedBy: "dead", lockedUntil: at("2026-12-01T09:05:00Z") },
    });
    expect(await app.scheduler.tick()).toBe(0);
    app.clock.set("2026-12-01T09:06:00Z");
    expect(await app.scheduler.tick()).toBe(1);
    expect(await app.db.prisma.outboxMessage.count()).toBe(1);
  });

  it("two replicas ticking at once run each task once", async () => {
    const other = await app.twin();
    install(other);
    for (let i = 0; i < 30; i++) {
      await app.services.tasks.schedule({ kind: "test.reminder", payload: { userId }, dueAt: at(T0), dedupeKey: `many:${i}` });
    }
    const [a, b] = await Promise.all([app.scheduler.tick(), other.scheduler.tick()]);
    await other.close();
    expect(a + b).toBe(30);
    expect(runs).toHaveLength(30);
    expect(new Set(runs.map((r) => r.task.id)).size).toBe(30);
    expect(await app.db.prisma.outboxMessage.count()).toBe(30);
  });

  it("rescheduling with the same key moves the task; cancel by prefix drops it", async () => {
    await app.services.tasks.schedule({ kind: "test.reminder", payload: { userId }, dueAt: at("2026-12-01T10:00:00Z"), dedupeKey: "meeting:1:day" });
    await app.services.tasks.schedule({ kind: "test.reminder", payload: { userId }, dueAt: at("2026-12-01T12:00:00Z"), dedupeKey: "meeting:1:day" });
    app.clock.set("2026-12-01T11:00:00Z");
    expect(await app.scheduler.tick()).toBe(0);
    expect(await app.services.tasks.cancel("meeting:1:")).toBe(1);
    app.clock.set("2026-12-01T13:00:00Z");
    expect(await app.scheduler.tick()).toBe(0);
  });

  it("a handler that throws is retried later, then given up", async () => {
    app.services.tasks.handle("test.broken", async () => {
      throw new Error("boom");
    });
    await app.services.tasks.schedule({ kind: "test.broken", dueAt: at(T0), dedupeKey: "broken" });
    for (let i = 0; i < 6; i++) {
      await app.scheduler.tick();
      app.clock.advance(10 * 60_000);
    }
    const t = await app.db.prisma.scheduledTask.findFirstOrThrow();
    expect(t.status).toBe("cancelled");
    expect(t.lastError).toContain("boom");
  });

  it("a task retried after a failure keeps its due time: when it finally runs late, it says so", async () => {
    let failures = 2;
    app.services.tasks.handle("test.flaky", async (ctx) => {
      if (failures-- > 0) throw new Error("database busy");
      runs.push(ctx);
      return [];
    });
    await app.services.tasks.schedule({ kind: "test.flaky", dueAt: at(T0), dedupeKey: "flaky" });
    expect(await app.scheduler.tick()).toBe(1);
    // retried after a minute, not before
    app.clock.advance(30_000);
    expect(await app.scheduler.tick()).toBe(0);
    app.clock.advance(31_000);
    expect(await app.scheduler.tick()).toBe(1);
    app.clock.advance(121_000);
    expect(await app.scheduler.tick()).toBe(1);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.late).toBe(true);
    expect(runs[0]!.task.dueAt).toEqual(at(T0));
    expect((await app.db.prisma.scheduledTask.findFirstOrThrow()).status).toBe("done");
  });

  it("a reminder still waiting in the outbox when its event begins is cancelled, not sent", async () => {
    await app.services.tasks.schedule({ kind: "test.reminder", payload: { userId }, dueAt: at(T0), eventAt: at("2026-12-01T09:30:00Z"), dedupeKey: "r:exp" });
    expect(await app.scheduler.tick()).toBe(1);
    // the sender does not get to it before the event (Telegram down, a long queue)
    app.clock.set("2026-12-01T09:30:00Z");
    await deliverAll(app);
    expect(receivedTexts(app, 7001)).toEqual([]);
    const row = await app.db.prisma.outboxMessage.findFirstOrThrow();
    expect([row.status, row.expiresAt]).toEqual(["cancelled", at("2026-12-01T09:30:00Z")]);
  });

  it("cron expressions follow the tick setting", () => {
    expect(cronExpression(30)).toBe("*/30 * * * * *");
    expect(cronExpression(120)).toBe("0 */2 * * * *");
  });
});

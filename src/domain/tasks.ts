// Scheduled tasks: reminders, offer expiries, feedback requests ... Each is a row with a due time; the
// scheduler's tick (src/jobs/scheduler.ts) claims due rows atomically and runs the handler of their kind,
// which returns notices for the outbox. Exactly once: a claim is a conditional update, notices carry
// dedupe keys, and a claim whose process died is taken over after its lease.
import type { Db, DbProvider } from "../db/client.js";
import type { ScheduledTask } from "../generated/sqlite/client.js";
import { Prisma } from "../generated/sqlite/client.js";
import type { Logger } from "../logger.js";
import type { Clock } from "./clock.js";
import type { Notice, Outbox } from "./outbox.js";

export type { ScheduledTask };

export interface TaskContext {
  task: ScheduledTask;
  payload: Record<string, unknown>;
  now: Date;
  /** the task runs after its due time (the bot was down): say so, with the original time */
  late: boolean;
}

/** What a handler returns: notices to queue (their dedupe keys make a re-run harmless). */
export type TaskHandler = (ctx: TaskContext) => Promise<Notice[] | undefined>;

export interface ScheduleInput {
  kind: string;
  payload?: Record<string, unknown>;
  dueAt: Date;
  /** the event the task is about: once it has begun, a task still pending is dropped */
  eventAt?: Date | null;
  dedupeKey: string;
}

const LEASE_MS = 5 * 60_000;
/** a task this much after its due time counts as late */
const LATE_AFTER_MS = 2 * 60_000;

export function createTasks(db: Db, provider: DbProvider, clock: Clock, outbox: Outbox, logger: Logger, instance: string) {
  const handlers = new Map<string, TaskHandler>();

  const tasks = {
    handle(kind: string, handler: TaskHandler): void {
      handlers.set(kind, handler);
    },

    /** Schedules a task; the same dedupe key again updates its time (e.g. a moved meeting). */
    async schedule(input: ScheduleInput): Promise<void> {
      const now = clock.now();
      const data = { kind: input.kind, payload: JSON.stringify(input.payload ?? {}), dueAt: input.dueAt, eventAt: input.eventAt ?? null };
      await db.scheduledTask.upsert({
        where: { dedupeKey: input.dedupeKey },
        create: { ...data, dedupeKey: input.dedupeKey, createdAt: now },
        update: { ...data, status: "pending", doneAt: null, lockedBy: null, lockedUntil: null, attempts: 0, lastError: null },
      });
    },

    /** Cancels pending tasks whose dedupe key starts with the prefix (an event cancelled or moved). */
    async cancel(prefix: string): Promise<number> {
      const r = await db.scheduledTask.updateMany({ where: { dedupeKey: { startsWith: prefix }, status: "pending" }, data: { status: "cancelled" } });
      return r.count;
    },

    /**
     * Claims due tasks (and ones whose claimer died) so that no other process runs them. A pending task
     * with a `locked_until` waits to be retried until then; its `due_at` stays the time it was meant for.
     */
    async claimDue(limit = 100): Promise<ScheduledTask[]> {
      const now = clock.now();
      const lockedUntil = new Date(now.getTime() + LEASE_MS);
      const pick = Prisma.sql`SELECT id FROM scheduled_tasks
        WHERE due_at <= ${now} AND (status = 'pending' OR status = 'running') AND (locked_until IS NULL OR locked_until < ${now})
        ORDER BY due_at, id LIMIT ${limit}`;
      const ids = await db.$queryRaw<{ id: number }[]>`UPDATE scheduled_tasks
        SET status = 'running', locked_by = ${instance}, locked_until = ${lockedUntil}, attempts = attempts + 1, updated_at = ${now}
        WHERE id IN (${pick}${provider === "postgresql" ? Prisma.sql` FOR UPDATE SKIP LOCKED` : Prisma.empty})
        RETURNING id`;
      if (!ids.length) return [];
      return db.scheduledTask.findMany({ where: { id: { in: ids.map((r) => Number(r.id)) }, lockedBy: instance }, orderBy: [{ dueAt: "asc" }, { id: "asc" }] });
    },

    /** Runs one claimed task: its notices go to the outbox, then it is done. */
    async run(task: ScheduledTask): Promise<void> {
      const now = clock.now();
      const finish = (status: "done" | "cancelled", lastError: string | null = null) =>
        db.scheduledTask.updateMany({
          where: { id: task.id, lockedBy: instance },
          data: { status, doneAt: now, lockedBy: null, lockedUntil: null, lastError },
        });
      if (task.eventAt && task.eventAt <= now) {
        await finish("cancelled", "event already began");
        return;
      }
      const handler = handlers.get(task.kind);
      if (!handler) {
        logger.error({ task: task.id, kind: task.kind }, "no handler for scheduled task");
        await finish("cancelled", "no handler");
        return;
      }
      try {
        const notices = await handler({ task, payload: JSON.parse(task.payload), now, late: now.getTime() - task.dueAt.getTime() > LATE_AFTER_MS });
        // a reminder still queued when its event begins is not sent
        if (notices?.length) await outbox.notify(notices.map((n) => ({ ...n, expiresAt: n.expiresAt ?? task.eventAt })));
        await finish("done");
      } catch (e) {
        logger.error({ err: e, task: task.id, kind: task.kind }, "scheduled task failed");
        // retried after a pause, at most a few times; its due time stays (a late reminder says when it was due)
        const retry = task.attempts < 5;
        await db.scheduledTask.updateMany({
          where: { id: task.id, lockedBy: instance },
          data: retry
            ? { status: "pending", lockedBy: null, lockedUntil: new Date(now.getTime() + 60_000 * task.attempts), lastError: String(e) }
            : { status: "cancelled", lockedBy: null, lockedUntil: null, lastError: String(e) },
        });
      }
    },

    /** One scheduler tick: claim what is due and run it. Returns how many tasks ran. */
    async tick(): Promise<number> {
      let ran = 0;
      for (;;) {
        const due = await tasks.claimDue();
        for (const task of due) await tasks.run(task);
        ran += due.length;
        if (due.length < 100) return ran;
      }
    },
  };
  return tasks;
}

export type Tasks = ReturnType<typeof createTasks>;

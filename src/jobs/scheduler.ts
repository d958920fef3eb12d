// node-cron drives the scheduler's tick: due tasks (reminders, expiries) become outbox messages.
import cron, { type ScheduledTask } from "node-cron";
import type { Tasks } from "../domain/tasks.js";
import type { Logger } from "../logger.js";

export function cronExpression(tickSeconds: number): string {
  return tickSeconds < 60 ? `*/${tickSeconds} * * * * *` : `0 */${Math.max(1, Math.round(tickSeconds / 60))} * * * *`;
}

export class Scheduler {
  private job: ScheduledTask | null = null;

  constructor(
    private readonly tasks: Tasks,
    private readonly logger: Logger,
    private readonly tickSeconds: number,
  ) {}

  start(): void {
    if (this.job) return;
    this.job = cron.schedule(cronExpression(this.tickSeconds), () => this.tick(), { noOverlap: true, name: "scheduler" });
    // catch up at once with what fell due while the bot was down
    void this.tick();
  }

  async tick(): Promise<number> {
    try {
      const ran = await this.tasks.tick();
      if (ran) this.logger.info({ ran }, "scheduled tasks ran");
      return ran;
    } catch (err) {
      this.logger.error({ err }, "scheduler tick failed");
      return 0;
    }
  }

  async stop(): Promise<void> {
    await this.job?.stop();
    this.job = null;
  }
}

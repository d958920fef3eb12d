// Drains the outbox into Telegram: at the configured global rate, at most one message a second per chat,
// in order per chat. A row is claimed in the database before it is sent (several processes share one
// outbox without sending anything twice) and marked sent as soon as Telegram acknowledges it.
//
// The one unavoidable window: killed after Telegram accepted a message but before its row was updated,
// that message is sent again after restart (its claim expires after the lease). It is as short as one
// UPDATE; everything acknowledged and recorded is never sent again, and nothing queued is lost.
import { Api, GrammyError, HttpError } from "grammy";
import type { InlineKeyboardMarkup, MessageEntity } from "grammy/types";
import type { Db, DbProvider } from "../db/client.js";
import type { OutboxMessage } from "../generated/sqlite/client.js";
import { Prisma } from "../generated/sqlite/client.js";
import type { Clock } from "../domain/clock.js";
import type { UserService } from "../domain/users.js";
import type { Logger } from "../logger.js";
import { createApiFetch, type FetchFn } from "../bot/api/fetch.js";
import { Pace } from "./pace.js";

export interface SenderOptions {
  db: Db;
  provider: DbProvider;
  clock: Clock;
  logger: Logger;
  users: Pick<UserService, "markBlocked">;
  token: string;
  apiRoot: string;
  fetch: FetchFn;
  /** messages per second from this process */
  ratePerSecond: number;
  /** who claims rows (host:pid:random) */
  instance: string;
  /** a claim not confirmed within this time is taken over by another sender */
  leaseMs?: number;
  perChatIntervalMs?: number;
  maxAttempts?: number;
  maxInFlight?: number;
  idleMs?: number;
}

export type Outcome = "ok" | "rate_limited" | "blocked" | "server_error" | "network_error" | "bad_request";

export interface SenderStats {
  sent: number;
  failed: number;
  blocked: number;
  rateLimited: number;
  retried: number;
}

const CAPTION_LIMIT = 1024;
const BLOCKED = /blocked by the user|user is deactivated|chat not found|bot was kicked|PEER_ID_INVALID/i;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Sender {
  readonly stats: SenderStats = { sent: 0, failed: 0, blocked: 0, rateLimited: 0, retried: 0 };
  private readonly api: Api;
  private readonly pace: Pace;
  private readonly leaseMs: number;
  private readonly perChatMs: number;
  private readonly maxAttempts: number;
  /** sends overlapping at once (Bot API latency × rate) */
  readonly maxInFlight: number;
  private readonly idleMs: number;
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private lastRelease = 0;
  private lastLog = { at: 0, sent: 0 };
  /** how many cancellations this process has seen (a change means: check the claimed batch) */
  private cancels = 0;

  constructor(private readonly o: SenderOptions) {
    // no auto-retry here: a 429 must pause the whole sender, which only the sender can do
    this.api = new Api(o.token, { apiRoot: o.apiRoot, fetch: createApiFetch({ fetch: o.fetch, retry: false }) as never });
    this.pace = new Pace(o.ratePerSecond);
    this.leaseMs = o.leaseMs ?? 60_000;
    this.perChatMs = o.perChatIntervalMs ?? 1000;
    this.maxAttempts = o.maxAttempts ?? 8;
    this.maxInFlight = o.maxInFlight ?? Math.max(8, Math.ceil(o.ratePerSecond / 2));
    this.idleMs = o.idleMs ?? 1000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop().catch((err: unknown) => this.o.logger.error({ err }, "sender loop crashed"));
  }

  /** Stops claiming, lets messages in flight finish, hands back what was claimed but not sent. */
  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loopDone;
    await Promise.all(this.inFlight);
  }

  /** Something was cancelled: what this process has claimed but not sent yet is looked at again. */
  noteCancelled(): void {
    this.cancels++;
  }

  /** Something was enqueued: look now rather than at the next idle poll. */
  kick(): void {
    this.wake?.();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const sent = await this.cycle(true);
      if (!sent && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.idleMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
      this.logProgress();
    }
  }

  /**
   * Claims what may be sent now and sends it. With `background` the sends overlap (up to maxInFlight);
   * otherwise each is awaited. Returns how many were claimed.
   */
  private async cycle(background: boolean): Promise<number> {
    if (Date.now() - this.lastRelease > 5000) await this.releaseStale();
    while (this.inFlight.size >= this.maxInFlight) await Promise.race(this.inFlight);
    const batchSize = Math.min(this.maxInFlight - this.inFlight.size, Math.max(1, Math.ceil(this.o.ratePerSecond / 2)));
    let seen = this.cancels;
    let dropped = new Set<number>();
    const batch = await this.claim(batchSize);
    for (let i = 0; i < batch.length; i++) {
      await this.pace.take();
      if (!this.running && background) {
        await this.release(batch.slice(i).map((m) => m.id));
        break;
      }
      if (this.cancels !== seen) {
        // a broadcast stopped or an event cancelled meanwhile: its claimed messages are not sent
        seen = this.cancels;
        dropped = await this.cancelledAmong(batch.slice(i).map((m) => m.id));
      }
      if (dropped.has(batch[i]!.id)) continue;
      const p = this.deliver(batch[i]!).catch((err: unknown) => this.o.logger.error({ err, id: batch[i]!.id }, "delivery bookkeeping failed"));
      if (background) {
        this.inFlight.add(p);
        void p.finally(() => this.inFlight.delete(p));
      } else await p;
    }
    return batch.length;
  }

  /** Sends everything that is due now, one at a time, and returns when nothing more can go (tests, scripts). */
  async runUntilIdle(): Promise<number> {
    this.running = true;
    let total = 0;
    try {
      for (;;) {
        const n = await this.cycle(false);
        total += n;
        if (n === 0) return total;
      }
    } finally {
      this.running = false;
    }
  }

  /** Claims that outlived their lease (their process died) go back to the queue. */
  async releaseStale(): Promise<number> {
    this.lastRelease = Date.now();
    const now = this.o.clock.now();
    const r = await this.o.db.outboxMessage.updateMany({
      where: { status: "sending", claimedUntil: { lt: now } },
      data: { status: "queued", claimedBy: null, claimedUntil: null },
    });
    if (r.count) this.o.logger.warn({ count: r.count }, "took over expired outbox claims");
    return r.count;
  }

  private async release(ids: number[]): Promise<void> {
    if (!ids.length) return;
    await this.o.db.outboxMessage.updateMany({ where: { id: { in: ids }, claimedBy: this.o.instance, status: "sending" }, data: { status: "queued", claimedBy: null, claimedUntil: null } });
    await this.o.db.outboxMessage.updateMany({ where: { id: { in: ids }, claimedBy: this.o.instance, status: "cancelled" }, data: { claimedBy: null, claimedUntil: null } });
  }

  /** Which of these claimed messages were cancelled since; their claims are dropped. */
  private async cancelledAmong(ids: number[]): Promise<Set<number>> {
    const rows = await this.o.db.outboxMessage.findMany({ where: { id: { in: ids }, status: "cancelled" }, select: { id: true } });
    const found = rows.map((r) => r.id);
    if (found.length) await this.o.db.outboxMessage.updateMany({ where: { id: { in: found }, status: "cancelled" }, data: { claimedBy: null, claimedUntil: null } });
    return new Set(found);
  }

  /**
   * Puts a message back in the queue for a later try, unless its group was stopped while it was in
   * flight (then it stays cancelled and only its claim is dropped).
   */
  private async requeue(id: number, data: Prisma.OutboxMessageUpdateManyMutationInput): Promise<void> {
    const db = this.o.db;
    const r = await db.outboxMessage.updateMany({ where: { id, status: "sending" }, data: { ...data, status: "queued", claimedBy: null, claimedUntil: null } });
    if (!r.count) await db.outboxMessage.updateMany({ where: { id, status: "cancelled" }, data: { claimedBy: null, claimedUntil: null } });
  }

  /**
   * One atomic statement: the oldest due message of each chat that has nothing in flight (a message
   * cancelled on its way still is, until its answer) and nothing sent within the last second. PostgreSQL skips rows another sender is claiming at the same moment.
   */
  private async claim(limit: number): Promise<OutboxMessage[]> {
    const now = this.o.clock.now();
    const lease = new Date(now.getTime() + this.leaseMs);
    const chatGap = new Date(now.getTime() - this.perChatMs);
    const lock = this.o.provider === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
    const rows = await this.o.db.$queryRaw<{ id: number }[]>`UPDATE outbox_messages
      SET status = 'sending', claimed_by = ${this.o.instance}, claimed_until = ${lease}, updated_at = ${now}
      WHERE id IN (
        SELECT o.id FROM outbox_messages o
        WHERE o.status = 'queued' AND o.not_before <= ${now} AND (o.retry_at IS NULL OR o.retry_at <= ${now})
          AND NOT EXISTS (
            SELECT 1 FROM outbox_messages p
            WHERE p.chat_id = o.chat_id AND p.id <> o.id
              AND ((p.status = 'queued' AND p.not_before <= ${now} AND p.id < o.id)
                OR p.status = 'sending'
                OR (p.status = 'cancelled' AND p.claimed_until > ${now})
                OR (p.status = 'sent' AND p.sent_at > ${chatGap})))
        ORDER BY o.id
        LIMIT ${limit}
        ${lock})
      RETURNING id`;
    if (!rows.length) return [];
    return this.o.db.outboxMessage.findMany({ where: { id: { in: rows.map((r) => Number(r.id)) }, claimedBy: this.o.instance }, orderBy: { id: "asc" } });
  }

  private async send(m: OutboxMessage): Promise<number> {
    const chatId = Number(m.chatId);
    const entities = m.entities ? (JSON.parse(m.entities) as MessageEntity[]) : undefined;
    const format = entities ? {} : { parse_mode: "HTML" as const };
    const reply_markup: InlineKeyboardMarkup | undefined = m.replyMarkup
      ? { inline_keyboard: (JSON.parse(m.replyMarkup) as { text: string; data: string }[][]).map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) }
      : undefined;
    if (m.attachKind && m.attachFileId) {
      const fits = m.text.length <= CAPTION_LIMIT;
      const caption = fits ? { caption: m.text, ...(entities ? { caption_entities: entities } : format) } : {};
      const opts = { ...caption, reply_markup: fits ? reply_markup : undefined };
      const sent =
        m.attachKind === "photo"
          ? await this.api.sendPhoto(chatId, m.attachFileId, opts)
          : m.attachKind === "video"
            ? await this.api.sendVideo(chatId, m.attachFileId, opts)
            : await this.api.sendDocument(chatId, m.attachFileId, opts);
      if (fits || !m.text) return sent.message_id;
    }
    const sent = await this.api.sendMessage(chatId, m.text, { entities, ...format, reply_markup, link_preview_options: { is_disabled: true } });
    return sent.message_id;
  }

  private async deliver(m: OutboxMessage): Promise<void> {
    const started = performance.now();
    let outcome: Outcome;
    let errorCode: number | null = null;
    let detail: string | null = null;
    try {
      const messageId = await this.send(m);
      outcome = "ok";
      // recorded at once: this UPDATE is the whole "sent but not recorded" window
      await this.o.db.outboxMessage.update({
        where: { id: m.id },
        data: { status: "sent", sentAt: this.o.clock.now(), tgMessageId: messageId, attempts: { increment: 1 }, claimedUntil: null },
      });
      this.stats.sent++;
    } catch (e) {
      ({ outcome, errorCode, detail } = classify(e));
      await this.afterFailure(m, outcome, e);
    }
    await this.o.db.deliveryAttempt.create({
      data: { messageId: m.id, at: this.o.clock.now(), outcome, errorCode, detail, durationMs: Math.round(performance.now() - started) },
    });
  }

  private async afterFailure(m: OutboxMessage, outcome: Outcome, e: unknown): Promise<void> {
    const db = this.o.db;
    const now = this.o.clock.now();
    if (outcome === "rate_limited") {
      const seconds = (e as GrammyError).parameters?.retry_after ?? 1;
      this.pace.pause(seconds * 1000);
      this.stats.rateLimited++;
      this.o.logger.warn({ retry_after: seconds }, "Telegram asked to slow down: the sender pauses");
      await this.requeue(m.id, { retryAt: new Date(now.getTime() + seconds * 1000) });
      return;
    }
    if (outcome === "blocked") {
      this.stats.blocked++;
      await db.outboxMessage.update({ where: { id: m.id }, data: { status: "blocked", attempts: { increment: 1 }, lastError: String((e as Error).message), claimedUntil: null } });
      // nothing more goes to this chat
      await db.outboxMessage.updateMany({ where: { chatId: m.chatId, status: "queued" }, data: { status: "blocked" } });
      if (m.userId) await this.o.users.markBlocked(m.userId).catch(() => undefined);
      return;
    }
    const attempts = m.attempts + 1;
    if (outcome === "bad_request" || attempts >= this.maxAttempts) {
      this.stats.failed++;
      this.o.logger.warn({ id: m.id, outcome, err: (e as Error).message }, "message failed for good");
      await db.outboxMessage.update({ where: { id: m.id }, data: { status: "failed", attempts, lastError: String((e as Error).message), claimedUntil: null } });
      return;
    }
    // 5xx or network: back off 2, 4, 8 ... seconds (at most 5 minutes), order per chat kept
    this.stats.retried++;
    const delay = Math.min(300_000, 1000 * 2 ** attempts);
    await this.requeue(m.id, { attempts, retryAt: new Date(now.getTime() + delay), lastError: String((e as Error).message) });
  }

  private logProgress(): void {
    const now = Date.now();
    if (now - this.lastLog.at < 10_000 || this.stats.sent === this.lastLog.sent) return;
    this.o.logger.info({ ...this.stats, inFlight: this.inFlight.size }, "delivery progress");
    this.lastLog = { at: now, sent: this.stats.sent };
  }
}

export function classify(e: unknown): { outcome: Outcome; errorCode: number | null; detail: string } {
  if (e instanceof GrammyError) {
    const code = e.error_code;
    if (code === 429) return { outcome: "rate_limited", errorCode: code, detail: e.description };
    if (code === 403 || (code === 400 && BLOCKED.test(e.description))) return { outcome: "blocked", errorCode: code, detail: e.description };
    if (code >= 500) return { outcome: "server_error", errorCode: code, detail: e.description };
    return { outcome: "bad_request", errorCode: code, detail: e.description };
  }
  if (e instanceof HttpError) return { outcome: "network_error", errorCode: null, detail: e.message };
  return { outcome: "network_error", errorCode: null, detail: String(e) };
}

export { sleep };

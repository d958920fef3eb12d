// Drains the outbox into Telegram: at the configured global rate, at most one message a second per chat,
// in order per chat, personal notices before bulk ones. A row is claimed in the database before it is
// sent (several processes share one outbox without sending anything twice) and marked sent as soon as
// Telegram acknowledges it.
//
// A claim is a lease (60 s). No request outlives a third of it (the Api's timeout), no claim is held
// through a pause (a 429, an outage: the rest of the batch goes back to the queue; a 429 that another
// replica was given is looked up before each send), and a batch whose
// lease runs low is renewed before its next send, skipping what is no longer this sender's: a claim
// another sender may take over is never one whose message is still on its way from here.
//
// The unavoidable windows: killed after Telegram accepted a message but before its row was updated, or
// a request that timed out after Telegram had in fact accepted it: that message is sent again. Once
// Telegram has answered, the row is never put back in the queue: a database error while recording it
// is retried until it is recorded.
import { Api, GrammyError, HttpError } from "grammy";
import type { InlineKeyboardMarkup, MessageEntity, ReplyKeyboardMarkup } from "grammy/types";
import type { Db, DbProvider } from "../db/client.js";
import type { OutboxMessage } from "../generated/sqlite/client.js";
import { Prisma } from "../generated/sqlite/client.js";
import type { Clock } from "../domain/clock.js";
import { type MainMenu, parseStoredMarkup } from "../domain/outbox.js";
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
  /** a Bot API call not answered within this is abandoned (default: a third of the lease, at most 20 s) */
  requestTimeoutMs?: number;
  /** a message Telegram could not be reached for (network, 5xx) this long after it was due fails */
  giveUpAfterMs?: number;
  perChatIntervalMs?: number;
  maxInFlight?: number;
  idleMs?: number;
  /** renders a notice's main menu (a role's reply keyboard in a language); without it none is sent */
  mainMenu?: (menu: MainMenu) => ReplyKeyboardMarkup;
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
/** the longest the whole sender waits between two tries while Telegram cannot be reached */
const MAX_OUTAGE_PAUSE_MS = 60_000;
/** the longest one message waits before its next try after a 5xx or a network error */
const MAX_RETRY_DELAY_MS = 300_000;
/** tries to record a message Telegram accepted before it is left to the next cycle */
const RECORD_TRIES = 4;

export class Sender {
  readonly stats: SenderStats = { sent: 0, failed: 0, blocked: 0, rateLimited: 0, retried: 0 };
  private readonly api: Api;
  private readonly pace: Pace;
  private readonly leaseMs: number;
  private readonly giveUpAfterMs: number;
  private readonly perChatMs: number;
  /** sends overlapping at once (Bot API latency × rate) */
  readonly maxInFlight: number;
  private readonly idleMs: number;
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private lastSweep = 0;
  private lastLog = { at: 0, sent: 0 };
  /** how many cancellations this process has seen (a change means: check the claimed batch) */
  private cancels = 0;
  /** nothing is claimed or sent before this (clock time, ms): a 429's retry_after, an outage's back-off */
  private pausedUntil = 0;
  /** network errors and 5xx in a row: each one (outside a pause) doubles the sender's pause */
  private outageStreak = 0;
  /** accepted by Telegram, not yet recorded as sent (the database failed): recorded first thing each cycle */
  private readonly unrecorded = new Map<number, { m: OutboxMessage; messageId: number }>();

  constructor(private readonly o: SenderOptions) {
    this.leaseMs = o.leaseMs ?? 60_000;
    const timeoutMs = o.requestTimeoutMs ?? Math.min(20_000, this.leaseMs / 3);
    if (timeoutMs > this.leaseMs / 3) throw new Error("the sender's request timeout must be at most a third of its lease");
    // no auto-retry here: a 429 must pause the whole sender, which only the sender can do
    this.api = new Api(o.token, {
      apiRoot: o.apiRoot,
      fetch: createApiFetch({ fetch: o.fetch, retry: false }) as never,
      timeoutSeconds: timeoutMs / 1000,
    });
    this.pace = new Pace(o.ratePerSecond);
    this.giveUpAfterMs = o.giveUpAfterMs ?? 24 * 3_600_000;
    this.perChatMs = o.perChatIntervalMs ?? 1000;
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
    await this.recordUnrecorded().catch((err: unknown) =>
      this.o.logger.error({ err, ids: [...this.unrecorded.keys()] }, "sent but not recorded: these may be sent again after a restart"),
    );
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
      let sent = 0;
      try {
        sent = await this.cycle(true);
      } catch (err) {
        // the database is away: try again after the idle wait, as long as the process runs
        this.o.logger.error({ err }, "delivery cycle failed");
      }
      if (!sent && this.running) {
        const pause = this.pausedUntil - this.o.clock.now().getTime();
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pause > 0 ? Math.min(pause, this.idleMs) : this.idleMs);
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
    await this.recordUnrecorded();
    if (Date.now() - this.lastSweep > 5000) await this.sweep();
    while (this.inFlight.size >= this.maxInFlight) await Promise.race(this.inFlight);
    if (this.paused()) return 0;
    const batchSize = Math.min(this.maxInFlight - this.inFlight.size, Math.max(1, Math.ceil(this.o.ratePerSecond / 2)));
    let seen = this.cancels;
    const skip = new Set<number>();
    let claimedUntil = this.o.clock.now().getTime() + this.leaseMs;
    const batch = await this.claim(batchSize, claimedUntil);
    for (let i = 0; i < batch.length; i++) {
      await this.pace.take();
      const rest = batch.slice(i).map((m) => m.id);
      // a 429 another replica was given holds for this one too, also for a batch claimed before it
      await this.followSharedPause();
      if ((!this.running && background) || this.paused()) {
        // stopping, or Telegram asked for a pause: no claim is held through it (the rest goes back to
        // the queue as it was, in its place, its tries untouched)
        await this.release(rest.filter((id) => !skip.has(id)));
        break;
      }
      if (this.cancels !== seen) {
        // a broadcast stopped or an event cancelled meanwhile: its claimed messages are not sent
        seen = this.cancels;
        for (const id of await this.cancelledAmong(rest)) skip.add(id);
      }
      if (claimedUntil - this.o.clock.now().getTime() < this.leaseMs / 2) {
        // the batch took long (a slow database, a stalled process): the rest gets a fresh lease before
        // anything more is sent, and what another sender took over meanwhile is left to it
        claimedUntil = this.o.clock.now().getTime() + this.leaseMs;
        const kept = await this.renew(
          rest.filter((id) => !skip.has(id)),
          claimedUntil,
        );
        for (const id of rest) if (!kept.has(id)) skip.add(id);
      }
      if (skip.has(batch[i]!.id)) continue;
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

  /** Every few seconds: claims of dead processes go back to the queue, overdue messages are cancelled. */
  async sweep(): Promise<void> {
    this.lastSweep = Date.now();
    await this.releaseStale();
    await this.expire();
  }

  /**
   * Claims that outlived their lease (their process died) go back to the queue; not those this process
   * has sent and not yet recorded.
   */
  async releaseStale(): Promise<number> {
    const now = this.o.clock.now();
    const r = await this.o.db.outboxMessage.updateMany({
      where: { status: "sending", claimedUntil: { lt: now }, id: { notIn: [...this.unrecorded.keys()] } },
      data: { status: "queued", claimedBy: null, claimedUntil: null },
    });
    if (r.count) this.o.logger.warn({ count: r.count }, "took over expired outbox claims");
    return r.count;
  }

  /** Queued messages past their expiry (the event began, the offer ran out) are cancelled, not sent. */
  private async expire(): Promise<number> {
    const r = await this.o.db.outboxMessage.updateMany({
      where: { status: "queued", expiresAt: { lte: this.o.clock.now() } },
      data: { status: "cancelled", lastError: "expired" },
    });
    if (r.count) this.o.logger.info({ count: r.count }, "cancelled messages past their expiry");
    return r.count;
  }

  /** Whether this sender waits (a 429, an outage); the rest of a batch is released then. */
  private paused(): boolean {
    return this.o.clock.now().getTime() < this.pausedUntil;
  }

  /** Takes on the deployment's pause (sender_pauses: a 429 any replica was given) as this sender's own. */
  private async followSharedPause(): Promise<void> {
    const shared = await this.o.db.senderPause.findUnique({ where: { id: 1 } });
    if (shared) this.pausedUntil = Math.max(this.pausedUntil, shared.until.getTime());
  }

  private pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.o.clock.now().getTime() + ms);
  }

  /** A fresh lease for claimed rows that are still this sender's; returns those. */
  private async renew(ids: number[], until: number): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const rows = await this.o.db.$queryRaw<{ id: number }[]>`UPDATE outbox_messages SET claimed_until = ${new Date(until)}
      WHERE id IN (${Prisma.join(ids)}) AND claimed_by = ${this.o.instance} AND status = 'sending'
      RETURNING id`;
    const kept = new Set(rows.map((r) => Number(r.id)));
    const lost = ids.filter((id) => !kept.has(id));
    if (lost.length) {
      this.o.logger.warn({ ids: lost }, "claims lost before sending: left to the sender that has them");
      await this.release(lost);
    }
    return kept;
  }

  private async release(ids: number[]): Promise<void> {
    if (!ids.length) return;
    await this.o.db.outboxMessage.updateMany({
      where: { id: { in: ids }, claimedBy: this.o.instance, status: "sending" },
      data: { status: "queued", claimedBy: null, claimedUntil: null },
    });
    await this.o.db.outboxMessage.updateMany({
      where: { id: { in: ids }, claimedBy: this.o.instance, status: "cancelled" },
      data: { claimedBy: null, claimedUntil: null },
    });
  }

  /** Which of these claimed messages were cancelled since; their claims are dropped. */
  private async cancelledAmong(ids: number[]): Promise<Set<number>> {
    const rows = await this.o.db.outboxMessage.findMany({ where: { id: { in: ids }, status: "cancelled" }, select: { id: true } });
    const found = rows.map((r) => r.id);
    if (found.length)
      await this.o.db.outboxMessage.updateMany({ where: { id: { in: found }, status: "cancelled" }, data: { claimedBy: null, claimedUntil: null } });
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
   * One atomic statement: the first due message (personal notices before bulk ones, then oldest first) of
   * each chat that has nothing in flight (a message cancelled on its way still is, until its answer) and
   * nothing sent within the last second; nothing while a sender of the deployment waits out a 429.
   * PostgreSQL skips rows another sender is claiming at the same moment.
   */
  private async claim(limit: number, until: number): Promise<OutboxMessage[]> {
    const now = this.o.clock.now();
    const lease = new Date(until);
    const chatGap = new Date(now.getTime() - this.perChatMs);
    const lock = this.o.provider === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
    const rows = await this.o.db.$queryRaw<{ id: number }[]>`UPDATE outbox_messages
      SET status = 'sending', claimed_by = ${this.o.instance}, claimed_until = ${lease}, updated_at = ${now}
      WHERE id IN (
        SELECT o.id FROM outbox_messages o
        WHERE o.status = 'queued' AND o.not_before <= ${now} AND (o.retry_at IS NULL OR o.retry_at <= ${now})
          AND (o.expires_at IS NULL OR o.expires_at > ${now})
          AND NOT EXISTS (SELECT 1 FROM sender_pauses s WHERE s.until > ${now})
          AND NOT EXISTS (
            SELECT 1 FROM outbox_messages p
            WHERE p.chat_id = o.chat_id AND p.id <> o.id
              AND ((p.status = 'queued' AND p.not_before <= ${now} AND (p.priority < o.priority OR (p.priority = o.priority AND p.id < o.id)))
                OR p.status = 'sending'
                OR (p.status = 'cancelled' AND p.claimed_until > ${now})
                OR (p.status = 'sent' AND p.sent_at > ${chatGap})))
        ORDER BY o.priority, o.id
        LIMIT ${limit}
        ${lock})
      RETURNING id`;
    if (!rows.length) return [];
    return this.o.db.outboxMessage.findMany({
      where: { id: { in: rows.map((r) => Number(r.id)) }, claimedBy: this.o.instance },
      orderBy: [{ priority: "asc" }, { id: "asc" }],
    });
  }

  private async send(m: OutboxMessage): Promise<number> {
    const chatId = Number(m.chatId);
    const entities = m.entities ? (JSON.parse(m.entities) as MessageEntity[]) : undefined;
    const format = entities ? {} : { parse_mode: "HTML" as const };
    const stored = parseStoredMarkup(m.replyMarkup);
    const reply_markup: InlineKeyboardMarkup | ReplyKeyboardMarkup | undefined = !stored
      ? undefined
      : "buttons" in stored
        ? { inline_keyboard: stored.buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) }
        : this.o.mainMenu?.(stored.mainMenu);
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
    let messageId: number;
    try {
      messageId = await this.send(m);
    } catch (e) {
      const { outcome, errorCode, detail } = classify(e);
      await this.afterFailure(m, outcome, e);
      await this.recordAttempt(m.id, started, outcome, errorCode, detail);
      return;
    }
    // Telegram accepted it: from here on the row is never put back in the queue
    this.outageStreak = 0;
    this.stats.sent++;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.recordSent(m, messageId);
        break;
      } catch (err) {
        if (attempt >= RECORD_TRIES) {
          // left for the next cycle, which records it before it claims anything (the claim has at
          // least a sixth of the lease left: a request takes at most a third of it, and each send
          // starts with half of it)
          this.unrecorded.set(m.id, { m, messageId });
          throw err;
        }
        this.o.logger.warn({ err, id: m.id }, "recording a sent message failed: trying again");
        await sleep(100 * 4 ** (attempt - 1));
      }
    }
    await this.recordAttempt(m.id, started, "ok", null, null);
  }

  /**
   * Marks a message Telegram accepted as sent, if it is still this sender's (claimed, or cancelled while
   * on its way). Should the claim have lapsed meanwhile, the row is still marked sent unless another
   * sender has recorded it already: then both sent it, and the log says so.
   */
  private async recordSent(m: OutboxMessage, messageId: number): Promise<void> {
    const db = this.o.db;
    const data = { status: "sent" as const, sentAt: this.o.clock.now(), tgMessageId: messageId, attempts: { increment: 1 }, claimedUntil: null };
    const mine = await db.outboxMessage.updateMany({ where: { id: m.id, claimedBy: this.o.instance, status: { in: ["sending", "cancelled"] } }, data });
    if (mine.count) return;
    const late = await db.outboxMessage.updateMany({
      where: { id: m.id, status: { in: ["queued", "sending"] } },
      data: { ...data, claimedBy: this.o.instance },
    });
    this.o.logger.warn({ id: m.id }, late.count ? "sent after its claim had lapsed" : "sent after another sender had taken it over: it may have arrived twice");
  }

  /** What Telegram accepted while the database failed: recorded before anything new is claimed. */
  private async recordUnrecorded(): Promise<void> {
    for (const [id, { m, messageId }] of this.unrecorded) {
      await this.recordSent(m, messageId);
      this.unrecorded.delete(id);
      this.o.logger.info({ id }, "a sent message recorded late");
    }
  }

  private recordAttempt(messageId: number, started: number, outcome: Outcome, errorCode: number | null, detail: string | null) {
    return this.o.db.deliveryAttempt.create({
      data: { messageId, at: this.o.clock.now(), outcome, errorCode, detail, durationMs: Math.round(performance.now() - started) },
    });
  }

  private async afterFailure(m: OutboxMessage, outcome: Outcome, e: unknown): Promise<void> {
    const db = this.o.db;
    const now = this.o.clock.now();
    const error = String((e as Error).message);
    if (outcome === "rate_limited") {
      const seconds = (e as GrammyError).parameters?.retry_after ?? 1;
      const until = new Date(now.getTime() + seconds * 1000);
      this.pause(seconds * 1000);
      this.stats.rateLimited++;
      this.o.logger.warn({ retry_after: seconds }, "Telegram asked to slow down: every sender pauses");
      // the pause holds for the bot, so for every replica: they claim nothing before it ends
      await db.$executeRaw`INSERT INTO sender_pauses (id, until) VALUES (1, ${until})
        ON CONFLICT (id) DO UPDATE SET until = CASE WHEN excluded.until > sender_pauses.until THEN excluded.until ELSE sender_pauses.until END`;
      await this.requeue(m.id, { retryAt: until });
      return;
    }
    if (outcome === "blocked") {
      this.stats.blocked++;
      await db.outboxMessage.update({ where: { id: m.id }, data: { status: "blocked", attempts: { increment: 1 }, lastError: error, claimedUntil: null } });
      // nothing more goes to this chat
      await db.outboxMessage.updateMany({ where: { chatId: m.chatId, status: "queued" }, data: { status: "blocked" } });
      if (m.userId) await this.o.users.markBlocked(m.userId).catch(() => undefined);
      return;
    }
    const attempts = m.attempts + 1;
    const overdue = now.getTime() - m.notBefore.getTime() >= this.giveUpAfterMs;
    if (outcome === "bad_request" || overdue) {
      this.stats.failed++;
      this.o.logger.warn({ id: m.id, outcome, attempts, err: error }, "message failed for good");
      await db.outboxMessage.update({ where: { id: m.id }, data: { status: "failed", attempts, lastError: error, claimedUntil: null } });
      return;
    }
    // 5xx or network: Telegram (or the way to it) is down. The whole sender backs off, 1, 2, 4 ... s (at
    // most a minute), so that an outage costs a try a minute rather than the queue; this message waits
    // 2, 4, 8 ... s (at most 5 minutes) and fails only after giveUpAfterMs. Order per chat is kept.
    if (!this.paused()) {
      this.outageStreak++;
      this.pause(Math.min(MAX_OUTAGE_PAUSE_MS, 1000 * 2 ** (this.outageStreak - 1)));
      if (this.outageStreak > 1) this.o.logger.warn({ streak: this.outageStreak, err: error }, "Telegram cannot be reached: the sender backs off");
    }
    this.stats.retried++;
    const delay = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** attempts);
    await this.requeue(m.id, { attempts, retryAt: new Date(now.getTime() + delay), lastError: error });
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

// What every scenario shares: the options of a run, the shape of a result, the driver loop that feeds
// updates to a bot from many chats at once, update builders and memory readings.
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import type { Update } from "grammy/types";
import { perSecond, round, summarizeLatency, type LatencySummary } from "./stats.js";

export interface BenchOptions {
  /** distinct private chats (users); a chat never has two updates in flight */
  chats: number;
  /** rounds run before measuring (JIT, Prisma's query cache, SQLite pages); not reported */
  warmupRounds: number;
  /**
   * Measured rounds (each sends one measured update per chat) go on until both of these are reached, so
   * that a fast scenario is measured long enough to be steady: at least this many updates …
   */
  minUpdates: number;
  /** … and at least this many seconds of measured wall time (capped by maxRounds) */
  minSeconds: number;
  maxRounds: number;
  /** updates in flight at once, each from a different chat */
  concurrency: number;
  /** the fake Bot API answers each call after this many milliseconds (0: CPU-bound) */
  apiLatencyMs: number;
  /** when set, a V8 CPU profile of each scenario's measured phases is written there (BENCH_PROFILE=dir) */
  profileDir?: string;
}

export interface MemoryReading {
  rssMB: number;
  heapUsedMB: number;
  /** true when a full GC ran just before the reading (heapUsed is then what is really retained) */
  afterGc: boolean;
}

export interface ScenarioResult {
  id: string;
  title: string;
  /** what one measured update does */
  workload: string;
  updates: number;
  concurrency: number;
  chats: number;
  /** wall time of the measured phases only */
  wallMs: number;
  updatesPerSecond: number;
  /** per update, around `bot.handleUpdate` */
  latencyMs: LatencySummary;
  /** updates per second of each measured round (how steady the number is) */
  perRound: number[];
  memory: MemoryReading;
  /** anything else the scenario wants to report */
  details?: Record<string, unknown>;
  /** the scenario's own targets (printed with the comparisons) */
  targets?: { label: string; value: number; target: string; pass: boolean }[];
}

export interface Scenario {
  id: string;
  title: string;
  run(opts: BenchOptions): Promise<ScenarioResult>;
}

export type HandleUpdate = (update: Update) => Promise<void>;

/**
 * Runs `fn` over `items` with at most `concurrency` calls in flight: a pool of workers pulling from one
 * queue (a new update starts as soon as one finishes, unlike batches that wait for their slowest).
 */
export async function runPool<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

export interface Timed {
  latenciesMs: number[];
  wallMs: number;
}

/** Feeds one update per item through `handle` with the pool above, timing each call and the whole. */
export async function timedPool<T>(items: readonly T[], concurrency: number, build: (item: T) => Update, handle: HandleUpdate): Promise<Timed> {
  const latenciesMs: number[] = [];
  const start = performance.now();
  await runPool(items, concurrency, async (item) => {
    const update = build(item);
    const t0 = performance.now();
    await handle(update);
    latenciesMs.push(performance.now() - t0);
  });
  return { latenciesMs, wallMs: performance.now() - start };
}

/** Sums rounds into a result's numbers. */
export function measurement(rounds: Timed[]): Pick<ScenarioResult, "updates" | "wallMs" | "updatesPerSecond" | "latencyMs" | "perRound"> {
  const all = rounds.flatMap((r) => r.latenciesMs);
  const wallMs = rounds.reduce((s, r) => s + r.wallMs, 0);
  return {
    updates: all.length,
    wallMs: round(wallMs, 1),
    updatesPerSecond: perSecond(all.length, wallMs),
    latencyMs: summarizeLatency(all),
    perRound: rounds.map((r) => perSecond(r.latenciesMs.length, r.wallMs)),
  };
}

// --- updates, shaped like the ones Telegram sends to a private chat ---

let updateId = 1;

const userOf = (chatId: number) => ({ id: chatId, is_bot: false as const, first_name: `User${chatId}`, language_code: "ru" });
const chatOf = (chatId: number) => ({ id: chatId, type: "private" as const, first_name: `User${chatId}` });

export function textUpdate(chatId: number, text: string): Update {
  const id = updateId++;
  return { update_id: id, message: { message_id: id, date: Math.floor(Date.now() / 1000), chat: chatOf(chatId), from: userOf(chatId), text } } as Update;
}

/** A press on an inline button with `data` under the message `messageId`. */
export function callbackUpdate(chatId: number, data: string, messageId = 1): Update {
  const id = updateId++;
  return {
    update_id: id,
    callback_query: {
      id: String(id),
      from: userOf(chatId),
      chat_instance: `ci${chatId}`,
      data,
      message: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: chatOf(chatId), text: "…" },
    },
  } as Update;
}

// --- memory ---

let gcFn: (() => void) | undefined;

/** A full GC if it can be had without node flags (`npm run bench` is a plain `tsx`). */
function gc(): boolean {
  if (!gcFn) {
    try {
      v8.setFlagsFromString("--expose-gc");
      gcFn = vm.runInNewContext("gc") as () => void;
    } catch {
      return false;
    }
  }
  gcFn();
  return true;
}

/** Process memory now, after a full GC when possible. */
export function memoryNow(): MemoryReading {
  const afterGc = gc();
  const m = process.memoryUsage();
  return { rssMB: round(m.rss / 2 ** 20, 1), heapUsedMB: round(m.heapUsed / 2 ** 20, 1), afterGc };
}

// --- profiling (BENCH_PROFILE=dir): only the measured phases ---

/**
 * A V8 CPU profiler that is on only inside `measure(...)`; each measured phase is written to
 * `<dir>/<name>-<n>.cpuprofile` (open in Chrome DevTools or speedscope). A no-op without `dir`.
 */
export class PhaseProfiler {
  private session: Session | undefined;
  private count = 0;
  readonly files: string[] = [];

  constructor(
    private readonly dir: string | undefined,
    private readonly name: string,
  ) {}

  async measure<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.dir) return fn();
    if (!this.session) {
      this.session = new Session();
      this.session.connect();
      await this.session.post("Profiler.enable");
      await this.session.post("Profiler.setSamplingInterval", { interval: 100 });
    }
    await this.session.post("Profiler.start");
    try {
      return await fn();
    } finally {
      const { profile } = await this.session.post("Profiler.stop");
      fs.mkdirSync(this.dir, { recursive: true });
      const file = path.join(this.dir, `${this.name}-${++this.count}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(profile));
      this.files.push(file);
    }
  }

  close(): void {
    this.session?.disconnect();
    this.session = undefined;
  }
}

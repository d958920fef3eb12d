// The workload of the conversation-step scenarios, the same for the full stack and the bare bot:
// every chat presses the button that opens a one-question conversation (not measured), then answers
// it with a text (measured). The answer is one conversation step: the stored conversation is read and
// replayed, the answer is handled, a reply is sent and the conversation ends.
//
// Why a step that ends the conversation rather than one that keeps it open: in this bot nearly every
// text a user types inside a flow is the answer to a question, and answering the last question is the
// step with the most work behind it (read session + user + conversation state, replay, validation,
// a write to the database, a reply, the conversation state deleted). A step that stays open (a wrong
// answer, asked again) does the same reads and replay but writes conversation state instead of a
// domain row; it is cheaper, so measuring the closing step keeps the ratio on the safe side.
import type { Update } from "grammy/types";
import { callbackUpdate, PhaseProfiler, textUpdate, timedPool, type BenchOptions, type HandleUpdate, type Timed } from "../harness.js";
import { layerTable, profiled, type LayerRow } from "../layers.js";

export interface ConversationStepTarget {
  handle: HandleUpdate;
  /** callback data of the button that opens the conversation */
  enterData: string;
  /** throws unless every chat is now waiting in the conversation (after the unmeasured press) */
  verifyEntered(chatIds: readonly number[], round: number): Promise<void>;
  /** throws unless every chat got through the measured step (so that no error path was timed) */
  verifyAnswered(chatIds: readonly number[], round: number): Promise<void>;
}

const LETTERS = "абвгдежзиклмнопрстуфхцчшэюя";

function letters(n: number): string {
  let s = "";
  do {
    s += LETTERS[n % LETTERS.length];
    n = Math.floor(n / LETTERS.length);
  } while (n > 0);
  return s;
}

/** A valid full name, different for every chat and round (so that each answer really changes a row). */
export function answerText(chatId: number, round: number): string {
  return `Петрова${letters(chatId)} Анна${letters(round)}`;
}

export interface ConversationStepRun {
  /** the measured answers, one Timed per measured round */
  answers: Timed[];
  /** the unmeasured presses that opened the conversations (reported for information) */
  enters: Timed[];
  /** CPU profiles of the measured phases (BENCH_PROFILE) */
  profiles: string[];
  /** CPU µs per update by layer, from one more profiled round */
  layers: LayerRow[];
}

/**
 * The rounds of one target, one at a time: `round()` runs the next (warm-up first), `enough()` says when
 * the measured rounds reached opts' minimums. Several runners can take turns (see bench/breakdown.ts).
 */
export class ConversationStepRunner {
  private readonly profiler: PhaseProfiler;
  private readonly answers: Timed[] = [];
  private readonly enters: Timed[] = [];
  private rounds = 0;
  private updates = 0;
  private wallMs = 0;

  constructor(
    name: string,
    private readonly target: ConversationStepTarget,
    private readonly chatIds: readonly number[],
    private readonly opts: BenchOptions,
  ) {
    this.profiler = new PhaseProfiler(opts.profileDir, name);
  }

  enough(): boolean {
    const { opts } = this;
    if (this.rounds < opts.warmupRounds) return false;
    return this.answers.length >= opts.maxRounds || (this.updates >= opts.minUpdates && this.wallMs >= opts.minSeconds * 1000);
  }

  async round(): Promise<void> {
    const { target, chatIds, opts } = this;
    const round = this.rounds++;
    const enter = await timedPool(chatIds, opts.concurrency, (chatId) => callbackUpdate(chatId, target.enterData), target.handle);
    await target.verifyEntered(chatIds, round);
    const measured = round >= opts.warmupRounds;
    const answerPhase = () => timedPool(chatIds, opts.concurrency, (chatId): Update => textUpdate(chatId, answerText(chatId, round)), target.handle);
    const answer = measured ? await this.profiler.measure(answerPhase) : await answerPhase();
    await target.verifyAnswered(chatIds, round);
    if (measured) {
      this.answers.push(answer);
      this.enters.push(enter);
      this.updates += answer.latenciesMs.length;
      this.wallMs += answer.wallMs;
    }
  }

  /**
   * One more round, not counted, with the answer phase under a CPU profiler: where the time of an update
   * goes, by layer (see bench/layers.ts).
   */
  async layers(): Promise<LayerRow[]> {
    const { target, chatIds, opts } = this;
    const round = this.rounds++;
    await timedPool(chatIds, opts.concurrency, (chatId) => callbackUpdate(chatId, target.enterData), target.handle);
    await target.verifyEntered(chatIds, round);
    const cpu0 = process.cpuUsage();
    const { profile } = await profiled(() =>
      timedPool(chatIds, opts.concurrency, (chatId): Update => textUpdate(chatId, answerText(chatId, round)), target.handle),
    );
    const cpu = process.cpuUsage(cpu0);
    await target.verifyAnswered(chatIds, round);
    return layerTable(profile, cpu.user + cpu.system, chatIds.length);
  }

  finish(): ConversationStepRun {
    this.profiler.close();
    return { answers: this.answers, enters: this.enters, profiles: this.profiler.files, layers: [] };
  }
}

/** All rounds of one target: warm-up, then measured rounds until the minimums are reached. */
export async function runConversationSteps(
  name: string,
  target: ConversationStepTarget,
  chatIds: readonly number[],
  opts: BenchOptions,
): Promise<ConversationStepRun> {
  const runner = new ConversationStepRunner(name, target, chatIds, opts);
  while (!runner.enough()) await runner.round();
  const layers = await runner.layers();
  return { ...runner.finish(), layers };
}

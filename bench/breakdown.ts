// Where the time of a full-stack conversation step goes: `npx tsx bench/breakdown.ts`
// (BENCH_API_LATENCY_MS=40 for a Bot API that answers after 40 ms).
//
// 1. Ablation: the same workload (the measured "edit name" answer, same driver loop, same concurrency)
//    against variants of the real bot, built with the real createBot on the same app and database, each
//    with one layer swapped out. At saturation 1e6 / (updates per second) is the CPU time of one update,
//    so the differences between rows say what each layer costs per update.
// 2. The SQL statements of one step, one at a time: Prisma (as the bot issues them) against
//    better-sqlite3 with cached prepared statements on the same file.
//
// Nothing here changes src/: the variants hand createBot other `db` delegates and other services.
import Sqlite from "better-sqlite3";
import { performance } from "node:perf_hooks";
import { createBot } from "../src/bot/index.js";
import type { BotDeps } from "../src/bot/context.js";
import type { Db } from "../src/db/client.js";
import { validateFullName, type User } from "../src/domain/users.js";
import { normalizeSearch } from "../src/domain/text.js";
import { FakeTelegram } from "../test/helpers/fake-telegram.js";
import { BOT_INFO } from "../test/helpers/fake-telegram.js";
import { editNameTarget, openFullStack, type FullStack } from "./fixtures/full-stack.js";
import { measurement, type BenchOptions } from "./harness.js";
import { bareTarget, createBareBot } from "./scenarios/bare-conversation-step.js";
import { round } from "./stats.js";
import { ConversationStepRunner, type ConversationStepTarget } from "./workloads/conversation-step.js";

const options: BenchOptions = {
  chats: Number(process.env.BENCH_CHATS ?? 1000),
  warmupRounds: Number(process.env.BENCH_WARMUP ?? 1),
  minUpdates: Number(process.env.BENCH_MIN_UPDATES ?? 2000),
  minSeconds: Number(process.env.BENCH_MIN_SECONDS ?? 2),
  maxRounds: 40,
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 50),
  apiLatencyMs: Number(process.env.BENCH_API_LATENCY_MS ?? 0),
  profileDir: process.env.BENCH_PROFILE || undefined,
};

// --- storage with the slice of Prisma's API that src/bot/storage.ts uses: $queryRaw and $executeRaw ---

/** A tagged template's SQL (raw fragments such as the table name inlined) and its parameters. */
function plain(strings: TemplateStringsArray, values: unknown[]): { sql: string; params: unknown[] } {
  let sql = strings[0]!;
  const params: unknown[] = [];
  values.forEach((v, i) => {
    const raw = v as { sql?: string; values?: unknown[] };
    if (raw && typeof raw === "object" && typeof raw.sql === "string" && Array.isArray(raw.values) && raw.values.length === 0) sql += raw.sql;
    else {
      sql += "?";
      params.push(v instanceof Date ? v.toISOString().replace("Z", "+00:00") : v);
    }
    sql += strings[i + 1]!;
  });
  return { sql, params };
}

/** Session and conversation rows in memory. */
function memoryStorage(): Db {
  const tables = new Map<string, Map<string, string>>();
  const table = (sql: string) => {
    const name = /(bot_sessions|bot_conversations)/.exec(sql)![1]!;
    if (!tables.has(name)) tables.set(name, new Map());
    return tables.get(name)!;
  };
  return {
    async $queryRaw(strings: TemplateStringsArray, ...values: unknown[]) {
      const { sql, params } = plain(strings, values);
      const value = table(sql).get(String(params[0]));
      return value === undefined ? [] : [{ value }];
    },
    async $executeRaw(strings: TemplateStringsArray, ...values: unknown[]) {
      const { sql, params } = plain(strings, values);
      if (sql.startsWith("DELETE")) return table(sql).delete(String(params[0])) ? 1 : 0;
      table(sql).set(String(params[0]), String(params[1]));
      return 1;
    },
  } as unknown as Db;
}

/** The same statements through better-sqlite3 with statements prepared once (what a hand-written adapter does). */
function rawStorage(sqlite: Sqlite.Database): Db {
  const prepared = new Map<string, Sqlite.Statement>();
  const statement = (sql: string) => {
    let s = prepared.get(sql);
    if (!s) prepared.set(sql, (s = sqlite.prepare(sql)));
    return s;
  };
  return {
    async $queryRaw(strings: TemplateStringsArray, ...values: unknown[]) {
      const { sql, params } = plain(strings, values);
      return statement(sql).all(...params);
    },
    async $executeRaw(strings: TemplateStringsArray, ...values: unknown[]) {
      const { sql, params } = plain(strings, values);
      return statement(sql).run(...params).changes;
    },
  } as unknown as Db;
}

/** The user service with the two calls of this step answered from memory (`only` one of them). */
async function memoryUsers(stack: FullStack, only?: "byTelegramId" | "update"): Promise<BotDeps["services"]> {
  const { app } = stack;
  const byTelegram = new Map<string, User>();
  const byId = new Map<number, User>();
  for (const u of await app.db.prisma.user.findMany()) {
    byTelegram.set(String(u.telegramId), u);
    byId.set(u.id, u);
  }
  const users: BotDeps["services"]["users"] = {
    ...app.services.users,
    async byTelegramId(telegramId) {
      return byTelegram.get(String(telegramId)) ?? null;
    },
    async update(userId, change) {
      const u = byId.get(userId)!;
      const next =
        "fullName" in change ? { ...u, fullName: validateFullName(change.fullName), searchName: normalizeSearch(change.fullName) } : { ...u, ...change };
      byId.set(userId, next as User);
      byTelegram.set(String(u.telegramId), next as User);
      return next as User;
    },
  };
  if (only === "byTelegramId") users.update = app.services.users.update;
  if (only === "update") users.byTelegramId = app.services.users.byTelegramId;
  return { ...app.services, users };
}

interface Variant {
  name: string;
  target: ConversationStepTarget;
}

interface VariantResult {
  variant: string;
  updates: number;
  updatesPerSecond: number;
  usPerUpdate: number;
  p50: number;
  p99: number;
  perRound: number[];
}

/**
 * The variants take turns round by round (A B C D E A B C D E …) so that a change in the machine's load
 * during the run hits all of them alike; each stops once it has its minimum of measured updates.
 */
async function interleaved(variants: Variant[], chatIds: number[]): Promise<VariantResult[]> {
  const runners = variants.map((v) => new ConversationStepRunner(v.name.replace(/\W+/g, "-"), v.target, chatIds, options));
  while (runners.some((r) => !r.enough())) {
    for (const r of runners) if (!r.enough()) await r.round();
  }
  return runners.map((r, i) => {
    const m = measurement(r.finish().answers);
    const row = {
      variant: variants[i]!.name,
      updates: m.updates,
      updatesPerSecond: m.updatesPerSecond,
      usPerUpdate: round(1e6 / m.updatesPerSecond, 0),
      p50: m.latencyMs.p50,
      p99: m.latencyMs.p99,
      perRound: m.perRound,
    };
    console.log(
      `  ${row.variant.padEnd(62)} ${m.updatesPerSecond.toFixed(0).padStart(6)} upd/s ${String(row.usPerUpdate).padStart(6)} µs/upd` +
        `  p50 ${m.latencyMs.p50.toFixed(2).padStart(6)} ms  p99 ${m.latencyMs.p99.toFixed(2).padStart(6)} ms  rounds ${m.perRound.map((x) => x.toFixed(0)).join(" ")}`,
    );
    return row;
  });
}

async function ablation(stack: FullStack, sqlite: Sqlite.Database): Promise<VariantResult[]> {
  const { app, chatIds } = stack;
  // the variants keep no rows in memory (hot): each is measured as its storage is
  const variant = (db: Db, deps: BotDeps = app.deps) => createBot(deps, { db, botInfo: BOT_INFO });
  const check = { checkDatabase: true };
  const noCheck = { checkDatabase: false };
  const raw = variant(rawStorage(sqlite));
  const mem = variant(memoryStorage());
  const readMem = variant(memoryStorage(), { ...app.deps, services: await memoryUsers(stack, "byTelegramId") });
  const updMem = variant(memoryStorage(), { ...app.deps, services: await memoryUsers(stack, "update") });
  const none = variant(memoryStorage(), { ...app.deps, services: await memoryUsers(stack) });
  const tg = new FakeTelegram();
  tg.latencyMs = options.apiLatencyMs;
  const bare = createBareBot(tg);
  return interleaved(
    [
      {
        name: "A full stack, as shipped (Prisma; on SQLite the rows of an update kept in memory)",
        target: editNameTarget(stack, (u) => app.bot.handleUpdate(u), check),
      },
      { name: "B A, session + conversation storage on raw better-sqlite3", target: editNameTarget(stack, (u) => raw.handleUpdate(u), check) },
      { name: "C A, session + conversation storage in memory", target: editNameTarget(stack, (u) => mem.handleUpdate(u), noCheck) },
      { name: "C1 C, and the user read in memory (UPDATE via Prisma)", target: editNameTarget(stack, (u) => readMem.handleUpdate(u), noCheck) },
      { name: "C2 C, and the user UPDATE in memory (read via Prisma)", target: editNameTarget(stack, (u) => updMem.handleUpdate(u), noCheck) },
      { name: "D C, and the user read/update in memory (no database)", target: editNameTarget(stack, (u) => none.handleUpdate(u), noCheck) },
      { name: "E bare grammY (memory session + conversations, no i18n)", target: bareTarget(tg, bare) },
    ],
    chatIds,
  );
}

// --- the statements of one step, one at a time ---

async function perOp(fn: (i: number) => unknown, n = 2000): Promise<number> {
  for (let i = 0; i < 300; i++) await fn(i);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  return round(((performance.now() - t0) * 1000) / n, 1);
}

async function statements(stack: FullStack, sqlite: Sqlite.Database) {
  const db = stack.app.db.prisma;
  const ids = stack.chatIds;
  const key = (i: number) => String(ids[i % ids.length]);
  const userId = (i: number) => stack.userIds.get(ids[i % ids.length]!)!;
  const name = (i: number) => `Петрова Анна${"абв"[i % 3]}`;
  const q = {
    session: sqlite.prepare("SELECT key, value FROM bot_sessions WHERE key = ?"),
    user: sqlite.prepare("SELECT * FROM users WHERE telegram_id = ?"),
    conv: sqlite.prepare("SELECT key, value FROM bot_conversations WHERE key = ?"),
    update: sqlite.prepare("UPDATE users SET full_name = ?, search_name = ?, updated_at = ? WHERE id = ? RETURNING *"),
    upsert: sqlite.prepare(
      "INSERT INTO bot_conversations (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    ),
    remove: sqlite.prepare("DELETE FROM bot_conversations WHERE key = ?"),
  };
  const now = () => new Date().toISOString().replace("Z", "+00:00");
  const rows = [
    ["session read (findUnique by key)", () => perOp((i) => db.session.findUnique({ where: { key: key(i) } })), () => perOp((i) => q.session.get(key(i)))],
    [
      "user by telegram id (findUnique)",
      () => perOp((i) => db.user.findUnique({ where: { telegramId: BigInt(key(i)) } })),
      () => perOp((i) => q.user.get(BigInt(key(i)))),
    ],
    [
      "conversation read (findUnique, none stored)",
      () => perOp((i) => db.conversationState.findUnique({ where: { key: key(i) } })),
      () => perOp((i) => q.conv.get(key(i))),
    ],
    [
      "user name UPDATE … RETURNING",
      () => perOp((i) => db.user.update({ where: { id: userId(i) }, data: { fullName: name(i), searchName: normalizeSearch(name(i)) } })),
      () => perOp((i) => q.update.get(name(i), normalizeSearch(name(i)), now(), userId(i))),
    ],
    [
      "conversation write (upsert)",
      () => perOp((i) => db.conversationState.upsert({ where: { key: key(i) }, create: { key: key(i), value: "{}" }, update: { value: "{}" } })),
      () => perOp((i) => q.upsert.run(key(i), "{}", now())),
    ],
    [
      "conversation delete (deleteMany)",
      () => perOp((i) => db.conversationState.deleteMany({ where: { key: key(i) } })),
      () => perOp((i) => q.remove.run(key(i))),
    ],
  ] as const;
  const out = [];
  for (const [label, prisma, rawFn] of rows) {
    const p = await prisma();
    const r = await rawFn();
    out.push({ statement: label, prismaUs: p, rawUs: r });
    console.log(`  ${label.padEnd(46)} Prisma ${String(p).padStart(7)} µs   better-sqlite3 ${String(r).padStart(6)} µs`);
  }
  return out;
}

async function main() {
  console.log(
    `breakdown: ${options.chats} chats, concurrency ${options.concurrency}, ≥ ${options.minUpdates} measured updates and ≥ ${options.minSeconds} s per variant\n`,
  );
  const stack = await openFullStack(options.chats, options.apiLatencyMs);
  const sqlite = new Sqlite(stack.file, { timeout: 5000 });
  sqlite.pragma("synchronous = NORMAL");
  try {
    console.log("1. the measured step against variants of the bot (1e6 / upd/s = CPU µs per update at saturation)");
    const rows = await ablation(stack, sqlite);
    const [a, b, c, , , d, e] = rows.map((r) => r.usPerUpdate) as number[] as [number, number, number, number, number, number, number];
    console.log(`\n  per update: storage via Prisma instead of cached statements ≈ ${a - b} µs; storage on SQLite at all ≈ ${b - c} µs;`);
    console.log(`  two user queries via Prisma ≈ ${c - d} µs; this bot's middleware/i18n/longer replay over bare ≈ ${d - e} µs; bare ≈ ${e} µs`);
    console.log("\n2. the statements of one step, one at a time (µs per call, awaited)");
    const stmts = await statements(stack, sqlite);
    console.log(
      "\n(the answer step runs: session read, user read, conversation read, user UPDATE, conversation delete; the press: the same three reads + a conversation upsert)",
    );
    return { rows, stmts };
  } finally {
    sqlite.close();
    await stack.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

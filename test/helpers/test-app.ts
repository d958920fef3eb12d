// A whole bot on a temporary database with a fake Bot API: what every user-level test starts from.
import { expect } from "vitest";
import { createApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/domain/clock.js";
import type { FluentBundles } from "../../src/i18n.js";
import { silentLogger, type Logger } from "../../src/logger.js";
import { tempDatabase, type Provider, type TempDatabase } from "./databases.js";
import { BOT_INFO, FakeTelegram, TestUser } from "./fake-telegram.js";
import type { TemplateKind } from "./templates.js";

/** The locale files parsed once per test worker: every app of this process shares the built bundles. */
const messageBundles: FluentBundles = new Map();

export const ADMIN_ID = 9000;

export interface TestApp extends App {
  tg: FakeTelegram;
  clock: ManualClock;
  /** message ids asked for but missing in a locale: every test expects none */
  missing: string[];
  user(id: number, opts?: { first_name?: string; username?: string; language_code?: string }): TestUser;
  /** the same database, a new process: what a restart looks like */
  restart(opts?: Pick<TestAppOptions, "conversationsVersion" | "env">): Promise<TestApp>;
  /** a second process on the same database and fake Telegram (a replica) */
  twin(): Promise<TestApp>;
  /** closes the app and drops its database */
  destroy(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /**
   * The database the app starts on: a copy of the run's `seeded` template by default (what any start
   * after the first finds); `empty` or `migrated` for tests of the first start's own work.
   */
  database?: TemplateKind | "empty";
  clock?: ManualClock;
  conversationsVersion?: string | number;
  /** where the app logs (silent by default) */
  logger?: Logger;
  senderLeaseMs?: number;
  senderTimeoutMs?: number;
}

/**
 * After each test: the app is closed and its database dropped, then no message id may have been missing
 * from a locale (checked after, so that a failing check does not leave a database behind).
 */
export async function closeTestApp(app: TestApp): Promise<void> {
  await app.destroy();
  expect(app.missing).toEqual([]);
}

export async function createTestApp(provider: Provider, opts: TestAppOptions = {}): Promise<TestApp> {
  const from = opts.database ?? "seeded";
  const db = await tempDatabase(provider, from === "empty" ? undefined : from);
  return build(db, new FakeTelegram(), opts.clock ?? new ManualClock(), opts);
}

async function build(db: TempDatabase, tg: FakeTelegram, clock: ManualClock, opts: TestAppOptions): Promise<TestApp> {
  const config = loadConfig({
    BOT_TOKEN: "123456:TEST-token",
    DATABASE_URL: db.url,
    ADMIN_TELEGRAM_IDS: String(ADMIN_ID),
    TIMEZONE: "Europe/Moscow",
    ...opts.env,
  });
  const missing: string[] = [];
  const app = await createApp(config, {
    logger: opts.logger ?? silentLogger(),
    clock,
    fetch: tg.fetch,
    botInfo: BOT_INFO,
    conversationsVersion: opts.conversationsVersion,
    senderLeaseMs: opts.senderLeaseMs,
    senderTimeoutMs: opts.senderTimeoutMs,
    onMissingMessage: ({ locale, key }) => missing.push(`${locale}:${key}`),
    messageBundles,
  });
  const users = new Map<number, TestUser>();
  const testApp: TestApp = {
    ...app,
    tg,
    clock,
    missing,
    user(id, userOpts) {
      let u = users.get(id);
      if (!u) users.set(id, (u = new TestUser(tg, (update) => testApp.bot.handleUpdate(update), id, userOpts)));
      return u;
    },
    async restart(restartOpts = {}) {
      await app.close();
      // the chat transcripts live in the fake Telegram and carry over; ask `next.user(id)` for the people
      return build(db, tg, clock, { ...opts, ...restartOpts });
    },
    twin() {
      return build(db, tg, clock, opts);
    },
    async destroy() {
      await app.close();
      await db.drop();
    },
  };
  return testApp;
}

// Wiring shared by main.ts, the end-to-end tests and the benchmark: config → database → services → bot,
// sender and scheduler (started by main.ts; tests drive them by hand).
import { randomBytes } from "node:crypto";
import os from "node:os";
import type { UserFromGetMe } from "grammy/types";
import { globalFetch, type FetchFn } from "./bot/api/fetch.js";
import { downloadFile } from "./bot/api/files.js";
import type { BotDeps } from "./bot/context.js";
import { syncCommands } from "./bot/commands.js";
import { createBot, type AppBot } from "./bot/index.js";
import { mainMenu } from "./bot/keyboards.js";
import type { Config } from "./config.js";
import { openDatabase, type Database } from "./db/client.js";
import { systemClock, type Clock } from "./domain/clock.js";
import { createServices, type Services } from "./domain/services.js";
import { packAction } from "./bot/actions.js";
import { adminChangeNotices } from "./domain/users.js";
import { createMessages, type FluentBundles, type Messages } from "./i18n.js";
import { Scheduler } from "./jobs/scheduler.js";
import { Sender } from "./jobs/sender.js";
import type { Logger } from "./logger.js";

export interface App {
  config: Config;
  db: Database;
  services: Services;
  messages: Messages;
  bot: AppBot;
  deps: BotDeps;
  sender: Sender;
  scheduler: Scheduler;
  /**
   * The command menus Telegram shows: per language, each methodist's and admin's own, and the default
   * again for an admin removed from config at this start. Best effort; once the Bot API answers.
   */
  syncCommands(): Promise<void>;
  /**
   * A file people sent the bot, by its Telegram file id: getFile and the Bot API's file endpoint (the
   * token stays here; the site's file proxy passes only the bytes on).
   */
  telegramFile(fileId: string): Promise<Buffer>;
  /** for GET /healthz: whether the database answers, and what waits in the outbox */
  health(): Promise<Health>;
  close(): Promise<void>;
}

export type Health = { status: "ok"; database: "ok"; outbox: { due: number; oldestDueSeconds: number } } | { status: "unavailable"; database: "unreachable" };

export interface AppOptions {
  logger: Logger;
  clock?: Clock;
  fetch?: FetchFn;
  botInfo?: UserFromGetMe;
  conversationsVersion?: string | number;
  /** called for a message id missing in a locale (tests collect them) */
  onMissingMessage?: (info: { locale: string; key: string }) => void;
  /** Fluent bundles shared with other apps of this process (tests build hundreds of apps) */
  messageBundles?: FluentBundles;
  /** the sender's claim lease (tests of crashes shorten it) */
  senderLeaseMs?: number;
  /** the sender's Bot API timeout (at most a third of the lease; tests of slow answers shorten it) */
  senderTimeoutMs?: number;
}

export async function createApp(config: Config, opts: AppOptions): Promise<App> {
  const { logger, clock = systemClock, fetch = globalFetch } = opts;
  const db = await openDatabase(config.DATABASE_URL, { logger });
  try {
    const instance = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
    const messages = createMessages({ defaultLocale: config.DEFAULT_LOCALE, onMissing: opts.onMissingMessage, bundles: opts.messageBundles });
    let sender: Sender | undefined;
    const services = createServices(db.prisma, {
      provider: db.provider,
      hot: db.hot,
      pgRows: db.pgRows,
      clock,
      config,
      t: messages.t,
      logger,
      instance,
      packAction,
      onEnqueued: () => sender?.kick(),
      onCancelled: () => sender?.noteCancelled(),
    });
    // replicas started together on an empty database: one loads the sample, the others then find it
    if (await db.exclusive("sample-directory", () => services.directory.seedSampleIfEmpty())) logger.info("empty directory: the sample district was loaded");
    const admins = await services.users.syncAdmins();
    const demoted = admins.demoted;
    await services.outbox.notify(adminChangeNotices(admins));
    const watched = await services.lessons.watchUnwatched();
    if (watched) logger.info({ lessons: watched }, "lessons waiting for review are now watched for their start");
    sender = new Sender({
      db: db.prisma,
      provider: db.provider,
      clock,
      logger: logger.child({ job: "sender" }),
      users: services.users,
      token: config.BOT_TOKEN,
      apiRoot: config.BOT_API_ROOT,
      fetch,
      ratePerSecond: config.SEND_RATE_PER_SECOND,
      instance,
      leaseMs: opts.senderLeaseMs,
      requestTimeoutMs: opts.senderTimeoutMs,
      giveUpAfterMs: config.SEND_GIVE_UP_HOURS * 3_600_000,
      // a notice that changes someone's role brings her new main menu, in her language
      mainMenu: ({ role, locale }) => mainMenu((key, vars) => messages.t(locale, key, vars), role),
    });
    const scheduler = new Scheduler(services.tasks, logger.child({ job: "scheduler" }), config.SCHEDULER_TICK_SECONDS);
    const deps: BotDeps = { config, services, clock, logger, messages, fetch };
    const bot = createBot(deps, { db: db.prisma, botInfo: opts.botInfo, conversationsVersion: opts.conversationsVersion, hot: db.hot });
    return {
      config,
      db,
      services,
      messages,
      bot,
      deps,
      sender,
      scheduler,
      syncCommands: () =>
        services.users.methodists().then(
          (staff) => syncCommands(bot.api, messages, config.DEFAULT_LOCALE, [...staff, ...demoted], logger),
          (err: unknown) => logger.warn({ err }, "could not set the command menus"),
        ),
      telegramFile: (fileId) => downloadFile(bot.api, fetch, fileId),
      health: async () => {
        try {
          return { status: "ok", database: "ok", outbox: await services.outbox.backlog() };
        } catch (err) {
          logger.warn({ err }, "health check: the database does not answer");
          return { status: "unavailable", database: "unreachable" };
        }
      },
      close: async () => {
        await scheduler.stop();
        await sender!.stop();
        await db.close();
      },
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}

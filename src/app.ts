// Wiring shared by main.ts, the end-to-end tests and the benchmark: config → database → services → bot.
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "./config.js";
import { openDatabase, type Database } from "./db/client.js";
import { systemClock, type Clock } from "./domain/clock.js";
import { createServices, type Services } from "./domain/services.js";
import type { FetchFn } from "./bot/api/fetch.js";
import nodeFetch from "node-fetch";
import { createMessages, type Messages } from "./bot/i18n.js";
import { createBot, type AppBot } from "./bot/index.js";
import type { BotDeps } from "./bot/context.js";
import type { Logger } from "./logger.js";

export interface App {
  config: Config;
  db: Database;
  services: Services;
  messages: Messages;
  bot: AppBot;
  deps: BotDeps;
  close(): Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  clock?: Clock;
  fetch?: FetchFn;
  botInfo?: UserFromGetMe;
  conversationsVersion?: number;
  /** called for a message id missing in a locale (tests make it throw) */
  onMissingMessage?: (info: { locale: string; key: string }) => void;
}

export async function createApp(config: Config, opts: AppOptions): Promise<App> {
  const { logger, clock = systemClock, fetch = nodeFetch as unknown as FetchFn } = opts;
  const db = await openDatabase(config.DATABASE_URL, { logger });
  try {
    const services = createServices(db.prisma, { clock, config });
    if (await services.directory.seedSampleIfEmpty()) logger.info("empty directory: the sample district was loaded");
    await services.users.syncAdmins();
    const messages = createMessages({ defaultLocale: config.DEFAULT_LOCALE, onMissing: opts.onMissingMessage });
    const deps: BotDeps = { config, services, clock, logger, messages, fetch };
    const bot = createBot(deps, { db: db.prisma, botInfo: opts.botInfo, conversationsVersion: opts.conversationsVersion });
    return { config, db, services, messages, bot, deps, close: () => db.close() };
  } catch (e) {
    await db.close();
    throw e;
  }
}

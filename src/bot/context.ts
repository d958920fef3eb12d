import type { AutoChatActionFlavor } from "@grammyjs/auto-chat-action";
import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context, LazySessionFlavor } from "grammy";
import type { Config } from "../config.js";
import type { Clock } from "../domain/clock.js";
import type { Services } from "../domain/services.js";
import type { User } from "../domain/users.js";
import type { Logger } from "../logger.js";
import type { FetchFn } from "./api/fetch.js";
import type { Messages } from "../i18n.js";

/** Small per-chat state kept in the database. Nothing personal: that lives in the users table. */
export interface SessionData {
  /** language picked before registration (the users table holds it afterwards) */
  language?: string;
  /** search queries too long for a page button, by the "#hash" the buttons carry (the latest few) */
  materialSearches?: Record<string, string>;
}

export interface BotDeps {
  config: Config;
  services: Services;
  clock: Clock;
  logger: Logger;
  messages: Messages;
  /** the HTTP transport to the Bot API (faked in tests); retries are layered on top of it */
  fetch: FetchFn;
}

interface Extra {
  deps: BotDeps;
  /** this update's logger, keyed by update_id */
  log: Logger;
  /** the registered (or half-registered) user behind the update, loaded once per update */
  user: User | null;
}

/** `chatAction`: "upload_document" etc. shown while a file is being built (@grammyjs/auto-chat-action; sending a file shows it by itself). */
export type BotContext = ConversationFlavor<Context & LazySessionFlavor<SessionData> & I18nFlavor & AutoChatActionFlavor & Extra>;

/** A registered person's update: what a `members` lane's handlers see (`src/bot/middlewares/guards.ts`). */
export type RegisteredContext = BotContext & { user: User };

/** Inside conversations: a plain context with i18n (the outer one is reached through `conversation.external`). */
export type ConvContext = Context & I18nFlavor;
export type Conv = Conversation<BotContext, ConvContext>;

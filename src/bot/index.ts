// createBot(deps): the whole bot from its dependencies. No globals: tests build as many as they like.
import { autoChatAction } from "@grammyjs/auto-chat-action";
import { conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, lazySession, type Middleware } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Db } from "../db/client.js";
import type { HotRows } from "../db/hot-rows.js";
import { createApiFetch } from "./api/fetch.js";
import { htmlByDefault } from "./api/parse-mode.js";
import type { BotContext, BotDeps, ConvContext } from "./context.js";
import { adminConversations, adminFeature } from "./features/admin/index.js";
import { broadcastConversations, broadcastFeature, registerBroadcastReports } from "./features/broadcasts/index.js";
import { coursesConversations, coursesFeature } from "./features/courses/index.js";
import { attestationFeature } from "./features/attestation/index.js";
import { coverageFeature } from "./features/coverage/index.js";
import { documentsConversations, documentsFeature } from "./features/documents/index.js";
import { flowFeature } from "./features/flow.js";
import { materialsConversations, materialsFeature } from "./features/materials/index.js";
import { lessonConversations, lessonFeature } from "./features/lessons/index.js";
import { membershipFeature } from "./features/membership.js";
import { fallbackFeature, menuFeature } from "./features/menu.js";
import { meetingsConversations, meetingsFeature } from "./features/meetings/index.js";
import { profileConversations, profileFeature } from "./features/profile/index.js";
import { registrationConversations, registrationFeature } from "./features/registration/index.js";
import { staffConversations, staffFeature } from "./features/staff/index.js";
import { adoptionFeature } from "./features/adoption/index.js";
import { webFeature } from "./features/web/index.js";
import { calendarFeature } from "./features/calendar/index.js";
import { attachDeps, errorBoundary, loadUser } from "./middlewares/update.js";
import { conversationStorage, dbStorage } from "./storage.js";
import { eraseFromStoredState } from "./erasure.js";

export interface CreateBotOptions {
  db: Db;
  /** preset in tests and benchmarks so that no getMe call is made */
  botInfo?: UserFromGetMe;
  /** conversations storage version (tests simulate a deployment that changed a flow) */
  conversationsVersion?: string | number;
  /** rows kept in memory where that is exact (SQLite), see src/db/hot-rows.ts */
  hot?: HotRows;
}

export type AppBot = Bot<BotContext>;

export function createBot(deps: BotDeps, { db, botInfo, conversationsVersion, hot }: CreateBotOptions): AppBot {
  const bot = new Bot<BotContext>(deps.config.BOT_TOKEN, {
    botInfo,
    // one fetch for every call, conversations' included: auto-retry lives inside it
    client: { apiRoot: deps.config.BOT_API_ROOT, fetch: createApiFetch({ fetch: deps.fetch }) as never },
  });
  // parse_mode HTML once, for every call (conversations get it through their plugins below)
  bot.api.config.use(htmlByDefault);
  const { i18n, escaping } = deps.messages;
  const escapeT: Middleware<BotContext | ConvContext> = (ctx, next) => {
    ctx.t = ctx.translate = escaping(ctx.t);
    return next();
  };

  bot.use(attachDeps(deps));
  // one chat's updates one after another (its session and conversation state), chats in parallel
  bot.use(sequentialize((ctx) => ctx.chatId?.toString()));
  bot.use(errorBoundary);
  // the bot talks to people one to one; groups and channels are not its place
  bot.use((ctx, next) => (ctx.chat !== undefined && ctx.chat.type !== "private" ? undefined : next()));
  // lazy: read only when something asks for it (only people who have not registered yet have a session)
  bot.use(lazySession({ initial: () => ({}), storage: dbStorage(db, "session", hot), getSessionKey: (ctx) => ctx.chatId?.toString() }));
  bot.use(loadUser(deps));
  // "sending a file…" while a file uploads, and while a handler that set ctx.chatAction builds one
  bot.use(autoChatAction());
  bot.use(i18n.middleware(), escapeT);
  bot.use(
    conversations<BotContext, ConvContext>({
      storage: conversationStorage(db, conversationsVersion, hot),
      // inside a conversation: the outer locale is handed in as a string (functions do not survive the replay log)
      plugins: (conversation) => [
        // a conversation's context has an Api of its own: HTML by default there too
        (ctx, next) => {
          ctx.api.config.use(htmlByDefault);
          return next();
        },
        async (ctx, next) => {
          (ctx as ConvContext & { presetLocale?: string }).presetLocale = await conversation.external((outer) => outer.i18n.getLocale());
          await next();
        },
        i18n.middleware(),
        escapeT as Middleware<ConvContext>,
      ],
    }),
  );
  bot.use(flowFeature(deps));
  bot.use(
    registrationConversations(deps),
    ...profileConversations(deps),
    ...adminConversations(deps),
    ...meetingsConversations(deps),
    ...broadcastConversations(deps),
    ...materialsConversations(deps),
    ...lessonConversations(deps),
    ...coursesConversations(deps),
    ...documentsConversations(deps),
    ...staffConversations(deps),
  );
  bot.use(
    // before registration: /start verify-<number> (a certificate's QR code) is a check, not a registration
    documentsFeature(deps),
    registrationFeature(),
    profileFeature(deps),
    adminFeature(deps),
    meetingsFeature(deps),
    broadcastFeature(deps),
    materialsFeature(deps),
    lessonFeature(deps),
    coursesFeature(deps),
    coverageFeature(deps),
    attestationFeature(deps),
    adoptionFeature(deps),
    staffFeature(deps),
    webFeature(deps),
    calendarFeature(deps),
    menuFeature(deps),
    membershipFeature(deps),
  );
  bot.use(fallbackFeature());
  // the live broadcast reports are edited by a scheduled task, with this bot's API
  registerBroadcastReports(deps, bot.api);
  // erasure reaches the sessions and conversations this bot stores, hers and those of others that mention her
  deps.services.users.onErase(async (userId) => {
    const user = await deps.services.users.byId(userId);
    const reached = user ? await eraseFromStoredState(db, user) : 0;
    if (reached) deps.logger.info({ reached }, "erasure: other people's stored flows that mentioned the person were reset");
  });

  bot.catch((err) => deps.logger.error({ err: err.error, update_id: err.ctx.update.update_id }, "unhandled error"));
  return bot;
}

// The process: configuration → app → polling (runner) or webhook server; signals stop it gracefully.
import http from "node:http";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import { createApp, type App } from "./app.js";
import { syncCommands } from "./bot/commands.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger, type Logger } from "./logger.js";

const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

function loadEnvFile(): void {
  try {
    process.loadEnvFile(".env");
  } catch {
    // no .env: the environment alone is fine
  }
}

async function startPolling(app: App, logger: Logger): Promise<() => Promise<void>> {
  await app.bot.api.deleteWebhook();
  const handle: RunnerHandle = run(app.bot, {
    runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } },
  });
  logger.info({ apiRoot: app.config.BOT_API_ROOT }, "polling for updates");
  return async () => {
    if (handle.isRunning()) await handle.stop();
  };
}

async function startWebhook(app: App, logger: Logger): Promise<() => Promise<void>> {
  const { WEBHOOK_URL, WEBHOOK_SECRET, PORT } = app.config;
  const path = new URL(WEBHOOK_URL!).pathname || "/";
  const handle = webhookCallback(app.bot, "http", { secretToken: WEBHOOK_SECRET, onTimeout: "return", timeoutMilliseconds: 55_000 });
  const server = http.createServer((req, res) => {
    if (req.method === "GET" && req.url === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (req.method !== "POST" || req.url?.split("?")[0] !== path) {
      res.writeHead(404).end();
      return;
    }
    handle(req, res).catch((err: unknown) => {
      logger.error({ err }, "webhook request failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(PORT, resolve));
  await app.bot.api.setWebhook(WEBHOOK_URL!, { secret_token: WEBHOOK_SECRET, allowed_updates: [...ALLOWED_UPDATES] });
  logger.info({ port: PORT, path }, "webhook server listening");
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

async function main(): Promise<void> {
  loadEnvFile();
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`${e.message}\nSee .env.example for every variable and what it expects.`);
      process.exit(2);
    }
    throw e;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const app = await createApp(config, { logger });
  await app.bot.init();
  logger.info({ bot: app.bot.botInfo.username, db: app.db.provider, timezone: config.TIMEZONE }, "bot ready");
  void syncCommands(app.bot.api, app.messages, config.DEFAULT_LOCALE, await app.services.users.methodists(), logger);

  const stopUpdates = config.BOT_MODE === "webhook" ? await startWebhook(app, logger) : await startPolling(app, logger);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await stopUpdates();
      await app.close();
    } finally {
      logger.info("stopped");
      process.exit(0);
    }
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? `Fatal: ${err.message}` : err);
  process.exit(1);
});

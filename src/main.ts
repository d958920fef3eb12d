// The process: configuration → app → polling (runner) or webhook server, plus the outbox sender and
// the scheduler; SIGINT/SIGTERM stop everything gracefully.
import http from "node:http";
import { run } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import { createApp, type App } from "./app.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createLogger, type Logger } from "./logger.js";

const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

type Stop = () => Promise<void>;

function loadEnvFile(): void {
  try {
    process.loadEnvFile(".env");
  } catch {
    // no .env: the environment alone is fine
  }
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`${e.message}\nSee .env.example for every variable and what it expects.`);
      process.exit(2);
    }
    throw e;
  }
}

/** GET /healthz: 200 with the database and outbox state, 503 when the database does not answer. */
function serveHealth(app: App, req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if (req.method !== "GET" || req.url !== "/healthz") return false;
  void app.health().then((h) => res.writeHead(h.status === "ok" ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify(h)));
  return true;
}

async function listen(server: http.Server, port: number): Promise<Stop> {
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

async function startPolling(app: App, logger: Logger, fatal: (err: unknown) => void): Promise<Stop> {
  const { HEALTH_PORT } = app.config;
  // polling needs no HTTP server; an operator who wants a health check for systemd or a container asks for one
  const closeHealth: Stop | null = HEALTH_PORT
    ? await listen(
        http.createServer((req, res) => serveHealth(app, req, res) || res.writeHead(404).end()),
        HEALTH_PORT,
      )
    : null;
  if (HEALTH_PORT) logger.info({ port: HEALTH_PORT }, "health check listening on /healthz");
  await app.bot.api.deleteWebhook();
  const handle = run(app.bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  // polling that fails for good (401 bad token, 409 another instance polling) ends the process loudly
  void handle.task()?.catch(fatal);
  logger.info({ apiRoot: app.config.BOT_API_ROOT }, "polling for updates");
  return async () => {
    if (handle.isRunning()) await handle.stop();
    await closeHealth?.();
  };
}

async function startWebhook(app: App, logger: Logger): Promise<Stop> {
  const { WEBHOOK_URL, WEBHOOK_SECRET, PORT } = app.config;
  const path = new URL(WEBHOOK_URL!).pathname || "/";
  // grammY checks X-Telegram-Bot-Api-Secret-Token and answers 401 without it
  const handle = webhookCallback(app.bot, "http", { secretToken: WEBHOOK_SECRET, onTimeout: "return", timeoutMilliseconds: 55_000 });
  const server = http.createServer((req, res) => {
    // 503 when the database does not answer, so the load balancer sends Telegram's POSTs elsewhere
    if (serveHealth(app, req, res)) return;
    if (req.method !== "POST" || req.url?.split("?")[0] !== path) {
      res.writeHead(404).end();
      return;
    }
    handle(req, res).catch((err: unknown) => {
      logger.error({ err }, "webhook request failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const close = await listen(server, PORT);
  await app.bot.api.setWebhook(WEBHOOK_URL!, { secret_token: WEBHOOK_SECRET, allowed_updates: [...ALLOWED_UPDATES] });
  logger.info({ port: PORT, path }, "webhook server listening");
  return close;
}

async function main(): Promise<void> {
  loadEnvFile();
  const config = readConfig();
  // no log line may show the token or the webhook secret
  const logger = createLogger(config.LOG_LEVEL, { secrets: [config.BOT_TOKEN, config.WEBHOOK_SECRET] });
  const stops: Stop[] = [];
  let stopping = false;

  const shutdown = async (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, "shutting down");
    const force = setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, 15_000);
    force.unref();
    let exitCode = code;
    // last started, first stopped: updates, then jobs, then the database
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (err) {
        logger.error({ err }, "error while shutting down");
        exitCode = 1;
      }
    }
    logger.info("stopped");
    process.exit(exitCode);
  };
  const fatal = (err: unknown) => {
    logger.fatal({ err }, "fatal error");
    void shutdown("fatal error", 1);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  const app = await createApp(config, { logger });
  stops.push(() => app.close());
  if (stopping) return;
  logger.info({ apiRoot: config.BOT_API_ROOT }, "connecting to the Bot API");
  try {
    // not bot.init(): grammY retries getMe there forever; the API transport gives up after a few tries
    app.bot.botInfo = await app.bot.api.getMe();
    await app.bot.init();
  } catch (err) {
    logger.fatal({ err, apiRoot: config.BOT_API_ROOT }, "the Bot API is unreachable or refused the token: check BOT_TOKEN, the network, or BOT_API_ROOT");
    return shutdown("no Bot API", 1);
  }
  logger.info({ bot: app.bot.botInfo.username, db: app.db.provider, timezone: config.TIMEZONE }, "bot ready");
  void app.syncCommands();

  app.sender.start();
  app.scheduler.start();
  stops.push(config.BOT_MODE === "webhook" ? await startWebhook(app, logger) : await startPolling(app, logger, fatal));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? `Fatal: ${err.message}` : err);
  process.exit(1);
});

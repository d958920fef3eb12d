// The process: configuration → app → the HTTP server (site, /healthz, webhook) bound first → the outbox
// sender, the scheduler and polling (runner) or the webhook; SIGINT/SIGTERM stop everything gracefully.
import { run } from "@grammyjs/runner";
import { createApp, type App } from "./app.js";
import { syncDescriptions } from "./bot/description.js";
import { syncMenuButton } from "./bot/features/web/index.js";
import { createHttpApp, listen, type Listening } from "./http/server.js";
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

async function startPolling(app: App, logger: Logger, fatal: (err: unknown) => void): Promise<Stop> {
  await app.bot.api.deleteWebhook();
  const handle = run(app.bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  // polling that fails for good (401 bad token, 409 another instance polling) ends the process loudly
  void handle.task()?.catch(fatal);
  logger.info({ apiRoot: app.config.BOT_API_ROOT }, "polling for updates");
  return async () => {
    if (handle.isRunning()) await handle.stop();
  };
}

async function startWebhook(app: App, webhook: { url: string; secret: string }, logger: Logger, path: string): Promise<void> {
  await app.bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
  logger.info({ port: app.config.http.port, path }, "webhook server listening");
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
  // bind first: a port already taken ends the process here, before anything queued is sent
  const webhook =
    config.BOT_MODE === "webhook" ? { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET, path: new URL(config.WEBHOOK_URL).pathname || "/" } : null;
  const { port, host, publicUrl } = config.http;
  let server: Listening;
  try {
    server = await listen(createHttpApp(app, webhook ? { webhook: { path: webhook.path, secret: webhook.secret } } : {}), { port, host }, logger);
  } catch (err) {
    logger.fatal({ err, port, host }, "cannot listen on PORT (is another process using it?)");
    return shutdown("port unavailable", 1);
  }
  stops.push(server.close);
  logger.info({ port: server.port, host, site: publicUrl }, "HTTP server listening: the site, /healthz");
  logger.info({ bot: app.bot.botInfo.username, db: app.db.provider, timezone: config.TIMEZONE }, "bot ready");
  void app.syncCommands();
  void syncMenuButton(app.bot.api, config, app.messages, logger);
  void syncDescriptions(app.bot.api, app.messages, config.DEFAULT_LOCALE, logger);

  app.sender.start();
  app.scheduler.start();
  if (webhook) await startWebhook(app, webhook, logger, webhook.path);
  else stops.push(await startPolling(app, logger, fatal));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? `Fatal: ${err.message}` : err);
  process.exit(1);
});

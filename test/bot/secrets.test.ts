// No secret in a log: the bot token is in every Bot API URL (…/bot<token>/getMe, …/file/bot<token>/…)
// and the webhook secret in setWebhook's payload. The transport scrubs the errors it builds from URLs
// (checked with a logger that redacts nothing), and the logger redacts the configured secrets from
// every line (checked with errors that still carry them).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Api, GrammyError } from "grammy";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApiFetch, INTERACTIVE_RETRY, type FetchFn } from "../../src/bot/api/fetch.js";
import { createLogger } from "../../src/logger.js";
import { providers } from "../helpers/databases.js";
import { registerAdmin } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

const TOKEN = "123456:AAH-secret_part-of-the-token";
const SECRET_HALF = "AAH-secret_part-of-the-token";
const WEBHOOK_SECRET = "webhook-secret_0123456789";

/** A logger whose lines are kept; `secrets` as main.ts passes them (none: only the source is tested). */
function capturedLogger(secrets: string[] = []) {
  const lines: string[] = [];
  const logger = createLogger("debug", { secrets, destination: { write: (line: string) => void lines.push(line) } });
  return { logger, text: () => lines.join(""), lines };
}

/** How node-fetch failed (grammY's default transport until now): the URL, token and all, in the message. */
const failingLikeNodeFetch: FetchFn = async (url) => {
  throw Object.assign(new Error(`request to ${url} failed, reason: connect ECONNREFUSED 127.0.0.1:9`), {
    type: "system",
    code: "ECONNREFUSED",
    cause: new Error(`connect ECONNREFUSED for ${url}`),
  });
};

async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

describe("the bot token in errors of the Bot API transport", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("an interactive call that fails four times: the error that is logged names the method and the cause, not the token", async () => {
    vi.useFakeTimers();
    const api = new Api(TOKEN, { apiRoot: "http://127.0.0.1:9", fetch: createApiFetch({ fetch: failingLikeNodeFetch, retry: INTERACTIVE_RETRY }) as never });
    const pending = api.getMe().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(3_000 + 6_000 + 12_000);
    const err = (await pending) as Error;
    const { logger, text } = capturedLogger();
    logger.fatal({ err }, "the Bot API is unreachable or refused the token");
    logger.error({ err }, "update failed");

    expect(text()).toContain("getMe");
    expect(text()).toContain("failed 4 times");
    expect(text()).toContain("ECONNREFUSED");
    expect(text()).toContain("bot[redacted]");
    expect(text()).not.toContain(SECRET_HALF);
    expect(String(err.stack)).not.toContain(SECRET_HALF);
  });

  it("the real transport, with nothing listening: the error logged at start names no token", async () => {
    const port = await closedPort();
    const api = new Api(TOKEN, {
      apiRoot: `http://127.0.0.1:${port}`,
      fetch: createApiFetch({ retry: { ...INTERACTIVE_RETRY, maxRetryAttempts: 0 } }) as never,
    });
    const err = await api.getMe().catch((e: unknown) => e);
    const { logger, text } = capturedLogger();
    logger.fatal({ err }, "the Bot API is unreachable or refused the token");
    expect(text()).toContain("Network request for 'getMe' failed");
    expect(text()).not.toContain(SECRET_HALF);
  });
});

describe.each(providers)("the bot token and a failing download on %s", (provider) => {
  let app: TestApp;
  const log = capturedLogger();
  afterEach(() => closeTestApp(app));

  it("the admin's directory file cannot be fetched: she gets the apology, the log has the failure but not the token", async () => {
    app = await createTestApp(provider, { env: { BOT_TOKEN: TOKEN }, logger: log.logger });
    const admin = await registerAdmin(app);
    const fake = app.deps.fetch;
    // the file endpoint fails as node-fetch failed; the Bot API methods still answer
    app.deps.fetch = (url, init) => (String(url).includes("/file/bot") ? failingLikeNodeFetch(url, init) : fake(url, init));
    await admin.chat.send("/directory");
    await admin.chat.sendDocument({ file_name: "schools.csv", content: "name\nМБОУ «СОШ № 40»\n" });

    expect(admin.chat.lastText()).toContain("Что-то пошло не так");
    const failure = log.lines.find((l) => l.includes("update failed"));
    expect(failure).toContain("ECONNREFUSED");
    expect(failure).toContain("file/bot[redacted]");
    expect(log.text()).not.toContain(SECRET_HALF);
    expect(await app.db.prisma.school.count({ where: { name: "МБОУ «СОШ № 40»" } })).toBe(0);
  });
});

describe("the logger's redaction (the second net)", () => {
  it("the token and the webhook secret never reach a line: message, error message, stack, cause, payload, nested fields", () => {
    const { logger, text } = capturedLogger([TOKEN, WEBHOOK_SECRET]);
    const cause = new Error(`connect failed for https://api.telegram.org/bot${encodeURIComponent(TOKEN)}/getMe`);
    const err = new Error(`request to https://api.telegram.org/bot${TOKEN}/getMe failed`, { cause });
    // grammY keeps a refused call's payload on the error: setWebhook's holds the webhook secret
    const refused = new GrammyError(
      "Call to 'setWebhook' failed! (400: Bad Request: bad webhook)",
      { ok: false, error_code: 400, description: "Bad Request: bad webhook" },
      "setWebhook",
      { url: "https://bot.example.org/hook", secret_token: WEBHOOK_SECRET },
    );
    logger.fatal({ err }, "fatal error");
    logger.error({ err: refused }, "could not set the webhook");
    logger.warn({ config: { token: TOKEN, half: `…${SECRET_HALF}…` } }, `starting with ${TOKEN} and ${WEBHOOK_SECRET}`);

    expect(text()).toContain("Bad Request: bad webhook");
    expect(text()).toContain("[redacted]");
    for (const secret of [TOKEN, SECRET_HALF, encodeURIComponent(TOKEN), WEBHOOK_SECRET]) expect(text()).not.toContain(secret);
    // the bot's public id stays readable
    expect(text()).toContain("bot[redacted]");
  });
});

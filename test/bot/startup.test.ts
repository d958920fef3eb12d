// The process, started as an operator starts it (`src/main.ts` with only environment variables), against
// a small fake Bot API over HTTP: a refused token ends it with a clear log line and a non-zero code; in
// webhook mode it serves Telegram's POSTs (secret header checked) and a health check, and stops cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { projectRoot } from "../../src/paths.js";
import { waitFor } from "../e2e/harness.js";
import { BUILD_TIMEOUT_MS, ensureBuilt, MAIN } from "../helpers/built.js";

interface ApiCall {
  method: string;
  body: Record<string, unknown>;
}

/** A Bot API over HTTP that answers every method; `refuse` makes it answer 401 to all. */
async function fakeBotApi(refuse = false) {
  const calls: ApiCall[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const method = (req.url ?? "").split("/").pop() ?? "";
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      calls.push({ method, body });
      // long polling: nothing new, after a while (so that a polling bot does not spin)
      if (!refuse && method === "getUpdates") {
        setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result: [] })), 200);
        return;
      }
      const answer = refuse
        ? { ok: false, error_code: 401, description: "Unauthorized" }
        : method === "getMe"
          ? {
              ok: true,
              result: {
                id: 123456,
                is_bot: true,
                first_name: "Методсеть",
                username: "metodset_bot",
                can_join_groups: false,
                can_read_all_group_messages: false,
                supports_inline_queries: false,
              },
            }
          : method === "sendMessage"
            ? { ok: true, result: { message_id: calls.length, date: 0, chat: { id: body.chat_id, type: "private" }, text: body.text } }
            : { ok: true, result: true };
      res.writeHead(refuse ? 401 : 200, { "content-type": "application/json" }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { calls, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

function startBot(env: Record<string, string>) {
  const child = spawn(process.execPath, MAIN, { cwd: projectRoot, env: { PATH: process.env.PATH, ...env } });
  const out = { text: "" };
  child.stdout!.on("data", (c: Buffer) => (out.text += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (out.text += c.toString()));
  const exited = new Promise<number | null>((r) => child.on("exit", r));
  return { child, out, exited };
}

// The waits are generous: a start (migrations included) took up to 35 s on a shared 2-core machine at load 20.
describe("starting the bot process", () => {
  beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);
  const cleanup: (() => void)[] = [];
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    for (const f of cleanup.splice(0)) f();
  });
  const tempDb = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "metodset-start-"));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    return `file:${path.join(dir, "bot.db")}`;
  };

  it("exits with code 1 and a clear log line when the Bot API refuses the token", async () => {
    const api = await fakeBotApi(true);
    cleanup.push(api.close);
    const bot = startBot({ BOT_TOKEN: "123456:WRONG", BOT_API_ROOT: api.url, DATABASE_URL: tempDb() });
    child = bot.child;

    expect(await bot.exited).toBe(1);
    expect(api.calls.map((c) => c.method)).toEqual(["getMe"]);
    const fatal = bot.out.text.split("\n").find((l) => l.includes('"level":60'));
    expect(fatal).toContain("the Bot API is unreachable or refused the token");
    expect(fatal).toContain("401");
    // the database was prepared before: the next start with the right token finds it ready
    expect(bot.out.text).toContain("migrations applied");
  }, 60_000);

  it("in polling mode with HEALTH_PORT (the old name of PORT there): polls and serves /healthz and the site on that port, stops on SIGTERM", async () => {
    const api = await fakeBotApi();
    cleanup.push(api.close);
    const port = await freePort();
    const bot = startBot({ BOT_TOKEN: "123456:TEST", BOT_API_ROOT: api.url, DATABASE_URL: tempDb(), HEALTH_PORT: String(port) });
    child = bot.child;
    await waitFor(() => api.calls.some((c) => c.method === "getUpdates") || null, { what: "polling", timeoutMs: 40_000 });
    const base = `http://127.0.0.1:${port}`;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", database: "ok", outbox: { due: 0, oldestDueSeconds: 0 } });
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: "POST" })).status).toBe(404);
    // the site, on the same port: a stranger is asked to sign in
    const site = await fetch(`${base}/monitoring/coverage`);
    expect(site.status).toBe(401);
    expect(await site.text()).toContain("/web");

    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.out.text).toContain('"msg":"stopped"');
  }, 80_000);

  it("in webhook mode: registers the webhook, answers Telegram's POSTs only with the secret, serves /healthz, stops on SIGTERM", async () => {
    const api = await fakeBotApi();
    cleanup.push(api.close);
    const port = await freePort();
    const bot = startBot({
      BOT_TOKEN: "123456:TEST",
      BOT_API_ROOT: api.url,
      DATABASE_URL: tempDb(),
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.org/telegram/hook",
      WEBHOOK_SECRET: "s3cret-token_value",
      PORT: String(port),
    });
    child = bot.child;
    const base = `http://127.0.0.1:${port}`;
    await waitFor(() => bot.out.text.includes("webhook server listening"), {
      timeoutMs: 40_000,
      what: "the webhook server",
      failIf: () => (bot.child.exitCode !== null ? `exited: ${bot.out.text}` : undefined),
    });

    const setWebhook = api.calls.find((c) => c.method === "setWebhook");
    expect(setWebhook?.body).toMatchObject({ url: "https://bot.example.org/telegram/hook", secret_token: "s3cret-token_value" });

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get("content-type")).toBe("application/json");
    expect(await health.json()).toEqual({ status: "ok", database: "ok", outbox: { due: 0, oldestDueSeconds: 0 } });

    const update = {
      update_id: 1,
      message: {
        message_id: 1,
        date: 1_795_000_000,
        chat: { id: 5001, type: "private", first_name: "Анна" },
        from: { id: 5001, is_bot: false, first_name: "Анна", language_code: "ru" },
        text: "/start",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      },
    };
    const post = (url: string, secret?: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
        body: JSON.stringify(update),
      });

    expect((await post(`${base}/telegram/hook`)).status).toBe(401);
    expect((await post(`${base}/telegram/hook`, "wrong")).status).toBe(401);
    expect((await post(`${base}/elsewhere`, "s3cret-token_value")).status).toBe(404);
    expect(api.calls.filter((c) => c.method === "sendMessage")).toEqual([]);

    // bodies that are not an update: 400, and nothing reaches the bot (no answer, no error in the log)
    const raw = (body: string | Uint8Array, secret = "s3cret-token_value") =>
      fetch(`${base}/telegram/hook`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret }, body });
    expect((await raw("not json")).status).toBe(400);
    expect((await raw("")).status).toBe(400);
    expect((await raw("null")).status).toBe(400);
    expect((await raw("[1,2]")).status).toBe(400);
    expect((await raw('{"message":{}}')).status).toBe(400);
    // a 10 MB body is refused from its length, before it is read
    expect((await raw(new Uint8Array(10 * 1024 * 1024).fill(32))).status).toBe(413);
    expect(api.calls.filter((c) => c.method === "sendMessage")).toEqual([]);
    expect(bot.out.text).not.toContain('"level":50');

    expect((await post(`${base}/telegram/hook`, "s3cret-token_value")).status).toBe(200);
    const answer = await waitFor(() => api.calls.find((c) => c.method === "sendMessage" && c.body.chat_id === 5001), { what: "the answer to /start" });
    expect(String(answer.body.text)).toContain("язык");

    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.out.text).toContain('"msg":"stopped"');
  }, 80_000);

  for (const mode of ["webhook", "polling"] as const) {
    it(`in ${mode} mode with the port already taken: exits with code 1 before it is ready, sends nothing, starts no sender`, async () => {
      const api = await fakeBotApi();
      cleanup.push(api.close);
      const taken = http.createServer((_req, res) => res.end("someone else"));
      await new Promise<void>((r) => taken.listen(0, "127.0.0.1", r));
      cleanup.push(() => taken.close());
      const port = String((taken.address() as AddressInfo).port);
      const env: Record<string, string> =
        mode === "webhook"
          ? { BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/telegram/hook", WEBHOOK_SECRET: "s3cret-token_value", PORT: port, HOST: "127.0.0.1" }
          : // HEALTH_PORT: what made polling listen before this release (now it is PORT, with HEALTH_PORT as its old name)
            { HEALTH_PORT: port };
      // a message waits in the outbox: a started sender would send it at once
      const db = tempDb();
      const prepared = await createApp(loadConfig({ BOT_TOKEN: "123456:TEST", DATABASE_URL: db }), { logger: silentLogger() });
      const teacher = await prepared.services.users.register({
        telegramId: 5002,
        fullName: "Ожидающая Ольга",
        language: "ru",
        schoolId: (await prepared.db.prisma.school.findFirstOrThrow()).id,
        subjectIds: [(await prepared.db.prisma.subject.findFirstOrThrow()).id],
        consentAt: new Date(),
      });
      await prepared.services.outbox.enqueueRaw([{ userId: teacher.id, chatId: 5002, text: "queued", dedupeKey: "startup:queued" }]);
      await prepared.close();
      const bot = startBot({ BOT_TOKEN: "123456:TEST", BOT_API_ROOT: api.url, DATABASE_URL: db, ...env });
      child = bot.child;

      expect(await bot.exited).toBe(1);
      expect(bot.out.text).not.toContain("bot ready");
      expect(bot.out.text).toContain("cannot listen on PORT");
      // no sender, no scheduler, no updates: only the token was checked
      expect(api.calls.map((c) => c.method)).toEqual(["getMe"]);
      expect(bot.out.text).not.toContain('"job":"sender"');
      expect(bot.out.text).not.toContain('"job":"scheduler"');
    }, 80_000);
  }
});

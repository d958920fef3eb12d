// End-to-end plumbing: the telegram-test-api emulator (in this process), the real bot (a child process)
// and an emulated person who talks to the bot over the emulator's HTTP client.
//
// The emulator's own getUpdates answers at once (it ignores `timeout` and `offset` and marks whatever it
// returns as read), so @grammyjs/runner, which asks again as soon as an answer arrives, spins: about 1,600
// getUpdates a second, each process at more than half a core. The bot is given a small front instead:
// getUpdates is answered here, with long polling and offset confirmation as Telegram does it, from the
// emulator's own update store; every other request goes to the emulator untouched.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { MAIN } from "../helpers/built.js";
import type { TelegramClient } from "telegram-test-api/lib/modules/telegramClient.js";

// ---------------------------------------------------------------------------------------------- waiting

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** what is awaited, for the timeout message */
  what?: string;
  /** checked on every round: a reason to stop waiting at once (e.g. the bot process died) */
  failIf?: () => string | undefined;
  /** appended to the error message (e.g. the tail of the bot's log) */
  context?: () => string;
}

/** Polls `probe` until it returns something truthy and returns that; throws after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | Promise<T>, opts: WaitOptions = {}): Promise<NonNullable<T>> {
  const { timeoutMs = 10_000, intervalMs = 25, what = "a condition", failIf, context } = opts;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const reason = failIf?.();
    if (reason) throw new Error(`gave up waiting for ${what}: ${reason}${context ? `\n${context()}` : ""}`);
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
      lastError = undefined;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : "";
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}${context ? `\n${context()}` : ""}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

// --------------------------------------------------------------------------------------------- emulator

export interface Emulator {
  server: TelegramServer;
  /** the emulator itself (what its clients talk to) */
  url: string;
  /** what the bot gets as BOT_API_ROOT: the long-polling front */
  apiRoot: string;
  /** getUpdates calls the bot has made so far */
  getUpdatesCalls(): number;
  stop(): Promise<void>;
}

// what TelegramServer emits once it has stored an update from a user
const USER_EVENTS = ["AddedUserMessage", "AddedUserCommand", "AddedUserCallbackQuery"];

interface StoredUpdate {
  update_id: number;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * Starts telegram-test-api on `port` and the bot's front on a free port.
 * `maxPollSeconds` caps the long-poll `timeout` the bot asks for (30 s from the runner).
 */
export async function startEmulator({
  port,
  host = "127.0.0.1",
  maxPollSeconds = 10,
}: {
  port: number;
  host?: string;
  maxPollSeconds?: number;
}): Promise<Emulator> {
  const server = new TelegramServer({ port, host });
  await server.start();

  let calls = 0;
  // per token: updates handed out but not yet confirmed by a later offset (Telegram hands them out again)
  const unconfirmed = new Map<string, StoredUpdate[]>();
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  for (const e of USER_EVENTS) server.on(e, wake);
  const agent = new http.Agent({ keepAlive: true });

  const forward = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const upstream = http.request({ host, port, path: req.url, method: req.method, headers: req.headers, agent }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on("error", (err) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error_code: 502, description: `emulator unreachable: ${err.message}` }));
    });
    req.pipe(upstream);
  };

  const getUpdates = async (token: string, req: http.IncomingMessage, res: http.ServerResponse) => {
    calls++;
    const raw = await readBody(req);
    const query = Object.fromEntries(new URL(req.url ?? "/", "http://x").searchParams);
    const params = { ...query, ...(raw ? (JSON.parse(raw) as Record<string, unknown>) : {}) };
    const offset = Number(params.offset ?? 0);
    const limit = Math.min(Math.max(Number(params.limit ?? 100) || 100, 1), 100);
    const timeout = Math.min(Math.max(Number(params.timeout ?? 0) || 0, 0), maxPollSeconds);
    const deadline = Date.now() + timeout * 1000;
    let gone = false;
    res.on("close", () => {
      gone = true;
      wake();
    });
    let list: StoredUpdate[];
    for (;;) {
      // an offset confirms every update below it
      list = (unconfirmed.get(token) ?? []).filter((u) => u.update_id >= offset);
      list.push(...(server.getUpdates(token) as StoredUpdate[]));
      unconfirmed.set(token, list);
      if (list.length > 0 || gone || Date.now() >= deadline) break;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, deadline - Date.now());
        waiters.add(done);
      });
    }
    if (gone) return; // the bot stopped polling: the updates stay unconfirmed
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result: list.slice(0, limit) }));
  };

  const front = http.createServer((req, res) => {
    const m = /^\/bot([^/]+)\/getUpdates(?:[?/]|$)/.exec(req.url ?? "");
    if (!m) return forward(req, res);
    getUpdates(decodeURIComponent(m[1]!), req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error_code: 500, description: String(err) }));
    });
  });
  try {
    await new Promise<void>((resolve, reject) => front.once("error", reject).listen(0, host, resolve));
  } catch (e) {
    await server.stop();
    throw e;
  }
  const frontPort = (front.address() as AddressInfo).port;

  return {
    server,
    url: server.config.apiURL,
    apiRoot: `http://${host}:${frontPort}`,
    getUpdatesCalls: () => calls,
    async stop() {
      for (const e of USER_EVENTS) server.off(e, wake);
      wake();
      const closed = new Promise<void>((resolve) => front.close(() => resolve()));
      front.closeAllConnections();
      await closed;
      agent.destroy();
      await server.stop();
    },
  };
}

// ------------------------------------------------------------------------------------------ bot process

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BotProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** the last lines of both streams, for error messages */
  tail(lines?: number): string;
  /** set once the process has exited */
  exited(): ExitInfo | undefined;
  /** SIGTERM, then waits for the exit (SIGKILL after `graceMs`); safe to call again */
  stop(graceMs?: number): Promise<ExitInfo>;
}

// every process spawned here and still running: killed if the test worker goes away first
const living = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of living) child.kill("SIGKILL");
});

/**
 * Starts the bot as `npm start` does (the compiled dist/src/main.js: call ensureBuilt() first), without npm
 * in between so that signals reach it.
 */
export function spawnBot({ cwd, env }: { cwd: string; env: NodeJS.ProcessEnv }): BotProcess {
  const child = spawn(process.execPath, MAIN, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  living.add(child);
  let out = "";
  let err = "";
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (err += d));
  let info: ExitInfo | undefined;
  const exit = new Promise<ExitInfo>((resolve) => {
    child.once("error", (e) => {
      err += `\n[spawn error] ${e.message}`;
      if (child.pid === undefined) resolve((info = { code: null, signal: null }));
    });
    child.once("close", (code, signal) => {
      living.delete(child);
      resolve((info = { code, signal }));
    });
  });
  const tail = (n = 30) =>
    `--- bot stdout (last ${n} lines) ---\n${out.trimEnd().split("\n").slice(-n).join("\n")}\n--- bot stderr ---\n${err.trimEnd().split("\n").slice(-n).join("\n")}`;
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    tail,
    exited: () => info,
    async stop(graceMs = 20_000) {
      if (info) return info;
      child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), graceMs)));
      const first = await Promise.race([exit, late]);
      clearTimeout(timer);
      if (first !== "late") return first;
      child.kill("SIGKILL");
      await exit;
      throw new Error(`the bot did not exit within ${graceMs} ms of SIGTERM and was killed\n${tail()}`);
    },
  };
}

/** pino's JSON lines from the bot's stdout at `level` or above (40 warn, 50 error, 60 fatal) */
export function logLines(stdout: string, level: number): Record<string, unknown>[] {
  return stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        return { level: 60, msg: `unparsable log line: ${l}` };
      }
    })
    .filter((l) => typeof l.level === "number" && l.level >= level);
}

// --------------------------------------------------------------------------------------- emulated user

export interface Button {
  text: string;
  data: string;
}

/** A message from the bot as the emulator holds it now (after any edits). */
export interface BotMessage {
  id: number;
  text: string;
  /** inline buttons, row after row */
  buttons: Button[];
  /** labels of a reply keyboard sent with the message */
  keyboard?: string[];
}

type Json = Record<string, any>;

/** Someone in a private chat with the bot, talking through the emulator's client over HTTP. */
export class EmulatedUser {
  readonly client: TelegramClient;

  constructor(
    server: TelegramServer,
    token: string,
    readonly id: number,
    private readonly waitDefaults: WaitOptions = {},
    profile: { firstName?: string; userName?: string } = {},
  ) {
    this.client = server.getClient(token, { userId: id, chatId: id, firstName: profile.firstName ?? `User${id}`, userName: profile.userName ?? `user${id}` });
  }

  async send(text: string): Promise<void> {
    await this.client.sendMessage(this.client.makeMessage(text));
  }

  /** a /command (with its bot_command entity) */
  async command(text: string): Promise<void> {
    await this.client.sendCommand(this.client.makeCommand(text));
  }

  /** The bot's messages in this chat, oldest first, as they are now. */
  async messages(): Promise<BotMessage[]> {
    const history = (await this.client.getUpdatesHistory()) as unknown as Json[];
    return history
      .filter((u) => u.message && "chat_id" in u.message && String(u.message.chat_id) === String(this.id))
      .sort((a, b) => a.messageId - b.messageId)
      .map((u) => {
        const m = u.message as Json;
        const markup = (typeof m.reply_markup === "string" ? JSON.parse(m.reply_markup) : m.reply_markup) as Json | undefined;
        const buttons = ((markup?.inline_keyboard ?? []) as Json[][]).flat().map((b) => ({ text: String(b.text), data: String(b.callback_data) }));
        const keyboard = markup?.keyboard
          ? (markup.keyboard as unknown[][]).flat().map((b) => (typeof b === "string" ? b : String((b as Json).text)))
          : undefined;
        return { id: Number(u.messageId), text: String(m.text ?? ""), buttons, keyboard };
      });
  }

  /** the id of the newest bot message (0 if none): pass it as `after` to wait for what comes next */
  async mark(): Promise<number> {
    return (await this.messages()).at(-1)?.id ?? 0;
  }

  /** Waits for a bot message (newer than `after`, if given) that satisfies `test`. */
  async waitForMessage(test: (m: BotMessage) => boolean, what: string, after = 0, opts: WaitOptions = {}): Promise<BotMessage> {
    let seen: BotMessage[] = [];
    return waitFor(
      async () => {
        seen = await this.messages();
        return seen
          .filter((m) => m.id > after)
          .reverse()
          .find(test);
      },
      {
        ...this.waitDefaults,
        ...opts,
        what,
        context: () =>
          `--- the chat (last 5 bot messages) ---\n${this.format(seen.slice(-5))}${this.waitDefaults.context ? `\n${this.waitDefaults.context()}` : ""}`,
      },
    );
  }

  /** a new bot message whose text contains `text` */
  waitForText(text: string, after: number, opts?: WaitOptions): Promise<BotMessage> {
    return this.waitForMessage((m) => m.text.includes(text), `a message with "${text}"`, after, opts);
  }

  /** Presses the inline button labelled `label` (exact, else containing it), searching from the newest message. */
  async press(label: string): Promise<BotMessage> {
    const messages = (await this.messages()).reverse();
    const find = (match: (b: Button) => boolean) => {
      for (const m of messages) {
        const b = m.buttons.find(match);
        if (b) return { m, b };
      }
      return undefined;
    };
    const hit = find((b) => b.text === label) ?? find((b) => b.text.includes(label));
    if (!hit) throw new Error(`no button "${label}" in chat ${this.id}:\n${this.format(messages.slice(0, 5).reverse())}`);
    const query = this.client.makeCallbackQuery(hit.b.data, {
      // the emulator's callback carries only chat and sender: the bot needs the message's id to edit it
      message: { message_id: hit.m.id, date: Math.floor(Date.now() / 1000), text: hit.m.text },
    });
    await this.client.sendCallback(query);
    return hit.m;
  }

  format(messages: BotMessage[]): string {
    return messages
      .map(
        (m) =>
          `#${m.id}: ${m.text}` +
          (m.buttons.length ? `\n   [${m.buttons.map((b) => b.text).join(" | ")}]` : "") +
          (m.keyboard ? `\n   keyboard: ${m.keyboard.join(" | ")}` : ""),
      )
      .join("\n");
  }
}

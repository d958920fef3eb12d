// SIGKILL in the middle of a delivery, then a restart: nothing recorded as sent is sent again, nothing
// queued is lost. What Telegram received but the dead process had not recorded yet (the held request,
// or an answer in transit) may be sent again: that is the window the design admits.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { projectRoot } from "../../src/paths.js";
import { BUILD_TIMEOUT_MS, ensureBuilt } from "../helpers/built.js";
import { providers, tempDatabase, type TempDatabase } from "../helpers/databases.js";

const TOKEN = "123456:KILL-test";
const COUNT = 40;
const HOLD_AT = 15;

interface FakeServer {
  url: string;
  received: string[];
  acked: Set<string>;
  onHold: Promise<void>;
  close(): Promise<void>;
}

async function fakeBotApi(): Promise<FakeServer> {
  const received: string[] = [];
  const acked = new Set<string>();
  let hold!: () => void;
  const onHold = new Promise<void>((r) => (hold = r));
  let n = 0;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const payload = body ? JSON.parse(body) : {};
      const text = String(payload.text);
      received.push(text);
      if (++n === HOLD_AT) {
        hold(); // Telegram got it, the answer never arrives: the sender is killed while waiting
        return;
      }
      setTimeout(() => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: true, result: { message_id: n, date: 0, chat: { id: payload.chat_id, type: "private" }, text } }), () => acked.add(text));
      }, 5);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    acked,
    onHold,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function startSender(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["test/delivery/fixtures/sender-process.mjs"], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH!, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      if (out.includes("READY")) resolve(child);
    });
    child.stderr!.on("data", (d) => (out += d));
    child.once("exit", (code) => reject(new Error(`sender exited early (${code}):\n${out}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.once("exit", (code) => r(code))));

async function until(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

// the sender processes run the compiled app (test/delivery/fixtures/sender-process.mjs)
beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

describe.each(providers)("kill and restart on %s", (provider) => {
  let db: TempDatabase | undefined;
  let server: FakeServer | undefined;
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    await server?.close();
    await db?.drop();
  });

  it("loses nothing and repeats nothing acknowledged", async () => {
    db = await tempDatabase(provider);
    server = await fakeBotApi();
    // a short lease (its Bot API timeout is a third of it: 1.5 s, plenty for a local answer on a busy machine)
    const env = { BOT_TOKEN: TOKEN, DATABASE_URL: db.url, BOT_API_ROOT: server.url, SEND_RATE_PER_SECOND: "50", LOG_LEVEL: "silent", SENDER_LEASE_MS: "4500" };

    const inspect = await createApp(loadConfig(env), { logger: silentLogger() });
    await inspect.services.outbox.enqueueRaw(
      Array.from({ length: COUNT }, (_, i) => ({ userId: null, chatId: 10_000 + i, text: `m${i}`, dedupeKey: `k${i}`, groupId: "kill" })),
    );
    const sentRows = () => inspect.db.prisma.outboxMessage.findMany({ where: { status: "sent" }, select: { text: true } });

    const first = await startSender(env);
    children.push(first);
    await server.onHold;
    // killed while the held request waits for its answer, once some earlier ones are recorded (on a
    // busy machine their answers may still be on the way when the held one arrives)
    await until(async () => (await sentRows()).length > 0, 1000);
    first.kill("SIGKILL");
    await exited(first);
    const receivedBeforeKill = new Set(server.received);
    const recorded = new Set((await sentRows()).map((m) => m.text));
    await inspect.close();

    const second = await startSender(env);
    children.push(second);
    const check = await createApp(loadConfig(env), { logger: silentLogger() });
    try {
      await until(async () => (await check.services.outbox.groupStatus("kill")).sent === COUNT);
      second.kill("SIGTERM");
      expect(await exited(second)).toBe(0);

      const counts = new Map<string, number>();
      for (const t of server.received) counts.set(t, (counts.get(t) ?? 0) + 1);
      // nothing lost
      for (let i = 0; i < COUNT; i++) expect(counts.get(`m${i}`), `m${i}`).toBeGreaterThanOrEqual(1);
      // nothing recorded as sent was sent again
      for (const t of recorded) expect(counts.get(t), t).toBe(1);
      // only what was in flight at the kill (received by Telegram, not yet recorded) may repeat
      const repeated = [...counts].filter(([, c]) => c > 1).map(([t]) => t);
      for (const t of repeated) expect(receivedBeforeKill.has(t) && !recorded.has(t), t).toBe(true);
    } finally {
      await check.close();
    }
  });
});

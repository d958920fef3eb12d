// Telegram's POSTs through the real HTTP server (webhook mode's route): the secret first, then the size,
// then the body must be an update; only then does the bot see it. Refused requests reach nothing and
// log no error.
import http from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WEBHOOK_BODY_LIMIT } from "../../src/http/webhook.js";
import { pino } from "pino";
import { providers } from "../helpers/databases.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { serveSite, type Site } from "../helpers/web.js";

const SECRET = "s3cret-token_value";
const PATH = "/telegram/hook";

const start = (id: number) => ({
  update_id: id,
  message: {
    message_id: id,
    date: 1_795_000_000,
    chat: { id: 5001, type: "private", first_name: "Анна" },
    from: { id: 5001, is_bot: false, first_name: "Анна", language_code: "ru" },
    text: "/start",
    entities: [{ type: "bot_command", offset: 0, length: 6 }],
  },
});

describe.each(providers)("the webhook route on %s", (provider) => {
  let app: TestApp;
  let site: Site;
  const lines: string[] = [];
  beforeEach(async () => {
    lines.length = 0;
    const logger = pino({ level: "info" }, { write: (l: string) => void lines.push(l) });
    app = await createTestApp(provider, { logger });
    site = await serveSite(app, { path: PATH, secret: SECRET });
  });
  afterEach(async () => {
    await site.close();
    await closeTestApp(app);
  });
  const post = (body: string | Uint8Array, secret: string | null = SECRET) =>
    fetch(site.base + PATH, {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
      body,
    });
  const sent = () => app.tg.calls.filter((c) => c.method !== "getMe");

  it("refuses a wrong or missing secret with 401 before reading anything", async () => {
    expect((await post(JSON.stringify(start(1)), null)).status).toBe(401);
    expect((await post(JSON.stringify(start(1)), "wrong")).status).toBe(401);
    expect((await post(JSON.stringify(start(1)), `${SECRET}x`)).status).toBe(401);
    expect(sent()).toEqual([]);
  });

  it("answers 400 to a body that is not an update (not JSON, empty, null, an array, no update_id) and the bot never sees it", async () => {
    for (const body of ["not json", "", "null", "[]", "42", '"text"', '{"message":{}}', '{"update_id":"7"}']) {
      expect((await post(body)).status, body).toBe(400);
    }
    expect(sent()).toEqual([]);
    expect(lines.filter((l) => l.includes('"level":50'))).toEqual([]);
  });

  it("refuses a body over the limit with 413: from its length, and while streaming one sent without a length", async () => {
    expect((await post(new Uint8Array(10 * 1024 * 1024).fill(32))).status).toBe(413);
    // chunked: no Content-Length, refused as the bytes pass the limit
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        site.base + PATH,
        { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      const chunk = Buffer.alloc(64 * 1024, 32);
      for (let sentBytes = 0; sentBytes <= WEBHOOK_BODY_LIMIT + chunk.length; sentBytes += chunk.length) req.write(chunk);
      req.end();
    });
    expect(status).toBe(413);
    expect(sent()).toEqual([]);
    expect(lines.filter((l) => l.includes('"level":50'))).toEqual([]);
  });

  it("hands an update to the bot, which answers", async () => {
    const res = await post(JSON.stringify(start(1)));
    expect(res.status).toBe(200);
    expect(app.user(5001).lastText()).toContain("язык");
  });
});

// Telegram's POSTs in webhook mode. In order: the secret header (401), the size (413, refused from the
// Content-Length or while streaming, before the body is read whole), then the body must be a JSON
// object with an update_id (400). Only then does grammY see it. Nothing refused reaches the bot, and
// none of it is an error in the log: the internet sends odd requests.
import { timingSafeEqual } from "node:crypto";
import { webhookCallback } from "grammy";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { App } from "../app.js";

/** Telegram's updates are a few KB; a message with a long text and entities stays far below this. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

const SECRET_HEADER = "x-telegram-bot-api-secret-token";

function sameSecret(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

const isUpdate = (x: unknown): boolean =>
  typeof x === "object" && x !== null && !Array.isArray(x) && Number.isSafeInteger((x as { update_id?: unknown }).update_id);

export function webhookRoute(app: App, opts: { path: string; secret: string }): Hono {
  const handle = webhookCallback(app.bot, "hono", { secretToken: opts.secret, onTimeout: "return", timeoutMilliseconds: 55_000 });
  const log = app.deps.logger;
  return new Hono().post(
    opts.path,
    async (c, next) => (sameSecret(c.req.header(SECRET_HEADER), opts.secret) ? next() : c.body(null, 401)),
    bodyLimit({
      maxSize: WEBHOOK_BODY_LIMIT,
      onError: (c) => {
        log.warn({ length: c.req.header("content-length") }, "webhook: body over the limit refused");
        return c.body(null, 413);
      },
    }),
    async (c, next) => {
      let update: unknown;
      try {
        update = await c.req.json();
      } catch {
        update = undefined;
      }
      if (!isUpdate(update)) {
        log.warn("webhook: a body that is not an update refused");
        return c.body(null, 400);
      }
      return next();
    },
    // grammY reads the same parsed body (Hono caches it) and checks the secret again
    (c) => handle(c),
  );
}

// GET /healthz: 200 with the database and outbox state, 503 when the database does not answer (a load
// balancer then sends Telegram's POSTs to another replica).
import { Hono } from "hono";
import type { App } from "../app.js";

export function healthRoute(app: App): Hono {
  return new Hono().get("/healthz", async (c) => {
    const h = await app.health();
    return c.json(h, h.status === "ok" ? 200 : 503);
  });
}

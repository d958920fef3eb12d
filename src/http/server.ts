// One HTTP server for everything the process serves: GET /healthz, Telegram's POSTs in webhook mode and
// the site (src/web). Built on Hono; `listen` binds before anything is sent, so a taken port ends the
// process before the sender or the scheduler start.
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { App } from "../app.js";
import type { Logger } from "../logger.js";
import { createSite } from "../web/index.js";
import { healthRoute } from "./health.js";
import { webhookRoute } from "./webhook.js";

export interface HttpOptions {
  /** webhook mode: the path Telegram posts to and its secret */
  webhook?: { path: string; secret: string };
}

/** The whole HTTP surface of one app, as a Hono app (tests call `request` on it or serve it). */
export function createHttpApp(app: App, opts: HttpOptions = {}): Hono {
  const http = new Hono();
  http.route("/", healthRoute(app));
  if (opts.webhook) http.route("/", webhookRoute(app, opts.webhook));
  http.route("/", createSite(app));
  http.onError((err, c) => {
    // what a middleware refused on purpose (a cross-site form: 403) keeps its answer
    if (err instanceof HTTPException) return err.getResponse();
    app.deps.logger.error({ err, path: c.req.path }, "HTTP request failed");
    return c.text("Internal Server Error", 500);
  });
  return http;
}

export interface Listening {
  port: number;
  close(): Promise<void>;
}

/** Binds the server; rejects (EADDRINUSE, EACCES) without having served anything. */
export async function listen(http: Hono, where: { port: number; host: string }, logger?: Logger): Promise<Listening> {
  const server = createAdaptorServer({ fetch: http.fetch });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(where.port, where.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (err) => logger?.error({ err }, "HTTP server error"));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // keep-alive browsers hold sockets open: do not wait for them on shutdown
        (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      }),
  };
}

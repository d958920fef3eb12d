// The HTTP layer under every Bot API call, the bot's own and those made inside conversations (which
// build their own Api from the same client options and so skip transformers installed on bot.api).
// Retrying here, with @grammyjs/auto-retry's own logic, means a conversation records only the final
// answer: a 429 is waited out once, not again on every replay.
import { autoRetry, type AutoRetryOptions } from "@grammyjs/auto-retry";
import { HttpError } from "grammy";
import type { ApiResponse } from "grammy/types";
import { scrubError } from "./redact.js";

/** What grammY's `client.fetch` option takes: a fetch, of which grammY reads the status and the JSON. */
// biome-ignore lint/suspicious/noExplicitAny: grammY passes its own RequestInit shape, which differs between fetch implementations
export type FetchFn = (url: string, init?: any) => Promise<FetchResponse>;
export interface FetchResponse {
  status: number;
  json(): Promise<unknown>;
  arrayBuffer?(): Promise<ArrayBuffer>;
}
type Body = string | Uint8Array | undefined;

/** Reads a request body once so that it can be sent again (multipart uploads are streams). */
async function replayableBody(body: unknown): Promise<Body> {
  if (body == null) return undefined;
  if (typeof body === "string" || body instanceof Uint8Array) return body;
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function") {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  throw new TypeError("unsupported request body");
}

/**
 * Node's own fetch, given what grammY hands a fetch on Node: a signal from an AbortController polyfill
 * (Node's fetch takes it but rejects with no reason when it fires, so a native signal follows it) and
 * node-fetch options (`agent`, `compress`) that Node's fetch ignores.
 */
export const globalFetch: FetchFn = (url, init) => {
  const signal: Pick<AbortSignal, "aborted" | "addEventListener"> | undefined = init?.signal;
  if (!signal || signal instanceof AbortSignal) return fetch(url, init);
  const native = new AbortController();
  if (signal.aborted) native.abort();
  else signal.addEventListener("abort", () => native.abort(), { once: true });
  return fetch(url, { ...init, signal: native.signal });
};

export interface ApiFetchOptions {
  /** the transport: Node's fetch in production, a fake Bot API in tests */
  fetch?: FetchFn;
  /** auto-retry options; `false` turns retrying off (the delivery sender handles 429 itself) */
  retry?: AutoRetryOptions | false;
}

/** Why a request failed: Node's fetch says only "fetch failed" and keeps the reason in its cause. */
function reason(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  return e.cause instanceof Error && e.message === "fetch failed" ? `${e.message}: ${e.cause.message}` : e.message;
}

/** The Bot API could not be reached after the allowed number of tries. */
export class NetworkError extends Error {
  constructor(method: string, tries: number, cause: unknown) {
    super(`Network request for '${method}' failed ${tries} times: ${reason(cause)}`, { cause });
    this.name = "NetworkError";
  }
}

/** The transport's answer, or its failure without the token its request URL carries. */
async function call(transport: FetchFn, url: string, init: unknown): Promise<FetchResponse> {
  try {
    return await transport(url, init);
  } catch (e) {
    throw scrubError(e);
  }
}

/**
 * Interactive defaults: a user is waiting, so give up after a few tries and a short wait (an unreachable
 * Bot API fails a call after 1 + 3 tries, 3 + 6 + 12 s apart).
 */
export const INTERACTIVE_RETRY: AutoRetryOptions = {
  maxRetryAttempts: 3,
  maxDelaySeconds: 30,
  rethrowInternalServerErrors: false,
  rethrowHttpErrors: false,
};

/**
 * An edit that changes nothing (a double tap on a page button, a refresh with the same counts) is
 * refused by Telegram with 400 "message is not modified". The message already shows what the bot meant
 * to show, so that is success, for every edit the bot makes: without this, the error would escape a
 * conversation and end it.
 */
function unmodifiedIsSuccess(method: string, response: ApiResponse<unknown>): ApiResponse<unknown> {
  if (response.ok || !method.startsWith("editMessage") || response.error_code !== 400) return response;
  return /message is not modified/i.test(response.description) ? { ok: true, result: true } : response;
}

export function createApiFetch({ fetch: transport = globalFetch, retry = INTERACTIVE_RETRY }: ApiFetchOptions = {}): FetchFn {
  return async (url, init) => {
    const req = { ...init, body: await replayableBody(init?.body) };
    const method = String(url).split("/").pop() ?? "";
    if (retry === false) {
      const res = await call(transport, url, req);
      if (res.status !== 400) return res;
      const body = unmodifiedIsSuccess(method, (await res.json()) as ApiResponse<unknown>);
      return { status: body.ok ? 200 : 400, json: async () => body };
    }
    let status = 200;
    let networkFailures = 0;
    const once = async (): Promise<ApiResponse<unknown>> => {
      let res: FetchResponse;
      try {
        res = await call(transport, url, req);
      } catch (e) {
        if (req.signal?.aborted) throw e;
        // auto-retry backs off from network errors (3 s, 6 s, 12 s …) without ever giving up; an
        // HttpError asks it for one more try, anything else ends the call
        networkFailures++;
        const giveUp = networkFailures > (retry.maxRetryAttempts ?? Infinity);
        throw giveUp ? new NetworkError(method, networkFailures, e) : new HttpError(`Network request for '${method}' failed`, e);
      }
      status = res.status;
      const body = unmodifiedIsSuccess(method, (await res.json()) as ApiResponse<unknown>);
      if (body.ok) status = 200;
      return body;
    };
    const result = await autoRetry(retry)(once as never, method as never, {} as never, req.signal);
    // grammY reads only `.json()` of what fetch returns
    return { status, json: async () => result };
  };
}

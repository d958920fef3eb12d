import http from "node:http";
import type { AddressInfo } from "node:net";
import { Api, HttpError, InputFile } from "grammy";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApiFetch, globalFetch, INTERACTIVE_RETRY, NetworkError, type FetchFn } from "../../src/bot/api/fetch.js";
import { downloadFile } from "../../src/bot/api/files.js";

const ok = { status: 200, json: async () => ({ ok: true, result: { id: 1 } }) };

/** A transport that refuses the connection `failures` times, then answers. */
function flakyTransport(failures: number) {
  const calls: string[] = [];
  const fetch: FetchFn = async (url) => {
    calls.push(url);
    if (calls.length <= failures) throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
    return ok;
  };
  return { fetch, calls };
}

describe("the Bot API transport", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives up on an unreachable Bot API after the allowed tries, with an error that says so", async () => {
    const t = flakyTransport(Infinity);
    const apiFetch = createApiFetch({ fetch: t.fetch, retry: { ...INTERACTIVE_RETRY, maxRetryAttempts: 0 } });
    const err = await apiFetch("http://127.0.0.1:9/bot1:x/getMe").then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as Error).message).toBe("Network request for 'getMe' failed 1 times: connect ECONNREFUSED 127.0.0.1:9");
    expect(t.calls).toHaveLength(1);
  });

  it("waits out a short network outage and returns the answer", async () => {
    vi.useFakeTimers();
    const t = flakyTransport(2);
    const apiFetch = createApiFetch({ fetch: t.fetch, retry: { ...INTERACTIVE_RETRY, maxRetryAttempts: 2 } });
    const answer = apiFetch("http://127.0.0.1:9/bot1:x/getMe");
    await vi.advanceTimersByTimeAsync(3_000 + 6_000);
    const res = await answer;
    expect(await res.json()).toEqual({ ok: true, result: { id: 1 } });
    expect(t.calls).toHaveLength(3);
  });

  it("stops after its last retry when the outage lasts", async () => {
    vi.useFakeTimers();
    const t = flakyTransport(Infinity);
    const apiFetch = createApiFetch({ fetch: t.fetch, retry: { ...INTERACTIVE_RETRY, maxRetryAttempts: 2 } });
    const answer = apiFetch("http://127.0.0.1:9/bot1:x/sendMessage").catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(3_000 + 6_000 + 12_000);
    const err = await answer;
    expect(err).toBeInstanceOf(NetworkError);
    expect(t.calls).toHaveLength(3);
  });

  it("an edit that changes nothing is a success, with retries or without; any other 400 stays an error", async () => {
    const refusal =
      (description: string): FetchFn =>
      async () => ({ status: 400, json: async () => ({ ok: false, error_code: 400, description }) });
    const unchanged = refusal("Bad Request: message is not modified: specified new message content and reply markup are exactly the same");
    for (const retry of [INTERACTIVE_RETRY, false] as const) {
      for (const method of ["editMessageText", "editMessageReplyMarkup", "editMessageCaption"]) {
        const res = await createApiFetch({ fetch: unchanged, retry })(`http://127.0.0.1:9/bot1:x/${method}`);
        expect(await res.json()).toEqual({ ok: true, result: true });
      }
      const send = await createApiFetch({ fetch: unchanged, retry })("http://127.0.0.1:9/bot1:x/sendMessage");
      expect(await send.json()).toMatchObject({ ok: false, error_code: 400 });
      const tooLong = await createApiFetch({ fetch: refusal("Bad Request: message is too long"), retry })("http://127.0.0.1:9/bot1:x/editMessageText");
      expect(await tooLong.json()).toMatchObject({ ok: false, description: "Bad Request: message is too long" });
    }
  });
});

/** A Bot API over HTTP: answers each method after `delayMs`, keeps what it received. */
async function httpBotApi(delayMs = 0) {
  const received: { url: string; contentType: string; body: Buffer }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ url: req.url ?? "", contentType: String(req.headers["content-type"] ?? ""), body: Buffer.concat(chunks) });
      if (req.url?.startsWith("/file/")) return void res.writeHead(200).end("file bytes");
      const method = req.url?.split("/").pop();
      const result =
        method === "sendDocument"
          ? { message_id: 1, date: 0, chat: { id: 1, type: "private" } }
          : method === "getFile"
            ? { file_id: "f", file_unique_id: "u", file_path: "documents/f.csv" }
            : true;
      const answer = { ok: true, result };
      setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer)), delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { received, url, close: () => new Promise((r) => server.close(r)) };
}

describe("Node's own fetch as the Bot API transport (no node-fetch)", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("is the default: calls, uploads and file downloads go through globalThis.fetch", async () => {
    const server = await httpBotApi();
    const spy = vi.spyOn(globalThis, "fetch");
    try {
      const api = new Api("1:x", { apiRoot: server.url, fetch: createApiFetch() as never });
      await api.deleteWebhook();
      await api.sendDocument(1, new InputFile(Buffer.from("a,b\n1,2\n"), "table.csv"));
      const bytes = await downloadFile(api, globalFetch, "f");
      expect(bytes.toString()).toBe("file bytes");
      expect(spy).toHaveBeenCalledTimes(4);
      expect(server.received.map((r) => r.url)).toEqual(["/bot1:x/deleteWebhook", "/bot1:x/sendDocument", "/bot1:x/getFile", "/file/bot1:x/documents/f.csv"]);
      // the multipart upload arrived whole
      expect(server.received[1]!.contentType).toMatch(/^multipart\/form-data; boundary=/);
      expect(server.received[1]!.body.toString()).toContain("a,b\n1,2\n");
    } finally {
      await server.close();
    }
  });

  it("a call that outlives grammY's timeout is abandoned, not left hanging", async () => {
    const server = await httpBotApi(3_000);
    try {
      const api = new Api("1:x", { apiRoot: server.url, timeoutSeconds: 0.3, fetch: createApiFetch({ retry: false }) as never });
      const started = Date.now();
      const err = await api.getMe().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HttpError);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await server.close();
    }
  });
});

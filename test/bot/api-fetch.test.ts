import { afterEach, describe, expect, it, vi } from "vitest";
import { createApiFetch, INTERACTIVE_RETRY, NetworkError, type FetchFn } from "../../src/bot/api/fetch.js";

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

// The bot's token is part of every Bot API URL (…/bot<token>/<method>, …/file/bot<token>/<path>), and a
// transport that fails may name the URL in its error (node-fetch did: "request to https://…/bot<token>/
// getMe failed"; undici does for a URL it cannot parse). Errors are scrubbed here, where the requests
// are made, before anything logs or stores them. The logger redacts the configured secrets as well, as
// a second net (src/logger.ts).

/** `bot<id>:<secret>` in a URL, also with the colon percent-encoded */
const TOKEN_IN_URL = /bot\d+(?::|%3A)[A-Za-z0-9_-]+/gi;
const MAX_DEPTH = 5;

/** The text with every bot token of a Bot API URL replaced. */
export function hideToken(text: string): string {
  return text.replace(TOKEN_IN_URL, "bot[redacted]");
}

function rewrite(target: object, key: string, value: string): void {
  const clean = hideToken(value);
  if (clean === value) return;
  try {
    // defined, not assigned: some errors (DOMException) have `message` as a getter only
    Object.defineProperty(target, key, { value: clean, writable: true, configurable: true, enumerable: Object.keys(target).includes(key) });
  } catch {
    // a frozen error: nothing to do but leave it to the logger's net
  }
}

function scrub(value: unknown, depth: number, seen: Set<object>): void {
  if (typeof value !== "object" || value === null || depth > MAX_DEPTH || seen.has(value)) return;
  seen.add(value);
  const record = value as Record<string, unknown>;
  for (const key of new Set(["message", "stack", ...Object.keys(value)])) {
    const v = record[key];
    if (typeof v === "string") rewrite(value, key, v);
    else scrub(v, depth + 1, seen);
  }
  scrub(record.cause, depth + 1, seen);
}

/**
 * The same error (its class kept, for `instanceof` and `name` checks) with the bot token removed from its
 * message, stack, string properties and causes. A thrown string comes back scrubbed too.
 */
export function scrubError<T>(error: T): T {
  if (typeof error === "string") return hideToken(error) as T;
  scrub(error, 0, new Set());
  return error;
}

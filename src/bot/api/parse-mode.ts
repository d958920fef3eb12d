// Messages are HTML (Fluent texts with <b>, <i>, <code>; every variable escaped by `ctx.t`): parse_mode
// "HTML" is set here once, on the bot's API and inside conversations (which build an Api of their own),
// instead of on every call. A call that brings its own `parse_mode`, or its own `entities` /
// `caption_entities` (a broadcast copied exactly as written), is left as it is.
import type { Transformer } from "grammy";

const FORMATTED = new Set([
  "sendMessage",
  "editMessageText",
  "sendPhoto",
  "sendDocument",
  "sendVideo",
  "sendAudio",
  "sendAnimation",
  "sendVoice",
  "editMessageCaption",
]);

export const htmlByDefault: Transformer = (prev, method, payload, signal) => {
  const p = payload as Record<string, unknown> | undefined;
  if (p && FORMATTED.has(method) && ("text" in p || "caption" in p) && !("parse_mode" in p || "entities" in p || "caption_entities" in p)) {
    return prev(method, { ...p, parse_mode: "HTML" } as typeof payload, signal);
  }
  return prev(method, payload, signal);
};

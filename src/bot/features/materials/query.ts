// Search queries: what a search accepts, and how its page buttons find it again. A page button carries
// the (normalised) query when it fits in Telegram's 64 bytes of callback data; a longer one (Cyrillic
// letters take two bytes, so "рабочая программа по математике" is already too long) stays in the chat's
// session under a short hash, and the button carries "#hash".
import { searchKey } from "../../../domain/materials/index.js";
import { DomainError } from "../../../domain/errors.js";
import type { SessionData } from "../../context.js";
import { fitsCallback, searchPageData } from "./callbacks.js";

/** a query longer than this (normalised, at most five words) is not a query but a pasted text */
export const QUERY_MAX = 100;
/** how many long queries a chat keeps for its page buttons */
const KEPT = 5;

/** The words to search for; refused when empty or absurdly long. */
export function validateQuery(text: string): string {
  const q = searchKey(text);
  if (!q) throw new DomainError("material-query-empty");
  if (q.length > QUERY_MAX) throw new DomainError("material-query-long", { max: QUERY_MAX });
  return q;
}

/** FNV-1a, base 36: a short stable name for a query (normalised queries never start with "#"). */
function hashOf(q: string): string {
  let h = 0x811c9dc5;
  for (const ch of q) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `#${h.toString(36)}`;
}

/** What the page buttons of a query carry: the query itself, or its hash when it does not fit. */
export const queryToken = (q: string): string => (fitsCallback(searchPageData.pack({ p: 999, q })) ? q : hashOf(q));

/** Keeps a long query in the session (the latest few) so that its page buttons find it. */
export function rememberQuery(session: SessionData, q: string): void {
  const token = queryToken(q);
  if (token === q) return;
  const kept = { ...session.materialSearches };
  delete kept[token];
  kept[token] = q;
  session.materialSearches = Object.fromEntries(Object.entries(kept).slice(-KEPT));
}

/** The query behind a page button, or null when a long one has been forgotten since. */
export const recallQuery = (session: SessionData, token: string): string | null =>
  token.startsWith("#") ? (session.materialSearches?.[token] ?? null) : token;

// Signing in to the site: a one-time link (short-lived, single use, bound to the person who asked for it
// in the chat) or the Mini App's signed init data (checked by the web layer) starts a session. Tokens are
// 32 random bytes given to the browser once; only their SHA-256 is stored, so a copy of the database opens
// nothing. No Telegram here: the web layer checks the init data and calls `startSession`.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client.js";
import type { Clock } from "./clock.js";
import type { User } from "./users.js";

/** a sign-in link works this long, once */
export const SIGN_IN_LINK_MINUTES = 10;
/** a session ends this long after it began (or at sign-out) */
export const SESSION_HOURS = 7 * 24;

export type SessionVia = "link" | "telegram";

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

const hash = (token: string): string => createHash("sha256").update(token).digest("hex");
const newToken = (): string => randomBytes(32).toString("base64url");
/** a token as we issue it: 43 characters of base64url; anything else is not looked up */
const wellFormed = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);

export function createSignInService(db: Db, clock: Clock) {
  const later = (ms: number) => new Date(clock.now().getTime() + ms);

  async function startSession(userId: number, via: SessionVia): Promise<IssuedToken> {
    const token = newToken();
    const now = clock.now();
    const expiresAt = later(SESSION_HOURS * 3_600_000);
    await db.webSession.create({ data: { tokenHash: hash(token), userId, via, expiresAt, createdAt: now, lastSeenAt: now } });
    // what has ended is of no use to anyone
    await db.webSession.deleteMany({ where: { userId, expiresAt: { lte: now } } });
    return { token, expiresAt };
  }

  return {
    /** A link for a registered person: valid SIGN_IN_LINK_MINUTES, once. */
    async issueLink(userId: number): Promise<IssuedToken> {
      const token = newToken();
      const now = clock.now();
      const expiresAt = later(SIGN_IN_LINK_MINUTES * 60_000);
      await db.webSignIn.deleteMany({ where: { userId, OR: [{ expiresAt: { lte: now } }, { usedAt: { not: null } }] } });
      await db.webSignIn.create({ data: { tokenHash: hash(token), userId, expiresAt, createdAt: now } });
      return { token, expiresAt };
    },

    /**
     * Uses a link: one conditional UPDATE marks it used, so two requests with the same token cannot both
     * start a session. Null when it is unknown, used, expired, or its person is no longer registered.
     */
    async useLink(token: string): Promise<(IssuedToken & { userId: number }) | null> {
      if (!wellFormed(token)) return null;
      const now = clock.now();
      const tokenHash = hash(token);
      const row = await db.webSignIn.findUnique({ where: { tokenHash }, select: { userId: true, user: { select: { registeredAt: true } } } });
      if (!row?.user.registeredAt) return null;
      const { count } = await db.webSignIn.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (count !== 1) return null;
      return { ...(await startSession(row.userId, "link")), userId: row.userId };
    },

    startSession,

    /** The registered person a session token belongs to, while it lasts. */
    async userOf(token: string): Promise<User | null> {
      if (!wellFormed(token)) return null;
      const session = await db.webSession.findUnique({ where: { tokenHash: hash(token) }, include: { user: true } });
      if (!session || session.expiresAt.getTime() <= clock.now().getTime() || !session.user.registeredAt) return null;
      return session.user;
    },

    /** Sign-out: the session is gone (nothing happens for an unknown token). */
    async endSession(token: string): Promise<void> {
      if (wellFormed(token)) await db.webSession.deleteMany({ where: { tokenHash: hash(token) } });
    },
  };
}

export type SignInService = ReturnType<typeof createSignInService>;

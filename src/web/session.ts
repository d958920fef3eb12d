// The session cookie: an opaque random token (its hash is in web_sessions), HttpOnly, SameSite=Lax (a
// link from the chat or a download still carries it; another site's form does not), Secure with the
// __Host- prefix when the site is served over https, expiring with the session (Max-Age).
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Config } from "../config.js";

export const cookieName = (config: Config): string => (config.http.https ? "__Host-metodset" : "metodset");

export function readSession(c: Context, config: Config): string | null {
  return getCookie(c, cookieName(config)) ?? null;
}

/** `now` is the app's clock: the cookie lasts as long as the session (Max-Age, so the browser's clock does not matter). */
export function writeSession(c: Context, config: Config, token: string, expiresAt: Date, now: Date): void {
  setCookie(c, cookieName(config), token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: config.http.https,
    path: "/",
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function clearSession(c: Context, config: Config): void {
  deleteCookie(c, cookieName(config), { path: "/", secure: config.http.https });
}

// The site's language: ?lang= (remembered in a cookie), else the signed-in person's language, else the
// browser's Accept-Language, else DEFAULT_LOCALE. Texts are the chat's Fluent messages, unescaped.
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { LOCALES, type Locale } from "../config.js";
import type { User } from "../domain/users.js";
import { isLocale, type Messages } from "../i18n.js";
import type { WebT } from "./context.js";

const LANG_COOKIE = "lang";

export function negotiateLocale(c: Context, user: User | null, fallback: Locale): Locale {
  const asked = c.req.query("lang");
  if (isLocale(asked)) {
    setCookie(c, LANG_COOKIE, asked, { path: "/", sameSite: "Lax", maxAge: 365 * 24 * 3600 });
    return asked;
  }
  const remembered = getCookie(c, LANG_COOKIE);
  if (isLocale(remembered)) return remembered;
  if (user && isLocale(user.language)) return user.language;
  const header = c.req.header("accept-language") ?? "";
  for (const part of header.split(",")) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if ((LOCALES as readonly string[]).includes(tag)) return tag as Locale;
  }
  return fallback;
}

export function webTranslator(messages: Messages, locale: Locale): WebT {
  return (key, vars) => messages.i18n.t(locale, key, vars);
}

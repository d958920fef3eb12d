// The Mini App's signed init data, checked with @telegram-apps/init-data-node: an HMAC-SHA-256 keyed
// with the bot token over every field (Telegram's algorithm), and an age limit, so a copied init data
// string stops working soon. Returns the Telegram user id it was signed for, or why it was refused.
import { parse, validate } from "@telegram-apps/init-data-node";

/** init data older than this (from its auth_date) is refused: it is exchanged for a session at once */
export const INIT_DATA_MAX_AGE_SECONDS = 3600;

export type InitDataCheck = { ok: true; telegramId: number } | { ok: false; reason: "invalid" | "expired" };

export function checkInitData(initData: unknown, botToken: string): InitDataCheck {
  if (typeof initData !== "string" || initData.length === 0 || initData.length > 8192) return { ok: false, reason: "invalid" };
  try {
    validate(initData, botToken, { expiresIn: INIT_DATA_MAX_AGE_SECONDS });
    const id = parse(initData).user?.id;
    return typeof id === "number" ? { ok: true, telegramId: id } : { ok: false, reason: "invalid" };
  } catch (e) {
    return { ok: false, reason: (e as Error).name === "ExpiredError" ? "expired" : "invalid" };
  }
}

// The bot's card in Telegram before anyone presses Start: its description (the empty chat's "What can
// this bot do?") and its short description (the profile and shared links), per language. Best effort
// at start, as the command menus are.
import type { Api } from "grammy";
import { LOCALES } from "../config.js";
import type { Messages } from "../i18n.js";
import type { Logger } from "../logger.js";

/** Telegram's limits (setMyDescription, setMyShortDescription); a test keeps the texts within them. */
export const DESCRIPTION_LIMIT = 512;
export const SHORT_DESCRIPTION_LIMIT = 120;

/** The description and short description in DEFAULT_LOCALE (for any language) and in each language. */
export async function setDescriptions(api: Api, messages: Messages, defaultLocale: string): Promise<void> {
  const plain = (locale: string, key: string) => messages.i18n.t(locale, key);
  await api.setMyDescription(plain(defaultLocale, "bot-description"));
  await api.setMyShortDescription(plain(defaultLocale, "bot-short-description"));
  for (const language_code of LOCALES) {
    await api.setMyDescription(plain(language_code, "bot-description"), { language_code });
    await api.setMyShortDescription(plain(language_code, "bot-short-description"), { language_code });
  }
}

/** Best effort: a card that could not be set must not keep the bot from answering. */
export async function syncDescriptions(api: Api, messages: Messages, defaultLocale: string, logger: Logger): Promise<void> {
  try {
    await setDescriptions(api, messages, defaultLocale);
  } catch (err) {
    logger.warn({ err }, "could not set the bot's description");
  }
}

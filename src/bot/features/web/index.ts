// /web: the way into the site. A Mini App button (when the site has an https address: Telegram opens
// nothing else inside itself) and a one-time sign-in link for a desktop browser, bound to the person
// who asked (single use, SIGN_IN_LINK_MINUTES). The menu button opens the site as a Mini App too.
import { type Api, Composer, InlineKeyboard } from "grammy";
import type { Config } from "../../../config.js";
import { SIGN_IN_LINK_MINUTES } from "../../../domain/signin.js";
import { escapeHtml, type Messages } from "../../../i18n.js";
import type { Logger } from "../../../logger.js";
import type { BotContext, BotDeps } from "../../context.js";

import { only, registered } from "../../middlewares/guards.js";

/** Where the Mini App opens: the sign-in page, which signs her in with the init data and goes on. */
export const miniAppUrl = (config: Config): string => `${config.http.publicUrl}/signin?next=/`;

export function webFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  const members = only(composer, registered);
  members.command("web", async (ctx) => {
    const { publicUrl, https } = deps.config.http;
    const link = await deps.services.signIn.issueLink(ctx.user.id);
    const url = `${publicUrl}/signin/link?token=${link.token}`;
    const text = [
      ctx.t("web-command-text"),
      https ? ctx.t("web-command-miniapp") : ctx.t("web-command-no-miniapp", { url: publicUrl }),
      "",
      ctx.t("web-command-link", { minutes: SIGN_IN_LINK_MINUTES }),
      escapeHtml(url),
    ].join("\n");
    await ctx.reply(text, {
      // a preview would fetch the link (harmless: the page asks for a press), and it is noise here
      link_preview_options: { is_disabled: true },
      reply_markup: https ? new InlineKeyboard().webApp(ctx.t("web-command-open"), miniAppUrl(deps.config)) : undefined,
    });
  });
  return composer;
}

/**
 * The chat's menu button: the site as a Mini App where it has an https address, else Telegram's default
 * (the list of commands). Best effort at start.
 */
export async function syncMenuButton(api: Api, config: Config, messages: Messages, logger: Logger): Promise<void> {
  try {
    await api.setChatMenuButton({
      menu_button: config.http.https
        ? { type: "web_app", text: messages.i18n.t(config.DEFAULT_LOCALE, "web-menu-button"), web_app: { url: miniAppUrl(config) } }
        : { type: "default" },
    });
  } catch (err) {
    logger.warn({ err }, "could not set the menu button");
  }
}

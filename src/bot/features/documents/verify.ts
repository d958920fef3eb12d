// Checking a certificate: /verify <number>, the QR code's t.me link (/start verify-<number>), or a number
// sent on its own. Anyone may ask, registered or not (a commission member scanning the code), and
// nothing is stored about who asked.
import { Composer } from "grammy";
import { VERIFY_START_PREFIX } from "./verification-url.js";
import { type Labels, verificationMessage } from "../../../domain/documents/wording.js";
import type { Locale } from "../../../config.js";
import type { BotContext, BotDeps } from "../../context.js";

/**
 * What a certificate number looks like when sent alone: 12 letters and digits with a digit among them
 * (a 12-letter word is not taken for one), dashes or spaces between the fours.
 */
const LOOKS_LIKE_NUMBER = /^(?=.*\d)\s*[0-9A-ZА-ЯЁ]{4}[\s-]?[0-9A-ZА-ЯЁ]{4}[\s-]?[0-9A-ZА-ЯЁ]{4}\s*$/iu;

export function verifyFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();

  async function answer(ctx: BotContext, input: string): Promise<void> {
    if (!input.trim()) {
      await ctx.reply(ctx.t("verify-ask"));
      return;
    }
    const result = await deps.services.documents.verify(input);
    const locale = (await ctx.i18n.getLocale()) as Locale;
    const plain: Labels = { locale, zone: deps.config.TIMEZONE, t: (key, vars) => deps.messages.i18n.t(locale, key, vars) };
    await ctx.reply(verificationMessage(result, input.trim(), ctx.t, plain), { link_preview_options: { is_disabled: true } });
  }

  composer.command("verify", (ctx) => answer(ctx, ctx.match));
  // the QR code without a site: https://t.me/<bot>?start=verify-7K3M-9QX2-HF4C
  composer.command("start", (ctx, next) => (ctx.match.startsWith(VERIFY_START_PREFIX) ? answer(ctx, ctx.match.slice(VERIFY_START_PREFIX.length)) : next()));
  composer.hears(LOOKS_LIKE_NUMBER, (ctx) => answer(ctx, ctx.message!.text!));
  return composer;
}

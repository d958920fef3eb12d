// Drawing a document and sending it into the chat: the certificate or portfolio PDF in the reader's
// language (or the one asked for), captioned, with a button for the same document in the other language.
import { InlineKeyboard, InputFile } from "grammy";
import type { Actor, Certificate, CertificateKind, Span } from "../../../domain/documents/index.js";
import { verificationUrl } from "./verification-url.js";
import { kindPhrase, type Labels } from "../../../domain/documents/wording.js";
import type { Locale } from "../../../config.js";
import { isLocale } from "../../../i18n.js";
import { renderCertificate } from "../../../pdf/certificate.js";
import { renderPortfolio, spanText } from "../../../pdf/portfolio.js";
import type { BotContext, BotDeps } from "../../context.js";

import { certificateData, portfolioData } from "./callbacks.js";

const other = (locale: Locale): Locale => (locale === "ru" ? "en" : "ru");

/** A file name people can read, without characters file systems refuse. */
const fileName = (text: string) => text.replace(/[\\/:*?"<>|«»“”]+/g, "").replace(/\s+/g, "_");

export function documentSender(deps: BotDeps) {
  const { documents } = deps.services;
  const { config } = deps;

  /** The language asked for ("" or anything else: the reader's) and its plain labels. */
  async function labels(ctx: BotContext, asked: string): Promise<Labels> {
    const locale: Locale = isLocale(asked) ? asked : ((await ctx.i18n.getLocale()) as Locale);
    return { locale, zone: config.TIMEZONE, t: (key, vars) => deps.messages.i18n.t(locale, key, vars) };
  }

  return {
    /** Sends her certificate (issued for `source`, which the other-language button asks for again). */
    async certificate(ctx: BotContext, certificate: Certificate, source: { kind: CertificateKind; id: number }, lang: string): Promise<void> {
      ctx.chatAction = "upload_document";
      const l = await labels(ctx, lang);
      const url = verificationUrl(certificate.number, { publicUrl: config.http.reachable, botUsername: ctx.me.username });
      const pdf = await renderCertificate(certificate, {
        ...l,
        verifyUrl: url,
        botUsername: ctx.me.username,
        publicUrl: config.http.reachable,
        logo: config.ISSUER_LOGO,
        signatory: config.ISSUER_SIGNATORY,
      });
      await ctx.replyWithDocument(new InputFile(pdf, fileName(l.t("documents-file-certificate", { number: certificate.number }))), {
        caption: ctx.t("documents-certificate-caption", { title: kindPhrase(certificate, l), number: certificate.number, url }),
        reply_markup: new InlineKeyboard().text(ctx.t(`documents-in-${other(l.locale)}`), certificateData.pack({ ...source, lang: other(l.locale) })),
      });
    },

    /** Sends a person's portfolio for a span (`year`: the academic year's, for the other-language button; 0 for a typed span). */
    async portfolio(ctx: BotContext, actor: Actor, personId: number, span: Span, year: number, lang: string): Promise<void> {
      const data = await documents.portfolio(actor, personId, span);
      ctx.chatAction = "upload_document";
      const l = await labels(ctx, lang);
      const pdf = await renderPortfolio(data, { ...l, botUsername: ctx.me.username, publicUrl: config.http.reachable, logo: config.ISSUER_LOGO });
      const period = spanText(l, span);
      await ctx.replyWithDocument(new InputFile(pdf, fileName(l.t("documents-file-portfolio", { name: data.person.name, span: period.replace(/\//g, "-") }))), {
        caption: ctx.t("documents-portfolio-caption", { name: data.person.name, span: spanText({ ...l, t: ctx.t }, span), count: data.certificates.length }),
        reply_markup: year
          ? new InlineKeyboard().text(ctx.t(`documents-in-${other(l.locale)}`), portfolioData.pack({ u: personId, y: year, lang: other(l.locale) }))
          : undefined,
      });
    },
  };
}

export type DocumentSender = ReturnType<typeof documentSender>;

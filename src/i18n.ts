// Messages come from locales/<locale>/*.ftl (one file per feature) (Fluent). Every variable handed to a message is HTML-escaped,
// because messages are sent with parse_mode HTML: a teacher's name or topic can never break or inject
// formatting. Button labels that show user text take it directly, never through a message.
import path from "node:path";
import { I18n, type TranslationVariables } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { LOCALES, type Locale } from "./config.js";
import { projectRoot } from "./paths.js";

export type Translate = (key: string, vars?: TranslationVariables) => string;
/** Translation outside an update (notifications rendered in the recipient's language). */
export type Translator = (locale: string, key: string, vars?: TranslationVariables) => string;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeVars(vars?: TranslationVariables): TranslationVariables | undefined {
  if (!vars) return vars;
  const out: TranslationVariables = {};
  for (const [k, v] of Object.entries(vars)) out[k] = typeof v === "string" ? escapeHtml(v) : v;
  return out;
}

export const isLocale = (x: unknown): x is Locale => typeof x === "string" && (LOCALES as readonly string[]).includes(x);

export interface Messages {
  i18n: I18n;
  /** escaped translation for any locale */
  t: Translator;
  /** the same message in every locale: what a reply-keyboard button may say */
  allLocales(key: string): string[];
  /** wraps a context's translate function so that it escapes variables */
  escaping(t: Translate): Translate;
}

/** Who speaks which language: a flow's own choice, the stored user, the session, Telegram's hint. */
function negotiate(defaultLocale: Locale) {
  return async (ctx: Context): Promise<string> => {
    const c = ctx as Context & { presetLocale?: string; user?: { language: string } | null; session?: PromiseLike<{ language?: string }> };
    if (isLocale(c.presetLocale)) return c.presetLocale;
    if (c.user && isLocale(c.user.language)) return c.user.language;
    let session: { language?: string } | undefined;
    try {
      session = await c.session; // a lazy session: read only here, for people not registered yet; throws without a chat
    } catch {
      session = undefined;
    }
    if (isLocale(session?.language)) return session.language;
    const hint = ctx.from?.language_code?.slice(0, 2);
    return isLocale(hint) ? hint : defaultLocale;
  };
}

/**
 * Fluent (in @grammyjs/i18n) negotiates which bundles serve a locale on every message it formats: a list
 * of all bundles' locales, `negotiateLanguages` and a new Set each time, for an answer that depends only
 * on the locale asked and the bundles loaded. It is kept per locale list here (until a bundle is added).
 */
function negotiateOncePerLanguage(i18n: I18n): void {
  const fluent = i18n.fluent as unknown as { matchBundles(locales: string[]): unknown; addBundle(...args: unknown[]): unknown };
  if (typeof fluent.matchBundles !== "function" || typeof fluent.addBundle !== "function") return;
  const match = fluent.matchBundles.bind(fluent);
  const addBundle = fluent.addBundle.bind(fluent);
  const matched = new Map<string, unknown>();
  fluent.matchBundles = (locales) => {
    const key = locales.length === 1 ? locales[0]! : locales.join("\n");
    let bundles = matched.get(key);
    if (bundles === undefined) {
      bundles = match(locales);
      if (matched.size < 100) matched.set(key, bundles);
    }
    return bundles;
  };
  fluent.addBundle = (...args) => {
    matched.clear();
    return addBundle(...args);
  };
}

/**
 * Fluent bundles, by locale and file text. Parsing every .ftl file is most of building the messages
 * (~15–25 ms per app); a bundle is not changed after it is built (formatting only reads it), and every
 * app builds its bundles with the same options, so the apps of one process (the tests build hundreds)
 * may share them.
 */
export type FluentBundles = Map<string, unknown>;

/** Each locale's bundle built once per `bundles` (by its locales and source text) instead of once per app. */
function buildOncePer(i18n: I18n, bundles: FluentBundles): void {
  const fluent = i18n.fluent as unknown as { createBundle(locales: string | string[], source: string, options: unknown): unknown };
  if (typeof fluent.createBundle !== "function") return;
  const build = fluent.createBundle.bind(fluent);
  fluent.createBundle = (locales, source, options) => {
    const key = `${String(locales)}\n${source}`;
    let bundle = bundles.get(key);
    if (bundle === undefined) {
      bundle = build(locales, source, options);
      bundles.set(key, bundle);
    }
    return bundle;
  };
}

export interface MessagesOptions {
  defaultLocale: Locale;
  /** built bundles shared by the apps of one process (tests); a new map per app when left out */
  bundles?: FluentBundles;
  /** called for a message id missing in a locale (tests make it throw) */
  onMissing?: (info: { locale: string; key: string }) => void;
}

export function createMessages({ defaultLocale, onMissing, bundles = new Map() }: MessagesOptions): Messages {
  const i18n = new I18n({
    defaultLocale,
    localeNegotiator: negotiate(defaultLocale),
    fluentBundleOptions: { useIsolating: false },
    fluentOptions: {
      warningHandler: (w) => onMissing?.({ locale: String(w.locales), key: w.path }),
    },
  });
  buildOncePer(i18n, bundles);
  i18n.loadLocalesDirSync(path.join(projectRoot, "locales"));
  negotiateOncePerLanguage(i18n);
  const t: Translator = (locale, key, vars) => i18n.t(isLocale(locale) ? locale : defaultLocale, key, escapeVars(vars));
  return {
    i18n,
    t,
    allLocales: (key) => LOCALES.map((l) => i18n.t(l, key)),
    escaping: (translate) => (key, vars) => translate(key, escapeVars(vars)),
  };
}

// The public check page of a certificate (GET /verify/<number>, or /verify?number=... from its form):
// what the bot's /verify says, as a small self-contained page (no script, no font or style from
// elsewhere: school networks are filtered). A plain Fetch-API handler, `(Request) => Response`, so that
// any server mounts it: Hono as `app.get("/verify/*", (c) => verifyPage(c.req.raw))`, or node:http
// through a Request built from the incoming message.
import type { Locale } from "../../config.js";
import type { DocumentService, Verification } from "../../domain/documents/index.js";
import { type Labels, verificationMessage, verificationTone } from "../../domain/documents/wording.js";
import { escapeHtml, isLocale, type Messages } from "../../i18n.js";

export interface VerifyPageDeps {
  documents: Pick<DocumentService, "verify">;
  messages: Messages;
  zone: string;
  defaultLocale: Locale;
  /** the issuer's name for the page's header, per language */
  issuer: { ru: string; en: string };
}

/** What the page shows: the number asked (null: the bare form) and the check's result. */
export interface VerifyPageModel {
  input: string | null;
  result: Verification | null;
  locale: Locale;
}

const TONE_COLOR = { genuine: "#1b7f3b", caveat: "#a66300", refused: "#b3261e" } as const;

/** The whole HTML document of the page. */
export function renderVerifyPage(model: VerifyPageModel, deps: Pick<VerifyPageDeps, "messages" | "zone" | "issuer">): string {
  const { locale } = model;
  const plain: Labels = { locale, zone: deps.zone, t: (key, vars) => deps.messages.i18n.t(locale, key, vars) };
  const html = (key: string, vars?: Record<string, string | number>) => deps.messages.t(locale, key, vars);
  const answer =
    model.input !== null && model.result
      ? `<section class="answer" style="border-color:${TONE_COLOR[verificationTone(model.result)]}">${verificationMessage(model.result, model.input, html, plain).replace(/\n/g, "<br>")}</section>`
      : "";
  const other: Locale = locale === "ru" ? "en" : "ru";
  const here = model.input ? `/verify/${encodeURIComponent(model.input)}` : "/verify";
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(plain.t("verify-page-title"))}</title>
<style>
body{margin:0;background:#f4f6f9;color:#1d1d1f;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"PT Sans",Arial,sans-serif}
main{max-width:640px;margin:0 auto;padding:24px 16px}
header{color:#1f3a5f;font-weight:700;margin-bottom:8px}
h1{font-size:24px;margin:0 0 16px;color:#1f3a5f}
form{display:flex;gap:8px;flex-wrap:wrap;margin:0 0 20px}
label{flex-basis:100%;color:#5f6368;font-size:14px}
input{flex:1 1 220px;font:inherit;padding:10px 12px;border:1px solid #b9c2cf;border-radius:8px;text-transform:uppercase;letter-spacing:1px}
button{font:inherit;padding:10px 18px;border:0;border-radius:8px;background:#1f3a5f;color:#fff;cursor:pointer}
.answer{background:#fff;border-left:6px solid;border-radius:8px;padding:16px 18px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
footer{margin-top:28px;color:#5f6368;font-size:13px}
footer a{color:#1f3a5f}
</style>
</head>
<body>
<main>
<header>${escapeHtml(locale === "en" ? deps.issuer.en : deps.issuer.ru)}</header>
<h1>${escapeHtml(plain.t("verify-page-title"))}</h1>
<form method="get" action="/verify">
<label for="number">${escapeHtml(plain.t("verify-page-label"))}</label>
<input id="number" name="number" value="${escapeHtml(model.input ?? "").replace(/"/g, "&quot;")}" placeholder="7K3M-9QX2-HF4C" autocomplete="off" required maxlength="40">
<input type="hidden" name="lang" value="${locale}">
<button type="submit">${escapeHtml(plain.t("verify-page-button"))}</button>
</form>
${answer}
<footer>${escapeHtml(plain.t("verify-page-note"))} · <a href="${here}?lang=${other}" hreflang="${other}">${escapeHtml(plain.t(`verify-page-in-${other}`))}</a></footer>
</main>
</body>
</html>
`;
}

/** The reader's language: ?lang=, else the browser's first of ru/en, else the deployment's default. */
function negotiate(url: URL, request: Request, fallback: Locale): Locale {
  const asked = url.searchParams.get("lang");
  if (isLocale(asked)) return asked;
  for (const part of (request.headers.get("accept-language") ?? "").split(",")) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return fallback;
}

/**
 * GET /verify (the form), /verify/<number>, /verify?number=<number>. 200 with the answer for a known
 * number (genuine or withdrawn), 404 for one the registry does not know or that is not a number;
 * never cached (a certificate may be withdrawn), never indexed (it names a person).
 */
export function createVerifyPage(deps: VerifyPageDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const locale = negotiate(url, request, deps.defaultLocale);
    const headers = {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "x-robots-tag": "noindex, nofollow",
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    };
    if (request.method !== "GET" && request.method !== "HEAD") return new Response("Method Not Allowed", { status: 405, headers: { allow: "GET, HEAD" } });
    const fromPath = decodeURIComponent(url.pathname.replace(/^.*\/verify\/?/, "")).trim();
    const input = (fromPath || url.searchParams.get("number") || "").trim().slice(0, 60);
    const result = input ? await deps.documents.verify(input) : null;
    const body = renderVerifyPage({ input: input || null, result, locale }, deps);
    const status = result && (result.status === "unknown" || result.status === "malformed") ? 404 : 200;
    return new Response(request.method === "HEAD" ? null : body, { status, headers });
  };
}

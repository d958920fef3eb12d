// The site: one Hono app mounted on the process's HTTP server. Order: compression and security headers,
// the assets (public, no session lookup), then for everything else the session, the language and the
// page frame, then each section's routes behind their declared access rule.
import { Hono } from "hono";
import { compress } from "hono/compress";
import { csrf } from "hono/csrf";
import { secureHeaders } from "hono/secure-headers";
import type { App } from "../app.js";
import { isDomainError } from "../domain/errors.js";
import { createAssets } from "./assets/index.js";
import type { SiteEnv } from "./context.js";
import { negotiateLocale, webTranslator } from "./i18n.js";
import { Message, SignInNeeded } from "./pages.js";
import { allowed, type WebRoute } from "./routes.js";
import { SECTIONS } from "./sections.js";
import { readSession } from "./session.js";

export function createSite(app: App): Hono<SiteEnv> {
  const assets = createAssets();
  const nav = SECTIONS.flatMap((s) => (s.nav ? [s.nav] : []));
  const site = new Hono<SiteEnv>();
  site.use(
    "*",
    compress(),
    secureHeaders({
      // a Mini App opened in Telegram's web client lives in its frame
      xFrameOptions: false,
      // a page that sets its own (the certificate check's stricter policy, src/web/verify) keeps it
      overwrite: false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'", "https://web.telegram.org"],
      },
    }),
  );
  site.route("/", assets.routes);
  site.use("*", async (c, next) => {
    const token = readSession(c, app.config);
    const user = token ? await app.services.signIn.userOf(token) : null;
    const locale = negotiateLocale(c, user, app.config.DEFAULT_LOCALE);
    const t = webTranslator(app.messages, locale);
    c.set("user", user);
    c.set("sessionToken", token);
    c.set("locale", locale);
    c.set("t", t);
    c.set("frame", { t, locale, user, nav, assets, path: c.req.path });
    await next();
  });

  // a form posted from another site is refused (the session cookie is SameSite=Lax too)
  const sameOrigin = csrf();
  const mount = (r: WebRoute) =>
    site.on([r.method], [r.path], ...(r.method === "POST" ? [sameOrigin] : []), async (c) => {
      const user = c.var.user;
      if (!allowed(r.access, user)) {
        if (!user) return c.html(<SignInNeeded frame={c.var.frame} next={c.req.method === "GET" ? c.req.path : "/"} />, 401);
        return c.html(<Message frame={c.var.frame} title={c.var.t("web-forbidden-title")} text={c.var.t(`web-forbidden-${r.access}`)} />, 403);
      }
      try {
        return await r.handler({ c, user: user as never, deps: app });
      } catch (e) {
        // a refusal the person should read: its text, as the chat shows it
        if (!isDomainError(e)) throw e;
        const t = c.var.t;
        return c.html(<Message frame={c.var.frame} title={t("web-refused-title")} text={t(`error-${e.code}`, e.args)} />, e.code === "forbidden" ? 403 : 400);
      }
    });
  for (const section of SECTIONS) for (const r of section.routes(app)) mount(r);
  site.notFound((c) => c.html(<Message frame={c.var.frame} title={c.var.t("web-not-found-title")} text={c.var.t("web-not-found")} />, 404));
  return site;
}

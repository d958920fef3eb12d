// The page every section renders into: header with the sections this person may open, her name, the
// language switch and sign-out; one stylesheet and one script, both ours.
import type { Child } from "hono/jsx";
import type { User } from "../domain/users.js";
import type { WebT } from "./context.js";
import { allowed, type NavItem } from "./routes.js";

export interface PageFrame {
  t: WebT;
  locale: string;
  user: User | null;
  nav: NavItem[];
  assets: { css: string; js: string };
  /** the path of this page (marks the current section) */
  path: string;
}

export function Layout(props: { frame: PageFrame; title: string; children?: Child; bodyPage?: string }) {
  const { t, locale, user, nav, assets, path } = props.frame;
  const other = locale === "ru" ? "en" : "ru";
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t("web-brand")}`}</title>
        <link rel="stylesheet" href={assets.css} />
        <script src={assets.js} defer />
      </head>
      <body data-page={props.bodyPage ?? ""}>
        <header class="top">
          <a class="brand" href="/">
            {t("web-brand")}
          </a>
          <nav class="site-nav">
            {nav
              .filter((n) => allowed(n.access, user))
              .map((n) => (
                <a href={n.path} aria-current={path.startsWith(n.path) ? "page" : undefined}>
                  {t(n.label)}
                </a>
              ))}
          </nav>
          <div class="me">
            {user ? <span>{user.fullName}</span> : null}
            <a href={`?lang=${other}`} hreflang={other}>
              {t(`web-lang-${other}`)}
            </a>
            {user ? (
              <form class="inline" method="post" action="/signout">
                <button class="secondary" type="submit">
                  {t("web-signout")}
                </button>
              </form>
            ) : null}
          </div>
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

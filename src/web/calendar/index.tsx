// Her calendar subscription: a private link her phone's calendar subscribes to (webcal://), serving her
// meetings, courses and open lessons as text/calendar; moves and cancellations follow (stable UIDs,
// SEQUENCE, LAST-MODIFIED, STATUS:CANCELLED). The link is shown once, right after it is made (only its
// hash is kept); "make a new link" stops the old one. The feed is public but needs the token: any other
// string is not found.
import { buildFeed } from "../../domain/calendar.js";
import { formatDateTime } from "../../domain/time.js";
import { isLocale } from "../../i18n.js";
import type { WebContext } from "../context.js";
import { Layout } from "../layout.js";
import { route, type Section } from "../routes.js";

function CalendarPage(props: { c: WebContext; status: { createdAt: Date; lastUsedAt: Date | null } | null; url?: string; zone: string }) {
  const { c, status, url, zone } = props;
  const { t, locale } = c.var;
  const when = (d: Date) => formatDateTime(d, locale, zone);
  return (
    <Layout frame={c.var.frame} title={t("web-nav-calendar")}>
      <h1>{t("web-nav-calendar")}</h1>
      <p>{t("web-calendar-what")}</p>
      {url ? (
        <section class="card">
          <h2>{t("web-calendar-your-link")}</h2>
          <p>
            <input id="feed-url" class="wide" type="text" readonly value={url} aria-label={t("web-calendar-your-link")} />
          </p>
          <p class="actions">
            <button type="button" class="secondary" data-copy="feed-url" data-copied={t("web-calendar-copied")} hidden>
              {t("web-calendar-copy")}
            </button>
            <a href={url.replace(/^https?:\/\//, "webcal://")}>{t("web-calendar-subscribe")}</a>
          </p>
          <p class="muted">{t("web-calendar-shown-once")}</p>
        </section>
      ) : status ? (
        <p class="card">
          {t("web-calendar-has-link", { made: when(status.createdAt) })}{" "}
          {status.lastUsedAt ? t("web-calendar-last-used", { at: when(status.lastUsedAt) }) : t("web-calendar-never-used")}
        </p>
      ) : (
        <p class="card">{t("web-calendar-no-link")}</p>
      )}
      <p class="muted">{t("web-calendar-private")}</p>
      <div class="actions">
        <form class="inline" method="post" action="/calendar/link">
          <button type="submit">{status || url ? t("web-calendar-new-link") : t("web-calendar-make-link")}</button>
        </form>
        {status || url ? (
          <form class="inline" method="post" action="/calendar/revoke">
            <button type="submit" class="secondary">
              {t("web-calendar-revoke")}
            </button>
          </form>
        ) : null}
      </div>
    </Layout>
  );
}

export const calendarSection: Section = {
  id: "calendar",
  nav: { label: "web-nav-calendar", path: "/calendar", access: "registered" },
  routes: (app) => {
    const feeds = app.services.calendarFeeds;
    const zone = app.config.TIMEZONE;
    const feedUrl = (token: string) => `${app.config.http.publicUrl}/calendar/feed/${token}.ics`;
    return [
      route({
        method: "GET",
        path: "/calendar",
        access: "registered",
        handler: async ({ c, user }) => c.html(<CalendarPage c={c} status={await feeds.status(user.id)} zone={zone} />),
      }),
      route({
        method: "POST",
        path: "/calendar/link",
        access: "registered",
        handler: async ({ c, user }) => {
          const token = await feeds.issue(user.id);
          // shown here once, never in a URL (a redirect would put it in the history and the logs)
          c.header("cache-control", "no-store");
          return c.html(<CalendarPage c={c} status={await feeds.status(user.id)} url={feedUrl(token)} zone={zone} />);
        },
      }),
      route({
        method: "POST",
        path: "/calendar/revoke",
        access: "registered",
        handler: async ({ c, user }) => {
          await feeds.revoke(user.id);
          return c.redirect("/calendar", 303);
        },
      }),
      route({
        method: "GET",
        path: "/calendar/feed/:file",
        access: "public",
        handler: async ({ c }) => {
          const m = /^([A-Za-z0-9_-]+)\.ics$/.exec(c.req.param("file") ?? "");
          const owner = m ? await feeds.ownerOf(m[1]!) : null;
          if (!owner) return c.text("Not Found", 404, { "cache-control": "no-store" });
          const locale = isLocale(owner.language) ? owner.language : app.config.DEFAULT_LOCALE;
          const t = (key: string, vars?: Record<string, string | number>) => app.messages.i18n.t(locale, key, vars);
          const body = buildFeed(await feeds.events(owner, locale, t), t("web-calendar-feed-name"));
          return c.body(body, 200, {
            "content-type": "text/calendar; charset=utf-8",
            "cache-control": "private, no-cache",
            "x-robots-tag": "noindex, nofollow",
            "referrer-policy": "no-referrer",
          });
        },
      }),
    ];
  },
};

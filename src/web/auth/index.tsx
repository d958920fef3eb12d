// Signing in and out. Two ways in, one session: the Mini App posts its init data (checked on the server
// with the bot token) to /auth/telegram; a browser opens the one-time link /web gave in the chat. The
// link's page asks for a press before it is used (a POST), so a link preview fetching the URL cannot
// spend it.
import type { Section } from "../routes.js";
import { route } from "../routes.js";
import { Layout } from "../layout.js";
import { Message, SignInNeeded } from "../pages.js";
import { clearSession, writeSession } from "../session.js";
import { checkInitData } from "./telegram.js";

/** a local path to return to after signing in (never another site) */
const localPath = (next: string | undefined): string => (next && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : "/");

export const authSection: Section = {
  id: "auth",
  routes: (deps) => [
    route({
      method: "GET",
      path: "/signin",
      access: "public",
      handler: ({ c, user }) =>
        user ? c.redirect(localPath(c.req.query("next"))) : c.html(<SignInNeeded frame={c.var.frame} next={localPath(c.req.query("next"))} />),
    }),
    route({
      method: "GET",
      path: "/signin/link",
      access: "public",
      handler: ({ c }) => {
        const t = c.var.t;
        return c.html(
          <Layout frame={c.var.frame} title={t("web-link-title")}>
            <section class="card signin">
              <h1>{t("web-link-title")}</h1>
              <p>{t("web-link-text")}</p>
              <form method="post" action="/signin/link">
                <input type="hidden" name="token" value={c.req.query("token") ?? ""} />
                <button type="submit">{t("web-link-button")}</button>
              </form>
            </section>
          </Layout>,
        );
      },
    }),
    route({
      method: "POST",
      path: "/signin/link",
      access: "public",
      handler: async ({ c }) => {
        const form = await c.req.parseBody();
        const used = await deps.services.signIn.useLink(typeof form.token === "string" ? form.token : "");
        if (!used) return c.html(<Message frame={c.var.frame} title={c.var.t("web-link-title")} text={c.var.t("web-link-spent")} />, 400);
        writeSession(c, deps.config, used.token, used.expiresAt, deps.deps.clock.now());
        return c.redirect("/", 303);
      },
    }),
    route({
      method: "POST",
      path: "/auth/telegram",
      access: "public",
      handler: async ({ c }) => {
        const t = c.var.t;
        const body = (await c.req.json().catch(() => null)) as { initData?: unknown } | null;
        const check = checkInitData(body?.initData, deps.config.BOT_TOKEN);
        if (!check.ok) return c.json({ ok: false, message: t(`web-telegram-${check.reason}`) }, 401);
        const person = await deps.services.users.byTelegramId(check.telegramId);
        if (!person?.registeredAt) return c.json({ ok: false, message: t("web-telegram-not-registered") }, 403);
        const session = await deps.services.signIn.startSession(person.id, "telegram");
        writeSession(c, deps.config, session.token, session.expiresAt, deps.deps.clock.now());
        return c.json({ ok: true });
      },
    }),
    route({
      method: "POST",
      path: "/signout",
      access: "public",
      handler: async ({ c }) => {
        const token = c.var.sessionToken;
        if (token) await deps.services.signIn.endSession(token);
        clearSession(c, deps.config);
        return c.redirect("/signin", 303);
      },
    }),
  ],
};

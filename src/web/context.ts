// What every page and route of the site gets: the app's services and config, the person signed in (or
// null), her language and a translator for it. Texts come from locales/<lang>/web.ftl (and the other
// .ftl files), the same Fluent files as the chat's; JSX escapes what they return.
import type { Context } from "hono";
import type { App } from "../app.js";
import type { Locale } from "../config.js";
import type { User } from "../domain/users.js";
import type { PageFrame } from "./layout.js";

/** A translation for the site: Fluent's text, unescaped (JSX escapes it), in the request's language. */
export type WebT = (key: string, vars?: Record<string, string | number | Date>) => string;

export interface SiteEnv {
  Variables: {
    user: User | null;
    locale: Locale;
    t: WebT;
    /** the raw session token (sign-out ends it) */
    sessionToken: string | null;
    /** what the layout needs: translator, person, navigation, asset URLs */
    frame: PageFrame;
  };
}

export type WebContext = Context<SiteEnv>;

/** What a section is built from: the whole app (services, config, clock, messages, logger). */
export type SiteDeps = App;

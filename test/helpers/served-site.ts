// The set-up the site's section tests share: for each test of a describe block, a test app on a database
// of its own served over HTTP (test/helpers/web.ts), and the district's methodist, registered through the
// bot when a test asks for her, with a browser signed in as her.
import { afterEach, beforeEach } from "vitest";
import type { Provider } from "./databases.js";
import { type Person, registerMethodist } from "./flows.js";
import { closeTestApp, createTestApp, type TestApp, type TestAppOptions } from "./test-app.js";
import { type Site, serveSite, signedIn, type WebClient } from "./web.js";

export interface ServedSite {
  /** this test's app */
  readonly app: TestApp;
  /** this test's site */
  readonly site: Site;
  /** the methodist: registered through the bot on this test's first ask */
  methodist(): Promise<Person>;
  /** the methodist and a browser signed in as her (a new sign-in at each call, at the clock's time) */
  asMethodist(): Promise<{ m: Person; browser: WebClient }>;
  /** a browser signed in as the person with `userId` */
  signedIn(userId: number): Promise<WebClient>;
}

/**
 * Registers the hooks of a describe block whose every test gets a served site: call it in the block's
 * body; read `app` and `site` inside the tests (they are new for each test).
 */
export function servedSite(provider: Provider, opts: TestAppOptions & { methodistId: number }): ServedSite {
  const { methodistId, ...appOptions } = opts;
  let current: { app: TestApp; site: Site; methodist?: Promise<Person> } | undefined;
  const now = () => {
    if (!current) throw new Error("servedSite: app and site exist only inside a test");
    return current;
  };
  beforeEach(async () => {
    const app = await createTestApp(provider, appOptions);
    current = { app, site: await serveSite(app) };
  });
  afterEach(async () => {
    const done = current;
    current = undefined;
    if (!done) return;
    await done.site.close();
    await closeTestApp(done.app);
  });
  const served: ServedSite = {
    get app() {
      return now().app;
    },
    get site() {
      return now().site;
    },
    methodist() {
      const c = now();
      c.methodist ??= registerMethodist(c.app, methodistId);
      return c.methodist;
    },
    async asMethodist() {
      const m = await served.methodist();
      return { m, browser: await served.signedIn(m.userId) };
    },
    signedIn: (userId) => signedIn(now().app, now().site, userId),
  };
  return served;
}

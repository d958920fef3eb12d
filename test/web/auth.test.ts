// Signing in to the site, as people do it: /web in the chat gives a one-time link (a browser), the Mini
// App posts its signed init data; either starts a session cookie; sign-out ends it.
import { afterEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { initData, linkTokenFrom, serveSite, type Site, signedIn, WebClient } from "../helpers/web.js";

const TOKEN = "123456:TEST-token";

describe.each(providers)("signing in to the site on %s", (provider) => {
  let app: TestApp;
  let site: Site;
  const open = async (env: Record<string, string> = {}) => {
    app = await createTestApp(provider, { env });
    site = await serveSite(app);
  };
  afterEach(async () => {
    await site.close();
    await closeTestApp(app);
  });

  it("/web gives a one-time link: its page asks for a press, the press signs her in, a second use or a late one does not", async () => {
    await open();
    const anna = await registerViaBot(app, 5001, { name: "Петрова Анна" });
    await anna.chat.send("/web");
    const answer = anna.chat.lastText();
    expect(answer).toContain("http://localhost:8080/signin/link?token=");
    // no https address: no Mini App button, and she is told why
    expect(answer).toContain("https");
    expect(anna.chat.buttons()).toEqual([]);
    const token = linkTokenFrom(answer);
    // only a hash is stored
    const stored = await app.db.prisma.webSignIn.findMany();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);

    const browser = new WebClient(site);
    // opening the link (as a link preview would) spends nothing
    const page = await browser.get(`/signin/link?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Войти");
    expect((await app.db.prisma.webSignIn.findFirstOrThrow()).usedAt).toBeNull();

    const used = await browser.postForm("/signin/link", { token });
    expect(used.status).toBe(303);
    const cookie = used.headers.getSetCookie().join("\n");
    expect(cookie).toMatch(/^metodset=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(cookie).toContain(`Max-Age=${7 * 24 * 3600}`);
    expect(cookie).not.toContain("Secure");
    const home = await browser.get("/");
    expect(home.status).toBe(200);
    expect(home.text).toContain("Петрова Анна");
    expect(JSON.stringify(await app.db.prisma.webSession.findMany())).not.toContain(browser.cookies.get("metodset"));

    // the same link again, from another browser: refused, no session
    const thief = new WebClient(site);
    const again = await thief.postForm("/signin/link", { token });
    expect(again.status).toBe(400);
    expect(again.text).toContain("/web");
    expect(thief.cookies.size).toBe(0);
    expect((await thief.get("/")).status).toBe(401);

    // a fresh link, used after 10 minutes: refused
    await anna.chat.send("/web");
    const late = linkTokenFrom(anna.chat.lastText());
    app.clock.set(new Date(app.clock.now().getTime() + 10 * 60_000 + 1000));
    expect((await new WebClient(site).postForm("/signin/link", { token: late })).status).toBe(400);
    // rubbish
    expect((await new WebClient(site).postForm("/signin/link", { token: "x" })).status).toBe(400);
  });

  it("sign-out ends the session: the cookie no longer opens anything, and the row is gone", async () => {
    await open();
    const anna = await registerViaBot(app, 5001, { name: "Петрова Анна" });
    const browser = await signedIn(app, site, anna.userId);
    const cookie = browser.cookies.get("metodset")!;
    expect((await browser.get("/")).status).toBe(200);
    const out = await browser.postForm("/signout", {});
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/signin");
    expect(await app.db.prisma.webSession.count()).toBe(0);
    // even a copy of the old cookie
    const copy = new WebClient(site);
    copy.cookies.set("metodset", cookie);
    expect((await copy.get("/")).status).toBe(401);
  });

  it("a session ends after 7 days, and with the person (/deleteme)", async () => {
    await open();
    const anna = await registerViaBot(app, 5001, { name: "Петрова Анна" });
    const browser = await signedIn(app, site, anna.userId);
    app.clock.set(new Date(app.clock.now().getTime() + 7 * 24 * 3_600_000 + 1000));
    expect((await browser.get("/")).status).toBe(401);
    const again = await signedIn(app, site, anna.userId);
    await app.services.users.erase(anna.userId);
    expect((await again.get("/")).status).toBe(401);
    expect(await app.db.prisma.webSession.count()).toBe(0);
  });

  it("the Mini App's init data: genuine signs her in; forged, expired, malformed or of a stranger is refused", async () => {
    await open();
    const anna = await registerViaBot(app, 5001, { name: "Петрова Анна" });
    const forged = new WebClient(site);
    const f = await forged.postJson("/auth/telegram", { initData: initData(5001, "123456:ANOTHER-token") });
    expect(f.status).toBe(401);
    expect(JSON.parse(f.text).message).toContain("Telegram");
    expect(forged.cookies.size).toBe(0);
    // a forged user id in data signed for another: the signature no longer matches
    const tampered = initData(5002, TOKEN).replace("%22id%22%3A5002", "%22id%22%3A5001");
    expect((await new WebClient(site).postJson("/auth/telegram", { initData: tampered })).status).toBe(401);
    const old = await new WebClient(site).postJson("/auth/telegram", { initData: initData(5001, TOKEN, new Date(Date.now() - 2 * 3_600_000)) });
    expect(old.status).toBe(401);
    expect(JSON.parse(old.text).message).toMatch(/устарел/);
    for (const body of [{}, { initData: "" }, { initData: 42 }, { initData: "hash=abc" }]) {
      expect((await new WebClient(site).postJson("/auth/telegram", body)).status).toBe(401);
    }
    const stranger = await new WebClient(site).postJson("/auth/telegram", { initData: initData(7777, TOKEN) });
    expect(stranger.status).toBe(403);
    expect(await app.db.prisma.webSession.count()).toBe(0);

    const genuine = new WebClient(site);
    const ok = await genuine.postJson("/auth/telegram", { initData: initData(5001, TOKEN) });
    expect(ok.status).toBe(200);
    const home = await genuine.get("/");
    expect(home.status).toBe(200);
    expect(home.text).toContain("Петрова Анна");
    expect((await app.db.prisma.webSession.findFirstOrThrow()).via).toBe("telegram");
    expect((await app.db.prisma.webSession.findFirstOrThrow()).userId).toBe(anna.userId);
  });

  it("with an https address: a Mini App button in /web, the menu button set, and Secure __Host- cookies", async () => {
    await open({ PUBLIC_URL: "https://metodset.example.org/" });
    const anna = await registerViaBot(app, 5001, { name: "Петрова Анна" });
    await anna.chat.send("/web");
    expect(anna.chat.lastText()).toContain("https://metodset.example.org/signin/link?token=");
    const markup = anna.chat.messages().at(-1)!.reply_markup as { inline_keyboard: { web_app?: { url: string } }[][] };
    expect(markup.inline_keyboard[0]![0]!.web_app).toEqual({ url: "https://metodset.example.org/signin?next=/" });
    const sendCall = app.tg.calls.filter((c) => c.method === "sendMessage").at(-1)!;
    expect(sendCall.payload.link_preview_options).toEqual({ is_disabled: true });

    const { syncMenuButton } = await import("../../src/bot/features/web/index.js");
    await syncMenuButton(app.bot.api, app.config, app.messages, app.deps.logger);
    const menu = app.tg.calls.find((c) => c.method === "setChatMenuButton")!;
    expect(menu.payload.menu_button).toEqual({ type: "web_app", text: "Методсеть", web_app: { url: "https://metodset.example.org/signin?next=/" } });

    const browser = new WebClient(site);
    const res = await browser.postForm("/signin/link", { token: linkTokenFrom(anna.chat.lastText()) });
    const cookie = res.headers.getSetCookie().join("\n");
    expect(cookie).toMatch(/^__Host-metodset=/);
    expect(cookie).toContain("Secure");
  });

  it("a form posted from another site is refused; a stranger is asked to sign in; /web is for registered people", async () => {
    await open();
    const anna = await registerViaBot(app, 5001, { name: "Петрова Анна" });
    const browser = await signedIn(app, site, anna.userId);
    const evil = await browser.request("POST", "/signout", {
      body: "",
      type: "application/x-www-form-urlencoded",
      headers: { origin: "https://evil.example" },
    });
    expect(evil.status).toBe(403);
    expect(await app.db.prisma.webSession.count()).toBe(1);
    const page = await new WebClient(site).get("/monitoring/coverage");
    expect(page.status).toBe(401);
    expect(page.text).toContain("/web");
    expect(page.text).toContain('data-next="/monitoring/coverage"');
    const newcomer = app.user(6001);
    await newcomer.send("/web");
    expect(newcomer.lastText()).not.toContain("token=");
    // the only link ever issued is the one Anna signed in with
    expect(await app.db.prisma.webSignIn.count()).toBe(1);
  });
});

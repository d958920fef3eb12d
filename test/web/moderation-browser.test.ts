// Moderation in real Chromium, as a methodist at her desk does it: the queue, a material opened from it,
// one press on «Одобрить и опубликовать». The database then holds the verdict, and the author's notice
// waits in the outbox. Skipped, visibly, without Chromium.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, workerChromium } from "../helpers/browser.js";
import { providers } from "../helpers/databases.js";
import { insertTeacher, registerMethodist, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { serveSite, type Site } from "../helpers/web.js";
import { insertMaterial } from "../materials/helpers.js";

describe.skipIf(!hasChromium).each(providers)("moderation in Chromium on %s", (provider) => {
  let app: TestApp;
  let site: Site;
  let browser: Browser;
  let m: Person;
  let author: number;
  let materialId: number;
  beforeAll(async () => {
    app = await createTestApp(provider, { env: { PUBLIC_URL: "http://metod.example.org" } });
    site = await serveSite(app);
    browser = await workerChromium();
    m = await registerMethodist(app, 7400);
    author = await insertTeacher(app, 7401, { name: "Григорьева Дина" });
    materialId = await insertMaterial(app, author, { title: "Дроби на пицце", url: "https://example.org/fractions", approved: false });
  });
  afterAll(async () => {
    await site?.close();
    if (app) await closeTestApp(app);
  });

  it("a methodist opens the waiting material from the queue and approves it with one press", async () => {
    expect((await app.db.prisma.material.findUniqueOrThrow({ where: { id: materialId } })).status).toBe("pending");
    const context = await browser.newContext({ locale: "ru-RU" });
    const { token } = await app.services.signIn.startSession(m.userId, "link");
    await context.addCookies([{ name: "metodset", value: token, url: site.base }]);
    const page = await context.newPage();
    await page.goto(`${site.base}/moderation`);
    await page.getByRole("link", { name: "Дроби на пицце" }).click();
    await page.waitForURL(`${site.base}/moderation/materials/${materialId}`);
    // the link itself is in the page, opening in a new tab without the referrer
    expect(await page.locator('a[href="https://example.org/fractions"]').getAttribute("rel")).toContain("noopener");
    await page.getByRole("button", { name: "Одобрить и опубликовать" }).click();
    await page.waitForURL(/\/moderation\?done=/);
    expect(await page.locator("main").textContent()).toContain("Материал опубликован, автор получил уведомление.");
    const stored = await app.db.prisma.material.findUniqueOrThrow({ where: { id: materialId } });
    expect([stored.status, stored.moderatedById]).toEqual(["approved", m.userId]);
    const notices = await app.db.prisma.outboxMessage.findMany({ where: { userId: author } });
    expect(notices.map((n) => n.text).join("\n")).toContain("Дроби на пицце");
    // gone from the queue
    expect(await page.getByRole("link", { name: "Дроби на пицце" }).count()).toBe(0);
    await context.close();
  });
});

// The site in real Chromium, as a methodist uses it: signing in from the Mini App (genuine and forged init
// data) and with a one-time link from /web, the coverage table against the database, sorting, the .xlsx
// download, and a phone-sized screen. Skipped, visibly, without Chromium (test/helpers/browser.ts).
import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, workerChromium } from "../helpers/browser.js";
import { providers } from "../helpers/databases.js";
import { type DistrictPeople, districtPeople } from "../helpers/districts.js";
import { insertTeacher } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { initData, linkTokenFrom, serveSite, type Site } from "../helpers/web.js";
import { parseBook } from "../helpers/workbook.js";
import { createCourse, enrol } from "../coverage/helpers.js";

const TOKEN = "123456:TEST-token";

describe.skipIf(!hasChromium).each(providers)("the site in Chromium on %s", (provider) => {
  let app: TestApp;
  let site: Site;
  let browser: Browser;
  let people: DistrictPeople;
  beforeAll(async () => {
    app = await createTestApp(provider, { env: { WEB_REPORTS_MAX_AGE_SECONDS: "0" } });
    site = await serveSite(app);
    browser = await workerChromium();
    people = await districtPeople(app, 8000);
    app.clock.set(new Date("2026-11-24T09:00:00Z"));
    const course = await createCourse(app, "Формирующее оценивание", "2027-02-01T06:00:00Z");
    for (const [i, schoolId] of people.north.schoolIds.slice(0, 4).entries()) {
      for (let k = 0; k <= i; k++) {
        const id = await insertTeacher(app, 8600 + i * 10 + k, { schoolId, name: `Педагог ${"АБВГДЕЖЗИК"[i * 3 + k]}-Северная` });
        if (k % 2 === 0) await enrol(app, course, id, "registered");
      }
    }
  });
  afterAll(async () => {
    await site?.close();
    if (app) await closeTestApp(app);
  });

  /** The Mini App opens the sign-in page with Telegram's launch parameters in the URL's hash. */
  const miniAppUrl = (data: string, next: string) =>
    `${site.base}/signin?next=${encodeURIComponent(next)}#tgWebAppData=${encodeURIComponent(data)}&tgWebAppVersion=7.0&tgWebAppPlatform=tdesktop`;

  it("a Mini App with genuine init data signs her in and goes on to the page asked for", async () => {
    const context = await browser.newContext({ locale: "ru-RU" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(miniAppUrl(initData(8001, TOKEN), "/monitoring/coverage"));
    await page.waitForURL(`${site.base}/monitoring/coverage`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Мониторинг");
    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([["metodset", true, "Lax"]]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("forged init data signs nobody in: the page says so and there is no cookie", async () => {
    const context = await browser.newContext({ locale: "ru-RU" });
    const page = await context.newPage();
    // outside Telegram the page only explains how to sign in: no error is shown before anything failed
    await page.goto(`${site.base}/signin`);
    await page.waitForLoadState("networkidle");
    expect(await page.locator("[data-error]").isVisible()).toBe(false);
    expect(await page.locator("main").textContent()).toContain("/web");
    await page.goto(miniAppUrl(initData(8001, "123456:FORGED-token"), "/monitoring/coverage"));
    await page.locator("[data-error]").waitFor({ state: "visible" });
    expect(await page.locator("[data-error]").textContent()).toContain("Telegram не подтвердил вход");
    expect(page.url()).toContain("/signin");
    expect(await context.cookies()).toEqual([]);
    await page.goto(`${site.base}/monitoring/coverage`);
    expect(await page.locator("h1").textContent()).toBe("Вход");
    await context.close();
  });

  it("a one-time link from /web: press «Войти», open monitoring, the table is the database's, sorting works, the .xlsx downloads", async () => {
    await people.northM.chat.send("/web");
    const token = linkTokenFrom(people.northM.chat.lastText());
    const context = await browser.newContext({ locale: "ru-RU", acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.base}/signin/link?token=${token}`);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.getByRole("button", { name: "Войти" }).click();
    await page.waitForURL(`${site.base}/`);
    await page.getByRole("link", { name: "Мониторинг" }).first().click();
    await page.waitForURL(`${site.base}/monitoring/coverage`);

    const rows = async () =>
      page
        .locator("#schools tbody tr")
        .evaluateAll((trs) => trs.map((tr: any) => Array.from(tr.cells as ArrayLike<any>).map((td: any) => String(td.textContent).trim())));
    const shown = await rows();
    // the database, counted here: every NORTH school with a registered active teacher
    const expected: string[][] = [];
    for (const schoolId of people.north.schoolIds) {
      const where = { schoolId, role: "teacher" as const, isActive: true, registeredAt: { not: null } };
      const teachers = await app.db.prisma.user.count({ where });
      if (!teachers) continue;
      const covered = await app.db.prisma.user.count({ where: { ...where, courseRegistrations: { some: { status: { in: ["registered", "completed"] } } } } });
      const s = await app.db.prisma.school.findUniqueOrThrow({ where: { id: schoolId } });
      expected.push([s.name, s.cluster ?? "", String(teachers), String(covered), `${Math.round((covered * 100) / teachers)} %`]);
    }
    expect([...shown].sort()).toEqual(expected.sort());

    // sorting by the share, then the other way
    const share = page.locator("#schools thead th").nth(4).getByRole("button");
    await share.click();
    const up = (await rows()).map((r) => Number.parseInt(r[4]!, 10));
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await share.click();
    const down = (await rows()).map((r) => Number.parseInt(r[4]!, 10));
    expect(down).toEqual([...up].sort((a, b) => b - a));

    // the download
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Скачать .xlsx" }).click()]);
    expect(download.suggestedFilename()).toBe("coverage-2026-2027.xlsx");
    const file = await parseBook({ kind: "document", file: { bytes: fs.readFileSync((await download.path())!) } });
    expect(file.names).toEqual(["По школам", "Без курсов"]);
    expect(
      file
        .rows("По школам")
        .slice(1, -1)
        .map((r) => r[0]),
    ).toEqual(expected.map((r) => r[0]).sort((a, b) => shown.findIndex((s) => s[0] === a) - shown.findIndex((s) => s[0] === b)));

    // a click on a school: its teachers
    await page.getByRole("link", { name: people.north.schoolName }).first().click();
    await page.locator("#teachers").waitFor();
    expect(await page.locator("#teachers tbody tr").count()).toBeGreaterThan(0);

    expect(errors).toEqual([]);
    // sign-out, and the pages are closed again
    await page.getByRole("button", { name: "Выйти" }).click();
    await page.waitForURL(`${site.base}/signin`);
    await page.goto(`${site.base}/monitoring/coverage`);
    expect(await page.locator("h1").textContent()).toBe("Вход");
    await context.close();
  });

  it("on a phone-sized screen nothing runs off the side: the tables scroll within themselves", async () => {
    const context = await browser.newContext({ locale: "ru-RU", viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(miniAppUrl(initData(8003, TOKEN), "/monitoring/coverage"));
    await page.waitForURL(`${site.base}/monitoring/coverage`);
    const widths = (await page.evaluate("({ page: document.documentElement.scrollWidth, screen: window.innerWidth })")) as { page: number; screen: number };
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
    // the cluster column gives way on a phone
    expect(await page.locator("#schools thead th.hide-phone").first().isVisible()).toBe(false);
    await context.close();
  });
});

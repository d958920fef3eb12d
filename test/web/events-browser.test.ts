// The courses, meetings and calendar pages in real Chromium, as people use them: a methodist ticks
// participants and presses one button (completion, attendance), a teacher makes her calendar link and
// copies it. What is stored afterwards is checked in the database. Skipped, visibly, without Chromium.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, workerChromium } from "../helpers/browser.js";
import { providers } from "../helpers/databases.js";
import { insertTeacher, registerMethodist, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { serveSite, type Site } from "../helpers/web.js";
import { makeCourse } from "../courses/helpers.js";
import { publishMeeting } from "../meetings/helpers.js";

describe.skipIf(!hasChromium).each(providers)("courses, meetings and the calendar in Chromium on %s", (provider) => {
  let app: TestApp;
  let site: Site;
  let browser: Browser;
  let m: Person;
  let courseId: number;
  let meetingId: number;
  const teachers: number[] = [];
  beforeAll(async () => {
    app = await createTestApp(provider, { env: { PUBLIC_URL: "http://metod.example.org", SEND_RATE_PER_SECOND: "1000" } });
    site = await serveSite(app);
    browser = await workerChromium();
    m = await registerMethodist(app, 7300);
    courseId = (
      await makeCourse(app, m.userId, {
        seats: 3,
        startDate: new Date("2026-11-25T06:00:00Z"),
        endDate: new Date("2026-11-27T21:00:00Z"),
        registrationDeadline: new Date("2026-11-24T20:59:00Z"),
      })
    ).id;
    meetingId = (await publishMeeting(app, m.userId)).id;
    for (const [i, name] of ["Абрамова Анна", "Борисова Вера", "Васильева Галина"].entries()) {
      const id = await insertTeacher(app, 7301 + i, { name });
      teachers.push(id);
      await app.services.courses.signUp(id, courseId);
      await app.services.meetings.rsvp(id, meetingId, "going");
    }
    app.clock.set(new Date("2026-11-26T13:00:00Z"));
  });
  afterAll(async () => {
    await site?.close();
    if (app) await closeTestApp(app);
  });

  async function as(userId: number): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: "ru-RU" });
    const { token } = await app.services.signIn.startSession(userId, "link");
    await context.addCookies([{ name: "metodset", value: token, url: site.base }]);
    return context;
  }

  it("a methodist ticks two participants and marks their completion with one press", async () => {
    const context = await as(m.userId);
    const page = await context.newPage();
    await page.goto(`${site.base}/courses/${courseId}`);
    await page.getByLabel("Абрамова Анна окончил(а) курс").check();
    await page.getByLabel("Васильева Галина окончил(а) курс").check();
    await page.getByRole("button", { name: "Отметить окончание у отмеченных" }).click();
    await page.waitForURL(`${site.base}/courses/${courseId}?done=2`);
    expect(await page.locator("main").textContent()).toContain("Отмечено окончание: 2.");
    const regs = await app.db.prisma.courseRegistration.findMany({ where: { courseId }, orderBy: { userId: "asc" }, select: { status: true } });
    expect(regs.map((r) => r.status)).toEqual(["completed", "registered", "completed"]);
    await context.close();
  });

  it("a methodist ticks who came and saves the attendance with one press", async () => {
    const context = await as(m.userId);
    const page = await context.newPage();
    await page.goto(`${site.base}/meetings/${meetingId}`);
    await page.getByLabel("Борисова Вера был(а) на встрече").check();
    await page.getByRole("button", { name: "Сохранить посещаемость" }).click();
    await page.waitForURL(`${site.base}/meetings/${meetingId}?marked=1`);
    expect(await page.getByLabel("Борисова Вера был(а) на встрече").isChecked()).toBe(true);
    const rsvp = await app.db.prisma.meetingRsvp.findUniqueOrThrow({ where: { meetingId_userId: { meetingId, userId: teachers[1]! } } });
    expect([rsvp.attended, rsvp.markedById]).toEqual([true, m.userId]);
    await context.close();
  });

  it("a teacher makes her calendar link; the copy button copies it", async () => {
    const context = await as(teachers[0]!);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.base });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${site.base}/calendar`);
    await page.getByRole("button", { name: "Получить ссылку" }).click();
    const url = await page.locator("#feed-url").inputValue();
    expect(url).toMatch(/^http:\/\/metod\.example\.org\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
    await page.getByRole("button", { name: "Скопировать" }).click();
    await expect(page.getByRole("button", { name: "Скопировано" }).isVisible()).resolves.toBe(true);
    expect(await page.evaluate("navigator.clipboard.readText()")).toBe(url);
    const feed = await fetch(site.base + new URL(url).pathname);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain(`UID:course-${courseId}@metodset.bot`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

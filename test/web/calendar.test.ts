// The calendar subscription: a private link made on the site (shown once; only its hash stored), which a
// phone's calendar fetches as text/calendar: her meetings, courses and open lessons, with stable UIDs, so
// a moved meeting moves (SEQUENCE grows), a cancelled course stays as STATUS:CANCELLED and a lesson she
// withdrew from disappears. A new link stops the old one; a wrong token is not found. Both databases.
import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { insertTeacher, registerMethodist, registerViaBot, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { serveSite, type Site, signedIn, WebClient, type WebResponse } from "../helpers/web.js";
import { makeCourse, staff } from "../courses/helpers.js";
import { approvedLesson } from "../lessons/helpers.js";
import { publishMeeting } from "../meetings/helpers.js";

const PUBLIC = "https://metod.example.org";

/** The feed's link shown on the page, and its path on our server. */
function linkOf(page: WebResponse): { url: string; path: string; token: string } {
  const m = /value="(https:\/\/metod\.example\.org(\/calendar\/feed\/([A-Za-z0-9_-]{43})\.ics))"/.exec(page.text);
  if (!m) throw new Error(`no feed link in: ${page.text.slice(0, 300)}`);
  return { url: m[1]!, path: m[2]!, token: m[3]! };
}

/** The VEVENTs of a calendar by UID: their lines as a map. */
function events(ics: string): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  const unfolded = ics.replace(/\r\n[ \t]/g, "");
  for (const block of unfolded.split("BEGIN:VEVENT").slice(1)) {
    const fields: Record<string, string> = {};
    for (const line of block.split("\r\n")) {
      const i = line.indexOf(":");
      if (i > 0) fields[line.slice(0, i).split(";")[0]!] = line.slice(i + 1);
    }
    out.set(fields.UID!, fields);
  }
  return out;
}

describe.each(providers)("the calendar subscription on %s", (provider) => {
  let app: TestApp;
  let site: Site;
  let nina: Person;
  let m: Person;
  beforeEach(async () => {
    app = await createTestApp(provider, { env: { PUBLIC_URL: PUBLIC, SEND_RATE_PER_SECOND: "1000" } });
    site = await serveSite(app);
    nina = await registerViaBot(app, 7501, { name: "Орлова Нина" });
    m = await registerMethodist(app, 7500);
  });
  afterEach(async () => {
    await site.close();
    await closeTestApp(app);
  });

  it("her link, shown once, serves her meetings, courses and lessons; moves and cancellations follow; what she left disappears", async () => {
    const meeting = await publishMeeting(app, m.userId);
    await app.services.meetings.rsvp(nina.userId, meeting.id, "going");
    const declined = await publishMeeting(app, m.userId, { title: "Семинар, на который она не идёт" });
    await app.services.meetings.rsvp(nina.userId, declined.id, "not_going");
    const course = await makeCourse(app, m.userId);
    await app.services.courses.signUp(nina.userId, course.id);
    const author = await insertTeacher(app, 7502, { name: "Автор Урока" });
    const lesson = await approvedLesson(app, author, m.userId);
    await app.services.lessons.signUp(nina.userId, lesson);

    const browser = await signedIn(app, site, nina.userId);
    const empty = await browser.get("/calendar");
    expect(empty.status).toBe(200);
    expect(empty.text).toContain("Ссылки на календарь у вас пока нет.");
    const made = await browser.postForm("/calendar/link", {});
    expect(made.status).toBe(200);
    expect(made.headers.get("cache-control")).toBe("no-store");
    const { url, path, token } = linkOf(made);
    expect(made.text).toContain(`href="${url.replace("https://", "webcal://")}"`);
    // only the hash is stored; the page shown later does not have the token
    const row = await app.db.prisma.calendarFeed.findUniqueOrThrow({ where: { userId: nina.userId } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    const later = await browser.get("/calendar");
    expect(later.text).not.toContain(token);
    expect(later.text).toContain("У вас есть ссылка на календарь");

    // the phone's calendar: no cookie, only the link
    const phone = new WebClient(site);
    const first = await phone.get(path);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(first.text).toContain("BEGIN:VCALENDAR");
    expect(first.text).toContain("X-WR-CALNAME:Методсеть");
    const e1 = events(first.text);
    expect([...e1.keys()].sort()).toEqual([`course-${course.id}@metodset.bot`, `lesson-${lesson}@metodset.bot`, `meeting-${meeting.id}@metodset.bot`]);
    const mt = e1.get(`meeting-${meeting.id}@metodset.bot`)!;
    expect(mt.SUMMARY).toBe("Заседание РМО учителей математики");
    expect(mt.DTSTART).toBe("20261126T120000Z");
    expect(mt.SEQUENCE).toBe("0");
    expect(mt["LAST-MODIFIED"]).toMatch(/^\d{8}T\d{6}Z$/);
    expect(e1.get(`lesson-${lesson}@metodset.bot`)!.SUMMARY).toBe("Открытый урок: Сложение дробей");
    expect((await app.db.prisma.calendarFeed.findUniqueOrThrow({ where: { userId: nina.userId } })).lastUsedAt).not.toBeNull();

    // the meeting moves, the course is cancelled, she withdraws from the lesson
    const methodist = await staff(app, m.userId);
    app.clock.set("2026-11-23T10:00:00Z");
    await app.services.meetings.reschedule(methodist, meeting.id, new Date("2026-11-27T12:00:00Z"));
    await app.services.courses.cancel(methodist, course.id);
    await app.services.lessons.withdraw(nina.userId, lesson);
    const e2 = events((await phone.get(path)).text);
    const moved = e2.get(`meeting-${meeting.id}@metodset.bot`)!;
    expect(moved.DTSTART).toBe("20261127T120000Z");
    expect(Number(moved.SEQUENCE)).toBeGreaterThan(0);
    const cancelled = e2.get(`course-${course.id}@metodset.bot`)!;
    expect(cancelled.STATUS).toBe("CANCELLED");
    expect(Number(cancelled.SEQUENCE)).toBeGreaterThan(Number(e1.get(`course-${course.id}@metodset.bot`)!.SEQUENCE));
    expect(e2.has(`lesson-${lesson}@metodset.bot`)).toBe(false);
    expect(e2.has(`meeting-${declined.id}@metodset.bot`)).toBe(false);
  });

  it("a new link stops the old one; turning it off stops it; a wrong or malformed token is not found; one person's link shows only her events", async () => {
    const browser = await signedIn(app, site, nina.userId);
    const old = linkOf(await browser.postForm("/calendar/link", {}));
    const phone = new WebClient(site);
    expect((await phone.get(old.path)).status).toBe(200);

    const fresh = linkOf(await browser.postForm("/calendar/link", {}));
    expect(fresh.token).not.toBe(old.token);
    expect((await phone.get(old.path)).status).toBe(404);
    expect((await phone.get(fresh.path)).status).toBe(200);
    expect(await app.db.prisma.calendarFeed.count()).toBe(1);

    for (const bad of [
      `/calendar/feed/${"A".repeat(43)}.ics`,
      "/calendar/feed/short.ics",
      `/calendar/feed/${fresh.token}`,
      `/calendar/feed/${fresh.token}x.ics`,
    ]) {
      const res = await phone.get(bad);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain("VCALENDAR");
    }

    // another person's feed: her meeting is not in Nina's, and the other way round
    const other = await insertTeacher(app, 7503, { name: "Физикова Ольга", subjectCodes: ["physics"] });
    const physics = await app.db.prisma.subject.findUniqueOrThrow({ where: { code: "physics" } });
    const meeting = await publishMeeting(app, m.userId, { title: "Физики", subjectIds: [physics.id] });
    const otherToken = await app.services.calendarFeeds.issue(other);
    expect((await phone.get(`/calendar/feed/${otherToken}.ics`)).text).toContain(`UID:meeting-${meeting.id}@metodset.bot`);
    expect((await phone.get(fresh.path)).text).not.toContain(`meeting-${meeting.id}@`);

    const off = await browser.postForm("/calendar/revoke", {});
    expect(off.status).toBe(303);
    expect((await phone.get(fresh.path)).status).toBe(404);
    expect(await app.db.prisma.calendarFeed.count({ where: { userId: nina.userId } })).toBe(0);
    expect((await browser.get("/calendar")).text).toContain("Ссылки на календарь у вас пока нет.");
    // a form from another site makes no link
    const forged = await browser.request("POST", "/calendar/link", {
      body: "",
      type: "application/x-www-form-urlencoded",
      headers: { origin: "https://evil.example" },
    });
    expect(forged.status).toBe(403);
    expect(await app.db.prisma.calendarFeed.count({ where: { userId: nina.userId } })).toBe(0);
  });

  it("in English for an English teacher; a stranger is asked to sign in", async () => {
    const en = await registerViaBot(app, 7510, { name: "Smith Anna", locale: "en" });
    const browser = await signedIn(app, site, en.userId);
    const page = await browser.postForm("/calendar/link", {});
    expect(page.text).toContain("Your calendar link");
    const feed = await new WebClient(site).get(linkOf(page).path);
    expect(feed.text).toContain("X-WR-CALNAME:Metodset");
    expect((await new WebClient(site).get("/calendar")).status).toBe(401);
  });

  it("/calendar in the chat: a press makes a new link (the old one stops), shown with its webcal:// form; a stranger is sent to register", async () => {
    await nina.chat.send("/calendar");
    expect(nina.chat.lastText()).toContain("Подписка на календарь.");
    expect(nina.chat.lastText()).toContain(`${PUBLIC}/calendar`);
    expect(nina.chat.lastText()).not.toContain("Ссылка у вас уже есть");
    await nina.chat.press("🔗 Получить ссылку");
    const first = /https:\/\/metod\.example\.org(\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics)/.exec(nina.chat.lastText())!;
    expect(nina.chat.lastText()).toContain(`webcal://metod.example.org${first[1]}`);
    const phone = new WebClient(site);
    expect((await phone.get(first[1]!)).status).toBe(200);

    await nina.chat.send("/calendar");
    expect(nina.chat.lastText()).toContain("Ссылка у вас уже есть");
    await nina.chat.press("🔄 Отозвать и сделать новую");
    const second = /https:\/\/metod\.example\.org(\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics)/.exec(nina.chat.lastText())!;
    expect(second[1]).not.toBe(first[1]);
    expect((await phone.get(first[1]!)).status).toBe(404);
    expect((await phone.get(second[1]!)).status).toBe(200);

    const stranger = app.user(7599);
    await stranger.send("/calendar");
    expect(stranger.lastText()).not.toContain("/calendar/feed/");
    expect(await app.db.prisma.calendarFeed.count()).toBe(1);
  });
});

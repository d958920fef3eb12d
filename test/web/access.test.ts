// Every route of the site, asked as each kind of person, through the real HTTP server. The routes come
// from the route table (src/web/sections.ts), so a new section's routes are asked too: a route with no
// case below fails the first test, and its case says what a stranger, a teacher, a methodist of another
// district, the district's own methodist and an admin each get, and what each must (not) see.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECTIONS } from "../../src/web/sections.js";
import { providers } from "../helpers/databases.js";
import { type DistrictPeople, districtPeople } from "../helpers/districts.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { type Site, serveSite, signedIn, visibleText, WebClient, type WebResponse } from "../helpers/web.js";
import { createCourse, enrol } from "../coverage/helpers.js";
// --- web-bank ---
import { WB, webBankFixture, type WebBankFixture } from "./bank-helpers.js";
// --- end web-bank ---
import { insertMaterial } from "../materials/helpers.js";
import { publishMeeting } from "../meetings/helpers.js";

type Who = "stranger" | "teacher" | "otherMethodist" | "districtMethodist" | "admin";
const EVERYONE: Who[] = ["stranger", "teacher", "otherMethodist", "districtMethodist", "admin"];

interface Fixture extends DistrictPeople {
  /** a NORTH school with a registered teacher (Волкова Дарья) */
  northSchoolId: number;
  /** web-bank: NORTH's teacher's waiting and published materials and lessons, NORTH's methodist's broadcast */
  wb: WebBankFixture;
  // --- events (branch web-events) ---
  /** a NORTH course (begun) with NORTH's teacher registered; a NORTH meeting; a certificate of NORTH's teacher */
  northCourseId: number;
  northMeetingId: number;
  certificate: string;
  // --- end events ---
}

interface Expect {
  status: number;
  /** text the answer must show (a page's HTML, a file's cells) */
  has?: string[];
  hasNot?: string[];
}

interface Case {
  /** the concrete request (the route's parameters filled in) */
  path: (f: Fixture) => string;
  form?: Record<string, string>;
  json?: unknown;
  expect: Record<Who, Expect>;
}

// what only NORTH's people may see, and what only SOUTH's
const NORTH_TEACHER = "Волкова Дарья";
const NORTH_SCHOOL = "МБОУ «СОШ № 1»";
const SOUTH_SCHOOL = "МБОУ «Покровская СОШ»";
// --- events (branch web-events) ---
const NORTH_COURSE = "Финансовая грамотность (Север)";
const OPEN_COURSE = "Курс для всех";
const NORTH_MEETING = "Совещание северных методистов";
/** a NORTH course's or meeting's page: the other district's methodist is answered as if it did not exist */
const northItem = (has: string[], districtStatus = 200): Record<Who, Expect> => ({
  stranger: { status: 401, hasNot: has },
  teacher: { status: 403, hasNot: has },
  otherMethodist: { status: 404, hasNot: has },
  districtMethodist: { status: districtStatus, has: districtStatus === 200 ? has : [] },
  admin: { status: districtStatus, has: districtStatus === 200 ? has : [] },
});
// --- end events ---

/** a page or file about the district's people: the other district's methodist sees her own, never NORTH's */
const northReport = (extra: Partial<Record<Who, Expect>> = {}): Record<Who, Expect> => ({
  stranger: { status: 401, hasNot: [NORTH_SCHOOL, NORTH_TEACHER] },
  teacher: { status: 403, hasNot: [NORTH_SCHOOL] },
  otherMethodist: { status: 200, has: [SOUTH_SCHOOL], hasNot: [NORTH_SCHOOL] },
  districtMethodist: { status: 200, has: [NORTH_SCHOOL], hasNot: [SOUTH_SCHOOL] },
  admin: { status: 200, has: [NORTH_SCHOOL, SOUTH_SCHOOL] },
  ...extra,
});
const all = (e: Expect): Record<Who, Expect> => Object.fromEntries(EVERYONE.map((w) => [w, e])) as Record<Who, Expect>;

const CASES: Record<string, Case> = {
  "GET /": {
    path: () => "/",
    expect: {
      stranger: { status: 401 },
      teacher: { status: 200, has: ["Орлова Нина"], hasNot: ["/monitoring"] },
      otherMethodist: { status: 200, has: ["/monitoring"] },
      districtMethodist: { status: 200, has: ["/monitoring"] },
      admin: { status: 200, has: ["/monitoring"] },
    },
  },
  "GET /signin": { path: () => "/signin?next=/monitoring", expect: { ...all({ status: 302 }), stranger: { status: 200, has: ["/web"] } } },
  "GET /signin/link": { path: () => "/signin/link?token=abc", expect: all({ status: 200 }) },
  "POST /signin/link": { path: () => "/signin/link", form: { token: "not-a-token" }, expect: all({ status: 400 }) },
  "POST /auth/telegram": { path: () => "/auth/telegram", json: { initData: "user=%7B%22id%22%3A1%7D&hash=00" }, expect: all({ status: 401 }) },
  "POST /signout": { path: () => "/signout", form: {}, expect: all({ status: 303 }) },
  "GET /monitoring": {
    path: () => "/monitoring",
    expect: { ...northReport(), otherMethodist: { status: 302 }, districtMethodist: { status: 302 }, admin: { status: 302 } },
  },
  "GET /monitoring/coverage": { path: () => "/monitoring/coverage", expect: northReport() },
  "GET /monitoring/attestation": { path: () => "/monitoring/attestation", expect: northReport() },
  "GET /monitoring/teachers": { path: () => "/monitoring/teachers", expect: northReport() },
  "GET /monitoring/coverage.xlsx": { path: () => "/monitoring/coverage.xlsx", expect: northReport() },
  "GET /monitoring/attestation.xlsx": { path: () => "/monitoring/attestation.xlsx", expect: northReport() },
  "GET /monitoring/teachers.xlsx": {
    path: () => "/monitoring/teachers.xlsx",
    expect: northReport({ districtMethodist: { status: 200, has: [NORTH_SCHOOL, NORTH_TEACHER], hasNot: [SOUTH_SCHOOL] } }),
  },
  "GET /monitoring/schools/:id": {
    path: (f) => `/monitoring/schools/${f.northSchoolId}`,
    expect: {
      stranger: { status: 401, hasNot: [NORTH_TEACHER] },
      teacher: { status: 403, hasNot: [NORTH_TEACHER] },
      // another district's school is answered like one that does not exist
      otherMethodist: { status: 404, hasNot: [NORTH_TEACHER, NORTH_SCHOOL] },
      districtMethodist: { status: 200, has: [NORTH_TEACHER, NORTH_SCHOOL] },
      admin: { status: 200, has: [NORTH_TEACHER, NORTH_SCHOOL] },
    },
  },
  // --- web-bank: the bank (everyone who has joined), moderation and broadcasts (methodists) ---
  "GET /bank": {
    path: () => "/bank",
    expect: { ...all({ status: 200, has: [WB.published], hasNot: [WB.pending] }), stranger: { status: 401, hasNot: [WB.published] } },
  },
  "GET /bank/best": { path: () => "/bank/best", expect: { ...all({ status: 200 }), stranger: { status: 401 } } },
  "GET /bank/materials/:id": {
    path: (f) => `/bank/materials/${f.wb.publishedMaterial}`,
    expect: { ...all({ status: 200, has: [WB.published] }), stranger: { status: 401, hasNot: [WB.published] } },
  },
  "POST /bank/materials/:id/vote": {
    path: (f) => `/bank/materials/${f.wb.publishedMaterial}/vote`,
    form: { value: "1" },
    expect: { ...all({ status: 303 }), stranger: { status: 401 } },
  },
  // a waiting material's file: only the methodists who moderate it (a teacher: published or her own)
  "GET /bank/materials/:id/file": {
    path: (f) => `/bank/materials/${f.wb.pendingMaterial}/file`,
    expect: {
      stranger: { status: 401, hasNot: ["%PDF"] },
      teacher: { status: 404, hasNot: ["%PDF"] },
      otherMethodist: { status: 404, hasNot: ["%PDF"] },
      districtMethodist: { status: 200, has: ["%PDF"] },
      admin: { status: 200, has: ["%PDF"] },
    },
  },
  "GET /moderation": {
    path: () => "/moderation",
    expect: {
      stranger: { status: 401, hasNot: [WB.pending] },
      teacher: { status: 403, hasNot: [WB.pending] },
      otherMethodist: { status: 200, hasNot: [WB.pending, WB.lesson] },
      districtMethodist: { status: 200, has: [WB.pending, WB.lesson] },
      admin: { status: 200, has: [WB.pending, WB.lesson] },
    },
  },
  "GET /moderation/materials/:id": {
    path: (f) => `/moderation/materials/${f.wb.pendingMaterial}`,
    expect: {
      stranger: { status: 401, hasNot: [WB.pending] },
      teacher: { status: 403, hasNot: [WB.pending] },
      otherMethodist: { status: 404, hasNot: [WB.pending] },
      districtMethodist: { status: 200, has: [WB.pending, "/approve"] },
      admin: { status: 200, has: [WB.pending, "/approve"] },
    },
  },
  "GET /moderation/lessons/:id": {
    path: (f) => `/moderation/lessons/${f.wb.pendingLesson}`,
    expect: {
      stranger: { status: 401, hasNot: [WB.lesson] },
      teacher: { status: 403, hasNot: [WB.lesson] },
      otherMethodist: { status: 404, hasNot: [WB.lesson] },
      districtMethodist: { status: 200, has: [WB.lesson, "/approve"] },
      admin: { status: 200, has: [WB.lesson, "/approve"] },
    },
  },
  // the verdicts: NORTH's methodist gives it, the admin after her finds it given already
  "POST /moderation/materials/:id/approve": {
    path: (f) => `/moderation/materials/${f.wb.approveMaterial}/approve`,
    form: {},
    expect: {
      stranger: { status: 401 },
      teacher: { status: 403 },
      otherMethodist: { status: 404 },
      districtMethodist: { status: 303 },
      admin: { status: 400, has: ["уже проверил"] },
    },
  },
  "POST /moderation/materials/:id/reject": {
    path: (f) => `/moderation/materials/${f.wb.rejectMaterial}/reject`,
    form: { reason: "Нет описания заданий" },
    expect: {
      stranger: { status: 401 },
      teacher: { status: 403 },
      otherMethodist: { status: 404 },
      districtMethodist: { status: 303 },
      admin: { status: 400, has: ["уже проверил"] },
    },
  },
  "POST /moderation/lessons/:id/approve": {
    path: (f) => `/moderation/lessons/${f.wb.approveLesson.id}/approve`,
    form: { seen: "0" },
    expect: {
      stranger: { status: 401 },
      teacher: { status: 403 },
      otherMethodist: { status: 404 },
      districtMethodist: { status: 303 },
      admin: { status: 400, has: ["уже проверен"] },
    },
  },
  "POST /moderation/lessons/:id/reject": {
    path: (f) => `/moderation/lessons/${f.wb.rejectLesson.id}/reject`,
    form: { seen: "0", reason: "Уточните тему" },
    expect: {
      stranger: { status: 401 },
      teacher: { status: 403 },
      otherMethodist: { status: 404 },
      districtMethodist: { status: 303 },
      admin: { status: 400, has: ["уже проверен"] },
    },
  },
  "GET /broadcasts": {
    path: () => "/broadcasts",
    expect: {
      stranger: { status: 401, hasNot: [WB.broadcast] },
      teacher: { status: 403, hasNot: [WB.broadcast] },
      otherMethodist: { status: 200, hasNot: [WB.broadcast] },
      districtMethodist: { status: 200, has: [WB.broadcast] },
      admin: { status: 200, has: [WB.broadcast] },
    },
  },
  "GET /broadcasts/:id": {
    path: (f) => `/broadcasts/${f.wb.broadcast}`,
    expect: {
      stranger: { status: 401, hasNot: [WB.broadcast] },
      teacher: { status: 403, hasNot: [WB.broadcast] },
      otherMethodist: { status: 404, hasNot: [WB.broadcast] },
      districtMethodist: { status: 200, has: [WB.broadcast] },
      admin: { status: 200, has: [WB.broadcast] },
    },
  },
  // --- end web-bank ---
  // --- events (branch web-events) ---
  "GET /courses": {
    path: () => "/courses",
    expect: {
      stranger: { status: 401, hasNot: [OPEN_COURSE] },
      // SOUTH's teacher: the catalog open to her, not NORTH's course
      teacher: { status: 200, has: [OPEN_COURSE], hasNot: [NORTH_COURSE] },
      otherMethodist: { status: 200, has: [OPEN_COURSE], hasNot: [NORTH_COURSE] },
      districtMethodist: { status: 200, has: [OPEN_COURSE, NORTH_COURSE] },
      admin: { status: 200, has: [OPEN_COURSE, NORTH_COURSE] },
    },
  },
  "GET /courses/:id": { path: (f) => `/courses/${f.northCourseId}`, expect: northItem([NORTH_COURSE, NORTH_TEACHER]) },
  "GET /courses/:id/participants.xlsx": { path: (f) => `/courses/${f.northCourseId}/participants.xlsx`, expect: northItem([NORTH_TEACHER]) },
  "POST /courses/:id/complete": { path: (f) => `/courses/${f.northCourseId}/complete`, form: { reg: "99999" }, expect: northItem([NORTH_TEACHER], 400) },
  "GET /meetings": {
    path: () => "/meetings",
    expect: {
      stranger: { status: 401, hasNot: [NORTH_MEETING] },
      teacher: { status: 200, hasNot: [NORTH_MEETING] },
      otherMethodist: { status: 200, hasNot: [NORTH_MEETING] },
      districtMethodist: { status: 200, has: [NORTH_MEETING] },
      admin: { status: 200, has: [NORTH_MEETING] },
    },
  },
  "GET /meetings/:id": { path: (f) => `/meetings/${f.northMeetingId}`, expect: northItem([NORTH_MEETING, NORTH_TEACHER]) },
  "GET /meetings/:id/calendar.ics": {
    path: (f) => `/meetings/${f.northMeetingId}/calendar.ics`,
    // SOUTH's teacher is not invited to NORTH's meeting: not found, as for SOUTH's methodist
    expect: { ...northItem([NORTH_MEETING]), teacher: { status: 404, hasNot: [NORTH_MEETING] } },
  },
  "POST /meetings/:id/attendance": {
    path: (f) => `/meetings/${f.northMeetingId}/attendance`,
    form: { attended: "99999" },
    expect: northItem([NORTH_TEACHER], 400),
  },
  "GET /calendar": {
    path: () => "/calendar",
    expect: { ...all({ status: 200, has: ["/calendar/link"] }), stranger: { status: 401, hasNot: ["/calendar/link"] } },
  },
  "POST /calendar/link": {
    path: () => "/calendar/link",
    form: {},
    expect: { ...all({ status: 200, has: ["/calendar/feed/"] }), stranger: { status: 401, hasNot: ["/calendar/feed/"] } },
  },
  "POST /calendar/revoke": { path: () => "/calendar/revoke", form: {}, expect: { ...all({ status: 303 }), stranger: { status: 401 } } },
  "GET /calendar/feed/:file": { path: () => `/calendar/feed/${"A".repeat(43)}.ics`, expect: all({ status: 404, hasNot: ["BEGIN:VCALENDAR"] }) },
  "GET /verify": { path: () => "/verify", expect: all({ status: 200, has: ['action="/verify"'] }) },
  "GET /verify/:number": { path: (f) => `/verify/${f.certificate}`, expect: all({ status: 200, has: [NORTH_TEACHER, "✅"] }) },
  // --- end events ---
};

const ROUTES = (app: TestApp) => SECTIONS.flatMap((s) => s.routes(app).map((r) => `${r.method} ${r.path}`));

describe.each(providers)("every route of the site, as each kind of person, on %s", (provider) => {
  let app: TestApp;
  let site: Site;
  let f: Fixture;
  beforeAll(async () => {
    app = await createTestApp(provider, { env: { WEB_REPORTS_MAX_AGE_SECONDS: "0" } });
    site = await serveSite(app);
    const people = await districtPeople(app, 8000);
    const northSchoolId = (await app.db.prisma.user.findUniqueOrThrow({ where: { id: people.northT.userId } })).schoolId!;
    // something to count: NORTH's teacher on a course this year
    app.clock.set(new Date("2026-11-24T09:00:00Z"));
    await enrol(app, await createCourse(app, "Курс", "2027-02-01T09:00:00+03:00"), people.northT.userId, "registered");
    // --- web-bank ---
    const wb = await webBankFixture(app, people);
    // --- end web-bank ---
    // --- events (branch web-events) ---
    await createCourse(app, OPEN_COURSE, "2027-03-01T09:00:00+03:00");
    const northCourseId = await createCourse(app, NORTH_COURSE, "2026-11-20T09:00:00+03:00");
    await app.db.prisma.course.update({ where: { id: northCourseId }, data: { districtId: people.north.id } });
    await enrol(app, northCourseId, people.northT.userId, "registered");
    const northMeetingId = (await publishMeeting(app, people.northM.userId, { title: NORTH_MEETING, audience: "everyone", subjectIds: [] })).id;
    const materialId = await insertMaterial(app, people.northT.userId, { title: "Карточки" }, people.northM.userId);
    const holder = (await app.services.users.byId(people.northT.userId))!;
    const certificate = (await app.services.documents.certificate(holder, "material", materialId)).number;
    f = { ...people, northSchoolId, wb, northCourseId, northMeetingId, certificate };
    // --- end events ---
  });
  afterAll(async () => {
    await site.close();
    await closeTestApp(app);
  });

  it("has a case for every route in the route table", () => {
    expect(ROUTES(app).filter((r) => !CASES[r])).toEqual([]);
    expect(Object.keys(CASES).filter((k) => !ROUTES(app).includes(k))).toEqual([]);
  });

  const browserOf = async (who: Who): Promise<WebClient> => {
    const userId = { stranger: null, teacher: f.southT.userId, otherMethodist: f.southM.userId, districtMethodist: f.northM.userId, admin: f.admin.userId }[
      who
    ];
    return userId === null ? new WebClient(site) : signedIn(app, site, userId);
  };

  for (const [key, c] of Object.entries(CASES)) {
    it(`${key}`, async () => {
      const problems: string[] = [];
      for (const who of EVERYONE) {
        const browser = await browserOf(who);
        const path = c.path(f);
        const res: WebResponse = c.form
          ? await browser.postForm(path, c.form)
          : c.json !== undefined
            ? await browser.postJson(path, c.json)
            : await browser.request(key.split(" ")[0]!, path);
        const want = c.expect[who];
        const seen = await visibleText(res);
        if (res.status !== want.status) problems.push(`${who}: status ${res.status}, expected ${want.status}`);
        for (const s of want.has ?? []) if (!seen.includes(s)) problems.push(`${who}: does not show ${s}`);
        for (const s of want.hasNot ?? []) if (seen.includes(s)) problems.push(`${who}: shows ${s}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

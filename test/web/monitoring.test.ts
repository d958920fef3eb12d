// The monitoring section as a methodist uses it at her desk: the tables hold what the database holds and
// what /coverage, /attestation and /teachers say in the chat; the .xlsx is the chat's file; a school's page
// lists its teachers and what each lacks. Through the real HTTP server, on both databases.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "../../src/domain/errors.js";
import { providers } from "../helpers/databases.js";
import { loadTwoDistricts, registerDistrictMethodist } from "../helpers/districts.js";
import { insertTeacher, registerAdmin } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { serveSite, type Site, signedIn, tableRows } from "../helpers/web.js";
import { parseBook } from "../helpers/workbook.js";
import { createCourse, enrol } from "../coverage/helpers.js";

describe.each(providers)("the monitoring section on %s", (provider) => {
  let app: TestApp;
  let site: Site;
  beforeEach(async () => {
    app = await createTestApp(provider, { env: { WEB_REPORTS_MAX_AGE_SECONDS: "0" } });
    site = await serveSite(app);
  });
  afterEach(async () => {
    await site.close();
    await closeTestApp(app);
  });

  /** NORTH: 2 teachers at its first school (one on a course), 1 at its second (on a course); SOUTH: 2 (one). */
  async function region() {
    const { north, south } = await loadTwoDistricts(app);
    const school = (id: number) => app.db.prisma.school.findUniqueOrThrow({ where: { id } });
    const [n1, n2, s1] = [await school(north.schoolIds[0]!), await school(north.schoolIds[1]!), await school(south.schoolIds[0]!)];
    const c = await createCourse(app, "Формирующее оценивание", "2026-12-01T06:00:00Z");
    const abramova = await insertTeacher(app, 8101, { name: "Абрамова Анна", schoolId: n1.id });
    const borisova = await insertTeacher(app, 8102, { name: "Борисова Вера", schoolId: n1.id });
    const vasilyeva = await insertTeacher(app, 8103, { name: "Васильева Галина", schoolId: n2.id });
    const gracheva = await insertTeacher(app, 8201, { name: "Грачёва Дарья", schoolId: s1.id });
    await insertTeacher(app, 8202, { name: "Дёмина Елена", schoolId: s1.id, subjectCodes: ["physics"] });
    for (const id of [abramova, vasilyeva, gracheva]) await enrol(app, c, id, "registered");
    return { north, south, n1, n2, s1, abramova, borisova, vasilyeva };
  }

  /** What the database says, counted here by hand: registered active teachers and those on a course this year, by school. */
  async function coverageFromDatabase(schoolIds: number[]) {
    const rows = [];
    for (const id of schoolIds) {
      const teachers = await app.db.prisma.user.count({ where: { schoolId: id, role: "teacher", isActive: true, registeredAt: { not: null } } });
      const covered = await app.db.prisma.user.count({
        where: { schoolId: id, role: "teacher", isActive: true, courseRegistrations: { some: { status: { in: ["registered", "completed"] } } } },
      });
      const s = await app.db.prisma.school.findUniqueOrThrow({ where: { id } });
      if (teachers) rows.push([s.name, s.cluster ?? "", String(teachers), String(covered), `${Math.round((covered * 100) / teachers)} %`]);
    }
    return rows;
  }

  it("a district's methodist: the coverage table is the database's and the chat's numbers, the file is the chat's file", async () => {
    const { north, n1, n2 } = await region();
    const northM = await registerDistrictMethodist(app, 8001, north);
    const browser = await signedIn(app, site, northM.userId);

    const page = await browser.get("/monitoring/coverage");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const schools = tableRows(page.text, "schools");
    // least covered first, as in the chat
    expect(schools).toEqual([
      [n1.name, n1.cluster ?? "", "2", "1", "50 %"],
      [n2.name, n2.cluster ?? "", "1", "1", "100 %"],
    ]);
    expect([...schools].sort()).toEqual((await coverageFromDatabase(north.schoolIds)).sort());
    // no district table in a district's own report; the chart is there, as an inline SVG
    expect(page.text).not.toContain('id="districts"');
    expect(page.text).toContain("<svg");
    expect(page.text).toContain(`Охват курсами, 2026/2027 — ${north.name}`);

    // the chat says the same
    await northM.chat.send("/coverage");
    const [photo, text, file] = app.tg.transcript(8001).slice(-3);
    expect(photo!.kind).toBe("photo");
    expect(text!.text).toContain(`50% · ${n1.name} (1/2)`);
    expect(text!.text).toContain(`100% · ${n2.name} (1/1)`);

    // the download is the chat's file, sheet by sheet
    const download = await browser.get("/monitoring/coverage.xlsx");
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="coverage-2026-2027.xlsx"');
    const web = await parseBook({ kind: "document", file: { bytes: download.bytes } });
    const chat = await parseBook(file!);
    expect(web.names).toEqual(chat.names);
    for (const name of chat.names) expect(web.rows(name)).toEqual(chat.rows(name));
  });

  it("an admin sees the districts and every school with its district; attestation and who joined agree with the chat", async () => {
    const { north, south, n1, s1 } = await region();
    const admin = await registerAdmin(app);
    const browser = await signedIn(app, site, admin.userId);
    const coverage = await browser.get("/monitoring/coverage");
    expect(tableRows(coverage.text, "districts")).toEqual([
      [south.name, "2", "1", "50 %"],
      // the admin registered at NORTH's first school is staff, not a teacher: not counted
      [north.name, "3", "2", "67 %"],
    ]);
    expect(tableRows(coverage.text, "schools")).toContainEqual([s1.name, south.name, s1.cluster ?? "", "2", "1", "50 %"]);

    const attestation = await browser.get("/monitoring/attestation");
    expect(attestation.status).toBe(200);
    // nobody has told her category yet: 0 % everywhere
    expect(tableRows(attestation.text, "districts").map((r) => r.slice(0, 3))).toEqual([
      [north.name, "3", "0"],
      [south.name, "2", "0"],
    ]);
    await admin.chat.send("/attestation");
    expect(app.tg.transcript(admin.chat.id).slice(-3)[0]!.kind).toBe("photo");

    const joined = await browser.get("/monitoring/teachers");
    const joinedSchools = tableRows(joined.text, "schools");
    // every school of the region has a row; those nobody joined from first
    expect(joinedSchools).toHaveLength(24);
    expect(joinedSchools.find((r) => r[0] === n1.name)!.slice(0, 4)).toEqual([n1.name, north.name, n1.cluster ?? "", "2"]);
    expect(joinedSchools[0]![3]).toBe("0");
    await admin.chat.send("/teachers");
    const chatText = app.tg.transcript(admin.chat.id).slice(-2)[0]!.text;
    const registered = /Зарегистрировано педагогов: <b>(\d+)<\/b>/.exec(chatText)![1];
    expect(registered).toBe("5");
    expect(joined.text).toContain(`<b>${registered}</b><span class="muted">педагогов в боте</span>`);
  });

  it("a school's page: its teachers and what each lacks (no course, a category expired, expiring or not told, blocked)", async () => {
    const { north, n1, abramova, borisova } = await region();
    const extra = await insertTeacher(app, 8104, { name: "Гусева Инна", schoolId: n1.id });
    app.clock.set(new Date("2026-11-24T09:00:00Z"));
    await app.services.attestation.set(abramova, "highest", new Date("2030-05-01T00:00:00+03:00"));
    await app.services.attestation.set(borisova, "first", new Date("2027-02-01T00:00:00+03:00"));
    await app.services.users.markBlocked(extra);
    const northM = await registerDistrictMethodist(app, 8001, north, { school: n1.name });
    const browser = await signedIn(app, site, northM.userId);

    // from the coverage table, a click on the school
    const coverage = await browser.get("/monitoring/coverage");
    expect(coverage.text).toContain(`href="/monitoring/schools/${n1.id}"`);
    const page = await browser.get(`/monitoring/schools/${n1.id}`);
    expect(page.status).toBe(200);
    expect(tableRows(page.text, "teachers").map((r) => [r[0], r[2]])).toEqual([
      ["Абрамова Анна", "всё в порядке"],
      ["Борисова Вера", "нет курса в этом годукатегория истекает 1 февраля 2027"],
      // the reports count only whom the bot reaches: of a blocked teacher, that is what matters
      ["Гусева Инна", "заблокировал(а) бота"],
    ]);
    // a school that does not exist
    expect((await browser.get("/monitoring/schools/999999")).status).toBe(404);
    expect((await browser.get("/monitoring/schools/abc")).status).toBe(404);
  });

  it("speaks English to an English reader, the file too", async () => {
    const { north } = await region();
    const northM = await registerDistrictMethodist(app, 8001, north);
    const browser = await signedIn(app, site, northM.userId);
    const page = await browser.get("/monitoring/coverage?lang=en");
    expect(page.text).toContain("Course coverage, 2026/2027");
    expect(page.text).toContain("Download .xlsx");
    expect(page.text).not.toMatch(/Охват|Скачать/);
    const file = await parseBook({ kind: "document", file: { bytes: (await browser.get("/monitoring/coverage.xlsx")).bytes } });
    expect(file.names).toEqual(["By school", "Without a course"]);
  });

  it("keeps a count for WEB_REPORTS_MAX_AGE_SECONDS; 'count again' counts anew", async () => {
    await app.destroy();
    app = await createTestApp(provider, { env: { WEB_REPORTS_MAX_AGE_SECONDS: "60" } });
    await site.close();
    site = await serveSite(app);
    const { north, n1, borisova } = await region();
    const northM = await registerDistrictMethodist(app, 8001, north);
    const browser = await signedIn(app, site, northM.userId);
    const first = tableRows((await browser.get("/monitoring/coverage")).text, "schools");
    expect(first[0]).toEqual([n1.name, n1.cluster ?? "", "2", "1", "50 %"]);
    await enrol(app, await createCourse(app, "Ещё курс", "2027-01-10T06:00:00Z"), borisova, "registered");
    expect(tableRows((await browser.get("/monitoring/coverage")).text, "schools")).toEqual(first);
    const again = tableRows((await browser.get("/monitoring/coverage?fresh=1")).text, "schools");
    expect(again).toContainEqual([n1.name, n1.cluster ?? "", "2", "2", "100 %"]);
  });

  it("a refusal from a domain service is shown with its text, as the chat shows it", async () => {
    const { north } = await region();
    const northM = await registerDistrictMethodist(app, 8001, north);
    const browser = await signedIn(app, site, northM.userId);
    const real = app.services.coverage.courses;
    app.services.coverage.courses = () => Promise.reject(new DomainError("forbidden"));
    try {
      const page = await browser.get("/monitoring/coverage");
      expect(page.status).toBe(403);
      expect(page.text).toContain(app.messages.i18n.t("ru", "error-forbidden"));
    } finally {
      app.services.coverage.courses = real;
    }
  });
});

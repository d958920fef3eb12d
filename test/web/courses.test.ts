// The courses section as people use it at a desk: a methodist's list with seats and waiting lists, a
// course's page with its participants and the waiting list in order, completion marked for several at
// once (stored as the chat's "🎓" stores it), the chat's own .xlsx; a teacher's catalog; another
// district's course not found; bad input refused with nothing changed. Real HTTP server, both databases.
import { describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { districtPeople } from "../helpers/districts.js";
import { insertTeacher, type Person, registerViaBot } from "../helpers/flows.js";
import { servedSite } from "../helpers/served-site.js";
import { tableRows } from "../helpers/web.js";
import { parseBook } from "../helpers/workbook.js";
import { makeCourse, staff } from "../courses/helpers.js";

/** a course that begins in two days (a session lasts a week: the tests move the clock into the course) */
const SOON = {
  startDate: new Date("2026-11-25T06:00:00Z"),
  endDate: new Date("2026-11-27T21:00:00Z"),
  registrationDeadline: new Date("2026-11-24T20:59:00Z"),
};
const DURING = "2026-11-26T09:00:00Z";

describe.each(providers)("the courses section on %s", (provider) => {
  const s = servedSite(provider, { methodistId: 7700, env: { SEND_RATE_PER_SECOND: "1000" } });

  /** Two seats: Анна and Вера take them, Галина and Дарья wait (in that order). */
  async function course(m: Person) {
    const c = await makeCourse(s.app, m.userId, { seats: 2, ...SOON });
    const ids: Record<string, number> = {};
    for (const [i, name] of ["Абрамова Анна", "Борисова Вера", "Васильева Галина", "Григорьева Дарья"].entries()) {
      ids[name] = await insertTeacher(s.app, 7701 + i, { name });
      await s.app.services.courses.signUp(ids[name]!, c.id);
    }
    const reg = async (name: string) => s.app.db.prisma.courseRegistration.findFirstOrThrow({ where: { courseId: c.id, userId: ids[name] } });
    return { id: c.id, reg };
  }

  const statuses = (courseId: number) =>
    s.app.db.prisma.courseRegistration.findMany({ where: { courseId }, orderBy: { id: "asc" }, select: { status: true, completedAt: true } });

  it("a methodist: the list shows seats and the queue; the page lists participants and the waiting list in order; ticked ones are marked completed", async () => {
    const { m, browser } = await s.asMethodist();
    const { id, reg } = await course(m);

    const list = await browser.get("/courses");
    expect(list.status).toBe(200);
    const rows = tableRows(list.text, "courses");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 1)).toEqual(["Функциональная грамотность"]);
    expect(rows[0]!.slice(2, 4)).toEqual(["2 из 2", "2"]);
    expect(list.text).toContain(`href="/courses/${id}"`);

    // after the start: completion can be marked
    s.app.clock.set(DURING);
    const page = await browser.get(`/courses/${id}`);
    expect(page.status).toBe(200);
    expect(tableRows(page.text, "participants").map((r) => [r[1], r[4]])).toEqual([
      ["Абрамова Анна", "записан(а)"],
      ["Борисова Вера", "записан(а)"],
    ]);
    expect(tableRows(page.text, "waiting").map((r) => r.slice(0, 2))).toEqual([
      ["1", "Васильева Галина"],
      ["2", "Григорьева Дарья"],
    ]);
    const anna = await reg("Абрамова Анна");
    expect(page.text).toContain(`name="reg" value="${anna.id}"`);

    // one POST for the ticked (here: Анна)
    const done = await browser.postForm(`/courses/${id}/complete`, { reg: String(anna.id) });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`/courses/${id}?done=1`);
    expect((await reg("Абрамова Анна")).status).toBe("completed");
    expect((await reg("Абрамова Анна")).completedAt).toEqual(new Date(DURING));
    expect((await reg("Борисова Вера")).status).toBe("registered");
    const after = await browser.get(done.headers.get("location")!);
    expect(after.text).toContain("Отмечено окончание: 1.");
    expect(tableRows(after.text, "participants").map((r) => r[4])).toEqual(["курс пройден", "записан(а)"]);

    // the chat says the same
    const people = await s.app.services.courses.participants(await staff(s.app, m.userId), id, "ru");
    expect(people.filter((p) => p.status === "completed").map((p) => p.name)).toEqual(["Абрамова Анна"]);
  });

  it("bad input is refused with a clear message and nothing is marked: an unknown or already marked participant, a forged id, none ticked, before the start", async () => {
    const { m, browser } = await s.asMethodist();
    const { id, reg } = await course(m);
    const vera = await reg("Борисова Вера");
    const galina = await reg("Васильева Галина");
    const post = (fields: Record<string, string> | URLSearchParams) =>
      browser.request("POST", `/courses/${id}/complete`, { body: new URLSearchParams(fields).toString(), type: "application/x-www-form-urlencoded" });

    // before the start: no checkboxes, and the service refuses
    const early = await browser.get(`/courses/${id}`);
    expect(early.text).not.toContain('name="reg"');
    expect(early.text).toContain("Окончание отмечают после начала курса.");
    const tooEarly = await post({ reg: String(vera.id) });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.text).toContain("Курс ещё не начался");
    const before = await statuses(id);

    s.app.clock.set(DURING);
    // Вера is fine but Галина waits: nothing at all is marked
    const mixed = await post(
      new URLSearchParams([
        ["reg", String(vera.id)],
        ["reg", String(galina.id)],
      ]) as never,
    );
    expect(mixed.status).toBe(400);
    expect(mixed.text).toContain("Среди отмеченных есть те, кто не записан на этот курс");
    for (const bad of ["abc", "0", "-1", "99999999", "1e3"]) {
      const res = await post({ reg: bad });
      expect(res.status).toBe(400);
      expect(res.text).toContain("Ничего не изменено");
    }
    const none = await post({});
    expect(none.status).toBe(400);
    expect(none.text).toContain("Отметьте хотя бы одного участника");
    expect(await statuses(id)).toEqual(before);

    // an unknown course, a forged path
    expect((await browser.get("/courses/99999")).status).toBe(404);
    expect((await browser.get("/courses/abc")).status).toBe(404);
    expect((await browser.postForm("/courses/99999/complete", { reg: String(vera.id) })).status).toBe(404);
    // another site's form is refused before anything
    const forged = await browser.request("POST", `/courses/${id}/complete`, {
      body: `reg=${vera.id}`,
      type: "application/x-www-form-urlencoded",
      headers: { origin: "https://evil.example" },
    });
    expect(forged.status).toBe(403);
    expect(await statuses(id)).toEqual(before);
  });

  it("the .xlsx is the chat's file", async () => {
    const { m, browser } = await s.asMethodist();
    const { id } = await course(m);
    const download = await browser.get(`/courses/${id}/participants.xlsx`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="course-${id}-participants.xlsx"`);
    await m.chat.send("/courses_admin");
    await m.chat.press("Функциональная грамотность");
    await m.chat.press("📥 Таблица (.xlsx)");
    const chat = await parseBook(m.chat.messages().at(-1)!);
    const web = await parseBook({ kind: "document", file: { bytes: download.bytes } });
    expect(web.names).toEqual(chat.names);
    expect(web.rows()).toEqual(chat.rows());
    expect(web.rows().map((r) => r[1])).toEqual(["ФИО", "Абрамова Анна", "Борисова Вера", "Васильева Галина", "Григорьева Дарья"]);
  });

  it("a teacher sees the open courses and her registration as the chat shows them, and not a course's page", async () => {
    const m = await s.methodist();
    const { id } = await course(m);
    const nina = await registerViaBot(s.app, 7710, { name: "Орлова Нина" });
    await s.app.services.courses.signUp(nina.userId, id);
    const browser = await s.signedIn(nina.userId);
    const list = await browser.get("/courses");
    expect(list.status).toBe(200);
    const open = tableRows(list.text, "courses");
    expect(open.map((r) => [r[0], r[2], r[3], r[5]])).toEqual([["Функциональная грамотность", "2 из 2", "3", "лист ожидания, № 3"]]);
    expect(tableRows(list.text, "my-courses").map((r) => r[0])).toEqual(["Функциональная грамотность"]);
    expect(list.text).not.toContain(`href="/courses/${id}"`);
    expect((await browser.get(`/courses/${id}`)).status).toBe(403);
    expect((await browser.postForm(`/courses/${id}/complete`, { reg: "1" })).status).toBe(403);
  });

  it("districts: another district's course is not found and cannot be marked; a course for all districts is read-only for a district's methodist", async () => {
    const p = await districtPeople(s.app, 7800);
    const southCourse = await makeCourse(s.app, p.southM.userId, { title: "Южный курс", ...SOON });
    const regional = await makeCourse(s.app, p.regional.userId, { title: "Региональный курс", ...SOON });
    await s.app.services.courses.signUp(p.southT.userId, southCourse.id);
    await s.app.services.courses.signUp(p.northT.userId, regional.id);
    await s.app.services.courses.signUp(p.southT.userId, regional.id);
    s.app.clock.set(DURING);
    const north = await s.signedIn(p.northM.userId);

    const list = await north.get("/courses");
    expect(tableRows(list.text, "courses").map((r) => r[0])).toEqual(["Региональный курс"]);
    const south = await north.get(`/courses/${southCourse.id}`);
    expect(south.status).toBe(404);
    expect(south.text).not.toContain("Орлова Нина");
    const southReg = await s.app.db.prisma.courseRegistration.findFirstOrThrow({ where: { courseId: southCourse.id } });
    expect((await north.postForm(`/courses/${southCourse.id}/complete`, { reg: String(southReg.id) })).status).toBe(404);
    expect((await north.get(`/courses/${southCourse.id}/participants.xlsx`)).status).toBe(404);

    // the regional course: her district's participants only, no checkboxes, and marking is refused
    const page = await north.get(`/courses/${regional.id}`);
    expect(page.status).toBe(200);
    expect(tableRows(page.text, "participants").map((r) => r[0])).toEqual(["Волкова Дарья"]);
    expect(page.text).not.toContain('name="reg"');
    const northReg = await s.app.db.prisma.courseRegistration.findFirstOrThrow({ where: { courseId: regional.id, userId: p.northT.userId } });
    const refused = await north.postForm(`/courses/${regional.id}/complete`, { reg: String(northReg.id) });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("только методисты региона");
    expect(await s.app.db.prisma.courseRegistration.count({ where: { status: "completed" } })).toBe(0);
  });
});

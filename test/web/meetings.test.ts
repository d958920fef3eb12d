// The meetings section: a methodist's meetings with their answers, a meeting's page with everyone
// invited and her answer, attendance for several in one POST (stored as the chat's "✅" stores it, a box
// left empty takes a mark back), the .ics; a teacher's meetings; another district's meeting not found;
// bad input refused with nothing changed. Real HTTP server, both databases.
import { describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { districtPeople } from "../helpers/districts.js";
import { insertTeacher } from "../helpers/flows.js";
import { servedSite } from "../helpers/served-site.js";
import { tableRows } from "../helpers/web.js";
import { publishMeeting } from "../meetings/helpers.js";

const TITLE = "Заседание РМО учителей математики";
/** the meeting (26 November, 12:00Z) has begun */
const DURING = "2026-11-26T13:00:00Z";

describe.each(providers)("the meetings section on %s", (provider) => {
  const s = servedSite(provider, { methodistId: 7900, env: { SEND_RATE_PER_SECOND: "1000" } });

  /** A maths meeting: Анна is going, Вера is not, Галина has not answered. */
  async function meeting() {
    const m = await s.methodist();
    const ids = {
      anna: await insertTeacher(s.app, 7901, { name: "Абрамова Анна" }),
      vera: await insertTeacher(s.app, 7902, { name: "Борисова Вера" }),
      galina: await insertTeacher(s.app, 7903, { name: "Васильева Галина" }),
    };
    const mt = await publishMeeting(s.app, m.userId);
    await s.app.services.meetings.rsvp(ids.anna, mt.id, "going");
    await s.app.services.meetings.rsvp(ids.vera, mt.id, "not_going");
    return { m, id: mt.id, ...ids };
  }
  const marks = (meetingId: number) =>
    s.app.db.prisma.meetingRsvp.findMany({ where: { meetingId }, orderBy: { userId: "asc" }, select: { userId: true, attended: true, markedById: true } });

  it("a methodist: answers per invitee, attendance marked for the ticked in one POST, a mark taken back, the .ics", async () => {
    const { m, id, anna, vera, galina } = await meeting();
    const browser = await s.signedIn(m.userId);

    const list = await browser.get("/meetings");
    expect(list.status).toBe(200);
    const row = tableRows(list.text, "meetings")[0]!;
    expect(row[1]).toBe(TITLE);
    expect(row.slice(3, 5)).toEqual(["1", "1"]);

    const page = await browser.get(`/meetings/${id}`);
    expect(page.status).toBe(200);
    const answers = tableRows(page.text, "invitees").map((r) => [r[0], r[3]]);
    expect(answers).toEqual(
      expect.arrayContaining([
        ["Абрамова Анна", "придёт"],
        ["Борисова Вера", "не придёт"],
        ["Васильева Галина", "нет ответа"],
      ]),
    );
    // going first, then not going, then no answer
    expect(answers.slice(0, 2)).toEqual([
      ["Абрамова Анна", "придёт"],
      ["Борисова Вера", "не придёт"],
    ]);
    // before the start: nothing to tick, and the service refuses
    expect(page.text).not.toContain('name="attended"');
    const early = await browser.postForm(`/meetings/${id}/attendance`, { attended: String(anna) });
    expect(early.status).toBe(400);
    expect(early.text).toContain("Встреча ещё не началась");
    const before = await marks(id);

    s.app.clock.set(DURING);
    const during = await s.signedIn(m.userId);
    expect((await during.get(`/meetings/${id}`)).text).toContain(`name="attended" value="${anna}"`);
    const body = new URLSearchParams([
      ["attended", String(anna)],
      ["attended", String(galina)],
    ]).toString();
    const saved = await during.request("POST", `/meetings/${id}/attendance`, { body, type: "application/x-www-form-urlencoded" });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/meetings/${id}?marked=2`);
    expect(before.every((r) => r.attended === null)).toBe(true);
    const stored = await marks(id);
    expect(stored.find((r) => r.userId === anna)).toEqual({ userId: anna, attended: true, markedById: m.userId });
    // she came without answering: a row keeps her mark
    expect(stored.find((r) => r.userId === galina)).toEqual({ userId: galina, attended: true, markedById: m.userId });
    expect(stored.find((r) => r.userId === vera)!.attended).toBeNull();
    const after = await during.get(`/meetings/${id}?marked=2`);
    expect(after.text).toContain("Посещаемость сохранена, изменений: 2.");
    expect(after.text).toMatch(new RegExp(`value="${galina}" checked`));

    // Галина's box left empty: her mark is taken back; Анна's stays
    const again = await during.postForm(`/meetings/${id}/attendance`, { attended: String(anna) });
    expect(again.headers.get("location")).toBe(`/meetings/${id}?marked=1`);
    expect((await marks(id)).map((r) => r.attended)).toEqual([true, null, false]);

    const ics = await during.get(`/meetings/${id}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    expect(ics.text).toContain(`UID:meeting-${id}@metodset.bot`);
    expect(ics.text).toContain(`SUMMARY:${TITLE}`);
  });

  it("bad input is refused with a clear message and nothing is marked", async () => {
    const { m, id, anna } = await meeting();
    s.app.clock.set(DURING);
    const browser = await s.signedIn(m.userId);
    const before = await marks(id);
    const post = (pairs: [string, string][]) =>
      browser.request("POST", `/meetings/${id}/attendance`, { body: new URLSearchParams(pairs).toString(), type: "application/x-www-form-urlencoded" });
    for (const bad of ["99999", "abc", "0", "-3"]) {
      const res = await post([
        ["attended", String(anna)],
        ["attended", bad],
      ]);
      expect(res.status).toBe(400);
      expect(res.text).toContain("Среди отмеченных есть те, кто не приглашён на эту встречу");
    }
    // someone who is not in the audience (another subject): refused too
    const stranger = await insertTeacher(s.app, 7950, { name: "Физикова Ольга", subjectCodes: ["physics"] });
    expect((await post([["attended", String(stranger)]])).status).toBe(400);
    expect(await marks(id)).toEqual(before);
    expect((await browser.get("/meetings/99999")).status).toBe(404);
    expect((await browser.postForm("/meetings/99999/attendance", { attended: String(anna) })).status).toBe(404);
    expect((await browser.get("/meetings/99999/calendar.ics")).status).toBe(404);
  });

  it("a teacher sees her meetings with her answer and their .ics, not a meeting's page", async () => {
    const { id, anna } = await meeting();
    const browser = await s.signedIn(anna);
    const list = await browser.get("/meetings");
    expect(tableRows(list.text, "meetings").map((r) => [r[1], r[3]])).toEqual([[TITLE, "придёт"]]);
    expect(list.text).not.toContain(`href="/meetings/${id}"`);
    expect((await browser.get(`/meetings/${id}`)).status).toBe(403);
    expect((await browser.postForm(`/meetings/${id}/attendance`, { attended: String(anna) })).status).toBe(403);
    expect((await browser.get(`/meetings/${id}/calendar.ics`)).status).toBe(200);
  });

  it("districts: another district's meeting is not found, its attendance cannot be marked", async () => {
    const p = await districtPeople(s.app, 8100);
    const south = await publishMeeting(s.app, p.southM.userId, { title: "Южное совещание", audience: "everyone", subjectIds: [] });
    await s.app.services.meetings.rsvp(p.southT.userId, south.id, "going");
    s.app.clock.set(DURING);
    const north = await s.signedIn(p.northM.userId);
    const list = await north.get("/meetings");
    expect(list.text).not.toContain("Южное совещание");
    expect(list.text).toContain("Нет встреч впереди и за последний месяц.");
    const page = await north.get(`/meetings/${south.id}`);
    expect(page.status).toBe(404);
    expect(page.text).not.toContain("Орлова Нина");
    expect((await north.postForm(`/meetings/${south.id}/attendance`, { attended: String(p.southT.userId) })).status).toBe(404);
    expect(await marks(south.id)).toEqual([{ userId: p.southT.userId, attended: null, markedById: null }]);
    // her own district's methodist marks it
    const southM = await s.signedIn(p.southM.userId);
    expect((await southM.postForm(`/meetings/${south.id}/attendance`, { attended: String(p.southT.userId) })).status).toBe(303);
    expect((await marks(south.id))[0]!.attended).toBe(true);
  });
});

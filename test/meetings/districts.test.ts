// Meetings in a regional deployment: a district methodist's meeting is her district's, for its people
// only (invitations, counts, nudges, notices); teachers see meetings for everyone and their district's,
// and another district's meeting is not found for them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { meetingCalendarData, meetingRsvpData } from "../../src/bot/features/meetings/callbacks.js";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { closeTestApp, type TestApp } from "../helpers/test-app.js";
import { actor, publishMeeting } from "./helpers.js";
import { queuedFor, regionApp, sorted, type Region } from "./region.js";

describe.each(providers)("meetings by district on %s", (provider) => {
  let app: TestApp;
  let r: Region;
  beforeEach(async () => {
    ({ app, r } = await regionApp(provider));
  });
  afterEach(() => closeTestApp(app));

  const north = () => sorted([r.nm.userId, r.rm.userId, r.admin.userId, r.n1, r.n2]);

  it("a district methodist's meeting is her district's: its audience is intersected with the district's people", async () => {
    const everyone = await publishMeeting(app, r.nm.userId, { audience: "everyone", title: "Семинар Северного района" });
    expect([everyone.districtId, everyone.districtName]).toEqual([r.north.id, "Северный район"]);
    expect((await app.services.meetings.counts(everyone.id)).audience).toBe(5);
    expect(await queuedFor(app, `meeting-${everyone.id}`)).toEqual(north());

    // subjects: the north's mathematicians (the methodists and the admin teach maths too)
    const maths = await publishMeeting(app, r.nm.userId, { title: "РМО математиков Севера" });
    expect(await queuedFor(app, `meeting-${maths.id}`)).toEqual(sorted([r.nm.userId, r.rm.userId, r.admin.userId, r.n1]));
    // methodists: the south's only
    const methodists = await publishMeeting(app, r.sm.userId, { audience: "methodists", subjectIds: [], title: "Методсовет Юга" });
    expect(methodists.districtId).toBe(r.south.id);
    expect(await queuedFor(app, `meeting-${methodists.id}`)).toEqual([r.sm.userId]);
    // schools: another district's school is dropped; only another district's is no audience at all
    const schools = await publishMeeting(app, r.nm.userId, {
      audience: "schools",
      subjectIds: [],
      schoolIds: [r.north.schoolIds[0]!, r.south.schoolIds[0]!],
      title: "Для СОШ № 1",
    });
    expect(schools.schoolIds).toEqual([r.north.schoolIds[0]]);
    expect(await queuedFor(app, `meeting-${schools.id}`)).toEqual(sorted([r.nm.userId, r.rm.userId, r.admin.userId, r.n1]));
    await expect(publishMeeting(app, r.nm.userId, { audience: "schools", subjectIds: [], schoolIds: [r.south.schoolIds[0]!] })).rejects.toMatchObject({
      code: "meeting-audience-empty",
    });

    // an admin's and a regional methodist's meetings are everyone's
    for (const p of [r.admin, r.rm]) {
      const m = await publishMeeting(app, p.userId, { audience: "everyone", title: `Для всех от ${p.userId}` });
      expect(m.districtId).toBeNull();
      expect((await app.services.meetings.counts(m.id)).audience).toBe(8);
    }
    // the attendance list (and so the spreadsheet) is the district's people
    const rows = await app.services.meetings.attendanceList(await actor(app, r.nm.userId), everyone.id);
    expect(rows.map((x) => x.userId).sort((a, b) => a - b)).toEqual(north());
    // the preview's count is the same
    expect(await app.services.meetings.audienceSize({ audience: "everyone", subjectIds: [], schoolIds: [], districtId: r.south.id })).toBe(3);
  });

  it("teachers see meetings for everyone and their district's; another district's cannot be answered or downloaded", async () => {
    const ours = await publishMeeting(app, r.nm.userId, { audience: "everyone", title: "Семинар Северного района" });
    await publishMeeting(app, r.admin.userId, { audience: "everyone", title: "Региональная конференция" });
    await deliverAll(app);

    const list = async (chatId: number) => {
      const chat = app.user(chatId);
      const from = chat.mark();
      await chat.send("/meetings");
      return chat.textsSince(from).join("\n---\n");
    };
    const northList = await list(7101);
    expect(northList).toContain("Семинар Северного района");
    expect(northList).toContain("🏙 Район: Северный район");
    expect(northList).toContain("Региональная конференция");
    const southList = await list(7201);
    expect(southList).toContain("Региональная конференция");
    expect(southList).not.toContain("Семинар Северного района");
    expect(southList).not.toContain("Район:");

    // a forged (or stale) button of the north's meeting in a south teacher's chat
    const s1 = app.user(7201);
    await s1.pressData(meetingRsvpData.pack({ id: ours.id, going: true }));
    expect(s1.toasts().at(-1)).toBe("Этой встречи больше нет.");
    const documents = app.tg.callsOf("sendDocument").length;
    await s1.pressData(meetingCalendarData.pack({ id: ours.id }));
    expect(s1.toasts().at(-1)).toBe("Этой встречи больше нет.");
    expect(app.tg.callsOf("sendDocument")).toHaveLength(documents);
    expect(await app.db.prisma.meetingRsvp.count({ where: { meetingId: ours.id, userId: r.s1 } })).toBe(0);

    // the north's teacher answers it
    await app.user(7101).pressData(meetingRsvpData.pack({ id: ours.id, going: true }));
    expect(app.user(7101).toasts().at(-1)).toBe("Записали: вы придёте.");
    expect(await app.services.meetings.answerOf(r.n1, ours.id)).toBe("going");
  });

  it("the nudge and the cancellation reach the district's people only", async () => {
    const m = await publishMeeting(app, r.nm.userId, { audience: "everyone", title: "Семинар Северного района" });
    await deliverAll(app);
    await app.user(7101).press(/Приду/);
    // a day before: those of the district who did not answer
    app.clock.set("2026-11-25T12:00:00Z");
    await app.scheduler.tick();
    expect(await queuedFor(app, `meeting-${m.id}-nudge`)).toEqual(sorted([r.nm.userId, r.rm.userId, r.admin.userId, r.n2]));
    await deliverAll(app);
    await app.services.meetings.cancel(await actor(app, r.nm.userId), m.id);
    expect(await queuedFor(app, `meeting-${m.id}-cancelled`)).toEqual(sorted([r.rm.userId, r.admin.userId, r.n1, r.n2]));
  });
});

// A district's methodist creating and managing meetings in a regional deployment: her district's
// schools in the picker, her district on the preview, her district's meetings in /meetings_admin, and
// another district's meeting refused through a stale button.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { meetingAdminData, meetingSchoolData } from "../../src/bot/features/meetings/callbacks.js";
import { providers } from "../helpers/databases.js";
import { SOUTH } from "../helpers/districts.js";
import type { TestUser } from "../helpers/fake-telegram.js";
import { registerMethodist } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { publishMeeting } from "./helpers.js";
import { queuedFor, regionApp, sorted, type Region } from "./region.js";

/** /newmeeting up to the audience question */
async function startMeeting(c: TestUser, title: string) {
  await c.send("/newmeeting");
  await c.press("Семинар");
  await c.send(title);
  await c.send("-");
  await c.send("01.12.2026 15:00");
  await c.send("90");
  await c.send("МБОУ «СОШ № 1», актовый зал");
}

const schoolLabels = (c: TestUser) =>
  c
    .buttons()
    .map((b) => b.text.replace(/^✅ /, ""))
    .filter((t) => t.startsWith("МБ"));

describe.each(providers)("managing meetings by district on %s", (provider) => {
  let app: TestApp;
  let r: Region;
  beforeEach(async () => {
    ({ app, r } = await regionApp(provider));
  });
  afterEach(() => closeTestApp(app));

  it("/newmeeting: her district's schools, her district on the preview and the reach; the meeting is her district's", async () => {
    const c = r.nm.chat;
    await startMeeting(c, "Семинар для СОШ № 1");
    await c.press("По школам");
    const north = (await app.db.prisma.school.findMany({ where: { id: { in: r.north.schoolIds } } })).map((s) => s.name);
    const first = schoolLabels(c);
    expect(first).toHaveLength(8);
    for (const s of first) expect(north).toContain(s);
    // 12 schools: two pages
    expect(c.buttons().map((b) => b.text)).toContain("1/2");
    await c.send("Покровская");
    expect(c.lastText()).toContain("Школ по запросу «Покровская» не нашлось");
    // «№ 1» is «СОШ № 1» of hers, not the south's «Детский сад № 1»
    await c.send("1");
    expect(schoolLabels(c)).toEqual(["МБОУ «СОШ № 1»"]);
    await c.press("МБОУ «СОШ № 1»");
    // a forged press on a south school: the meeting stays her district's
    await c.pressData(meetingSchoolData.pack({ id: r.south.schoolIds[0]!, page: -1 }));
    await c.press("Готово ✔️");
    await c.send("-");
    const preview = c.lastText();
    expect(preview).toContain("🏙 Район: Северный район");
    // she, the regional methodist, the admin and the teacher of «СОШ № 1»
    expect(preview).toContain("Приглашение получат: 4 чел.");
    await c.press("Опубликовать");
    expect(c.lastText()).toContain("Приглашение отправляется: 4 чел.");
    const m = await app.db.prisma.meeting.findFirstOrThrow({ include: { schools: true } });
    expect(m.districtId).toBe(r.north.id);
    expect(m.schools.map((s) => s.schoolId)).toEqual([r.north.schoolIds[0]]);
    expect(await queuedFor(app, `meeting-${m.id}`)).toEqual(sorted([r.nm.userId, r.rm.userId, r.admin.userId, r.n1]));

    // the admin's picker has every district's schools, and her meeting is everyone's
    await startMeeting(r.admin.chat, "Конференция для Покровской школы");
    await r.admin.chat.press("По школам");
    await r.admin.chat.send("Покровская");
    expect(schoolLabels(r.admin.chat)).toEqual([`МБОУ «Покровская СОШ» · ${SOUTH}`]);
    await r.admin.chat.press("МБОУ «Покровская СОШ»");
    await r.admin.chat.press("Готово ✔️");
    await r.admin.chat.send("-");
    expect(r.admin.chat.lastText()).not.toContain("Район");
    expect(r.admin.chat.lastText()).toContain("Приглашение получат: 2 чел.");
  });

  it("/meetings_admin: her district's meetings only; another district's is refused through a stale button", async () => {
    const ours = await publishMeeting(app, r.nm.userId, { audience: "everyone", title: "Семинар Северного района" });
    const theirs = await publishMeeting(app, r.sm.userId, { audience: "everyone", title: "Семинар Южного района" });
    await publishMeeting(app, r.admin.userId, { audience: "everyone", title: "Региональная конференция" });
    const titles = async (c: TestUser) => {
      await c.send("/meetings_admin");
      return c
        .buttons()
        .map((b) => b.text.replace(/^.* · /, ""))
        .filter((t) => t !== "➕ Назначить встречу");
    };
    expect(await titles(r.nm.chat)).toEqual(["Семинар Северного района"]);
    expect(await titles(r.sm.chat)).toEqual(["Семинар Южного района"]);
    expect((await titles(r.rm.chat)).sort()).toEqual(["Региональная конференция", "Семинар Северного района", "Семинар Южного района"]);
    expect(await titles(r.admin.chat)).toHaveLength(3);

    // her own: the card with the district and the count of its people
    await r.nm.chat.press(/Семинар Северного района/);
    expect(r.nm.chat.lastText()).toContain("🏙 Район: Северный район");
    expect(r.nm.chat.lastText()).toContain("Приглашено: 5 ·");

    // the south's through stale buttons: open, spreadsheet, edit, cancel
    const documents = app.tg.callsOf("sendDocument").length;
    for (const action of ["open", "xlsx", "time", "cancel", "cancel-yes", "answers", "attend"]) {
      const from = r.nm.chat.mark();
      await r.nm.chat.pressData(meetingAdminData.pack({ id: theirs.id, action }));
      expect(r.nm.chat.toasts().at(-1), action).toBe("Этой встречи больше нет.");
      expect(r.nm.chat.textsSince(from), action).toEqual([]);
    }
    expect(app.tg.callsOf("sendDocument")).toHaveLength(documents);
    expect((await app.services.meetings.get(theirs.id)).status).toBe("scheduled");
    expect(await app.db.prisma.conversationState.count({ where: { key: String(7001) } })).toBe(0);

    // the regional methodist manages any: she opens the south's
    await r.rm.chat.pressData(meetingAdminData.pack({ id: theirs.id, action: "open" }));
    expect(r.rm.chat.lastText()).toContain("Семинар Южного района");
    expect(r.rm.chat.lastText()).toContain("🏙 Район: Южный район");
    expect(ours.districtId).toBe(r.north.id);
  });
});

describe.each(providers)("meetings without districts on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("a methodist's meeting is everyone's, and its card says nothing of districts", async () => {
    const m = await registerMethodist(app, 7301);
    const meeting = await publishMeeting(app, m.userId, { audience: "everyone" });
    expect([meeting.districtId, meeting.districtName]).toEqual([null, null]);
    await m.chat.send("/meetings_admin");
    await m.chat.press(/Заседание РМО учителей математики/);
    expect(m.chat.lastText()).not.toContain("Район");
  });
});

// A regional meeting for chosen districts (the audience "districts"): staff of the whole region pick
// districts in /newmeeting (at least one); only their people are invited, counted, see the meeting,
// answer it, are nudged and told of changes, and fill the spreadsheet; the card names the districts.
// A district's methodist is not offered it, nor is anyone in a deployment without districts.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { meetingAudienceData, meetingCalendarData, meetingDistrictData, meetingRsvpData } from "../../src/bot/features/meetings/callbacks.js";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import type { ChatMessage, TestUser } from "../helpers/fake-telegram.js";
import { registerAdmin, registerMethodist } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { actor, publishMeeting } from "./helpers.js";
import { queuedFor, regionApp, sorted, type Region } from "./region.js";
import { parseBook } from "../helpers/workbook.js";

/** /newmeeting up to the audience question */
async function startMeeting(c: TestUser, title: string) {
  await c.send("/newmeeting");
  await c.press("Семинар");
  await c.send(title);
  await c.send("-");
  await c.send("01.12.2026 15:00");
  await c.send("90");
  await c.send("МБОУ «Гимназия № 3», актовый зал");
}

const AUDIENCES = ["👥 Все педагоги", "📚 По предметам", "🏫 По школам", "🛠 Только методисты"];
const audienceLabels = (c: TestUser) => c.buttons().map((b) => b.text);
/** the districts picker's buttons, wherever it is in the chat (edited in place) */
function pickerLabels(c: TestUser): string[] {
  const id = c.findButton("Готово ✔️")!.message_id;
  return (c.messages().find((m) => m.message_id === id)!.reply_markup.inline_keyboard as { text: string }[][]).flat().map((b) => b.text);
}

const sheetRows = async (file: ChatMessage) => (await parseBook(file)).rows();

describe.each(providers)("a regional meeting for chosen districts on %s", (provider) => {
  let app: TestApp;
  let r: Region;
  beforeEach(async () => {
    ({ app, r } = await regionApp(provider));
  });
  afterEach(() => closeTestApp(app));

  /** the south's people: its methodist (at «Покровская СОШ») and two teachers */
  const south = () => sorted([r.sm.userId, r.s1, r.s2]);

  it("an admin invites the south through /newmeeting: none chosen is refused; only the south is invited, sees it, answers it and fills the spreadsheet", async () => {
    const c = r.admin.chat;
    await startMeeting(c, "Семинар для педагогов Южного района");
    expect(audienceLabels(c)).toEqual(["👥 Все педагоги", "📚 По предметам", "🏫 По школам", "🏙 По районам", "🛠 Только методисты"]);
    await c.press("🏙 По районам");
    expect(c.lastText()).toContain("Педагогов каких районов приглашаете?");
    expect(c.buttons().map((b) => b.text)).toEqual(["Северный район", "Южный район", "Готово ✔️"]);

    // Done with none: refused, the question stays with its buttons
    await c.press("Готово ✔️");
    expect(c.toasts().at(-1)).toBe("Отметьте хотя бы один район — иначе приглашение некому отправить.");
    expect(c.lastText()).toContain("Педагогов каких районов приглашаете?");
    // typing instead of ticking
    await c.send("Южный");
    expect(c.lastText()).toContain("Отметьте районы кнопками выше");
    // a forged district id is not one of those offered
    await c.pressData(meetingDistrictData.pack({ id: 999_999 }), c.findButton("Готово ✔️")!.message_id);
    expect(c.toasts().at(-1)).toContain("Эта кнопка устарела");
    // ticked, then the north ticked and unticked
    await c.press("Южный район");
    await c.press("Северный район");
    expect(pickerLabels(c)).toEqual(["✅ Северный район", "✅ Южный район", "Готово ✔️"]);
    await c.press("✅ Северный район");
    expect(pickerLabels(c)).toEqual(["Северный район", "✅ Южный район", "Готово ✔️"]);
    const from = c.mark();
    await c.press("Готово ✔️");
    expect(c.messages().some((m) => m.text === "🏙 Район: Южный район")).toBe(true);
    expect(c.textsSince(from).join("\n")).toContain("До какого времени принимать ответы");
    await c.send("-");
    const preview = c.lastText();
    expect(preview).toContain("🏙 Район: Южный район");
    expect(preview).not.toContain("Северный");
    // the south's methodist and its two teachers (the admin's school is in the north)
    expect(preview).toContain("Приглашение получат: 3 чел.");
    await c.press("Опубликовать");
    expect(c.lastText()).toContain("Приглашение отправляется: 3 чел.");

    const m = await app.db.prisma.meeting.findFirstOrThrow({ include: { districts: true, schools: true, subjects: true } });
    expect(m).toMatchObject({ audience: "districts", districtId: null, title: "Семинар для педагогов Южного района" });
    expect(m.districts.map((d) => d.districtId)).toEqual([r.south.id]);
    expect([m.schools, m.subjects]).toEqual([[], []]);
    expect(await queuedFor(app, `meeting-${m.id}`)).toEqual(south());
    expect((await app.services.meetings.counts(m.id)).audience).toBe(3);

    await deliverAll(app);
    expect(receivedTexts(app, 7201).join("\n")).toContain("Семинар для педагогов Южного района");
    for (const tg of [7101, 7102, 7001, 7003]) expect(receivedTexts(app, tg).join("\n"), String(tg)).not.toContain("Южного района");

    // «Встречи»: a south teacher sees it with its district, a north one does not
    const list = async (tg: number) => {
      const chat = app.user(tg);
      const at = chat.mark();
      await chat.send("/meetings");
      return chat.textsSince(at).join("\n---\n");
    };
    const s2 = await list(7202);
    expect(s2).toContain("Семинар для педагогов Южного района");
    expect(s2).toContain("🏙 Район: Южный район");
    expect(await list(7101)).not.toContain("Семинар для педагогов Южного района");

    // a forged RSVP and calendar button in a north teacher's chat: refused, nothing stored or sent
    const n1 = app.user(7101);
    await n1.pressData(meetingRsvpData.pack({ id: m.id, going: true }));
    expect(n1.toasts().at(-1)).toBe("Этой встречи больше нет.");
    const documents = app.tg.callsOf("sendDocument").length;
    await n1.pressData(meetingCalendarData.pack({ id: m.id }));
    expect(n1.toasts().at(-1)).toBe("Этой встречи больше нет.");
    expect(app.tg.callsOf("sendDocument")).toHaveLength(documents);
    expect(await app.db.prisma.meetingRsvp.count({ where: { meetingId: m.id } })).toBe(0);

    // the south's teacher answers from the invitation
    await app.user(7201).press("Приду");
    expect(app.user(7201).toasts().at(-1)).toBe("Записали: вы придёте.");
    expect(await app.services.meetings.answerOf(r.s1, m.id)).toBe("going");

    // the admin's card and spreadsheet: the district and its people only
    await c.send("/meetings_admin");
    await c.press(/Семинар для педагогов Южного района/);
    expect(c.lastText()).toContain("🏙 Район: Южный район");
    expect(c.lastText()).toContain("Приглашено: 3 · придут: 1 ·");
    await c.press("📥 Таблица (.xlsx)");
    const rows = await sheetRows(c.messages().at(-1)!);
    expect(rows.map((x) => [x[1], x[4]])).toEqual([
      ["ФИО", "Ответ"],
      ["Григорьева Дина", "придёт"],
      ["Денисова Елена", "нет ответа"],
      ["Южина Ольга Ивановна", "нет ответа"],
    ]);
  });

  it("two districts: both districts' people; the card lists them (both languages); the nudge and the cancellation keep to them", async () => {
    const meeting = await publishMeeting(app, r.rm.userId, {
      audience: "districts",
      subjectIds: [],
      districtIds: [r.south.id, r.north.id],
      title: "Межрайонный семинар",
    });
    expect(meeting.districtNames).toEqual(["Северный район", "Южный район"]);
    // everyone with a school: both districts' methodists, the regional one (who made it), the admin, four teachers
    expect((await app.services.meetings.counts(meeting.id)).audience).toBe(8);
    expect(await queuedFor(app, `meeting-${meeting.id}`)).toHaveLength(8);
    const card = async (c: TestUser, button: RegExp) => {
      await c.send("/meetings_admin");
      await c.press(button);
      return c.lastText();
    };
    expect(await card(r.rm.chat, /Межрайонный семинар/)).toContain("🏙 Районы: Северный район, Южный район");
    await app.db.prisma.user.update({ where: { id: r.admin.userId }, data: { language: "en" } });
    expect(await card(r.admin.chat, /Межрайонный семинар/)).toContain("🏙 Districts: Северный район, Южный район");

    // a south-only meeting: its nudge and cancellation reach the south's people only
    const m = await publishMeeting(app, r.rm.userId, { audience: "districts", subjectIds: [], districtIds: [r.south.id], title: "Семинар Юга" });
    await deliverAll(app);
    await app.user(7201).press(/Приду/);
    app.clock.set("2026-11-25T12:00:00Z");
    await app.scheduler.tick();
    expect(await queuedFor(app, `meeting-${m.id}-nudge`)).toEqual(sorted([r.sm.userId, r.s2]));
    await deliverAll(app);
    await app.services.meetings.cancel(await actor(app, r.rm.userId), m.id);
    expect(await queuedFor(app, `meeting-${m.id}-cancelled`)).toEqual(south());
  });

  it("the service: no district, an unknown one and a district methodist's other district are refused; hers is kept", async () => {
    for (const districtIds of [[], [999_999]]) {
      await expect(publishMeeting(app, r.admin.userId, { audience: "districts", subjectIds: [], districtIds })).rejects.toMatchObject({
        code: "meeting-districts-empty",
      });
    }
    await expect(publishMeeting(app, r.nm.userId, { audience: "districts", subjectIds: [], districtIds: [r.south.id] })).rejects.toMatchObject({
      code: "meeting-districts-empty",
    });
    const hers = await publishMeeting(app, r.nm.userId, { audience: "districts", subjectIds: [], districtIds: [r.south.id, r.north.id] });
    expect([hers.districtId, hers.districtIds]).toEqual([r.north.id, [r.north.id]]);
    expect(await app.db.prisma.meeting.count()).toBe(1);
  });

  it("a district's methodist is not offered districts; a forged press of it is ignored", async () => {
    const c = r.nm.chat;
    await startMeeting(c, "Семинар Северного района");
    expect(audienceLabels(c)).toEqual(AUDIENCES);
    await c.pressData(meetingAudienceData.pack({ audience: "districts" }));
    expect(c.lastText()).toContain("Кого пригласить?");
    expect(c.messages().some((m) => m.text.includes("Педагогов каких районов"))).toBe(false);
    await c.press("👥 Все педагоги");
    await c.send("-");
    expect(c.lastText()).toContain("🏙 Район: Северный район");
    await c.press("Опубликовать");
    expect(await app.db.prisma.meeting.findFirstOrThrow()).toMatchObject({ audience: "everyone", districtId: r.north.id });
    expect(app.missing).toEqual([]);
  });
});

describe.each(providers)("meetings for districts without districts on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("neither an admin nor a methodist is offered districts", async () => {
    const admin = await registerAdmin(app);
    const m = await registerMethodist(app, 7401);
    for (const c of [admin.chat, m.chat]) {
      await startMeeting(c, "Районный семинар");
      expect(audienceLabels(c)).toEqual(AUDIENCES);
      await c.send("/cancel");
    }
    expect(app.missing).toEqual([]);
  });
});

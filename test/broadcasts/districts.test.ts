// Broadcasts in a regional deployment: a district's methodist reaches her district's people only,
// whatever she picks; an admin may pick districts as a filter; a deployment without districts shows
// nothing of it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { broadcastPickData } from "../../src/bot/features/broadcasts/callbacks.js";
import { emptyAudience, parseAudience, type Audience } from "../../src/domain/broadcasts/index.js";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { NORTH, SOUTH } from "../helpers/districts.js";
import { registerAdmin, registerMethodist } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { enqueuedFor, regionApp, sorted, type Region } from "./region.js";

describe.each(providers)("broadcasts by district on %s", (provider) => {
  let app: TestApp;
  let r: Region;
  beforeEach(async () => {
    ({ app, r } = await regionApp(provider));
  });
  afterEach(() => closeTestApp(app));

  const user = async (id: number) => (await app.services.users.byId(id))!;
  const schoolNames = async (ids: number[]) => (await app.db.prisma.school.findMany({ where: { id: { in: ids } } })).map((s) => s.name);
  /** the labels of the picker's items (not the pager, not Done) */
  const items = (labels: { text: string }[]) => labels.map((b) => b.text.replace(/^✅ /, "")).filter((t) => t.startsWith("МБ"));

  it("counts: the author's district limits every filter; the district filter intersects like the others", async () => {
    const count = (a: Partial<Audience>, urgent = false) => app.services.broadcasts.count({ ...emptyAudience(), ...a }, urgent);
    const math = (await app.db.prisma.subject.findUniqueOrThrow({ where: { code: "math" } })).id;
    const { north, south } = r;
    // the north: its methodist, the admin (her school is there), three teachers; the south: its methodist, three teachers
    expect(await count({ districtId: north.id })).toBe(5);
    expect(await count({ districtId: south.id })).toBe(4);
    expect(await count({})).toBe(9);
    expect(await count({ districtId: north.id, subjectIds: [math] })).toBe(4);
    expect(await count({ districtId: north.id, roles: ["teacher"] })).toBe(3);
    expect(await count({ districtId: north.id, roles: ["methodist"] })).toBe(2);
    expect(await count({ districtId: north.id, schoolIds: [north.schoolIds[0]!] })).toBe(3);
    // another district's school: nobody, not its people
    expect(await count({ districtId: north.id, schoolIds: [south.schoolIds[0]!] })).toBe(0);
    expect(await count({ districtId: north.id, noCourseThisYear: true })).toBe(3);
    expect(await count({ districtId: south.id, noCourseThisYear: true })).toBe(3);
    expect(await count({ districtIds: [south.id] })).toBe(4);
    expect(await count({ districtIds: [south.id], subjectIds: [math] })).toBe(3);
    expect(await count({ districtIds: [north.id, south.id] })).toBe(9);

    // saving stamps the author's scope, whatever the audience said
    const text = { text: "Объявление", entities: [], attachment: null, urgent: false };
    const mine = await app.services.broadcasts.saveDraft(await user(r.nm.userId), { ...text, audience: { ...emptyAudience(), districtIds: [south.id] } });
    expect(mine.recipientCount).toBe(5);
    const stored = parseAudience((await app.services.broadcasts.byId(mine.id))!.audience);
    expect([stored.districtId, stored.districtIds]).toEqual([north.id, []]);
    const admins = await app.services.broadcasts.saveDraft(await user(r.admin.userId), { ...text, audience: emptyAudience(north.id) });
    expect(admins.recipientCount).toBe(9);
    expect(parseAudience((await app.services.broadcasts.byId(admins.id))!.audience).districtId).toBeNull();
    // a draft stored before districts existed still reads, as the whole deployment's
    const old = JSON.stringify({ subjectIds: [], schoolIds: [], roles: ["teacher"], courseId: null, meetingId: null, noCourseThisYear: false });
    expect(parseAudience(old)).toMatchObject({ roles: ["teacher"], districtId: null, districtIds: [] });
  });

  it("a district's methodist: her district on the panel, its schools in the picker, a forged school reaches nobody, the broadcast reaches her district", async () => {
    const c = r.nm.chat;
    await c.send("/broadcast");
    await c.send("Семинар для учителей района в пятницу");
    expect(c.lastText()).toContain("все зарегистрированные педагоги и методисты\nРайон: Северный район");
    expect(c.lastText()).toContain("Получателей: <b>5</b>");
    expect(c.buttons().map((b) => b.text)).not.toContain("🏙 Районы");

    await c.press("🏫 Школы");
    const shown = items(c.buttons());
    expect(shown).toHaveLength(10);
    const north = await schoolNames(r.north.schoolIds);
    for (const s of shown) expect(north).toContain(s);
    // the south's «СОШ № 15» is not among hers
    await c.send("15");
    expect(c.lastText()).toContain("Ничего не нашлось");
    await c.send("1");
    expect(items(c.buttons())).toEqual(["МБОУ «СОШ № 1»"]);
    // a forged press on a south school: it is ticked, and reaches nobody of the south
    await c.pressData(broadcastPickData.pack({ id: r.south.schoolIds[0]! }));
    await c.press("Готово");
    expect(c.lastText()).toContain("школы: МБОУ «Покровская СОШ»");
    expect(c.lastText()).toContain("Получателей: <b>0</b>");
    await c.press("Далее");
    expect(c.messages().at(-2)!.text).toContain("Под выбранные условия не подходит ни один человек");
    await c.press("Всем (сбросить)");
    expect(c.lastText()).toContain("Район: Северный район");
    expect(c.lastText()).toContain("Получателей: <b>5</b>");
    await c.press("Далее");
    expect(c.lastText()).toContain("Район: Северный район");
    expect(c.lastText()).toContain("Получателей: <b>5</b>");
    await c.press("Отправить");
    await deliverAll(app);

    const b = await app.db.prisma.broadcast.findFirstOrThrow();
    expect(parseAudience(b.audience)).toMatchObject({ districtId: r.north.id, schoolIds: [] });
    expect(b.recipientCount).toBe(5);
    expect(await enqueuedFor(app, b.id)).toEqual(sorted([r.nm.userId, r.admin.userId, r.n1, r.n2, r.n3]));
    expect(receivedTexts(app, 7101)).toContain("Семинар для учителей района в пятницу");
    for (const chat of [7002, 7201, 7202, 7203]) expect(receivedTexts(app, chat)).not.toContain("Семинар для учителей района в пятницу");
  });

  it("an admin picks districts as a filter, intersected with the others; her schools picker has every district's", async () => {
    const c = r.admin.chat;
    await c.send("/broadcast");
    await c.send("Региональный конкурс");
    expect(c.lastText()).toContain("Получателей: <b>9</b>");
    expect(c.lastText()).not.toContain("Район:");
    await c.press("🏫 Школы");
    await c.send("15");
    // among every district's schools each names its district
    expect(items(c.buttons())).toEqual([`МБОУ «СОШ № 15» · ${SOUTH}`]);
    await c.press("Готово");
    await c.press("🏙 Районы");
    expect(c.buttons().map((b) => b.text)).toEqual([NORTH, SOUTH, "Готово"]);
    await c.press(SOUTH);
    await c.press("Готово");
    expect(c.lastText()).toContain(`районы: ${SOUTH}`);
    expect(c.buttons().map((b) => b.text)).toContain("✅ 🏙 Районы");
    await c.press("Всем (сбросить)");
    expect(c.buttons().map((b) => b.text)).toContain("🏙 Районы");
    expect(c.lastText()).toContain("Получателей: <b>9</b>");
    await c.press("🏙 Районы");
    await c.press(SOUTH);
    await c.press("Готово");
    expect(c.lastText()).toContain("Получателей: <b>4</b>");
    await c.press("📚 Предметы");
    await c.press("Математика");
    await c.press("Готово");
    expect(c.lastText()).toContain(`предметы: Математика и районы: ${SOUTH}`);
    expect(c.lastText()).toContain("Получателей: <b>3</b>");
    await c.press("Далее");
    await c.press("Отправить");
    const b = await app.db.prisma.broadcast.findFirstOrThrow();
    expect(parseAudience(b.audience)).toMatchObject({ districtId: null, districtIds: [r.south.id] });
    expect(await enqueuedFor(app, b.id)).toEqual(sorted([r.sm.userId, r.s1, r.s3]));
  });

  it("the course and meeting pickers: hers and those for everyone; an admin's: all", async () => {
    const db = app.db.prisma;
    const now = app.clock.now().getTime();
    const day = 86_400_000;
    for (const [title, districtId] of [
      ["Курс для всех", null],
      ["Курс Севера", r.north.id],
      ["Курс Юга", r.south.id],
    ] as const) {
      await db.course.create({
        data: {
          title,
          description: "36 часов",
          provider: "ИРО",
          format: "online",
          startDate: new Date(now + 10 * day),
          endDate: new Date(now + 20 * day),
          hours: 36,
          seats: 10,
          registrationDeadline: new Date(now + 5 * day),
          districtId,
        },
      });
    }
    for (const [title, districtId] of [
      ["Встреча для всех", null],
      ["Встреча Севера", r.north.id],
      ["Встреча Юга", r.south.id],
    ] as const) {
      await db.meeting.create({ data: { kind: "seminar", title, startsAt: new Date(now + 3 * day), durationMin: 60, audience: "everyone", districtId } });
    }
    const offered = async (chat: Region["nm"]["chat"], filter: string) => {
      await chat.press(filter);
      // each labelled by its date, since titles repeat
      const labels = chat
        .buttons()
        .map((b) => b.text)
        .filter((t) => /^\d+ \S+ \d{4} · (Курс|Встреча) /.test(t))
        .map((t) => t.split(" · ")[1])
        .sort();
      await chat.press("Без этого условия");
      return labels;
    };
    await r.nm.chat.send("/broadcast");
    await r.nm.chat.send("Текст");
    expect(await offered(r.nm.chat, "🎓 Курс")).toEqual(["Курс Севера", "Курс для всех"]);
    expect(await offered(r.nm.chat, "📅 Встреча")).toEqual(["Встреча Севера", "Встреча для всех"]);
    await r.sm.chat.send("/broadcast");
    await r.sm.chat.send("Текст");
    expect(await offered(r.sm.chat, "🎓 Курс")).toEqual(["Курс Юга", "Курс для всех"]);
    await r.admin.chat.send("/broadcast");
    await r.admin.chat.send("Текст");
    expect(await offered(r.admin.chat, "🎓 Курс")).toEqual(["Курс Севера", "Курс Юга", "Курс для всех"]);
    expect(await offered(r.admin.chat, "📅 Встреча")).toEqual(["Встреча Севера", "Встреча Юга", "Встреча для всех"]);
  });

  it("teachers with no course this year, from /coverage: her district's only", async () => {
    const c = r.nm.chat;
    await c.send("/coverage");
    await c.press("📣 Написать педагогам без курсов");
    await c.send("Открыта запись на курсы ПК");
    expect(c.lastText()).toContain("педагоги без курсов ПК в 2026/2027 учебном году\nРайон: Северный район");
    expect(c.lastText()).toContain("Получателей: <b>3</b>");
    await c.press("Далее");
    await c.press("Отправить");
    const b = await app.db.prisma.broadcast.findFirstOrThrow();
    expect(await enqueuedFor(app, b.id)).toEqual(sorted([r.n1, r.n2, r.n3]));
  });
});

describe.each(providers)("broadcasts without districts on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("neither a methodist nor the admin is offered a district filter or shown a district", async () => {
    for (const p of [await registerMethodist(app, 7301), await registerAdmin(app)]) {
      await p.chat.send("/broadcast");
      await p.chat.send("Текст");
      expect(p.chat.lastText()).not.toContain("Район");
      expect(
        p.chat
          .buttons()
          .map((b) => b.text)
          .filter((t) => t.includes("Район")),
      ).toEqual([]);
      await p.chat.press("Далее");
      expect(p.chat.lastText()).not.toContain("Район");
      await p.chat.press("Отменить");
    }
  });
});

// Confirm queues a broadcast in the database itself (INSERT … SELECT over the audience, see
// src/domain/outbox.ts `enqueueToUsers`): what is stored is one copy per person of the author's reach
// with its dedupe key, buttons and attachment, nobody beyond it, and a Confirm run again adds nobody.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emptyAudience, type Audience } from "../../src/domain/broadcasts/index.js";
import { parseStoredMarkup, PRIORITY } from "../../src/domain/outbox.js";
import { providers } from "../helpers/databases.js";
import { insertTeacher } from "../helpers/flows.js";
import { closeTestApp, type TestApp } from "../helpers/test-app.js";
import { enqueuedFor, regionApp, sorted, type Region } from "./region.js";

describe.each(providers)("a broadcast queued by the database on %s", (provider) => {
  let app: TestApp;
  let r: Region;
  beforeEach(async () => {
    ({ app, r } = await regionApp(provider));
  });
  afterEach(() => closeTestApp(app));

  const user = async (id: number) => (await app.services.users.byId(id))!;
  const rowsOf = (id: number) => app.db.prisma.outboxMessage.findMany({ where: { groupId: `broadcast-${id}` }, orderBy: { userId: "asc" } });

  it("a district's methodist: one copy per person of her district with its key, buttons and photo; the south gets nothing; Confirm again adds nobody", async () => {
    const db = app.db.prisma;
    // of the north too, but not to be reached: blocked the bot, never finished registering
    const blocked = await insertTeacher(app, 7104, { name: "Жукова Зоя", schoolId: r.north.schoolIds[0]!, subjectCodes: ["math"] });
    await db.user.update({ where: { id: blocked }, data: { isActive: false } });
    const unregistered = await db.user.create({ data: { telegramId: 7105n, schoolId: r.north.schoolIds[0]!, createdAt: app.clock.now() } });
    const author = await user(r.nm.userId);
    // whatever the audience says, her reach is her district
    const { id, recipientCount } = await app.services.broadcasts.saveDraft(author, {
      text: "Кто придёт на семинар?",
      entities: [{ type: "bold", offset: 0, length: 3 }],
      attachment: { kind: "photo", fileId: "photo-seminar" },
      audience: { ...emptyAudience(), districtIds: [r.south.id] },
      urgent: false,
      question: { options: ["Приду", "Не смогу"], multiple: false },
    });
    expect(recipientCount).toBe(5);
    expect(await app.services.broadcasts.confirm(id, author)).toEqual({ recipientCount: 5 });

    const north = sorted([r.nm.userId, r.admin.userId, r.n1, r.n2, r.n3]);
    const rows = await rowsOf(id);
    expect(rows.map((m) => m.userId)).toEqual(north);
    const telegramIds = new Map((await db.user.findMany({ where: { id: { in: north } } })).map((u) => [u.id, u.telegramId]));
    for (const m of rows) {
      expect(m).toMatchObject({
        dedupeKey: `broadcast-${id}-${m.userId}`,
        chatId: telegramIds.get(m.userId!),
        text: "Кто придёт на семинар?",
        entities: JSON.stringify([{ type: "bold", offset: 0, length: 3 }]),
        attachKind: "photo",
        attachFileId: "photo-seminar",
        status: "queued",
        priority: PRIORITY.bulk,
        attempts: 0,
      });
      const markup = parseStoredMarkup(m.replyMarkup);
      expect(markup && "buttons" in markup ? markup.buttons.map((row) => row.map((b) => b.text)) : null).toEqual([["Приду"], ["Не смогу"]]);
    }
    const others = [r.sm.userId, r.s1, r.s2, r.s3, blocked, unregistered.id];
    expect(await db.outboxMessage.count({ where: { userId: { in: others } } })).toBe(0);

    // a Confirm that failed after queueing puts the draft back; pressed again, it queues nobody twice
    await db.broadcast.update({ where: { id }, data: { status: "draft", confirmedAt: null } });
    expect(await app.services.broadcasts.confirm(id, author)).toEqual({ recipientCount: 5 });
    expect((await rowsOf(id)).map((m) => m.id)).toEqual(rows.map((m) => m.id));
    await expect(app.services.broadcasts.confirm(id, author)).rejects.toMatchObject({ code: "broadcast-already-confirmed" });
    expect(await db.outboxMessage.count()).toBe(5);
    expect((await db.broadcast.findUniqueOrThrow({ where: { id } })).recipientCount).toBe(5);
  });

  it("what the panel counts is what Confirm queues, filter by filter", async () => {
    const admin = await user(r.admin.userId);
    const math = (await app.db.prisma.subject.findUniqueOrThrow({ where: { code: "math" } })).id;
    const cases: [Partial<Audience>, number[]][] = [
      [{}, [r.nm.userId, r.sm.userId, r.admin.userId, r.n1, r.n2, r.n3, r.s1, r.s2, r.s3]],
      [{ districtIds: [r.south.id] }, [r.sm.userId, r.s1, r.s2, r.s3]],
      [{ districtIds: [r.south.id], subjectIds: [math] }, [r.sm.userId, r.s1, r.s3]],
      [{ roles: ["teacher"], schoolIds: [r.north.schoolIds[0]!] }, [r.n1]],
      [{ roles: ["methodist"] }, [r.nm.userId, r.sm.userId, r.admin.userId]],
      [{ noCourseThisYear: true, districtIds: [r.north.id] }, [r.n1, r.n2, r.n3]],
    ];
    for (const [audience, expected] of cases) {
      const { id, recipientCount } = await app.services.broadcasts.saveDraft(admin, {
        text: "Объявление",
        entities: [],
        attachment: null,
        audience: { ...emptyAudience(), ...audience },
        urgent: false,
      });
      expect(recipientCount, JSON.stringify(audience)).toBe(expected.length);
      expect(await app.services.broadcasts.confirm(id, admin)).toEqual({ recipientCount: expected.length });
      expect(await enqueuedFor(app, id), JSON.stringify(audience)).toEqual(sorted(expected));
    }
  });
});

// Past broadcasts in a regional deployment: a district's methodist sees her own and her district's,
// stops only her own; a draft prepared for her old district is not sent after she moved.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { broadcastListStopData } from "../../src/bot/features/broadcasts/callbacks.js";
import { emptyAudience, parseAudience } from "../../src/domain/broadcasts/index.js";
import { providers } from "../helpers/databases.js";
import { registerDistrictMethodist } from "../helpers/districts.js";
import type { Person } from "../helpers/flows.js";
import { closeTestApp, type TestApp } from "../helpers/test-app.js";
import { enqueuedFor, regionApp, sorted, type Region } from "./region.js";

describe.each(providers)("past broadcasts by district on %s", (provider) => {
  let app: TestApp;
  let r: Region;
  beforeEach(async () => {
    ({ app, r } = await regionApp(provider));
  });
  afterEach(() => closeTestApp(app));

  /** a broadcast sent (queued, not delivered: still running) by this person */
  async function sent(p: Person, text: string): Promise<number> {
    const author = (await app.services.users.byId(p.userId))!;
    const { id } = await app.services.broadcasts.saveDraft(author, { text, entities: [], attachment: null, audience: emptyAudience(), urgent: false });
    await app.services.broadcasts.confirm(id, author);
    return id;
  }

  it("a district's methodist sees her own and her district's, stops only her own; the admin sees and stops all", async () => {
    const colleague = await registerDistrictMethodist(app, 7003, r.north, { name: "Севастьянова Ирина" });
    const mine = await sent(r.nm, "Северное объявление");
    const theirs = await sent(colleague, "Ещё одно северное");
    await sent(r.sm, "Южное объявление");
    await sent(r.admin, "Общее объявление");

    await r.nm.chat.send("/broadcasts");
    let list = r.nm.chat.lastText();
    expect(list).toContain("всего 2");
    expect(list).toContain("Северное объявление");
    expect(list).toContain("Ещё одно северное");
    expect(list).not.toContain("Южное объявление");
    expect(list).not.toContain("Общее объявление");
    expect(list).toContain("Район: Северный район");
    // the stop button is on her own only, and a forged one on her colleague's is refused
    expect(r.nm.chat.buttons().map((b) => b.text)).toEqual([`⏹ Остановить рассылку №\u00a0${mine}`]);
    await r.nm.chat.pressData(broadcastListStopData.pack({ id: theirs, page: 0 }));
    expect(r.nm.chat.toasts().at(-1)).toContain("Остановить рассылку может только её автор или администратор");
    expect((await app.services.broadcasts.byId(theirs))!.status).toBe("sending");

    await r.sm.chat.send("/broadcasts");
    list = r.sm.chat.lastText();
    expect(list).toContain("всего 1");
    expect(list).toContain("Южное объявление");
    expect(list).toContain("Район: Южный район");

    await r.admin.chat.send("/broadcasts");
    list = r.admin.chat.lastText();
    expect(list).toContain("всего 4");
    expect(r.admin.chat.buttons().filter((b) => b.text.startsWith("⏹"))).toHaveLength(4);
    await r.admin.chat.pressData(broadcastListStopData.pack({ id: theirs, page: 0 }));
    expect((await app.services.broadcasts.byId(theirs))!.status).toBe("stopped");
  });

  it("a draft prepared for her old district is not sent after she moved; what she sent before keeps its reach", async () => {
    const before = await sent(r.nm, "Отправлено раньше");
    const c = r.nm.chat;
    await c.send("/broadcast");
    await c.send("Черновик для Севера");
    await c.press("Далее");
    expect(c.lastText()).toContain("Район: Северный район");
    // the admin moves her to the south meanwhile
    await app.db.prisma.user.update({ where: { id: r.nm.userId }, data: { districtId: r.south.id } });
    await c.press("Отправить");
    expect(c.lastText()).toContain("Черновик готовился, когда вы работали с другим районом");
    const draft = await app.db.prisma.broadcast.findFirstOrThrow({ where: { text: "Черновик для Севера" } });
    expect(draft.status).toBe("draft");
    expect(await enqueuedFor(app, draft.id)).toEqual([]);

    expect(parseAudience((await app.services.broadcasts.byId(before))!.audience).districtId).toBe(r.north.id);
    expect(await enqueuedFor(app, before)).toEqual(sorted([r.nm.userId, r.admin.userId, r.n1, r.n2, r.n3]));
    // her own stay in her list
    await c.send("/broadcasts");
    expect(c.lastText()).toContain("Отправлено раньше");
  });
});

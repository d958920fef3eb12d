// Moderation on the site as a methodist uses it: the queue is the chat's (her district's, her own left
// out), the material is shown in the page (a PDF in a frame, an image, a link) through the file proxy
// that keeps the bot token on the server, and a verdict changes the database and queues the author's
// notice through the outbox; a refused one (her own, a reason too short, another district's) changes
// nothing. Through the real HTTP server, on both databases.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { type DistrictPeople, districtPeople } from "../helpers/districts.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { serveSite, type Site, signedIn, tableRows } from "../helpers/web.js";
import { offerLesson, PDF_BYTES, PNG_BYTES, shareMaterial } from "./bank-helpers.js";

describe.each(providers)("moderation on the site, on %s", (provider) => {
  let app: TestApp;
  let site: Site;
  let p: DistrictPeople;
  beforeEach(async () => {
    app = await createTestApp(provider);
    site = await serveSite(app);
    p = await districtPeople(app, 7000);
    app.clock.set(new Date("2026-11-24T09:00:00Z"));
  });
  afterEach(async () => {
    await site.close();
    await closeTestApp(app);
  });

  const status = async (id: number) => (await app.db.prisma.material.findUniqueOrThrow({ where: { id } })).status;
  const notices = (userId: number) => app.db.prisma.outboxMessage.findMany({ where: { userId, dedupeKey: { startsWith: "material:moderated:" } } });

  it("the district's methodist sees the queue, reads the PDF in the page and approves it: stored, the author told", async () => {
    const id = await shareMaterial(app, p.northT.userId, {
      title: "Проверочная по дробям",
      file: { name: "Дроби.pdf", mime: "application/pdf", bytes: PDF_BYTES },
    });
    const southern = await shareMaterial(app, p.southT.userId, { title: "Южная контрольная" });
    const browser = await signedIn(app, site, p.northM.userId);

    const queue = await browser.get("/moderation");
    expect(queue.status).toBe(200);
    const rows = tableRows(queue.text, "materials");
    expect(rows.map((r) => r[0])).toEqual(["Проверочная по дробям"]);
    expect(rows[0]![1]).toBe("Волкова Дарья");
    expect(queue.text).not.toContain("Южная контрольная");
    // the chat's queue says the same
    const northM = await app.db.prisma.user.findUniqueOrThrow({ where: { id: p.northM.userId } });
    expect(await app.services.materials.nextPending(northM)).toEqual({ id, total: 1 });

    const page = await browser.get(`/moderation/materials/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<iframe class="material-pdf" src="/bank/materials/${id}/file"`);
    // the token never reaches the browser
    expect(page.text).not.toContain(app.config.BOT_TOKEN);
    expect(page.text).not.toContain("/file/bot");
    const file = await browser.get(`/bank/materials/${id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(file.bytes.equals(PDF_BYTES)).toBe(true);
    expect(app.tg.callsOf("getFile").at(-1)?.payload.file_id).toMatch(/^web-file-/);
    const download = await browser.get(`/bank/materials/${id}/file?download=1`);
    expect(download.headers.get("content-disposition")).toContain("attachment;");
    expect(download.headers.get("content-disposition")).toContain("filename*=UTF-8''%D0%94%D1%80%D0%BE%D0%B1%D0%B8.pdf");

    const approved = await browser.postForm(`/moderation/materials/${id}/approve`, {});
    expect(approved.status).toBe(303);
    expect(approved.headers.get("location")).toBe("/moderation?done=material-approved");
    const stored = await app.db.prisma.material.findUniqueOrThrow({ where: { id } });
    expect(stored.status).toBe("approved");
    expect(stored.moderatedById).toBe(p.northM.userId);
    expect((await notices(p.northT.userId)).map((n) => n.dedupeKey)).toEqual([`material:moderated:${id}`]);
    await deliverAll(app);
    expect(p.northT.chat.lastText()).toContain("«Проверочная по дробям» опубликован");
    const after = await browser.get("/moderation?done=material-approved");
    expect(after.text).toContain("Материал опубликован, автор получил уведомление.");
    expect(after.text).not.toContain("Проверочная по дробям");
    expect(await status(southern)).toBe("pending");
  });

  it("a rejection needs a reason: too short is refused with its text kept and nothing stored; then rejected and told", async () => {
    const id = await shareMaterial(app, p.northT.userId, { title: "Конспект урока геометрии" });
    const browser = await signedIn(app, site, p.admin.userId);

    const short = await browser.postForm(`/moderation/materials/${id}/reject`, { reason: "ну" });
    expect(short.status).toBe(400);
    expect(short.text).toContain("Причина слишком короткая");
    expect(short.text).toContain(">ну</textarea>");
    expect(await status(id)).toBe("pending");
    expect(await notices(p.northT.userId)).toEqual([]);

    const done = await browser.postForm(`/moderation/materials/${id}/reject`, { reason: "Добавьте ответы к заданиям" });
    expect(done.status).toBe(303);
    const stored = await app.db.prisma.material.findUniqueOrThrow({ where: { id } });
    expect([stored.status, stored.rejectReason]).toEqual(["rejected", "Добавьте ответы к заданиям"]);
    await deliverAll(app);
    expect(p.northT.chat.lastText()).toContain("Добавьте ответы к заданиям");
    // decided: a second verdict is refused, nothing changes
    const again = await browser.postForm(`/moderation/materials/${id}/approve`, {});
    expect(again.status).toBe(400);
    expect(again.text).toContain("Этот материал уже проверил другой методист.");
    expect(await status(id)).toBe("rejected");
  });

  it("nobody moderates her own work; another district's methodist gets 404 and changes nothing", async () => {
    // shared while a teacher, then made a methodist of NORTH: still waiting for a colleague
    const own = await shareMaterial(app, p.northT.userId, { title: "Мой собственный план" });
    await app.db.prisma.user.update({ where: { id: p.northT.userId }, data: { role: "methodist", districtId: p.north.id } });
    const me = await signedIn(app, site, p.northT.userId);
    expect((await me.get("/moderation")).text).not.toContain("Мой собственный план");
    const page = await me.get(`/moderation/materials/${own}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Это ваша работа: её проверит другой методист.");
    expect(page.text).not.toContain("/approve");
    const refused = await me.postForm(`/moderation/materials/${own}/approve`, {});
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Свой материал проверять нельзя");
    expect(await status(own)).toBe("pending");

    const south = await signedIn(app, site, p.southM.userId);
    expect((await south.get(`/moderation/materials/${own}`)).status).toBe(404);
    const other = await south.postForm(`/moderation/materials/${own}/approve`, {});
    expect(other.status).toBe(404);
    expect(other.text).not.toContain("Мой собственный план");
    expect(await status(own)).toBe("pending");
    expect(await notices(p.northT.userId)).toEqual([]);
  });

  it("the file proxy: a teacher gets a waiting material's file only if it is hers, and a published one", async () => {
    const id = await shareMaterial(app, p.northT.userId, { title: "Схема урока", file: { name: "схема.png", mime: "image/png", bytes: PNG_BYTES } });
    const colleague = await signedIn(app, site, p.southT.userId);
    const refused = await colleague.get(`/bank/materials/${id}/file`);
    expect(refused.status).toBe(404);
    expect(refused.bytes.includes(PNG_BYTES)).toBe(false);
    expect((await colleague.get(`/bank/materials/${id}`)).status).toBe(404);
    const author = await signedIn(app, site, p.northT.userId);
    const hers = await author.get(`/bank/materials/${id}/file`);
    expect([hers.status, hers.headers.get("content-type")]).toEqual([200, "image/png"]);

    // the moderator sees the image inline
    const page = await (await signedIn(app, site, p.northM.userId)).get(`/moderation/materials/${id}`);
    expect(page.text).toContain(`<img class="material-image" src="/bank/materials/${id}/file"`);
    const northM = await app.db.prisma.user.findUniqueOrThrow({ where: { id: p.northM.userId } });
    await app.services.materials.approve(northM, id);
    const published = await colleague.get(`/bank/materials/${id}/file`);
    expect(published.status).toBe(200);
    expect(published.bytes.equals(PNG_BYTES)).toBe(true);

    // Telegram does not give the file: a clear answer, no token
    app.tg.files.clear();
    const gone = await colleague.get(`/bank/materials/${id}/file`);
    expect(gone.status).toBe(502);
    expect(gone.text).toContain("Telegram сейчас не отдал файл");
    expect(gone.text).not.toContain(app.config.BOT_TOKEN);
  });

  it("a link is shown as a link that does not tell the site who came", async () => {
    const id = await shareMaterial(app, p.northT.userId, { title: "Видеоурок по дробям", url: "https://example.org/video?a=1&b=2" });
    const page = await (await signedIn(app, site, p.northM.userId)).get(`/moderation/materials/${id}`);
    expect(page.text).toContain('<a href="https://example.org/video?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">');
    expect(page.text).not.toContain(`/bank/materials/${id}/file`);
  });

  it("an open lesson: approved in the page as the methodist saw it; a changed one is refused", async () => {
    const lesson = await offerLesson(app, p.northT.userId, "Дроби в игре");
    const other = await offerLesson(app, p.northT.userId, "Проценты вокруг нас");
    const browser = await signedIn(app, site, p.northM.userId);
    expect(tableRows((await browser.get("/moderation")).text, "lessons").map((r) => r[0])).toEqual(["Дроби в игре", "Проценты вокруг нас"]);
    const page = await browser.get(`/moderation/lessons/${lesson.id}`);
    expect(page.text).toContain(`name="seen" value="${lesson.sequence}"`);
    expect(page.text).toContain("Работа в группах");

    const ok = await browser.postForm(`/moderation/lessons/${lesson.id}/approve`, { seen: String(lesson.sequence) });
    expect(ok.status).toBe(303);
    expect((await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id: lesson.id } })).status).toBe("approved");
    expect(await app.db.prisma.outboxMessage.count({ where: { userId: p.northT.userId, dedupeKey: { contains: "approved" } } })).toBe(1);

    // the author changed the other one after the page was opened
    await app.services.lessons.revise(p.northT.userId, other.id, { topic: "Проценты в магазине" });
    const stale = await browser.postForm(`/moderation/lessons/${other.id}/reject`, { seen: String(other.sequence), reason: "Уточните цель" });
    expect(stale.status).toBe(400);
    expect(stale.text).toContain("Автор изменил урок");
    expect(stale.text).toContain(">Уточните цель</textarea>");
    const bad = await browser.postForm(`/moderation/lessons/${other.id}/approve`, { seen: "x" });
    expect(bad.status).toBe(400);
    expect((await app.db.prisma.openLesson.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("pending");
    expect(app.missing).toEqual([]);
  });
});

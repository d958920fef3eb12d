// Broadcasts on the site, as a methodist looks back at them: the delivery report is the chat's counts
// (delivered, queued, blocked, failed), a survey's answers are a chart and a table with the stored
// answers' counts, for its author and admins only; another district's broadcast is 404. In the chat the
// survey's results come with the same chart as a PNG above the file. Real HTTP server, both databases.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { broadcastGroup } from "../../src/domain/broadcasts/index.js";
import { providers } from "../helpers/databases.js";
import { type DistrictPeople, districtPeople, registerDistrictMethodist } from "../helpers/districts.js";
import { insertTeacher } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { serveSite, type Site, signedIn, tableRows } from "../helpers/web.js";
import { launchSurvey } from "../broadcasts/survey-helpers.js";

describe.each(providers)("broadcasts on the site, on %s", (provider) => {
  let app: TestApp;
  let site: Site;
  let p: DistrictPeople;
  let teachers: number[];
  beforeEach(async () => {
    app = await createTestApp(provider);
    site = await serveSite(app);
    p = await districtPeople(app, 4000);
    app.clock.set(new Date("2026-11-24T09:00:00Z"));
    // NORTH's teachers: Волкова (registered through the bot) and three more, one of whom has blocked the bot
    teachers = [p.northT.userId];
    for (const [i, name] of ["Абрамова Анна", "Борисова Вера", "Васильева Галина"].entries())
      teachers.push(await insertTeacher(app, 4200 + i, { name, schoolId: p.north.schoolIds[1]! }));
    app.tg.blocked.add(4202);
  });
  afterEach(async () => {
    await site.close();
    await closeTestApp(app);
  });

  const survey = () => launchSurvey(app, p.northM, { text: "Удобно ли провести РМО в четверг?", options: ["Да", "Нет", "Не знаю"] });

  it("the author: the delivery report is the outbox's counts, the answers a chart and a table of what is stored", async () => {
    const id = await survey();
    await app.services.broadcastAnswers.answer(id, teachers[0]!, 0);
    await app.services.broadcastAnswers.answer(id, teachers[1]!, 0);
    await app.services.broadcastAnswers.answer(id, teachers[2]!, 1);
    const counts = await app.services.outbox.groupStatus(broadcastGroup(id));
    expect([counts.total, counts.sent, counts.blocked]).toEqual([4, 3, 1]);

    const browser = await signedIn(app, site, p.northM.userId);
    const list = await browser.get("/broadcasts");
    expect(list.status).toBe(200);
    const [row] = tableRows(list.text, "broadcasts");
    expect(row![0]).toBe(`№ ${id}`);
    expect(row![2]).toBe("Удобно ли провести РМО в четверг?");
    expect(row!.slice(4)).toEqual(["завершена", "3 из 4", "0", "1"]);

    const page = await browser.get(`/broadcasts/${id}`);
    expect(page.status).toBe(200);
    const figures = [...page.text.matchAll(/<div class="figure"><b>(\d+)<\/b><span class="muted">([^<]+)<\/span>/g)].map((f) => `${f[2]}: ${f[1]}`);
    expect(figures).toEqual(["получателей: 4", "доставлено: 3", "в очереди: 0", "заблокировали бота: 1", "ошибки: 0", "отменено: 0"]);
    expect(page.text).toContain("Ответили 3 из 3 получателей");
    // the stored answers, counted here
    const stored = await app.db.prisma.broadcastAnswer.findMany({ where: { broadcastId: id } });
    expect(stored.map((a) => a.choices).sort()).toEqual([1, 1, 2]);
    expect(tableRows(page.text, "answers")).toEqual([
      ["1", "Да", "2", "67 %"],
      ["2", "Нет", "1", "33 %"],
      ["3", "Не знаю", "0", "0 %"],
    ]);
    // the chart: an inline SVG with each option and its share
    expect(page.text).toContain("<svg");
    expect(page.text).toContain("Опрос рассылки №");
    expect(page.text).toContain("67 % · 2 из 3");
    expect(page.text).toContain("Получатели: роль: педагоги");
    expect(app.missing).toEqual([]);
  });

  it("scoped as in the chat: another district's methodist gets 404, a colleague of the district sees the report but not the answers", async () => {
    const id = await survey();
    await app.services.broadcastAnswers.answer(id, teachers[0]!, 2);
    const south = await signedIn(app, site, p.southM.userId);
    const list = await south.get("/broadcasts");
    expect(list.text).not.toContain("Удобно ли провести РМО");
    const refused = await south.get(`/broadcasts/${id}`);
    expect(refused.status).toBe(404);
    expect(refused.text).not.toContain("Удобно ли провести РМО");

    const colleague = await registerDistrictMethodist(app, 4301, p.north, { name: "Коллегова Мария" });
    const page = await (await signedIn(app, site, colleague.userId)).get(`/broadcasts/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Опрос: ответы видят только автор и администраторы.");
    expect(page.text).not.toContain('id="answers"');
    const admin = await (await signedIn(app, site, p.admin.userId)).get(`/broadcasts/${id}`);
    expect(tableRows(admin.text, "answers").map((r) => r[2])).toEqual(["0", "0", "1"]);
    expect((await south.get("/broadcasts?page=x")).status).toBe(400);
    expect((await south.get("/broadcasts/abc")).status).toBe(404);
  });

  it("a broadcast with nothing left to send reads as finished before the report task records it; one still queued as sending", async () => {
    const id = await launchSurvey(app, p.northM, { text: "Все получили?", finish: false });
    expect((await app.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).status).toBe("sending");
    const browser = await signedIn(app, site, p.northM.userId);
    expect(tableRows((await browser.get("/broadcasts")).text, "broadcasts")[0]![4]).toBe("завершена");
    // queued again (as if not yet sent): sending
    await app.db.prisma.outboxMessage.updateMany({ where: { groupId: broadcastGroup(id), status: "sent" }, data: { status: "queued" } });
    expect(tableRows((await browser.get("/broadcasts")).text, "broadcasts")[0]![4]).toBe("идёт отправка");
    // the page records nothing: the author's summary is still the report task's to send
    expect((await app.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).finishedAt).toBeNull();
  });

  it("in the chat the survey's results come with the chart as a PNG above the file", async () => {
    const id = await survey();
    await app.services.broadcastAnswers.answer(id, teachers[0]!, 0);
    await p.northM.chat.press("📊 Ответы (.xlsx)");
    const [photo, file] = p.northM.chat.messages().slice(-2);
    expect(photo!.kind).toBe("photo");
    expect(photo!.file?.name).toBe(`survey-${id}.png`);
    expect(photo!.file?.bytes?.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(file!.kind).toBe("document");
    expect(file!.file?.name).toBe(`survey-${id}.xlsx`);
    expect(file!.text).toContain("1 из 3");
  });
});

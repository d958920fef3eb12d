// The materials bank on the site, as a teacher uses it: search with the chat's search service, filters by
// subject, type and grade, the best-rated list, a material's page with its votes (a vote is stored and
// counted, her own refused), waiting materials out of sight. Through the real HTTP server, both
// databases; in Chromium (when installed) the pages fit a phone's 390 px and screenshots are taken
// (SCREENSHOTS=<dir> keeps them).
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hasChromium, workerChromium } from "../helpers/browser.js";
import { providers } from "../helpers/databases.js";
import { type DistrictPeople, districtPeople } from "../helpers/districts.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { serveSite, type Site, signedIn, tableRows, type WebClient } from "../helpers/web.js";
import { offerLesson, PDF_BYTES, type SharedMaterial, sendBroadcast, shareMaterial } from "./bank-helpers.js";

/** The bank of these tests: published materials of NORTH's teacher (approved by NORTH's methodist) and one waiting. */
async function stock(app: TestApp, p: DistrictPeople) {
  const northM = await app.db.prisma.user.findUniqueOrThrow({ where: { id: p.northM.userId } });
  const publish = async (spec: SharedMaterial) => {
    const id = await shareMaterial(app, p.northT.userId, spec);
    await app.services.materials.approve(northM, id);
    return id;
  };
  return {
    fractions: await publish({ title: "Сложение дробей: рабочий лист", grades: ["5"], type: "worksheet" }),
    fractions6: await publish({ title: "Дроби и проценты", grades: ["6"], type: "lesson_plan", description: "Технологическая карта урока про дроби." }),
    physics: await publish({ title: "Законы Ньютона", subject: "physics", grades: ["9"], type: "presentation" }),
    link: await publish({ title: "Видеоурок про дроби", grades: ["5"], type: "video_lesson", url: "https://example.org/drobi" }),
    waiting: await shareMaterial(app, p.northT.userId, { title: "Дроби: ещё не проверено" }),
  };
}

describe.each(providers)("the bank on the site, on %s", (provider) => {
  let app: TestApp;
  let site: Site;
  let p: DistrictPeople;
  let m: Awaited<ReturnType<typeof stock>>;
  let teacher: WebClient;
  beforeEach(async () => {
    app = await createTestApp(provider);
    site = await serveSite(app);
    p = await districtPeople(app, 6000);
    app.clock.set(new Date("2026-11-24T09:00:00Z"));
    m = await stock(app, p);
    teacher = await signedIn(app, site, p.southT.userId);
  });
  afterEach(async () => {
    await site.close();
    await closeTestApp(app);
  });

  const titles = async (url: string, table = "materials") => tableRows((await teacher.get(url)).text, table).map((r) => r[0]);

  it("search finds what the chat's search finds, filters narrow it, a waiting material is not there", async () => {
    const found = await titles(`/bank?q=${encodeURIComponent("дроби")}`);
    const service = await app.services.materials.search("дроби", 0, 20);
    expect(found).toEqual(service.items.map((i) => i.title));
    expect([...found].sort()).toEqual(["Видеоурок про дроби", "Дроби и проценты", "Сложение дробей: рабочий лист"]);
    expect(found).not.toContain("Дроби: ещё не проверено");
    // a grade in the words is a filter, as in the chat
    expect((await titles(`/bank?q=${encodeURIComponent("дроби 6 класс")}`)).sort()).toEqual(["Дроби и проценты"]);
    // the form's filters
    expect(await titles(`/bank?q=${encodeURIComponent("дроби")}&grade=5&type=worksheet`)).toEqual(["Сложение дробей: рабочий лист"]);
    const physics = await app.db.prisma.subject.findUniqueOrThrow({ where: { code: "physics" } });
    expect(await titles(`/bank?subject=${physics.id}`)).toEqual(["Законы Ньютона"]);
    expect((await titles("/bank?grade=5")).sort()).toEqual(["Видеоурок про дроби", "Сложение дробей: рабочий лист"]);
    const all = await teacher.get("/bank");
    expect(all.text).toContain("Опубликованные материалы, лучшие сверху: 4");
    expect((await teacher.get(`/bank?q=${encodeURIComponent("квантовая хромодинамика")}`)).text).toContain("Ничего не найдено");
  });

  it("a filter it does not know is answered clearly and nothing is listed", async () => {
    for (const url of ["/bank?grade=13", "/bank?type=poem", "/bank?subject=abc", "/bank/best?period=year"]) {
      const res = await teacher.get(url);
      expect(res.status, url).toBe(400);
      expect(res.text).toContain("Фильтр не распознан");
      expect(res.text).not.toContain("Законы Ньютона");
    }
    const long = await teacher.get(`/bank?q=${encodeURIComponent("слово ".repeat(80))}`);
    expect(long.status).toBe(400);
    expect(long.text).toContain("Слишком длинный запрос");
  });

  it("a vote in the page is stored and counted; her own material and a bad value are refused, nothing stored", async () => {
    const page = await teacher.get(`/bank/materials/${m.fractions}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Сложение дробей: рабочий лист");
    expect(page.text).toContain("<span>👍 0</span>");
    expect(page.text).toContain(`<iframe class="material-pdf" src="/bank/materials/${m.fractions}/file"`);
    // opening counts one view per colleague, as in the chat
    await teacher.get(`/bank/materials/${m.fractions}`);
    expect((await app.db.prisma.material.findUniqueOrThrow({ where: { id: m.fractions } })).views).toBe(1);

    const voted = await teacher.postForm(`/bank/materials/${m.fractions}/vote`, { value: "1" });
    expect([voted.status, voted.headers.get("location")]).toEqual([303, `/bank/materials/${m.fractions}`]);
    const vote = await app.db.prisma.materialVote.findUniqueOrThrow({ where: { materialId_userId: { materialId: m.fractions, userId: p.southT.userId } } });
    expect(vote.value).toBe(1);
    expect((await app.db.prisma.material.findUniqueOrThrow({ where: { id: m.fractions } })).upVotes).toBe(1);
    const after = await teacher.get(`/bank/materials/${m.fractions}`);
    expect(after.text).toContain("<span>👍 1</span>");
    expect(after.text).toMatch(/value="1" aria-pressed="true"/);

    const bad = await teacher.postForm(`/bank/materials/${m.fractions}/vote`, { value: "5" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Выберите 👍 или 👎.");
    const author = await signedIn(app, site, p.northT.userId);
    const own = await author.postForm(`/bank/materials/${m.fractions}/vote`, { value: "1" });
    expect(own.status).toBe(400);
    expect(own.text).toContain("Свой материал оценивать нельзя");
    expect(await app.db.prisma.materialVote.count({ where: { materialId: m.fractions } })).toBe(1);
    // the author's page has no vote buttons
    expect((await author.get(`/bank/materials/${m.fractions}`)).text).not.toContain("/vote");
    // a waiting one: not found for a colleague, and not voted on
    expect((await teacher.get(`/bank/materials/${m.waiting}`)).status).toBe(404);
    expect((await teacher.postForm(`/bank/materials/${m.waiting}/vote`, { value: "1" })).status).toBe(404);
    expect(await app.db.prisma.materialVote.count({ where: { materialId: m.waiting } })).toBe(0);
    expect(app.missing).toEqual([]);
  });

  it("the best-rated list: only materials rated 👍, in the chat's order, by subject too", async () => {
    const voters = [p.southT.userId, p.southM.userId, p.admin.userId, p.regional.userId];
    for (const v of voters) await app.services.materials.vote(m.physics, v, 1);
    await app.services.materials.vote(m.fractions6, p.southT.userId, 1);
    await app.services.materials.vote(m.fractions6, p.southM.userId, -1);
    expect(await titles("/bank/best", "best")).toEqual(["Законы Ньютона", "Дроби и проценты"]);
    expect(await titles("/bank/best", "best")).toEqual((await app.services.materials.top(null, "all", 20)).map((i) => i.title));
    const math = await app.db.prisma.subject.findUniqueOrThrow({ where: { code: "math" } });
    expect(await titles(`/bank/best?subject=${math.id}&period=month`, "best")).toEqual(["Дроби и проценты"]);
    // the chat's top of a subject says the same
    expect((await app.services.materials.top(math.id, "month")).map((i) => i.title)).toEqual(["Дроби и проценты"]);
  });
});

describe.skipIf(!hasChromium)("the bank, moderation and broadcasts in Chromium", () => {
  let app: TestApp;
  let site: Site;
  beforeEach(async () => {
    app = await createTestApp(providers[0]!);
    site = await serveSite(app);
  });
  afterEach(async () => {
    await site.close();
    await closeTestApp(app);
  });

  it("fit a phone's 390 px and a desktop, in Russian and in English (screenshots)", async () => {
    const p = await districtPeople(app, 5000);
    app.clock.set(new Date("2026-11-24T09:00:00Z"));
    const m = await stock(app, p);
    const waiting = await shareMaterial(app, p.northT.userId, {
      title: "Схема урока «Дроби вокруг нас»",
      description: "Схема на доске: как делить пиццу на равные части.\nС ответами.",
      file: { name: "схема.pdf", mime: "application/pdf", bytes: PDF_BYTES },
    });
    const lesson = await offerLesson(app, p.northT.userId, "Дроби в игре");
    const survey = await sendBroadcast(app, p.northM.userId, "Удобно ли провести семинар РМО в четверг?", [
      "Да, удобно",
      "Нет, лучше в пятницу",
      "Не смогу прийти",
    ]);
    const { deliverAll } = await import("../helpers/delivery.js");
    await deliverAll(app);
    for (const [i, id] of [p.northT.userId].entries()) await app.services.broadcastAnswers.answer(survey, id, i);
    for (const v of [p.southT.userId, p.southM.userId]) await app.services.materials.vote(m.fractions, v, 1);

    const client = await signedIn(app, site, p.northM.userId);
    const cookies = [...client.cookies].map(([name, value]) => ({ name, value, url: site.base }));
    const browser = await workerChromium();
    const dir = process.env.SCREENSHOTS;
    const pages = [
      ["bank", "/bank?q=%D0%B4%D1%80%D0%BE%D0%B1%D0%B8"],
      ["material", `/bank/materials/${m.fractions}`],
      ["queue", "/moderation"],
      ["review", `/moderation/materials/${waiting}`],
      ["lesson", `/moderation/lessons/${lesson.id}`],
      ["broadcasts", "/broadcasts"],
      ["broadcast", `/broadcasts/${survey}`],
    ] as const;
    for (const [device, viewport] of [
      ["phone", { width: 390, height: 844 }],
      ["desktop", { width: 1280, height: 900 }],
    ] as const) {
      for (const lang of ["ru", "en"]) {
        const context = await browser.newContext({ viewport, deviceScaleFactor: device === "phone" ? 2 : 1, isMobile: device === "phone" });
        await context.addCookies(cookies);
        try {
          const page = await context.newPage();
          const errors: string[] = [];
          page.on("pageerror", (e) => errors.push(e.message));
          // every resource of the page loads (the browser's own favicon.ico aside)
          page.on("response", (r) => void (r.status() >= 400 && !r.url().endsWith("/favicon.ico") && errors.push(`${r.status()} ${r.url()}`)));
          page.on("console", (msg) => void (msg.type() === "error" && !msg.text().startsWith("Failed to load resource") && errors.push(msg.text())));
          for (const [name, url] of pages) {
            await page.goto(`${site.base}${url}${url.includes("?") ? "&" : "?"}lang=${lang}`);
            await page.waitForLoadState("load");
            if (name === "review" || name === "material") {
              // whatever the PDF viewer in the frame fetches after the load is answered too (half a second
              // without a request); it draws its page later still, which only a picture needs to wait for
              await page.waitForLoadState("networkidle");
              if (dir) await page.waitForTimeout(1500);
            }
            const widths = (await page.evaluate("({ page: document.documentElement.scrollWidth, screen: window.innerWidth })")) as {
              page: number;
              screen: number;
            };
            expect(widths.page, `${name} ${device} ${lang}`).toBeLessThanOrEqual(widths.screen);
            if (dir) await page.screenshot({ path: path.join(dir, `${name}-${device}-${lang}.png`), fullPage: true });
          }
          // no refusal by the Content-Security-Policy, no script error
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      }
    }
  });
});

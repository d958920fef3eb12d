import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wilsonLowerBound } from "../../src/domain/materials/index.js";
import { openData, voteData } from "../../src/bot/features/materials/callbacks.js";
import { providers } from "../helpers/databases.js";
import { insertTeacher, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { insertMaterial } from "./helpers.js";

describe("Wilson lower bound", () => {
  it("is robust to few votes and not the raw difference", () => {
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(1, 0)).toBeCloseTo(0.2065, 3);
    expect(wilsonLowerBound(40, 2)).toBeGreaterThan(wilsonLowerBound(1, 0));
    expect(wilsonLowerBound(40, 2)).toBeCloseTo(0.842, 2);
    // 10 up 0 down ranks above 60 up 40 down although the difference is smaller
    expect(wilsonLowerBound(10, 0)).toBeGreaterThan(wilsonLowerBound(60, 40));
    expect(wilsonLowerBound(0, 5)).toBe(0);
  });
});

describe.each(providers)("voting on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  const stored = (id: number) =>
    app.db.prisma.material.findUniqueOrThrow({ where: { id }, select: { upVotes: true, downVotes: true, score: true, views: true } });

  it("👍 counts once, 👎 changes it, the same again withdraws it; the card is edited in place", async () => {
    const authorId = await insertTeacher(app, 7201, { name: "Автор Материала" });
    const id = await insertMaterial(app, authorId, { title: "Карточки по химии", subject: "chemistry", grades: ["8", "9"] });
    const v = await registerViaBot(app, 7202, { name: "Голосующая Мария" });
    await v.chat.pressData(openData.pack({ id }));
    const card = v.chat.messages().at(-1)!;
    expect(card.text).toContain("Карточки по химии");
    expect(card.text).toContain("Рабочий лист · Химия · классы: 8, 9");
    expect(card.text).toContain("Автор: Автор Материала (МБОУ «СОШ № 1»)");
    expect(card.text).toContain("👍 0 · 👎 0 · рейтинг 0 из 100 · 👁 1");
    const messages = v.chat.mark();

    await v.chat.press("👍 0");
    expect(v.chat.toasts().at(-1)).toContain("оценка учтена");
    expect(await stored(id)).toMatchObject({ upVotes: 1, downVotes: 0, score: wilsonLowerBound(1, 0) });
    expect(v.chat.mark()).toBe(messages); // edited, not sent anew
    expect(card.text).toContain("👍 1 · 👎 0 · рейтинг 21 из 100");
    expect(v.chat.buttons().map((b) => b.text)).toEqual(["👍 1 ✓", "👎 0", "📎 Получить файл"]);

    await v.chat.press("👎 0");
    expect(v.chat.toasts().at(-1)).toContain("Оценка изменена");
    expect(await stored(id)).toMatchObject({ upVotes: 0, downVotes: 1, score: 0 });
    expect(v.chat.buttons().map((b) => b.text)).toEqual(["👍 0", "👎 1 ✓", "📎 Получить файл"]);

    // a moment later (not a double tap): the same again withdraws it
    app.clock.advance(5_000);
    await v.chat.press("👎 1");
    expect(v.chat.toasts().at(-1)).toContain("Оценка отозвана");
    expect(await stored(id)).toMatchObject({ upVotes: 0, downVotes: 0, score: 0 });
    expect(await app.db.prisma.materialVote.count({ where: { value: { not: 0 } } })).toBe(0);
    expect(card.text).toContain("👍 0 · 👎 0");

    // the file on tap
    await v.chat.press("Получить файл");
    expect(v.chat.messages().at(-1)).toMatchObject({ kind: "document", text: "📄 Карточки по химии" });
  });

  it("a double tap on 👍 counts one vote (it does not add and then withdraw it), and a double tap that withdraws does not bring it back", async () => {
    const authorId = await insertTeacher(app, 7281, { name: "Автор Листа" });
    const id = await insertMaterial(app, authorId, { title: "Тест по дробям" });
    const v = await registerViaBot(app, 7282, { name: "Быстрая Вера" });
    await v.chat.pressData(openData.pack({ id }));
    const card = v.chat.messages().at(-1)!;
    const toasts = v.chat.toasts().length;

    // two taps a fraction of a second apart, on the same button of the same card
    await v.chat.press("👍 0");
    app.clock.advance(400);
    await v.chat.press("👍");
    expect(v.chat.toasts().slice(toasts)).toEqual(["Спасибо, ваша оценка учтена!", "Ваша оценка уже учтена."]);
    expect(await stored(id)).toMatchObject({ upVotes: 1, downVotes: 0, score: wilsonLowerBound(1, 0) });
    expect(card.text).toContain("👍 1 · 👎 0");
    expect(v.chat.buttons().map((b) => b.text)).toEqual(["👍 1 ✓", "👎 0", "📎 Получить файл"]);

    // the other button right after is a decision, not a double tap: it changes the vote at once
    app.clock.advance(300);
    await v.chat.press("👎 0");
    expect(v.chat.toasts().at(-1)).toBe("Оценка изменена.");
    expect(await stored(id)).toMatchObject({ upVotes: 0, downVotes: 1 });

    // later she withdraws it with a double tap: withdrawn once, and the second tap does not vote again
    app.clock.advance(60_000);
    await v.chat.press("👎 1");
    app.clock.advance(500);
    await v.chat.press("👎");
    expect(v.chat.toasts().slice(-2)).toEqual(["Оценка отозвана.", "Ваша оценка уже отозвана."]);
    expect(await stored(id)).toMatchObject({ upVotes: 0, downVotes: 0, score: 0 });
    expect(v.chat.buttons().map((b) => b.text)).toEqual(["👍 0", "👎 0", "📎 Получить файл"]);

    // a few seconds on, a tap is a new decision again
    app.clock.advance(3_000);
    await v.chat.press("👍 0");
    expect(v.chat.toasts().at(-1)).toBe("Спасибо, ваша оценка учтена!");
    expect(await stored(id)).toMatchObject({ upVotes: 1, downVotes: 0 });
  });

  it("the author cannot vote for her own material, and her looks are not views", async () => {
    const author = await registerViaBot(app, 7211, { name: "Сама Себе" });
    const id = await insertMaterial(app, author.userId, { title: "Мой лист" });
    await author.chat.pressData(openData.pack({ id }));
    expect(author.chat.buttons().map((b) => b.text)).toEqual(["📎 Получить файл", "🗑 Удалить"]);
    await author.chat.pressData(voteData.pack({ id, v: 1 }));
    expect(author.chat.toasts().at(-1)).toContain("Свой материал оценивать нельзя");
    expect(await stored(id)).toMatchObject({ upVotes: 0, views: 0 });
    expect(await app.db.prisma.materialVote.count()).toBe(0);
  });

  it("views: each colleague once, however often and however fast she opens the card; not the author, not before publication", async () => {
    const author = await registerViaBot(app, 7261, { name: "Автор Просмотров" });
    const id = await insertMaterial(app, author.userId, { title: "Смотрят" });
    const pending = await insertMaterial(app, author.userId, { title: "Ещё на проверке", approved: false });
    const a = await registerViaBot(app, 7262);
    for (let i = 0; i < 3; i++) await a.chat.pressData(openData.pack({ id }));
    expect(a.chat.lastText()).toContain("👁 1");
    expect(await stored(id)).toMatchObject({ views: 1 });

    // the same person's taps racing (the domain directly, past the per-chat ordering), and many colleagues at once
    const b = await insertTeacher(app, 7263);
    const viewer = await app.db.prisma.user.findUniqueOrThrow({ where: { id: b } });
    await Promise.all(Array.from({ length: 4 }, () => app.services.materials.open(id, viewer)));
    const others = await Promise.all(Array.from({ length: 6 }, (_, i) => insertTeacher(app, 7270 + i)));
    await Promise.all(others.map(async (userId) => app.services.materials.open(id, await app.db.prisma.user.findUniqueOrThrow({ where: { id: userId } }))));
    expect(await stored(id)).toMatchObject({ views: 8 });
    expect(await app.db.prisma.materialView.count({ where: { materialId: id } })).toBe(8);

    // the author's looks and a methodist's look at a pending one are not views
    await author.chat.pressData(openData.pack({ id }));
    const methodist = await app.db.prisma.user.findFirstOrThrow({ where: { role: "methodist" } });
    await app.services.materials.open(pending, methodist);
    expect(await stored(id)).toMatchObject({ views: 8 });
    expect(await stored(pending)).toMatchObject({ views: 0 });
    await author.chat.send("📂 Материалы");
    await author.chat.press("Мои материалы");
    expect(author.chat.lastText()).toContain("✅ Смотрят — 👍 0 · 👎 0 · 👁 8");
  });

  it("votes on a material that is not published (or gone) are refused", async () => {
    const authorId = await insertTeacher(app, 7221);
    const pending = await insertMaterial(app, authorId, { title: "Ещё не проверен", approved: false });
    const v = await registerViaBot(app, 7222);
    await v.chat.pressData(voteData.pack({ id: pending, v: 1 }));
    expect(v.chat.toasts().at(-1)).toContain("не опубликован");
    await v.chat.pressData(voteData.pack({ id: 999_999, v: -1 }));
    expect(v.chat.toasts().at(-1)).toContain("больше нет");
    expect(await app.db.prisma.materialVote.count()).toBe(0);
  });

  it("concurrent votes never double count: many colleagues at once, and one colleague's double tap", async () => {
    const authorId = await insertTeacher(app, 7231);
    const id = await insertMaterial(app, authorId, { title: "Популярный" });
    const people = await Promise.all(
      Array.from({ length: 12 }, (_, i) => registerViaBot(app, 7240 + i, { name: `Коллега Номер${String.fromCharCode(1040 + i)}` })),
    );
    for (const p of people) await p.chat.pressData(openData.pack({ id }));
    // 8 up, 4 down, all at the same moment
    await Promise.all(people.map((p, i) => p.chat.pressData(voteData.pack({ id, v: i < 8 ? 1 : -1 }))));
    expect(await stored(id)).toMatchObject({ upVotes: 8, downVotes: 4, score: wilsonLowerBound(8, 4) });
    expect(await app.db.prisma.materialVote.count({ where: { materialId: id } })).toBe(12);

    // the domain directly, bypassing the per-chat ordering of updates: the same person's presses race
    const fresh = await insertTeacher(app, 7299);
    const race = async () => {
      const twice = await Promise.allSettled([app.services.materials.vote(id, fresh, 1), app.services.materials.vote(id, fresh, 1)]);
      expect(twice.every((r) => r.status === "fulfilled")).toBe(true);
      return twice.map((r) => (r as PromiseFulfilledResult<string>).value).sort();
    };
    const mine = () => app.db.prisma.materialVote.findUnique({ where: { materialId_userId: { materialId: id, userId: fresh } } });
    // pressing the same twice at once is a double tap: one adds, the other keeps it, whatever the order
    expect(await race()).toEqual(["added", "still-voted"]);
    expect(await mine()).toMatchObject({ value: 1 });
    expect(await stored(id)).toMatchObject({ upVotes: 9, downVotes: 4 });
    // and later, a double tap that withdraws: one withdraws, the other does not vote again
    app.clock.advance(10_000);
    expect(await race()).toEqual(["still-withdrawn", "withdrawn"]);
    expect(await mine()).toMatchObject({ value: 0 });
    const votes = await app.db.prisma.materialVote.groupBy({ by: ["value"], where: { materialId: id }, _count: { _all: true } });
    const up = votes.find((x) => x.value === 1)?._count._all ?? 0;
    const down = votes.find((x) => x.value === -1)?._count._all ?? 0;
    expect(await stored(id)).toMatchObject({ upVotes: up, downVotes: down, score: wilsonLowerBound(up, down) });

    // many distinct people through the domain at once
    const more = await Promise.all(Array.from({ length: 15 }, (_, i) => insertTeacher(app, 7300 + i)));
    await Promise.all(more.map((userId) => app.services.materials.vote(id, userId, 1)));
    expect(await stored(id)).toMatchObject({ upVotes: up + 15, downVotes: down });
  });

  it("an erased colleague's votes are withdrawn from the counts", async () => {
    const authorId = await insertTeacher(app, 7251);
    const id = await insertMaterial(app, authorId, { title: "Лист" });
    const a = await insertTeacher(app, 7252);
    const b = await insertTeacher(app, 7253);
    await app.services.materials.vote(id, a, 1);
    await app.services.materials.vote(id, b, -1);
    expect(await stored(id)).toMatchObject({ upVotes: 1, downVotes: 1 });
    await app.services.users.erase(a);
    expect(await stored(id)).toMatchObject({ upVotes: 0, downVotes: 1, score: 0 });
    // the author's erasure takes her materials (and their votes) with her
    await app.services.users.erase(authorId);
    expect(await app.db.prisma.material.count()).toBe(0);
    expect(await app.db.prisma.materialVote.count()).toBe(0);
  });
});

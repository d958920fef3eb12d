import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { registerAdmin, registerViaBot, toSchoolStep } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(providers)("directory on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("a fresh install has the sample district", async () => {
    // on an empty database, as an operator's first start (the other tests start on a copy of a seeded one)
    const fresh = await createTestApp(provider, { database: "empty" });
    try {
      expect(await fresh.db.prisma.school.count()).toBe(24);
      expect(await fresh.db.prisma.subject.count()).toBe(18);
      expect(await fresh.db.prisma.school.count({ where: { sample: false } })).toBe(0);
    } finally {
      await closeTestApp(fresh);
    }
  });

  it("the admin uploads schools (semicolons, Russian headers, BOM) and subjects", async () => {
    const admin = await registerAdmin(app);
    await admin.chat.send("/directory");
    expect(admin.chat.lastText()).toContain("Пришлите таблицу");
    const schools = "\uFEFFНазвание;Округ\nМБОУ «СОШ № 1»;Новый округ\nМБОУ «СОШ № 30»;Восточный округ\n;Пустой\nМБОУ «СОШ № 30»;Повтор\n";
    await admin.chat.sendDocument({ file_name: "школы.csv", mime_type: "text/csv", content: schools });
    const report = admin.chat.lastText();
    expect(report).toContain("Школы: справочник загружен");
    expect(report).toContain("Добавлено: 1, обновлено: 1, строк с ошибками: 2");
    expect(report).toContain("Строка 4: пустое название");
    expect(report).toContain("Строка 5: повтор");
    expect((await app.db.prisma.school.findFirst({ where: { name: "МБОУ «СОШ № 1»" } }))!.cluster).toBe("Новый округ");

    await admin.chat.send("/directory");
    await admin.chat.sendDocument({
      file_name: "subjects.csv",
      content: "code,name_ru,name_en\nmath,Алгебра и геометрия,Maths\nastro,Астрономия,Astronomy\nBad Code,Что-то,x\n",
    });
    expect(admin.chat.lastText()).toContain("Добавлено: 1, обновлено: 1, строк с ошибками: 1");
    expect((await app.db.prisma.subject.findUnique({ where: { code: "math" } }))!.nameRu).toBe("Алгебра и геометрия");
  });

  it("the first real file of schools replaces the sample district; schools someone works at are kept, named, and go once nobody is", async () => {
    const admin = await registerAdmin(app); // at the sample «СОШ № 1»
    const teacher = await registerViaBot(app, 5201, { name: "Волкова Дарья", school: "МБОУ «СОШ № 5»" });
    expect(await app.db.prisma.school.count({ where: { sample: true } })).toBe(24);
    // a file with nothing usable replaces nothing
    await app.services.directory.importCsv("name,cluster\n,Пусто\n");
    expect(await app.db.prisma.school.count()).toBe(24);

    await admin.chat.send("/directory");
    expect(admin.chat.lastText()).toContain("первый файл заменит образец");
    await admin.chat.sendDocument({ file_name: "schools.csv", content: "name,cluster\nМБОУ «Лицей имени Пушкина»,Центр\nМБОУ «СОШ № 2»,Центр\n" });
    const report = admin.chat.lastText();
    expect(report).toContain("Добавлено: 1, обновлено: 1, строк с ошибками: 0");
    expect(report).toContain("Удалено из образца, с которым бот устанавливается: 21");
    expect(report).toContain("Из образца оставлены, потому что к ним уже привязаны люди или события (2): МБОУ «СОШ № 1», МБОУ «СОШ № 5»");
    const schools = await app.db.prisma.school.findMany({ orderBy: { name: "asc" }, select: { name: true, sample: true } });
    expect(schools).toEqual([
      { name: "МБОУ «Лицей имени Пушкина»", sample: false },
      { name: "МБОУ «СОШ № 1»", sample: true },
      { name: "МБОУ «СОШ № 2»", sample: false },
      { name: "МБОУ «СОШ № 5»", sample: true },
    ]);
    // a newcomer no longer finds the sample schools
    const newcomer = await toSchoolStep(app, 5202);
    await newcomer.send("Берёзовская");
    expect(newcomer.lastText()).toContain("не нашлось");

    // the teacher leaves: the next file removes her sample school; the admin's stays
    await teacher.chat.send("/deleteme");
    await teacher.chat.press("Да, удалить");
    const next = await app.services.directory.importCsv("name\nМБОУ «СОШ № 2»\n");
    expect(next.samples).toEqual({ removed: 1, kept: ["МБОУ «СОШ № 1»"] });
    expect(await app.db.prisma.user.findUniqueOrThrow({ where: { id: admin.userId }, include: { school: true } })).toMatchObject({
      school: { name: "МБОУ «СОШ № 1»" },
    });
  });

  it("the first real file of subjects replaces the sample subjects; a subject someone teaches is kept", async () => {
    await registerViaBot(app, 5203, { subjects: ["Математика", "Физика"] });
    const report = await app.services.directory.importCsv("code,name_ru,name_en\nastro,Астрономия,Astronomy\nphysics,Физика,Physics\n");
    expect(report).toMatchObject({ added: 1, updated: 1, samples: { removed: 16, kept: ["Математика"] } });
    const subjects = await app.db.prisma.subject.findMany({ orderBy: { code: "asc" }, select: { code: true, sample: true } });
    expect(subjects).toEqual([
      { code: "astro", sample: false },
      { code: "math", sample: true },
      { code: "physics", sample: false },
    ]);
  });

  it("refuses what is not a directory and keeps asking", async () => {
    const admin = await registerAdmin(app);
    await admin.chat.send("/directory");
    await admin.chat.send("вот файл");
    expect(admin.chat.lastText()).toContain("Пришлите таблицу");
    await admin.chat.sendDocument({ file_name: "photo.jpg", mime_type: "image/jpeg", content: "xx" });
    expect(admin.chat.lastText()).toContain("Это не таблица");
    await admin.chat.sendDocument({ file_name: "big.csv", content: "name\nx\n", file_size: 5 * 1024 * 1024 });
    expect(admin.chat.lastText()).toContain("Файл больше 1 MB");
    await admin.chat.sendDocument({ file_name: "odd.csv", content: "foo,bar\n1,2\n" });
    expect(admin.chat.lastText()).toContain("Не нашлось нужных столбцов");
    await admin.chat.sendDocument({ file_name: "empty.csv", content: "name\n" });
    expect(admin.chat.lastText()).toContain("нет строк с данными");
    await admin.chat.sendDocument({ file_name: "broken.csv", content: 'name\n"unclosed\n' });
    expect(admin.chat.lastText()).toContain("Не удалось прочитать файл");
    await admin.chat.send("/cancel");
    expect(await app.db.prisma.school.count()).toBe(24);
  });

  it("the CLI script imports a file", async () => {
    const report = await app.services.directory.importCsv("name,cluster\nМБОУ «Новая школа»,Север\n");
    expect(report).toMatchObject({ kind: "schools", added: 1, updated: 0, errors: [] });
  });
});

// A region has a «СОШ № 1» in most districts: a school is one name within one district. The directory
// import tells namesakes apart by district, never moves a school (and its people) to another district
// unless the admin says so, and never guesses which of several namesakes a file without districts means.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { registerAdmin, registerViaBot, toSchoolStep } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

const NORTH = "Северный район";
const SOUTH = "Южный район";
const SCHOOL = "МБОУ «СОШ № 1»";

describe.each(providers)("schools of the same name in several districts on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  const schools = () =>
    app.db.prisma.school.findMany({
      where: { name: SCHOOL },
      orderBy: { id: "asc" },
      select: { id: true, cluster: true, district: { select: { name: true } } },
    });
  const schoolOf = async (userId: number) =>
    (
      await app.db.prisma.user.findUniqueOrThrow({
        where: { id: userId },
        select: { school: { select: { name: true, district: { select: { name: true } } } } },
      })
    ).school;

  async function upload(admin: Awaited<ReturnType<typeof registerAdmin>>, content: string) {
    await admin.chat.send("/directory");
    await admin.chat.sendDocument({ file_name: "школы.csv", mime_type: "text/csv", content });
    return admin.chat.lastText();
  }

  it("one regional file: the same name in two districts is two schools; registration tells them apart by district", async () => {
    const admin = await registerAdmin(app);
    const report = await upload(admin, `Название;Район\n${SCHOOL};${NORTH}\n${SCHOOL};${SOUTH}\n${SCHOOL};${SOUTH}\n`);
    expect(report).toContain("строк с ошибками: 1");
    expect(report).toContain("Строка 4: повтор");
    // the sample «СОШ № 1» (no district, the admin works there) became the north one; the south one is new
    expect(report).toContain("Добавлено: 1, обновлено: 1");
    expect((await schools()).map((s) => s.district?.name)).toEqual([NORTH, SOUTH]);

    const t = await toSchoolStep(app, 6101);
    await t.send("СОШ 1");
    expect(
      t
        .buttons()
        .map((b) => b.text)
        .slice(0, 2),
    ).toEqual([`${SCHOOL} · ${NORTH}`, `${SCHOOL} · ${SOUTH}`]);
    await t.press(`${SCHOOL} · ${SOUTH}`);
    await t.press("Математика");
    await t.press("Готово");
    const user = (await app.services.users.byTelegramId(6101))!;
    expect(await schoolOf(user.id)).toEqual({ name: SCHOOL, district: { name: SOUTH } });
    // the database itself refuses a second «СОШ № 1» in the south
    const south = await app.db.prisma.district.findUniqueOrThrow({ where: { name: SOUTH } });
    await expect(app.db.prisma.school.create({ data: { name: SCHOOL, districtId: south.id, searchText: "x" } })).rejects.toThrow();
  });

  it("a district's own file naming a school of another district: asked, nothing written until answered; «others» adds a namesake, the teachers stay", async () => {
    const admin = await registerAdmin(app);
    await upload(admin, `name,district,cluster\n${SCHOOL},${NORTH},Центр\n`);
    const teacher = await registerViaBot(app, 6102, { name: "Волкова Дарья", school: SCHOOL });
    expect(await schoolOf(teacher.userId)).toEqual({ name: SCHOOL, district: { name: NORTH } });

    const question = await upload(admin, `name,district,cluster\n${SCHOOL},${SOUTH},Заречье\nМБОУ «Южная СОШ»,${SOUTH},Заречье\n`);
    expect(question).toContain("Школ в файле, названных как школа, которая сейчас в другом районе: 1 (людей в них: 2). Пока ничего не загружено.");
    expect(question).toContain(`• ${SCHOOL}: ${NORTH} → ${SOUTH} (людей: 2)`);
    expect(admin.chat.buttons().map((b) => b.text)).toEqual(["🏙 Те же — перенести", "➕ Другие — добавить новыми", "Отмена"]);
    expect(await app.db.prisma.school.count({ where: { name: "МБОУ «Южная СОШ»" } })).toBe(0);
    // a typed answer is not an answer
    await admin.chat.send("другие");
    expect(admin.chat.lastText()).toContain("нажмите одну из кнопок");

    await admin.chat.press("Другие — добавить новыми");
    expect(admin.chat.lastText()).toContain("Добавлено: 2, обновлено: 0, строк с ошибками: 0");
    expect(admin.chat.lastText()).not.toContain("Перенесены");
    expect(await schools()).toMatchObject([
      { cluster: "Центр", district: { name: NORTH } },
      { cluster: "Заречье", district: { name: SOUTH } },
    ]);
    expect(await schoolOf(teacher.userId)).toEqual({ name: SCHOOL, district: { name: NORTH } });

    // the same file again: both schools are matched by district and name, nothing is asked
    const again = await upload(admin, `name,district,cluster\n${SCHOOL},${SOUTH},Заречье\n`);
    expect(again).toContain("Добавлено: 0, обновлено: 1");
  });

  it("the admin may cancel the question: nothing is loaded", async () => {
    const admin = await registerAdmin(app);
    await upload(admin, `name,district\n${SCHOOL},${NORTH}\n`);
    await upload(admin, `name,district\n${SCHOOL},${SOUTH}\n`);
    await admin.chat.press("Отмена");
    expect(admin.chat.lastText()).toContain("отменено");
    expect((await schools()).map((s) => s.district?.name)).toEqual([NORTH]);
    expect(await app.db.prisma.district.count({ where: { name: SOUTH } })).toBe(0);
  });

  it("a file without districts: a name one district has is that school; a name several have is reported, not guessed", async () => {
    const admin = await registerAdmin(app);
    await upload(admin, `name,district\n${SCHOOL},${NORTH}\n${SCHOOL},${SOUTH}\nМБОУ «Лицей № 2»,${NORTH}\n`);
    const report = await upload(admin, `name,cluster\n${SCHOOL},Новый округ\nМБОУ «Лицей № 2»,Новый округ\n`);
    expect(report).toContain("Добавлено: 0, обновлено: 1, строк с ошибками: 1");
    expect(report).toContain("Строка 2: школа с таким названием есть в нескольких районах — добавьте столбец «район»");
    expect((await schools()).map((s) => s.cluster)).not.toContain("Новый округ");
    const lyceum = await app.db.prisma.school.findFirstOrThrow({ where: { name: "МБОУ «Лицей № 2»" }, include: { district: true } });
    expect([lyceum.cluster, lyceum.district?.name]).toEqual(["Новый округ", NORTH]);
  });

  it("a file with districts and blank district cells says how many schools it leaves in no district", async () => {
    const admin = await registerAdmin(app);
    const report = await upload(admin, `name,district\n${SCHOOL},${NORTH}\nМБОУ «Вечерняя школа»,\nМБОУ «Школа-интернат»,\n`);
    expect(report).toContain("Без района (пустая ячейка в столбце района): 2.");
    const full = await upload(admin, `name,district\n${SCHOOL},${NORTH}\n`);
    expect(full).not.toContain("Без района");
  });

  it("district headers: «городской округ» and «муниципальный округ» are the district, «округ» beside them stays the school cluster", async () => {
    const admin = await registerAdmin(app);
    const report = await upload(admin, `Наименование;Округ;Городской округ\n${SCHOOL};Центральный;${NORTH}\n`);
    expect(report).toContain("Районов в файле: 1");
    expect(await schools()).toMatchObject([{ cluster: "Центральный", district: { name: NORTH } }]);
    await upload(admin, `Школа;Школьный  округ;Муниципальный округ\nМБОУ «Лицей № 2»;Заречный;${SOUTH}\n`);
    const lyceum = await app.db.prisma.school.findFirstOrThrow({ where: { name: "МБОУ «Лицей № 2»" }, include: { district: true } });
    expect([lyceum.cluster, lyceum.district?.name]).toEqual(["Заречный", SOUTH]);
  });

  it("the command-line import refuses a file that would move a school unless told which", async () => {
    await app.services.directory.importCsv(`name,district\n${SCHOOL},${NORTH}\n`);
    const pending = await app.services.directory.importCsv(`name,district\n${SCHOOL},${SOUTH}\n`);
    expect(pending).toMatchObject({ added: 0, updated: 0, pendingMoves: [{ name: SCHOOL, from: NORTH, to: SOUTH }] });
    const moved = await app.services.directory.importCsv(`name,district\n${SCHOOL},${SOUTH}\n`, { moves: "move" });
    expect(moved).toMatchObject({ added: 0, updated: 1, moved: [{ name: SCHOOL, from: NORTH, to: SOUTH }] });
    expect((await schools()).map((s) => s.district?.name)).toEqual([SOUTH]);
  });
});

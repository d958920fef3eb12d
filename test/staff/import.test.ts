// Loading the district's staff list through /staff: a dry run, then Apply in one go; the same file again
// changes nothing; a person missing from a new file is marked as having left, never deleted; bad files
// get a clear answer and change nothing.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { registerMethodist, registerViaBot, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { csv, HEADER, loadStaff, sendStaffFile, STAFF } from "./helpers.js";

describe.each(providers)("importing the staff list on %s", (provider) => {
  let app: TestApp;
  let methodist: Person;
  beforeEach(async () => {
    app = await createTestApp(provider);
    methodist = await registerMethodist(app, 9101);
  });
  afterEach(() => closeTestApp(app));

  const rows = async () =>
    (await app.db.prisma.staffMember.findMany({ include: { school: { select: { name: true } } } })).sort((a, b) => a.fullName.localeCompare(b.fullName, "ru"));

  it("shows a dry run first, writes nothing until Apply, then stores every row with its dates", async () => {
    await methodist.chat.send("/staff");
    expect(methodist.chat.lastText()).toContain("Список ещё не загружен");
    await methodist.chat.press("📥 Загрузить список");
    expect(methodist.chat.lastText()).toContain("ФИО");
    expect(methodist.chat.lastText()).toContain("до 50");
    await methodist.chat.sendDocument({ file_name: "staff.csv", content: csv(STAFF) });
    const plan = methodist.chat.lastText();
    expect(plan).toContain("ещё ничего не изменено");
    expect(plan).toContain("➕ Добавится: 6");
    expect(plan).toContain("• Ёлкина Мария Петровна — МБОУ «Гимназия № 3»");
    expect(await rows()).toHaveLength(0);
    await methodist.chat.press("✅ Применить");
    expect(methodist.chat.lastText()).toContain("➕ Добавлено: 6");
    const stored = await rows();
    expect(stored.map((r) => r.fullName)).toEqual([
      "Волкова Елена Андреевна",
      "Ёлкина Мария Петровна",
      "Кузнецова Ольга Ивановна",
      "Морозов Пётр Алексеевич",
      "Петрова Анна Сергеевна",
      "Соколова Ирина Павловна",
    ]);
    const petrova = stored.find((r) => r.fullName.startsWith("Петрова"))!;
    expect(petrova.school.name).toBe("МБОУ «СОШ № 1»");
    expect(petrova.category).toBe("highest");
    // awarded 10.01.2022: five years, the start of the day in Moscow
    expect(petrova.categoryUntil?.toISOString()).toBe("2027-01-09T21:00:00.000Z");
    expect(petrova.lastCourseAt?.toISOString()).toBe("2026-10-14T21:00:00.000Z");
    // «МБОУ СОШ №1» is the same school; «без категории» has no day
    expect(stored.find((r) => r.fullName.startsWith("Кузнецова"))!.school.name).toBe("МБОУ «СОШ № 1»");
    const volkova = stored.find((r) => r.fullName.startsWith("Волкова"))!;
    expect([volkova.category, volkova.categoryUntil]).toEqual(["none", null]);

    await methodist.chat.send("/staff");
    expect(methodist.chat.lastText()).toContain("В списке: <b>6</b>, из них в боте: 0, ещё не в боте: <b>6</b>.");
    expect(methodist.chat.lastText()).toContain("Последнее изменение: 23 ноября 2026");
  });

  it("the same file again changes nothing; a person missing from a new file is marked as having left, and comes back", async () => {
    await loadStaff(methodist.chat, csv(STAFF));
    const before = await rows();
    expect(await sendStaffFile(methodist.chat, csv(STAFF))).toContain("менять нечего");
    expect((await rows()).map((r) => r.updatedAt.getTime())).toEqual(before.map((r) => r.updatedAt.getTime()));

    // Волкова is gone, Соколова's course moved
    const next = STAFF.filter((r) => !r.startsWith("Волкова")).map((r) => (r.startsWith("Соколова") ? r.replace("12.03.2025", "01.11.2026") : r));
    const plan = await sendStaffFile(methodist.chat, csv(next));
    expect(plan).toContain("🚪 Будут отмечены как выбывшие: 1");
    expect(plan).toContain("• Волкова Елена Андреевна — МБОУ «СОШ № 2»");
    expect(plan).toContain("✏️ Изменится: 1");
    await methodist.chat.press("✅ Применить");
    const after = await rows();
    expect(after).toHaveLength(6);
    expect(after.find((r) => r.fullName.startsWith("Волкова"))!.leftAt?.toISOString()).toBe(app.clock.now().toISOString());
    await methodist.chat.send("/staff");
    expect(methodist.chat.lastText()).toContain("В списке: <b>5</b>");
    expect(methodist.chat.lastText()).toContain("Выбыли (остаются в отчётах за год): 1.");

    expect(await sendStaffFile(methodist.chat, csv(STAFF))).toContain("↩️ Вернутся в список: 1");
    await methodist.chat.press("✅ Применить");
    expect((await rows()).every((r) => r.leftAt === null)).toBe(true);
  });

  it("Cancel writes nothing", async () => {
    await sendStaffFile(methodist.chat, csv(STAFF));
    await methodist.chat.press("❌ Отмена");
    expect(methodist.chat.lastText()).toContain("ничего не изменено");
    expect(await rows()).toHaveLength(0);
  });

  it("reads an .xlsx with English headers in another order, real date cells and extra columns; and a Windows-1251 CSV", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Staff");
    sheet.addRow(["Personnel no.", "School", "Full name", "Category", "Valid until", "Last course"]);
    sheet.addRow([17, "МБОУ «Лицей № 4»", "Смирнова Ольга Викторовна", "first", new Date(Date.UTC(2028, 4, 31)), new Date(Date.UTC(2026, 9, 1))]);
    await loadStaff(methodist.chat, Buffer.from(await book.xlsx.writeBuffer()), "staff.xlsx");
    const [row] = await rows();
    expect(row!.fullName).toBe("Смирнова Ольга Викторовна");
    expect(row!.categoryUntil?.toISOString()).toBe("2028-05-30T21:00:00.000Z");
    expect(row!.lastCourseAt?.toISOString()).toBe("2026-09-30T21:00:00.000Z");

    const cp1251 = iconv.encode(csv(["Смирнова Ольга Викторовна;МБОУ «Лицей № 4»;учитель;Физика;первая;31.05.2023;1 октября 2026 г.;17"]), "win1251");
    const plan = await sendStaffFile(methodist.chat, cp1251);
    expect(plan).toContain("✏️ Изменится: 1");
  });

  it("lists every row it cannot read with its number and why, and imports the rest", async () => {
    const plan = await sendStaffFile(
      methodist.chat,
      csv([
        STAFF[0]!,
        "Соколова Ирина Павловна;МБОУ «СОШ № 1»;учитель;Русский язык;первая;01.06.2024;31.02.2026;002",
        ";МБОУ «СОШ № 1»;учитель;;;;;",
        "Кузнецова Ольга Ивановна;МБОУ «СОШ № 1»;учитель;История;вторая;;;",
        STAFF[0]!,
      ]),
    );
    expect(plan).toContain("➕ Добавится: 1");
    expect(plan).toContain("⚠️ Не прочитаны: 4");
    expect(plan).toContain("строка 3: непонятная дата курсов");
    expect(plan).toContain("строка 4: нет ФИО");
    expect(plan).toContain("строка 5: непонятная категория");
    expect(plan).toContain("строка 6: этот человек уже есть в файле выше");
  });

  it("refuses bad files clearly and changes nothing", async () => {
    await methodist.chat.send("/staff");
    await methodist.chat.press("📥 Загрузить список");
    await methodist.chat.sendDocument({ file_name: "photo.jpg", mime_type: "image/jpeg", content: Buffer.from([0xff, 0xd8, 0xff]) });
    expect(methodist.chat.lastText()).toBe("Это не таблица. Пришлите файл .xlsx или .csv.");
    await methodist.chat.sendDocument({ file_name: "old.xls", content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) });
    expect(methodist.chat.lastText()).toContain("старый формат Excel");
    // still waiting for a file: a header without a name column
    await methodist.chat.sendDocument({ file_name: "staff.csv", content: "Школа;Должность\nМБОУ «СОШ № 1»;учитель\n" });
    expect(methodist.chat.lastText()).toContain("Не нашёл столбец с ФИО");
    expect(methodist.chat.lastText()).toContain("Заголовки в файле: Школа, Должность");

    const unknown = await sendStaffFile(methodist.chat, csv([...STAFF, "Орлова Нина Павловна;МБОУ «СОШ № 11»;учитель;;;;;", "Жукова Анна;СОШ 11;;;;;;"]));
    expect(unknown).toContain("В файле есть школы, которых нет в справочнике (1)");
    expect(unknown).toContain("«МБОУ «СОШ № 11»» (строки 8, 9; всего 2). Похожие: «МБОУ «СОШ № 1»»");
    expect(unknown).toContain("Ничего не изменено");

    const tooLong = `${HEADER}\n${"Петрова Анна Сергеевна;МБОУ «СОШ № 1»;;;;;;\n".repeat(50_001)}`;
    expect(await sendStaffFile(methodist.chat, tooLong)).toContain("Слишком много строк");
    expect(await app.db.prisma.staffMember.count()).toBe(0);
    expect(app.missing).toEqual([]);
  });

  it("a teacher is refused /staff and its buttons", async () => {
    const teacher = await registerViaBot(app, 9102, { name: "Орлова Нина Павловна" });
    await teacher.chat.send("/staff");
    expect(teacher.chat.lastText()).toBe("⛔ Это могут делать только методисты.");
    await teacher.chat.pressData("staff-load");
    expect(app.tg.transcript(9102).at(-1)?.text).toBe("⛔ Это могут делать только методисты.");
    expect(await app.db.prisma.conversationState.count({ where: { key: "9102" } })).toBe(0);
  });
});

// The directory as districts really have it: a CSV saved by Russian Windows' Excel (Windows-1251, ";"),
// Excel's "Unicode text" (UTF-16 with a BOM, tabs), an .xlsx workbook, Russian headers; what cannot be
// read is refused, in the bot and in `npm run directory:import` alike.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { providers } from "../helpers/databases.js";
import { registerAdmin, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

const SCHOOLS_RU = "Название;Округ;Район\nМБОУ «СОШ № 78»;Заречный округ;Северный район\nМБОУ «Гимназия № 9», корпус 2;Центр;Северный район\n";

/** what Russian Excel writes for "CSV (разделители — запятые)": Windows-1251, ";" */
function cp1251(text: string): Buffer {
  const bytes = iconv.encode(text, "win1251");
  // the fixture really is Windows-1251: «На» is CD E0 there (D0 9D D0 B0 in UTF-8)
  if (text.startsWith("На")) expect([...bytes.subarray(0, 2)]).toEqual([0xcd, 0xe0]);
  return bytes;
}

/** what Excel writes for "Текст в Юникоде": UTF-16 LE with a BOM, tab-separated, CRLF */
function utf16(text: string, endian: "le" | "be" = "le"): Buffer {
  const body = iconv.encode(text.replace(/;/g, "\t").replace(/\n/g, "\r\n"), endian === "le" ? "utf-16le" : "utf-16be");
  return Buffer.concat([Buffer.from(endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Пустой");
  const sheet = book.addWorksheet("Предметы");
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const run = promisify(execFile);

describe.each(providers)("directory files on %s", (provider) => {
  let app: TestApp;
  let admin: Person;
  beforeEach(async () => {
    app = await createTestApp(provider);
    admin = await registerAdmin(app);
  });
  afterEach(() => closeTestApp(app));

  const schoolNames = async () => (await app.db.prisma.school.findMany({ where: { sample: false }, orderBy: { name: "asc" } })).map((s) => s.name);
  const send = async (file_name: string, content: Buffer, mime_type?: string) => {
    await admin.chat.send("/directory");
    await admin.chat.sendDocument({ file_name, mime_type, content });
    return admin.chat.lastText();
  };

  it("the instructions name the Russian headers and the formats", async () => {
    await admin.chat.send("/directory");
    const ask = admin.chat.lastText();
    for (const s of ["Excel (.xlsx)", "Windows-1251", "«Название»", "«Округ»", "«Район»", "«Код»", "<code>name</code>"]) expect(ask).toContain(s);
  });

  it("a Windows-1251 CSV with ';' and Russian headers, as Russian Excel saves it, is read right", async () => {
    const report = await send("Школы.csv", cp1251(SCHOOLS_RU), "text/csv");
    expect(report).toContain("Школы: справочник загружен");
    expect(report).toContain("Добавлено: 2, обновлено: 0, строк с ошибками: 0");
    expect(report).toContain("Районов в файле: 1");
    expect(await schoolNames()).toEqual(["МБОУ «Гимназия № 9», корпус 2", "МБОУ «СОШ № 78»"]);
    const school = await app.db.prisma.school.findFirstOrThrow({ where: { name: "МБОУ «СОШ № 78»" }, include: { district: true } });
    expect([school.cluster, school.district?.name]).toEqual(["Заречный округ", "Северный район"]);
    // nothing garbled anywhere
    expect(await app.db.prisma.school.count({ where: { name: { contains: "\uFFFD" } } })).toBe(0);
  });

  it("Excel's 'Unicode text' (UTF-16 with a BOM, tabs), in either byte order, and UTF-8 without a BOM", async () => {
    expect(await send("школы.txt", utf16(SCHOOLS_RU), "text/plain")).toContain("Добавлено: 2, обновлено: 0");
    expect(await schoolNames()).toEqual(["МБОУ «Гимназия № 9», корпус 2", "МБОУ «СОШ № 78»"]);
    expect(await send("школы.txt", utf16("Название;Округ\nМБОУ «Лицей № 5»;Центр\n", "be"))).toContain("Добавлено: 1, обновлено: 0");
    expect(await send("school.csv", Buffer.from("name,cluster\nМБОУ «СОШ № 78»,Новый округ\n"))).toContain("Добавлено: 0, обновлено: 1");
    expect((await app.db.prisma.school.findFirstOrThrow({ where: { name: "МБОУ «СОШ № 78»" } })).cluster).toBe("Новый округ");
  });

  it("an .xlsx workbook with Russian headers (the first sheet with data; numbers and formulas as text)", async () => {
    const book = await xlsx([
      ["Код", "Название", "Английское название", "Порядок"],
      ["astro", "Астрономия", "Astronomy", 1],
      [],
      ["ecology", { richText: [{ text: "Эко" }, { text: "логия" }] }, "Ecology", { formula: "1+1", result: 2 }],
    ]);
    const report = await send("Предметы.xlsx", book, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(report).toContain("Предметы: справочник загружен");
    expect(report).toContain("Добавлено: 2, обновлено: 0, строк с ошибками: 0");
    const subjects = await app.db.prisma.subject.findMany({ where: { code: { in: ["astro", "ecology"] } }, orderBy: { code: "asc" } });
    expect(subjects.map((s) => [s.code, s.nameRu, s.nameEn, s.sortOrder])).toEqual([
      ["astro", "Астрономия", "Astronomy", 1],
      ["ecology", "Экология", "Ecology", 2],
    ]);
  });

  it("what cannot be decoded is refused with a clear answer, and nothing is stored; the bot keeps asking", async () => {
    const before = await app.db.prisma.school.count();
    await admin.chat.send("/directory");
    const refusals: [string, Buffer, string][] = [
      // a picture renamed
      ["schools.csv", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), "Не удалось прочитать текст файла"],
      // text garbled by an earlier wrong conversion
      ["schools.csv", Buffer.from("name\nМБОУ \uFFFD\uFFFD\uFFFD № 78\n"), "Не удалось прочитать текст файла"],
      // a UTF-8 BOM on bytes that are not UTF-8
      ["schools.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), cp1251(SCHOOLS_RU)]), "Не удалось прочитать текст файла"],
      // the old binary Excel format
      ["schools.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), "старый формат Excel (.xls)"],
      // a damaged workbook
      ["schools.xlsx", Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(40, 7)]), "Не удалось открыть файл Excel"],
    ];
    for (const [name, bytes, answer] of refusals) {
      await admin.chat.sendDocument({ file_name: name, content: bytes });
      expect(admin.chat.lastText(), name).toContain(answer);
      expect(admin.chat.lastText(), name).toContain("Пришлите таблицу");
    }
    expect(await app.db.prisma.school.count()).toBe(before);
    // then a good file in the same conversation
    await admin.chat.sendDocument({ file_name: "Школы.csv", content: cp1251(SCHOOLS_RU) });
    expect(admin.chat.lastText()).toContain("Добавлено: 2");
  });

  it("unknown headers: the answer names the headers needed, in Russian too, and those the file has", async () => {
    const answer = await send("люди.csv", cp1251("ФИО;Должность\nИванова Анна;учитель\n"));
    expect(answer).toContain("«Название»");
    expect(answer).toContain("«Код» и «Название»");
    expect(answer).toContain("Заголовки в файле: ФИО, Должность");
  });

  it("names garbled by a file read in the wrong encoding before are removed by the next good file, unless someone is attached", async () => {
    // what an earlier version stored from a Windows-1251 file read as UTF-8
    const garbled = new TextDecoder("utf-8").decode(cp1251("МБОУ «СОШ № 78»"));
    expect(garbled).toBe("���� ���� � 78�");
    await app.db.prisma.school.create({ data: { name: garbled, searchText: garbled } });
    await app.db.prisma.school.create({ data: { name: `${garbled} 2`, searchText: garbled } });
    const attached = await app.db.prisma.school.findFirstOrThrow({ where: { name: `${garbled} 2` } });
    await app.db.prisma.user.update({ where: { id: admin.userId }, data: { schoolId: attached.id } });

    const report = await send("Школы.csv", cp1251(SCHOOLS_RU));
    expect(report).toContain("Удалено записей с искажёнными названиями (их загрузил раньше файл в неверной кодировке): 1");
    expect(report).toContain("Записей с искажёнными названиями осталось, потому что к ним уже привязаны люди или события: 1");
    expect(await app.db.prisma.school.findMany({ where: { name: { contains: "\uFFFD" } }, select: { id: true } })).toEqual([{ id: attached.id }]);
  });

  it("npm run directory:import reads the same files the same way and refuses the same ones", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "directory-"));
    try {
      const good = path.join(dir, "Школы.csv");
      const xls = path.join(dir, "old.xls");
      fs.writeFileSync(good, cp1251(SCHOOLS_RU));
      fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
      const env = { PATH: process.env.PATH!, DATABASE_URL: app.config.DATABASE_URL, BOT_TOKEN: "" };
      // one run with both files (a process start is slow on a busy machine): the good one loads, the other is refused
      const r = await run(process.execPath, ["--import", "tsx", "scripts/import-directory.ts", good, xls], { cwd: projectRoot, env }).then(
        () => ({ code: 0, stdout: "", stderr: "" }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("schools added 2, updated 0, rows with errors 0");
      expect(r.stderr).toContain("Это старый формат Excel (.xls)");
      expect(await schoolNames()).toEqual(["МБОУ «Гимназия № 9», корпус 2", "МБОУ «СОШ № 78»"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

// The table reader shared by every import (the directory now, the staff list later): bytes and a file
// name in, rows of strings out, whatever encoding, separator or format the file came in.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../../src/domain/errors.js";
import { decodeText, mayBeTable, parseDelimited, readTable, sniffDelimiter } from "../../src/domain/tabular.js";

const refusal = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    return isDomainError(e) ? { code: e.code, args: e.args } : { error: String(e) };
  }
  return null;
};

/** a zip whose central directory says one entry unpacks to `size` bytes (nothing else in it) */
function zipClaiming(size: number): Buffer {
  const name = Buffer.from("xl/sharedStrings.xml");
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(1000, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(30, 16);
  return Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(26), central, name, end]);
}

describe("tables", () => {
  const text = "Фамилия;Имя;Дата\nИванова;Анна;01.09.2024\n";

  it("decodes UTF-8 (with or without BOM), Windows-1251 and UTF-16 (BOM or not), and says which", () => {
    expect(decodeText(Buffer.from(text))).toEqual({ text, encoding: "utf-8" });
    expect(decodeText(Buffer.from(`\uFEFF${text}`))).toEqual({ text, encoding: "utf-8" });
    expect(decodeText(iconv.encode(text, "win1251"))).toEqual({ text, encoding: "windows-1251" });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]))).toEqual({ text, encoding: "utf-16le" });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf-16be")]))).toEqual({ text, encoding: "utf-16be" });
    expect(decodeText(iconv.encode(text, "utf-16le"))).toEqual({ text, encoding: "utf-16le" });
    expect(decodeText(iconv.encode("name,cluster\nSchool,North\n", "win1251")).encoding).toBe("utf-8");
  });

  it("refuses what is not text: binary bytes, a replacement character, a BOM that lies", async () => {
    expect(await refusal(() => decodeText(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x10, 0x00, 0x7f])))).toMatchObject({ code: "table-encoding" });
    expect(await refusal(() => decodeText(Buffer.from("Иванова \uFFFDнна")))).toMatchObject({ code: "table-encoding" });
    expect(await refusal(() => decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(text, "win1251")])))).toMatchObject({
      code: "table-encoding",
    });
    expect(await refusal(() => parseDelimited("a;b\n\u0001;2\n"))).toMatchObject({ code: "table-encoding" });
  });

  it("sniffs the separator from the header; a one-column table is never split", async () => {
    expect(sniffDelimiter("a;b,c;d\n1,2,3,4,5,6\n")).toBe(";");
    expect(sniffDelimiter('"a;b"\tc\td\n')).toBe("\t");
    expect(sniffDelimiter("\n\na,b\n")).toBe(",");
    expect(sniffDelimiter("name\nМБОУ «СОШ № 1», корпус 2\n")).toBeNull();
    expect(parseDelimited("name\nМБОУ «СОШ № 1», корпус 2\n\n  \n").rows).toEqual([
      { line: 1, cells: ["name"] },
      { line: 2, cells: ["МБОУ «СОШ № 1», корпус 2"] },
    ]);
    // the line numbers are the file's: blank and empty lines are counted, not returned
    expect((await readTable(iconv.encode("a;b\n\n;\nx; y \n", "win1251"), "x.csv")).rows).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 4, cells: ["x", "y"] },
    ]);
    expect(await refusal(() => parseDelimited('name\n"unclosed\n'))).toMatchObject({ code: "table-unreadable" });
  });

  it("reads the first sheet with data of an .xlsx: dates, numbers, formulas, rich text and links as text", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Пусто");
    const sheet = book.addWorksheet("Кадры");
    sheet.addRow(["ФИО", "Дата", "Ставка", "Итого", "Сайт"]);
    sheet.addRow([
      { richText: [{ text: "Иванова " }, { text: "Анна" }] },
      new Date(Date.UTC(2028, 4, 15)),
      1.5,
      { formula: "B2+1", result: 2.5 },
      { text: "школа", hyperlink: "https://example.org" },
    ]);
    sheet.addRow([]);
    sheet.addRow(["Петрова", new Date(Date.UTC(2024, 8, 1, 9, 30))]);
    const table = await readTable(Buffer.from(await book.xlsx.writeBuffer()), "кадры.xlsx");
    expect(table).toMatchObject({ format: "xlsx", sheet: "Кадры" });
    expect(table.rows).toEqual([
      { line: 1, cells: ["ФИО", "Дата", "Ставка", "Итого", "Сайт"] },
      { line: 2, cells: ["Иванова Анна", "2028-05-15", "1.5", "2.5", "школа"] },
      { line: 4, cells: ["Петрова", "2024-09-01 09:30"] },
    ]);
    expect(await refusal(readTable(Buffer.from(await book.xlsx.writeBuffer()), "кадры.xlsx", { maxRows: 2 }))).toEqual({
      code: "table-too-long",
      args: { max: 2 },
    });
  });

  it("refuses the old .xls, a damaged workbook and one that would unpack to too much (before unpacking it)", async () => {
    expect(await refusal(readTable(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "a.xls"))).toMatchObject({ code: "table-xls" });
    expect(await refusal(readTable(Buffer.from("PK\x03\x04 not really"), "a.xlsx"))).toMatchObject({ code: "table-xlsx-unreadable" });
    expect(await refusal(readTable(Buffer.from("name\nx\n"), "a.xlsx"))).toMatchObject({ code: "table-xlsx-unreadable" });
    expect(await refusal(readTable(zipClaiming(2_000_000_000), "bomb.xlsx"))).toMatchObject({ code: "table-xlsx-unreadable" });
    expect(await refusal(readTable(Buffer.alloc(5000, 0x41).fill(0x0a, 4000), "big.csv", { maxRows: 10 }))).toBeNull();
    expect(await refusal(readTable(Buffer.from("a\n1\n2\n3\n"), "big.csv", { maxRows: 3 }))).toEqual({ code: "table-too-long", args: { max: 3 } });
  });

  it("tells a table's file from others by its name or type before it is downloaded", () => {
    for (const name of ["Школы.CSV", "s.xlsx", "old.xls", "unicode.txt", "t.tsv"]) expect(mayBeTable(name), name).toBe(true);
    expect(mayBeTable("photo.jpg", "image/jpeg")).toBe(false);
    expect(mayBeTable("file", "text/csv")).toBe(true);
    expect(mayBeTable("file", "text/comma-separated-values")).toBe(true);
    expect(mayBeTable("file", "application/vnd.ms-excel")).toBe(true);
  });
});

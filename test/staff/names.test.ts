// What counts as the same name (exact) or nearly (offered, never linked without her yes), and how a
// school's name in an export is matched to the directory.
import { describe, expect, it } from "vitest";
import { compareNames, nameKey, nearest, schoolKey } from "../../src/domain/staff/names.js";
import { parseCategory, parseDay } from "../../src/domain/staff/parse.js";

const cmp = (a: string, b: string) => compareNames(nameKey(a), nameKey(b));

describe("staff names", () => {
  it("exact: case, ё/е, extra spaces and hyphens do not matter", () => {
    expect(cmp("Ёлкина  Мария Петровна", "елкина мария петровна")).toBe("exact");
    expect(cmp("Римская-Корсакова Анна Ивановна", "Римская Корсакова Анна Ивановна")).toBe("exact");
  });
  it("near: initials, a patronymic left out, a typo or two", () => {
    expect(cmp("Иванова А. П.", "Иванова Анна Петровна")).toBe("near");
    expect(cmp("Иванова Анна", "Иванова Анна Петровна")).toBe("near");
    expect(cmp("Сколова Ирина Павловна", "Соколова Ирина Павловна")).toBe("near");
    expect(cmp("Иваново Анна Петровна", "Иванова Анна Петрвна")).toBe("near");
  });
  it("another person is not near", () => {
    expect(cmp("Иванова Анна Петровна", "Иванова Мария Петровна")).toBeNull();
    expect(cmp("Иванова А. П.", "Иванова Мария Петровна")).toBeNull();
    expect(cmp("Петров Иван", "Сидоров Иван")).toBeNull();
    expect(cmp("Ким Ли", "Ким Ян")).toBeNull();
  });
  it("schools: with or without the legal form, quotes and №", () => {
    expect(schoolKey("МБОУ «СОШ № 1»")).toBe(schoolKey("МБОУ СОШ №1"));
    expect(schoolKey("СОШ № 1", true)).toBe(schoolKey("МБОУ «СОШ № 1»", true));
    expect(nearest("МБОУ «СОШ № 11»", ["МБОУ «Гимназия № 3»", "МБОУ «СОШ № 1»", "МБОУ «Лицей № 4»"], 1)).toEqual(["МБОУ «СОШ № 1»"]);
  });
  it("categories and days as Russian spreadsheets write them", () => {
    expect(["Высшая", "первая", "СЗД", "соответствие занимаемой должности", "без категории", "", "вторая"].map(parseCategory)).toEqual([
      "highest",
      "first",
      "compliance",
      "compliance",
      "none",
      null,
      undefined,
    ]);
    const day = (s: string) => parseDay(s, "Europe/Moscow")?.toISOString() ?? parseDay(s, "Europe/Moscow");
    expect(["15.03.2024", "15.03.24", "15/03/2024", "2024-03-15", "15 марта 2024 г.", "45366"].map(day)).toEqual(Array(6).fill("2024-03-14T21:00:00.000Z"));
    expect(["31.02.2026", "март", "2024"].map(day)).toEqual([undefined, undefined, undefined]);
    expect(day("")).toBeNull();
  });
});

// Links people type: one rule for lessons, meetings and materials.
import { describe, expect, it } from "vitest";
import { parseWebUrl } from "../../src/domain/url.js";

describe("parseWebUrl", () => {
  it.each([
    ["https://sferum.ru/room/42?a=1&b=2", "https://sferum.ru/room/42?a=1&b=2"],
    ["  http://school5.edu.ru/plan.pdf ", "http://school5.edu.ru/plan.pdf"],
    ["telemost.yandex.ru/j/123", "https://telemost.yandex.ru/j/123"],
    ["https://пример.рф/урок", "https://xn--e1afmkfd.xn--p1ai/%D1%83%D1%80%D0%BE%D0%BA"],
  ])("accepts %s", (text, url) => expect(parseWebUrl(text)).toBe(url));

  it.each([
    "",
    "sferum",
    "http://localhost/meet",
    "https://",
    "https//telemost.yandex.ru/j/1",
    "ftp://files.example.org/x",
    "http://нет",
    "https://a.ru/ b",
    "https://1.2.3.4/x",
  ])("refuses %j", (text) => expect(parseWebUrl(text)).toBeNull());

  it("refuses a link longer than the limit", () => {
    expect(parseWebUrl(`https://a.ru/${"x".repeat(600)}`)).toBeNull();
    expect(parseWebUrl(`https://a.ru/${"x".repeat(20)}`, 40)).toBe(`https://a.ru/${"x".repeat(20)}`);
    expect(parseWebUrl(`https://a.ru/${"x".repeat(20)}`, 30)).toBeNull();
  });
});

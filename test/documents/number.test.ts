// Certificate numbers: random (not a counter), 12 symbols with a check symbol that catches a mistyped
// symbol, read back however people type them.
import { describe, expect, it } from "vitest";
import { checkSymbol, formatNumber, newCertificateNumber, parseNumber } from "../../src/domain/documents/number.js";
import { verificationUrl } from "../../src/bot/features/documents/verification-url.js";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

describe("certificate numbers", () => {
  it("are random: a thousand of them are all different and do not follow one another", () => {
    const numbers = Array.from({ length: 1000 }, () => newCertificateNumber());
    expect(new Set(numbers).size).toBe(1000);
    for (const n of numbers) {
      expect(n).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
      expect(parseNumber(n)).toBe(n);
    }
    // no two in a row share their first eleven symbols but one (as a counter's would)
    const close = numbers.slice(1).filter((n, i) => [...n.slice(0, 11)].filter((c, k) => c !== numbers[i]![k]).length <= 1);
    expect(close).toEqual([]);
  });

  it("are printed in fours and read back in any case, with spaces, dashes or Cyrillic look-alikes", () => {
    const n = `7K3MA9QX2HF${checkSymbol("7K3MA9QX2HF")}`;
    expect(formatNumber(n)).toBe(`7K3M-A9QX-2HF${n.at(-1)}`);
    expect(parseNumber(formatNumber(n).toLowerCase())).toBe(n);
    expect(parseNumber(` ${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)} `)).toBe(n);
    // А, К, М, Х typed on a Russian keyboard
    expect(parseNumber(formatNumber(n).replace("K", "К").replace("M", "М").replace("A", "А").replace("X", "Х"))).toBe(n);
  });

  it("a single mistyped symbol, anywhere, never passes for a number", () => {
    for (let trial = 0; trial < 50; trial++) {
      const n = newCertificateNumber();
      for (let i = 0; i < n.length; i++) {
        for (const c of ALPHABET) {
          if (c === n[i]) continue;
          const typo = n.slice(0, i) + c + n.slice(i + 1);
          expect(parseNumber(typo), `${n} → ${typo}`).toBeNull();
        }
      }
    }
  });

  it("text that is not a number is refused", () => {
    for (const text of ["", "123", "7K3M-9QX2-HF4", "7K3M-9QX2-HF4C-1", "ПРЕПОДАВАНИЕ", "7K3M-9QX2-HF4U"]) expect(parseNumber(text), text).toBeNull();
  });

  it("the QR code leads to the site's check page, or without a site to the bot's /verify", () => {
    const n = newCertificateNumber();
    expect(verificationUrl(n, { publicUrl: "https://metod.example.org", botUsername: "metodset_bot" })).toBe(
      `https://metod.example.org/verify/${formatNumber(n)}`,
    );
    expect(verificationUrl(n, { botUsername: "metodset_bot" })).toBe(`https://t.me/metodset_bot?start=verify-${formatNumber(n)}`);
  });
});

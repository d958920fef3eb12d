// Certificate numbers: 11 random symbols of Crockford's base32 (no I, L, O, U: nothing to misread) and
// a check symbol (Luhn mod 32), printed as 7K3M-9QX2-HF4C. Random, not a counter: the next number
// cannot be guessed from one's own (55 random bits; a few thousand certificates make a lucky guess a
// one-in-ten-trillion event), and the check symbol tells a mistyped number from a forged one.
import { randomInt } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const N = ALPHABET.length;
export const NUMBER_LENGTH = 12;

/** What people type instead: Crockford's read-alikes, and Cyrillic letters that look like Latin ones. */
const READ_ALIKE: Record<string, string> = {
  O: "0",
  I: "1",
  L: "1",
  А: "A",
  В: "B",
  С: "C",
  Е: "E",
  Н: "H",
  К: "K",
  М: "M",
  О: "0",
  Р: "P",
  Т: "T",
  Х: "X",
  У: "Y",
  З: "3",
};

/** Luhn mod N over the alphabet: the symbol that makes `body` + it check out. */
export function checkSymbol(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(body[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return ALPHABET[(N - (sum % N)) % N]!;
}

function checksOut(number: string): boolean {
  let factor = 1;
  let sum = 0;
  for (let i = number.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(number[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return sum % N === 0;
}

/** A fresh random number (stored without dashes). */
export function newCertificateNumber(random: (max: number) => number = randomInt): string {
  let body = "";
  for (let i = 0; i < NUMBER_LENGTH - 1; i++) body += ALPHABET[random(N)];
  return body + checkSymbol(body);
}

/** "7K3M9QX2HF4C" → "7K3M-9QX2-HF4C" */
export const formatNumber = (number: string): string => number.replace(/(.{4})(?=.)/g, "$1-");

/**
 * A number as someone typed or scanned it: any case, with or without dashes and spaces, Cyrillic
 * look-alikes and O/I/L read as 0/1. Null when it cannot be a certificate number (wrong length, a
 * symbol outside the alphabet, or a check symbol that does not match: a typo, or an invented number).
 */
export function parseNumber(text: string): string | null {
  const cleaned = [...text.toUpperCase().replace(/[\s\-_–—.№#]/g, "")].map((c) => READ_ALIKE[c] ?? c).join("");
  if (cleaned.length !== NUMBER_LENGTH || [...cleaned].some((c) => !ALPHABET.includes(c))) return null;
  return checksOut(cleaned) ? cleaned : null;
}

// How the staff list and the bot compare people and schools. A name's key is what an exact match
// compares (lower case, ё→е, punctuation dropped, words in order); a near match forgives what people really
// type differently: a letter or two (a typo, ё/е already folded), initials for the given names
// («Иванова А. П.» is «Иванова Анна Петровна»), a patronymic left out. Nothing is linked on a near match without the teacher's yes.
import { distance } from "fastest-levenshtein";
import { normalizeSearch } from "../text.js";

/** «Иванова  Анна-Мария Петровна» → «иванова анна мария петровна» */
export function nameKey(fullName: string): string {
  return normalizeSearch(fullName);
}

/** The most letters a near match may differ by (two: a typo and a dropped letter). */
export const NEAR_DISTANCE = 2;

/**
 * Whether two name keys are the same person but for initials or a word left out: the surname alike, each
 * other word equal or its initial, and one of them shorter («Петрова Анна» for «Петрова Анна Сергеевна»).
 */
function initialsMatch(a: string[], b: string[]): boolean {
  if (a.length < 2 || b.length < 2) return false;
  if (a[0] !== b[0] && distance(a[0]!, b[0]!) > 1) return false;
  const n = Math.min(a.length, b.length);
  let initials = false;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) {
      initials = true;
      continue;
    }
    return false;
  }
  return initials || a.length !== b.length;
}

/** exact: the keys are equal; near: see the top of this file and initialsMatch; null: another person. */
export function compareNames(a: string, b: string): "exact" | "near" | null {
  if (!a || !b) return null;
  if (a === b) return "exact";
  const wa = a.split(" ");
  const wb = b.split(" ");
  if (initialsMatch(wa, wb)) return "near";
  // short keys differ by two letters too easily: a near match by letters needs a full name
  if (Math.min(a.length, b.length) >= 8 && distance(a, b) <= NEAR_DISTANCE) return "near";
  return null;
}

/** A legal form in front of a school's name (МБОУ, МАОУ, МКОУ, ГБОУ, МБДОУ ...), which exports add or leave out. */
const LEGAL_FORM = /^[а-я]{0,4}оу$/;

/** «МБОУ «СОШ № 1»», «МБОУ СОШ №1» → «мбоу сош 1»; `bare` also drops the legal form: «сош 1». */
export function schoolKey(name: string, bare = false): string {
  const words = normalizeSearch(name).split(" ").filter(Boolean);
  if (bare && words.length > 1 && LEGAL_FORM.test(words[0]!)) words.shift();
  return words.join(" ");
}

/** The `count` names of `names` nearest to `name` (what an unknown school's row is offered). */
export function nearest(name: string, names: string[], count = 3): string[] {
  const key = schoolKey(name, true);
  return names
    .map((n) => ({ n, d: distance(key, schoolKey(n, true)) }))
    .sort((x, y) => x.d - y.d || x.n.localeCompare(y.n, "ru"))
    .slice(0, count)
    .map((x) => x.n);
}

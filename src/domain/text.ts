/**
 * Normal form for search by words in Russian and English text: lower case (Unicode, unlike SQLite's
 * lower()), ё→е, punctuation to spaces, whitespace collapsed. Stored beside the text and applied to
 * the query, so `LIKE` works the same on SQLite and PostgreSQL.
 */
export function normalizeSearch(text: string): string {
  // the root locale's lower case: the same as Russian's (Unicode's special casing names only tr, az and
  // lt), and several times cheaper than asking ICU for a locale on every call
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The words of a query, normalised, at most `max` of them. */
export function searchWords(query: string, max = 6): string[] {
  return normalizeSearch(query).split(" ").filter(Boolean).slice(0, max);
}

/** Collapses runs of whitespace and trims: what every free-text field is stored as. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The first `max` characters of someone's text, whitespace collapsed, "…" where it was cut: what a list or an answer repeats back. */
export function snippet(text: string, max = 60): string {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : chars.join("");
}

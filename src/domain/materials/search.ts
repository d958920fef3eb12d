// Search by words in titles and descriptions. Every material stores normalizeSearch(title + description)
// (lower case, ё→е). A query matches when every one of its words, cut to a crude stem, occurs in that
// text (both databases); PostgreSQL also matches its Russian full-text search (to_tsvector/plainto_tsquery
// with the built-in Snowball stemmer), which knows more word forms ("дети" finds "детей").
// Why full-text and not trigrams: the Russian stemmer is built into PostgreSQL, while pg_trgm is an
// extension a hosted database may not allow, and trigram similarity answers typos rather than word forms.
// Why no index: an expression index cannot be declared in the Prisma models (the migration check would
// call it drift), and a district's bank holds thousands of materials, not millions: scanning the approved
// ones per query is cheap. A regional deployment that outgrows this adds a GIN index on
// to_tsvector('russian', search_text) by hand.
import type { Db, DbProvider } from "../../db/client.js";
import { Prisma } from "../../generated/sqlite/client.js";
import { searchWords } from "../text.js";

/** Common Russian inflection endings, longest first: "дробями" → "дроб", "презентации" → "презентац". */
const ENDINGS = [
  "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "иях", "ией",
  "ия", "ии", "ий", "ие", "ью", "ей", "ой", "ый", "ая", "яя", "ое", "ее", "ые", "ов", "ев", "ам", "ям", "ах", "ях", "ом", "ем", "ую", "юю",
  "а", "я", "ы", "и", "е", "о", "у", "ю", "ь", "й",
];
const MIN_STEM = 4;

/** The word without its Russian ending, never shorter than four letters (short words stay whole). */
export function stem(word: string): string {
  if (!/^[а-я]+$/.test(word)) return word;
  for (const e of ENDINGS) {
    if (word.endsWith(e) && word.length - e.length >= MIN_STEM) return word.slice(0, -e.length);
  }
  return word;
}

/** The query as searched and as kept in a button: normalised words, at most `max` of them. */
export function searchKey(query: string, max = 5): string {
  return searchWords(query, max).join(" ");
}

export interface SearchPage {
  ids: number[];
  total: number;
}

export function createSearch(db: Db, provider: DbProvider) {
  return async function search(query: string, page: number, size: number): Promise<SearchPage> {
    const words = searchWords(query);
    if (!words.length) return { ids: [], total: 0 };
    const stems = words.map(stem);
    const skip = page * size;
    if (provider === "postgresql") {
      const likes = Prisma.join(
        stems.map((s) => Prisma.sql`search_text LIKE ${`%${s}%`}`),
        " AND ",
      );
      const where = Prisma.sql`status = 'approved' AND (
        to_tsvector('russian', search_text) @@ plainto_tsquery('russian', ${words.join(" ")}) OR (${likes}))`;
      const rows = await db.$queryRaw<{ id: number }[]>`SELECT id FROM materials WHERE ${where}
        ORDER BY score DESC, up_votes DESC, id DESC LIMIT ${size} OFFSET ${skip}`;
      const [count] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM materials WHERE ${where}`;
      return { ids: rows.map((r) => Number(r.id)), total: Number(count?.n ?? 0) };
    }
    const where = { status: "approved" as const, AND: stems.map((s) => ({ searchText: { contains: s } })) };
    const [rows, total] = await Promise.all([
      db.material.findMany({ where, select: { id: true }, orderBy: [{ score: "desc" }, { upVotes: "desc" }, { id: "desc" }], skip, take: size }),
      db.material.count({ where }),
    ]);
    return { ids: rows.map((r) => r.id), total };
  };
}

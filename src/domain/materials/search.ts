// Search by words in titles and descriptions. Every material stores normalizeSearch(title + description)
// (lower case, ё→е). A grade named in the query ("5 класс", "5-й класс", "класс 5", "5 кл", "grade 5")
// is not a word to look for but a filter, the same as browsing by grade (the stored list of grades, not
// the text). Every other word, cut to its Snowball stem (the same Russian stemmer PostgreSQL has), must
// occur in that text; a number must occur as a whole number ("5" is not found in "15" or "2025"). Both
// databases run the same SQL; PostgreSQL also matches its Russian full-text search
// (to_tsvector/plainto_tsquery with the built-in Snowball stemmer).
// Why full-text and not trigrams: the Russian stemmer is built into PostgreSQL, while pg_trgm is an
// extension a hosted database may not allow, and trigram similarity answers typos rather than word forms.
// Why no index: an expression index cannot be declared in the Prisma models (the migration check would
// call it drift), and a district's bank holds thousands of materials, not millions: scanning the approved
// ones per query is cheap. A regional deployment that outgrows this adds a GIN index on
// to_tsvector('russian', search_text) by hand.
import { stemmer as snowballRussian } from "@orama/stemmers/russian";
import type { Db, DbProvider } from "../../db/client.js";
import { Prisma } from "../../generated/sqlite/client.js";
import { searchWords } from "../text.js";
import { GRADES } from "./validate.js";

/** Stems shorter than this would match too much inside other words: such a word is looked for whole. */
const MIN_STEM = 3;

/**
 * The word's Snowball Russian stem ("игры", "игра" → "игр"; "детей", "дети" → "дет"; "дробями" → "дроб"),
 * never shorter than three letters; other words stay whole. A Snowball stem is what is left of the word
 * once its ending is cut, so it is a prefix of every form of the word: looked for inside the stored text
 * (which keeps whole words, lower-cased, ё→е), it finds any form without the text being stemmed, and
 * rows stored before this stemmer need no re-stemming.
 */
export function stem(word: string): string {
  if (!/^[а-я]+$/.test(word)) return word;
  const cut = snowballRussian(word);
  return cut.length >= MIN_STEM && word.startsWith(cut) ? cut : word;
}

/** The query as searched and as kept in a button: normalised words, at most `max` of them. */
export function searchKey(query: string, max = 5): string {
  return searchWords(query, max).join(" ");
}

/** The word that makes a number a grade: "класс" in any case form, "кл", "grade", "class". */
const GRADE_WORD = /^(класс(а|е|у|ом|ы|ов|ам|ах|ами)?|кл|grades?|class)$/;
/** An ordinal ending: glued to the number ("5й", "5th") or split off by the hyphen ("5-й" → "5 й"). */
const ORDINAL = "й|я|е|го|м|ом|ый|ой|ого|th|st|nd|rd";
const GRADE_NUMBER = new RegExp(`^(\\d{1,2})(${ORDINAL})?$`);
const ORDINAL_WORD = new RegExp(`^(${ORDINAL})$`);

export interface ParsedQuery {
  /** the words to find in the text */
  words: string[];
  /** the grades the query names (a material of any of them) */
  grades: string[];
}

/** Splits a query into the grades it names ("дроби 5 класс" → grade 5) and the words to look for ("дроби"). */
export function parseQuery(query: string): ParsedQuery {
  const tokens = searchWords(query);
  const taken = new Set<number>();
  const grades: string[] = [];
  tokens.forEach((token, i) => {
    const n = GRADE_NUMBER.exec(token)?.[1];
    const grade = n === undefined ? undefined : GRADES.find((g) => g === String(Number(n)));
    if (!grade || taken.has(i)) return;
    const last = ORDINAL_WORD.test(tokens[i + 1] ?? "") ? i + 1 : i;
    let from = i;
    let to = last;
    if (GRADE_WORD.test(tokens[last + 1] ?? ""))
      to = last + 1; // "5 класс", "5-й класс"
    else if (i > 0 && !taken.has(i - 1) && GRADE_WORD.test(tokens[i - 1]!))
      from = i - 1; // "класс 5", "grade 5"
    else return; // a bare number is a word
    for (let k = from; k <= to; k++) taken.add(k);
    if (!grades.includes(grade)) grades.push(grade);
  });
  return { words: tokens.filter((_, i) => !taken.has(i)), grades };
}

/**
 * A grade inside the stored comma-separated list ("1" must not match "10" or "11"): the whole list, its
 * first, last or a middle item. Browsing asks Prisma (gradeWhere), search asks SQL (gradeSql): the same
 * four places.
 */
export const gradeWhere = (g: string) => ({
  OR: [{ grades: g }, { grades: { startsWith: `${g},` } }, { grades: { endsWith: `,${g}` } }, { grades: { contains: `,${g},` } }],
});
const gradeSql = (g: string) => Prisma.sql`(grades = ${g} OR grades LIKE ${`${g},%`} OR grades LIKE ${`%,${g}`} OR grades LIKE ${`%,${g},%`})`;

/**
 * Best first: the Wilson lower bound, then more 👍, then fewer 👎 (0👍 5👎 is no tie with an unrated
 * one), then the newest. Lists ask Prisma (BEST_FIRST), search asks SQL (BEST_FIRST_SQL): the same order.
 */
export const BEST_FIRST = [{ score: "desc" as const }, { upVotes: "desc" as const }, { downVotes: "asc" as const }, { id: "desc" as const }];
const BEST_FIRST_SQL = Prisma.sql`score DESC, up_votes DESC, down_votes ASC, id DESC`;

export interface SearchPage {
  ids: number[];
  total: number;
}

export function createMaterialSearch(db: Db, provider: DbProvider) {
  /** A number as a whole number (the text is padded so that one at either end has a neighbour); a word by its stem. */
  const wordSql = (word: string) => {
    if (!/^\d+$/.test(word)) return Prisma.sql`search_text LIKE ${`%${stem(word)}%`}`;
    return provider === "postgresql"
      ? Prisma.sql`(' ' || search_text || ' ') ~ ${`[^0-9]${word}[^0-9]`}`
      : Prisma.sql`(' ' || search_text || ' ') GLOB ${`*[^0-9]${word}[^0-9]*`}`;
  };

  /** `filter`: the site's filters (subject, type, grade), ANDed with what the query says. */
  return async function search(
    query: string,
    page: number,
    size: number,
    filter: { subjectId?: number | undefined; type?: string | undefined; grade?: string | undefined } = {},
  ): Promise<SearchPage> {
    const { words, grades } = parseQuery(query);
    if (!words.length && !grades.length) return { ids: [], total: 0 };
    const conditions = [Prisma.sql`status = 'approved'`];
    if (filter.subjectId !== undefined) conditions.push(Prisma.sql`subject_id = ${filter.subjectId}`);
    if (filter.type !== undefined) conditions.push(Prisma.sql`CAST(type AS TEXT) = ${filter.type}`);
    if (filter.grade !== undefined) conditions.push(gradeSql(filter.grade));
    if (grades.length) conditions.push(Prisma.sql`(${Prisma.join(grades.map(gradeSql), " OR ")})`);
    if (words.length) {
      const every = Prisma.sql`(${Prisma.join(words.map(wordSql), " AND ")})`;
      conditions.push(
        provider === "postgresql" ? Prisma.sql`(to_tsvector('russian', search_text) @@ plainto_tsquery('russian', ${words.join(" ")}) OR ${every})` : every,
      );
    }
    const where = Prisma.join(conditions, " AND ");
    const rows = await db.$queryRaw<{ id: number | bigint }[]>`SELECT id FROM materials WHERE ${where}
      ORDER BY ${BEST_FIRST_SQL} LIMIT ${size} OFFSET ${page * size}`;
    const [count] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM materials WHERE ${where}`;
    return { ids: rows.map((r) => Number(r.id)), total: Number(count?.n ?? 0) };
  };
}

// The people a monitoring report lists (coverage, attestation, who joined), read as two flat SQL
// statements, the same on SQLite and PostgreSQL: one row per person with her school and district, and
// her subjects. A region is tens of thousands of people: through Prisma's nested `findMany` (the
// school, its district and the subjects as relations) the relations are fetched with parameter lists
// as long as the people, compiled anew for every length, and stitched in JavaScript, which cost seconds
// per report (see README, Performance); flat rows cost tens of milliseconds.
import type { Db } from "../db/client.js";
import type { PgRows } from "../db/pg-rows.js";
import type { OneConnection } from "../db/sqlite-direct.js";
import type { AttestationCategory, Role } from "../generated/sqlite/client.js";
import { Prisma } from "../generated/sqlite/client.js";
import type { Place } from "./by-school.js";
import type { Scope } from "./scope.js";

export interface Filter {
  /** role teacher only (else teachers, methodists and admins) */
  teachersOnly: boolean;
  /** only those the bot can reach (not blocked) */
  activeOnly: boolean;
}

/** A person as the reports' loops read her: her school as a Place shared by everyone of it, her subjects' names joined in SQL. */
export interface ReportPerson {
  id: number;
  fullName: string | null;
  role: Role;
  registeredAt: Date | null;
  language: string;
  isActive: boolean;
  schoolId: number | null;
  attestationCategory: AttestationCategory | null;
  attestationUntil: Date | null;
  /** her school (null: none, or gone from the directory) */
  place: Place | null;
  /** her subjects' names in the report's language, in the subjects' order (empty unless asked for) */
  subjects: string[];
}

interface PersonRow {
  id: number | bigint;
  full_name: string | null;
  role: Role;
  registered_at: Date | string | number | null;
  language: string;
  is_active: boolean | number;
  school_id: number | bigint | null;
  attestation_category: AttestationCategory | null;
  attestation_until: Date | string | number | null;
  subjects: string | null;
}

interface SchoolRow {
  id: number | bigint;
  name: string;
  cluster: string | null;
  district_name: string | null;
}

/** between a person's subjects' names in one column (no name has it) */
const SEP = "\u001f";

/** Registered people of the scope (roles and activity as `filter` says); role names are literals (a PostgreSQL enum). */
function where(scope: Scope, filter: Filter): Prisma.Sql {
  const parts = [Prisma.sql`u.registered_at IS NOT NULL`];
  if (filter.teachersOnly) parts.push(Prisma.sql`u.role = 'teacher'`);
  if (filter.activeOnly) parts.push(Prisma.sql`u.is_active = ${true}`);
  if (scope.districtId !== null) parts.push(Prisma.sql`s.district_id = ${scope.districtId}`);
  return Prisma.join(parts, " AND ");
}

/**
 * The registered people of `scope` with their school (and its district) and, given `subjectsIn` (a
 * language), their subjects' names; ordered by name as the database orders it (the order Prisma's
 * `orderBy: { fullName: "asc" }` gave). The schools are read once (a region has a thousand) and shared
 * by their people; the subjects come joined by `string_agg` (PostgreSQL, and SQLite since 3.44) in the
 * people's own statement, so a row is a handful of scalars. On SQLite, given `direct` (the one
 * connection, src/db/sqlite-direct.ts), the statements run there and the people are made as the rows are
 * stepped through (Prisma's raw-result handling, a typed value per cell and a list of them all, was most
 * of a region's read); on PostgreSQL, given `direct` (the pool's own rows, src/db/pg-rows.ts), they are
 * read there for the same reason; without either, through Prisma.
 */
/** A report's people in `scope`, read the fastest way the database allows (see `reportPeople`). */
export type ReadPeople = (scope: Scope, filter: Filter, subjectsIn?: string) => Promise<ReportPerson[]>;

/** `reportPeople` bound to the database and its direct path (SQLite's one connection or PostgreSQL's pool), chosen once. */
export const peopleReader =
  (db: Db, direct: OneConnection | PgRows | undefined): ReadPeople =>
  (scope, filter, subjectsIn) =>
    reportPeople(db, direct, scope, filter, subjectsIn);

export async function reportPeople(
  db: Db,
  direct: OneConnection | PgRows | undefined,
  scope: Scope,
  filter: Filter,
  subjectsIn?: string,
): Promise<ReportPerson[]> {
  const cond = where(scope, filter);
  const subjectName = subjectsIn === "en" ? Prisma.sql`sub.name_en` : Prisma.sql`sub.name_ru`;
  const grouping = direct !== undefined && "rows" in direct && scope.districtId === null;
  const subjectsOf = Prisma.sql`string_agg(${subjectName}, ${SEP} ORDER BY sub.sort_order, sub.id)`;
  // A subquery per person (an index lookup each), except for a whole region on PostgreSQL: there all
  // subjects are aggregated once and hash-joined, as the subquery per person cost ~3× as much and its
  // plan's cost estimate turned JIT compilation on (~0.1–0.15 s more per report). (The aggregate
  // limited to a district's people was planned as a nested loop: 1.3 s; the subquery there: ~40 ms.)
  const subjects = !subjectsIn
    ? Prisma.sql`NULL`
    : grouping
      ? Prisma.sql`a.subjects`
      : Prisma.sql`(SELECT ${subjectsOf}
        FROM teacher_subjects ts JOIN subjects sub ON sub.id = ts.subject_id WHERE ts.user_id = u.id)`;
  const grouped =
    subjectsIn && grouping
      ? Prisma.sql`LEFT JOIN (SELECT ts.user_id, ${subjectsOf} AS subjects
          FROM teacher_subjects ts JOIN subjects sub ON sub.id = ts.subject_id GROUP BY ts.user_id) a ON a.user_id = u.id`
      : Prisma.empty;
  const peopleSql = Prisma.sql`
      SELECT u.id, u.full_name, u.role, u.registered_at, u.language, u.is_active, u.school_id,
             u.attestation_category, u.attestation_until, ${subjects} AS subjects
      FROM users u
      LEFT JOIN schools s ON s.id = u.school_id
      ${grouped}
      WHERE ${cond}
      ORDER BY u.full_name ASC, u.id ASC`;
  const schoolsSql = Prisma.sql`
      SELECT s.id, s.name, s.cluster, d.name AS district_name
      FROM schools s
      LEFT JOIN districts d ON d.id = s.district_id
      ${scope.districtId !== null ? Prisma.sql`WHERE s.district_id = ${scope.districtId}` : Prisma.empty}`;
  if (direct && "rows" in direct) {
    const [rows, schoolRows] = await Promise.all([direct.rows<PersonRow>(peopleSql), direct.rows<SchoolRow>(schoolsSql)]);
    return fromRows(rows, schoolRows);
  }
  if (direct)
    return direct.run((statement) =>
      fromRows(
        statement(peopleSql.sql).iterate(...bound(peopleSql)) as Iterable<PersonRow>,
        statement(schoolsSql.sql).all(...bound(schoolsSql)) as SchoolRow[],
      ),
    );
  const [rows, schoolRows] = await Promise.all([db.$queryRaw<PersonRow[]>(peopleSql), db.$queryRaw<SchoolRow[]>(schoolsSql)]);
  return fromRows(rows, schoolRows);
}

/** A statement's values as better-sqlite3 binds them (booleans as 0/1, as Prisma's adapter writes them). */
const bound = (q: Prisma.Sql) => q.values.map((v) => (typeof v === "boolean" ? Number(v) : v));

/** A DateTime column as SQLite holds it (ISO text, or Unix milliseconds) read as Prisma's adapter reads it. */
const time = (v: Date | string | number | bigint | null): Date | null =>
  v === null || v instanceof Date ? v : new Date(typeof v === "string" ? v : Number(v));

function fromRows(rows: Iterable<PersonRow>, schoolRows: SchoolRow[]): ReportPerson[] {
  const places = new Map<number, Place>();
  for (const s of schoolRows) places.set(Number(s.id), { id: Number(s.id), name: s.name, cluster: s.cluster, district: s.district_name });
  const people: ReportPerson[] = [];
  for (const r of rows) {
    const schoolId = r.school_id === null ? null : Number(r.school_id);
    people.push({
      id: Number(r.id),
      fullName: r.full_name,
      role: r.role,
      registeredAt: time(r.registered_at),
      language: r.language,
      isActive: Boolean(r.is_active),
      schoolId,
      attestationCategory: r.attestation_category,
      attestationUntil: time(r.attestation_until),
      place: schoolId === null ? null : (places.get(schoolId) ?? null),
      subjects: r.subjects ? r.subjects.split(SEP) : [],
    });
  }
  return people;
}

/** Russian (or English) order of names, one collator for a whole sort rather than one per comparison. */
export const byName = new Intl.Collator("ru").compare;

// Importing a staff list: a dry run first (what would be added, changed, marked as having left, and every
// row that cannot be read), then the same file applied in one transaction. The plan is computed outside
// the transaction; the transaction only writes, in batches (SQLite runs every query on one connection:
// see src/db/sqlite-gate.ts). Re-importing the same file changes nothing. Whom a file can mark as having
// left: the active people of the districts its schools are in (a district's methodist: her district),
// so that an admin loading one district's file leaves the other districts alone.
import { createHash } from "node:crypto";
import type { Db, DbProvider } from "../../db/client.js";
import { Prisma } from "../../generated/sqlite/client.js";
import type { Clock } from "../clock.js";
import { DomainError } from "../errors.js";
import { schoolsInScope, scopeOf } from "../scope.js";
import { readTable, type TableRow } from "../tabular.js";
import { normalizeSearch } from "../text.js";
import { isMethodistRole, type User } from "../users.js";
import { nearest, schoolKey } from "./names.js";
import { MAX_STAFF_ROWS, parseStaffRows } from "./parse.js";
import type { PlannedPerson, RowError, StaffPlan, StaffRow, UnknownSchool } from "./types.js";

/** Rows written by one statement. */
const BATCH = 500;
/** New rows inserted by one statement (one JSON parameter, whatever their number). */
const INSERT_BATCH = 2000;
/** An unknown school's rows listed by number; the rest are counted. */
const LINES_SHOWN = 5;
/** People, rows and schools of each list a plan names; the rest are counted. */
export const PLAN_SAMPLE = 10;

interface KnownSchool {
  id: number;
  name: string;
  districtId: number | null;
  district: string | null;
}

type Fields = Pick<StaffRow, "fullName" | "position" | "subjects" | "category" | "categoryUntil" | "lastCourseAt">;

interface Writes {
  creates: Prisma.StaffMemberCreateManyInput[];
  updates: { id: number; data: Prisma.StaffMemberUpdateInput }[];
  leavers: number[];
}

const sameDay = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** The fields of `row` that differ from what is stored. */
function changes(stored: Fields, row: Fields): Partial<Fields> {
  const out: Partial<Fields> = {};
  if (stored.fullName !== row.fullName) out.fullName = row.fullName;
  if (stored.position !== row.position) out.position = row.position;
  if (stored.subjects !== row.subjects) out.subjects = row.subjects;
  if (stored.category !== row.category) out.category = row.category;
  if (!sameDay(stored.categoryUntil, row.categoryUntil)) out.categoryUntil = row.categoryUntil;
  if (!sameDay(stored.lastCourseAt, row.lastCourseAt)) out.lastCourseAt = row.lastCourseAt;
  return out;
}

export function createStaffImport(db: Db, deps: { clock: Clock; zone: string; provider: DbProvider }) {
  /**
   * The rows of the file a dry run last read (by its bytes' hash): Apply of the same file does not parse
   * a 30,000-row workbook again. One file, held until it is applied or another is read; the plan is
   * computed afresh against the database either way.
   */
  let lastRead: { hash: string; rows: TableRow[] } | null = null;

  async function rowsOf(bytes: Uint8Array, fileName: string): Promise<TableRow[]> {
    const hash = createHash("sha256").update(bytes).digest("hex");
    if (lastRead?.hash === hash) return lastRead.rows;
    try {
      const { rows } = await readTable(bytes, fileName, { maxRows: MAX_STAFF_ROWS + 1 });
      lastRead = { hash, rows };
      return rows;
    } catch (e) {
      if (e instanceof DomainError && e.code === "table-too-long") throw new DomainError("staff-too-long", { max: MAX_STAFF_ROWS });
      throw e;
    }
  }

  /** Which school of the scope each row names (see names.ts: with or without the legal form, the district column if any). */
  function schoolFinder(schools: KnownSchool[]) {
    const full = new Map<string, KnownSchool[]>();
    const bare = new Map<string, KnownSchool[]>();
    const add = (m: Map<string, KnownSchool[]>, k: string, s: KnownSchool) => m.set(k, [...(m.get(k) ?? []), s]);
    for (const s of schools) {
      add(full, schoolKey(s.name), s);
      const b = schoolKey(s.name, true);
      if (!(bare.get(b) ?? []).includes(s)) add(bare, b, s);
    }
    const districtKey = new Map(schools.map((s) => [s.id, s.district === null ? null : normalizeSearch(s.district)]));
    // a file names the same few hundred schools thousands of times: each spelling is looked up once
    const seen = new Map<string, KnownSchool[]>();
    return (name: string, district: string | null): KnownSchool[] => {
      const id = `${district ?? ""}\n${name}`;
      const known = seen.get(id);
      if (known) return known;
      const wanted = district === null ? null : normalizeSearch(district);
      const inDistrict = (list: KnownSchool[]) => (wanted === null ? list : list.filter((s) => districtKey.get(s.id) === wanted));
      const exact = inDistrict(full.get(schoolKey(name)) ?? []);
      const found = exact.length ? exact : inDistrict(bare.get(schoolKey(name, true)) ?? []);
      seen.set(id, found);
      return found;
    };
  }

  async function compute(actor: User, bytes: Uint8Array, fileName: string): Promise<{ plan: StaffPlan; writes: Writes }> {
    if (!isMethodistRole(actor.role)) throw new DomainError("forbidden");
    const parsed = parseStaffRows(await rowsOf(bytes, fileName), deps.zone);
    const scope = scopeOf(actor);
    const schools = (
      await db.school.findMany({ where: schoolsInScope(scope), select: { id: true, name: true, districtId: true, district: { select: { name: true } } } })
    ).map((s) => ({ id: s.id, name: s.name, districtId: s.districtId, district: s.district?.name ?? null }));
    const find = schoolFinder(schools);
    const errors: RowError[] = [...parsed.errors];
    const unknown = new Map<string, UnknownSchool>();
    const matched: { row: StaffRow; school: KnownSchool }[] = [];
    const seen = new Set<string>();
    for (const row of parsed.rows) {
      const found = find(row.school, row.district);
      if (found.length > 1) {
        errors.push({ line: row.line, problem: "ambiguous-school", nameKey: row.nameKey });
        continue;
      }
      const school = found[0];
      if (!school) {
        const key = schoolKey(row.school, true);
        const u = unknown.get(key) ?? { name: row.school, lines: [], rows: 0, suggestions: [] };
        if (u.lines.length < LINES_SHOWN) u.lines.push(row.line);
        u.rows++;
        unknown.set(key, u);
        continue;
      }
      const id = `${school.id}\n${row.nameKey}`;
      if (seen.has(id)) {
        errors.push({ line: row.line, problem: "duplicate", nameKey: row.nameKey });
        continue;
      }
      seen.add(id);
      matched.push({ row, school });
    }
    const names = schools.map((s) => s.name);
    for (const u of unknown.values()) u.suggestions = nearest(u.name, names);
    errors.sort((a, b) => a.line - b.line);

    // the districts the file is about: whom it may mark as having left
    const districts = new Set(matched.map((m) => m.school.districtId));
    const schoolIds = schools.filter((s) => districts.has(s.districtId)).map((s) => s.id);
    const stored = await db.staffMember.findMany({
      where: { schoolId: { in: schoolIds } },
      select: {
        id: true,
        schoolId: true,
        nameKey: true,
        fullName: true,
        position: true,
        subjects: true,
        category: true,
        categoryUntil: true,
        lastCourseAt: true,
        leftAt: true,
      },
    });
    const schoolName = new Map(schools.map((s) => [s.id, s.name]));
    const byKey = new Map(stored.map((s) => [`${s.schoolId}\n${s.nameKey}`, s]));
    const plan = {
      added: [] as PlannedPerson[],
      changed: [] as PlannedPerson[],
      returned: [] as PlannedPerson[],
      left: [] as PlannedPerson[],
      unchanged: 0,
    };
    const writes: Writes = { creates: [], updates: [], leavers: [] };
    const listed = new Set<number>();
    for (const { row, school } of matched) {
      const person: PlannedPerson = { name: row.fullName, school: school.name };
      const fields: Fields = {
        fullName: row.fullName,
        position: row.position,
        subjects: row.subjects,
        category: row.category,
        categoryUntil: row.categoryUntil,
        lastCourseAt: row.lastCourseAt,
      };
      const s = byKey.get(`${school.id}\n${row.nameKey}`);
      if (!s) {
        plan.added.push(person);
        writes.creates.push({ schoolId: school.id, nameKey: row.nameKey, ...fields });
        continue;
      }
      listed.add(s.id);
      const diff = changes(s, fields);
      const back = s.leftAt !== null;
      if (back) plan.returned.push(person);
      else if (Object.keys(diff).length) plan.changed.push(person);
      else plan.unchanged++;
      if (back || Object.keys(diff).length) writes.updates.push({ id: s.id, data: { ...diff, ...(back ? { leftAt: null } : {}) } });
    }
    // a row that could not be read may be someone still there: she is not marked as having left for a typo
    const unreadable = new Set(errors.map((e) => e.nameKey).filter((k) => k !== undefined));
    for (const s of stored) {
      if (s.leftAt !== null || listed.has(s.id) || unreadable.has(s.nameKey)) continue;
      plan.left.push({ name: s.fullName, school: schoolName.get(s.schoolId) ?? "" });
      writes.leavers.push(s.id);
    }
    // nothing is marked as having left by a file none of whose rows could be placed
    if (!matched.length) {
      plan.left = [];
      writes.leavers = [];
    }
    const unknownSchools = [...unknown.values()].sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name, "ru"));
    const sample = <T>(list: T[]) => list.slice(0, PLAN_SAMPLE);
    return {
      plan: {
        rows: parsed.total,
        counts: {
          added: plan.added.length,
          changed: plan.changed.length,
          returned: plan.returned.length,
          left: plan.left.length,
          unchanged: plan.unchanged,
          errors: errors.length,
          unknownSchools: unknownSchools.length,
        },
        added: sample(plan.added),
        changed: sample(plan.changed),
        returned: sample(plan.returned),
        left: sample(plan.left),
        // without the name keys: they are for this import only
        errors: sample(errors).map(({ line, problem }) => ({ line, problem })),
        unknownSchools: sample(unknownSchools),
      },
      writes,
    };
  }

  return {
    /** The dry run: what importing this file would do; nothing is written. */
    plan: async (actor: User, bytes: Uint8Array, fileName: string): Promise<StaffPlan> => (await compute(actor, bytes, fileName)).plan,

    /**
     * Imports the file in one transaction and answers what it did (the plan). A file naming a school the
     * directory does not have changes nothing (`staff-unknown-schools`), nor does one with no readable row.
     */
    async apply(actor: User, bytes: Uint8Array, fileName: string): Promise<StaffPlan> {
      const { plan, writes } = await compute(actor, bytes, fileName);
      if (plan.counts.unknownSchools) throw new DomainError("staff-unknown-schools", { count: plan.counts.unknownSchools });
      if (!writes.creates.length && !writes.updates.length && !writes.leavers.length) return plan;
      const now = deps.clock.now();
      await db.$transaction(
        async (tx) => {
          // the clock's time (not the database's): "last changed" is the import's moment, in tests too
          for (let i = 0; i < writes.creates.length; i += INSERT_BATCH) await insertRows(tx, deps.provider, writes.creates.slice(i, i + INSERT_BATCH), now);
          for (const u of writes.updates) await tx.staffMember.update({ where: { id: u.id }, data: { ...u.data, updatedAt: now } });
          for (let i = 0; i < writes.leavers.length; i += BATCH)
            await tx.staffMember.updateMany({ where: { id: { in: writes.leavers.slice(i, i + BATCH) } }, data: { leftAt: now, updatedAt: now } });
        },
        { timeout: 120_000, maxWait: 30_000 },
      );
      lastRead = null;
      return plan;
    },
  };
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** How Prisma writes a DateTime in SQLite (ISO 8601 with "+00:00"), so that it reads the rows back as its own. */
const sqliteTime = (d: Date | null | undefined) => (d ? d.toISOString().replace("Z", "+00:00") : null);

/**
 * New rows in one INSERT ... SELECT over a JSON array (as the outbox inserts its messages): Prisma's
 * createMany prepares every row on its own, about a millisecond each, which a 30,000-row list would feel.
 */
async function insertRows(tx: Tx, provider: DbProvider, rows: Prisma.StaffMemberCreateManyInput[], now: Date): Promise<void> {
  const json = JSON.stringify(
    rows.map((r) => ({
      school_id: r.schoolId,
      full_name: r.fullName,
      name_key: r.nameKey,
      position: r.position ?? null,
      subjects: r.subjects ?? null,
      category: r.category ?? null,
      category_until: sqliteTime(r.categoryUntil as Date | null | undefined),
      last_course_at: sqliteTime(r.lastCourseAt as Date | null | undefined),
    })),
  );
  const select =
    provider === "postgresql"
      ? // a zone in the text is ignored by timestamp(3): the UTC time is stored, as Prisma stores it
        Prisma.sql`SELECT r.school_id, r.full_name, r.name_key, r.position, r.subjects, r.category::"AttestationCategory",
          r.category_until::timestamp(3), r.last_course_at::timestamp(3), ${now}, ${now}
          FROM jsonb_to_recordset(${json}::jsonb) AS r(school_id int, full_name text, name_key text, position text, subjects text,
            category text, category_until text, last_course_at text)`
      : Prisma.sql`SELECT CAST(value ->> 'school_id' AS INTEGER), value ->> 'full_name', value ->> 'name_key', value ->> 'position',
          value ->> 'subjects', value ->> 'category', value ->> 'category_until', value ->> 'last_course_at', ${now}, ${now}
          FROM json_each(${json})`;
  await tx.$executeRaw`INSERT INTO staff_members (school_id, full_name, name_key, position, subjects, category, category_until,
    last_course_at, created_at, updated_at) ${select}`;
}

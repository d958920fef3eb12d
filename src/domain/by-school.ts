// The one by-school and by-district aggregation of the monitoring reports (coverage, attestation,
// adoption): what a report counts over (the actor's scope, and the staff list's rows besides the people
// in the bot), counters per school and per district, and the orders their summaries are listed in. Each
// report says what it counts (covered, a category in force, joined lately…); how a person is placed (by
// her school itself: two districts may each have a «СОШ № 1»; a school in no district under the district
// null; no school under one row "—") and how the lines are ordered is said here once.
import type { Db } from "../db/client.js";
import { byName } from "./people.js";
import { isScoped, schoolsInScope, scopeOf, type Scope } from "./scope.js";
import type { User } from "./users.js";

/** Where a person is counted: her school (null: none, or gone from the directory). */
export interface Place {
  id: number;
  name: string;
  cluster: string | null;
  district: string | null;
}

/** A school's line: where it is, and the report's counters. */
export type SchoolLine<K extends string> = { school: string; cluster: string; district: string | null } & Record<K, number>;
/** A district's line; `district` null: the schools in no district. */
export type DistrictLine<K extends string> = { district: string | null } & Record<K, number>;

/** the name of the line of people with no school */
export const NO_SCHOOL = "—";

/**
 * Counters `keys` by school and by district. `add(place, ...keys)` counts one person (or staff-list row)
 * at her school and its district, one for each key named; `school(place)` makes a school's line even if
 * nobody is counted there (a report that lists every school of the scope).
 */
export function tallyBySchool<K extends string>(keys: readonly K[]) {
  const zero = () => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const schools = new Map<number | null, SchoolLine<K>>();
  const districts = new Map<string | null, DistrictLine<K>>();
  const school = (place: Place | null): SchoolLine<K> => {
    const id = place?.id ?? null;
    let line = schools.get(id);
    if (!line) {
      line = { school: place?.name ?? NO_SCHOOL, cluster: place?.cluster ?? "", district: place?.district ?? null, ...zero() } as SchoolLine<K>;
      schools.set(id, line);
    }
    return line;
  };
  const district = (name: string | null): DistrictLine<K> => {
    let line = districts.get(name);
    if (!line) {
      line = { district: name, ...zero() } as DistrictLine<K>;
      districts.set(name, line);
    }
    return line;
  };
  return {
    school,
    add(place: Place | null, ...counted: K[]): void {
      const s = school(place) as Record<K, number>;
      const d = district(place?.district ?? null) as Record<K, number>;
      for (const k of counted) {
        s[k]++;
        d[k]++;
      }
    },
    /** the line of the people with no school, if anyone was counted there */
    noSchool: (): SchoolLine<K> | undefined => schools.get(null),
    /** the schools' lines (without that of no school) */
    schools: (): SchoolLine<K>[] => [...schools.entries()].filter(([id]) => id !== null).map(([, line]) => line),
    /** every line counted, the one of no school included */
    allSchools: (): SchoolLine<K>[] => [...schools.values()],
    districts: (): DistrictLine<K>[] => [...districts.values()],
  };
}

/** The schools' lines summed up by district (those in none as the district null): how many schools, how many `reached` (`part` > 0), and `sum` of each key. */
export function districtsOfSchools<K extends string>(
  schools: SchoolLine<K>[],
  part: K,
  sum: readonly K[],
): ({ district: string | null; schools: number; reached: number } & Record<K, number>)[] {
  const rows = new Map<string | null, { district: string | null; schools: number; reached: number } & Record<K, number>>();
  for (const s of schools) {
    let d = rows.get(s.district);
    if (!d) {
      d = { district: s.district, schools: 0, reached: 0, ...Object.fromEntries(sum.map((k) => [k, 0])) } as {
        district: string | null;
        schools: number;
        reached: number;
      } & Record<K, number>;
      rows.set(s.district, d);
    }
    d.schools++;
    if (s[part]) d.reached++;
    for (const k of sum) (d as Record<K, number>)[k] += s[k];
  }
  return [...rows.values()];
}

/** Whole percent, 0 when there is nobody to count. */
export const percent = (part: number, total: number): number => (total ? Math.round((part * 100) / total) : 0);

/**
 * Least covered first, then the larger, then by name; the row of no district last. The share is of the
 * row's teachers unless `of` names another whole (the schools of a district, say).
 */
export function leastCoveredFirst<T extends { teachers: number }>(
  share: (row: T) => number,
  name: (row: T) => string | null,
  of: (row: T) => number = (row) => row.teachers,
) {
  return (a: T, b: T): number =>
    Number(name(a) === null) - Number(name(b) === null) || share(a) / of(a) - share(b) / of(b) || of(b) - of(a) || byName(name(a) ?? "", name(b) ?? "");
}

/** Schools least covered first (the share `part` of the teachers), then the larger, then by name. */
export const schoolsLeastCoveredFirst =
  <T extends { teachers: number; school: string }>(part: (row: T) => number) =>
  (a: T, b: T): number =>
    part(a) / a.teachers - part(b) / b.teachers || b.teachers - a.teachers || byName(a.school, b.school);

/** Districts by name, no district last. */
export const districtOrder = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : byName(a, b));

/**
 * What a report on `actor`'s people covers: her scope, the name of her district (null: the whole
 * deployment), and whether to sum up by district (the whole deployment of a directory with districts).
 */
export async function reportScope(db: Db, actor: User): Promise<{ scope: Scope; district: string | null; byDistrict: boolean }> {
  const scope = scopeOf(actor);
  if (isScoped(scope)) {
    const d = await db.district.findUnique({ where: { id: scope.districtId! }, select: { name: true } });
    return { scope, district: d?.name ?? "—", byDistrict: false };
  }
  return { scope, district: null, byDistrict: (await db.district.count()) > 0 };
}

/**
 * The rows of the staff list a report counts besides the people in the bot: active ones (and, for a
 * report on the academic year, those who left within it: `since`), in the scope.
 */
export function staffRowsWhere(scope: Scope, since?: Date) {
  return { school: schoolsInScope(scope), ...(since ? { OR: [{ leftAt: null }, { leftAt: { gte: since } }] } : { leftAt: null }) };
}

/** How a staff-list row's school is selected, to be placed with `placeOf`. */
export const staffSchoolSelect = { select: { id: true, name: true, cluster: true, district: { select: { name: true } } } } as const;

/** A school as Prisma selects it (`staffSchoolSelect`) as a Place. */
export const placeOf = (s: { id: number; name: string; cluster: string | null; district: { name: string } | null } | null): Place | null =>
  s === null ? null : { id: s.id, name: s.name, cluster: s.cluster, district: s.district?.name ?? null };

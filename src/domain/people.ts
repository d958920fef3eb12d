// The people a monitoring report lists (coverage, attestation, who joined), read as two flat SQL
// statements, the same on SQLite and PostgreSQL: one row per person with her school and district, and
// her subjects. A region is tens of thousands of people: through Prisma's nested `findMany` (the
// school, its district and the subjects as relations) the relations are fetched with parameter lists
// as long as the people, compiled anew for every length, and stitched in JavaScript, which cost seconds
// per report (see README, Performance); flat rows cost tens of milliseconds.
import type { Db } from "../db/client.js";
import type { AttestationCategory, Role } from "../generated/sqlite/client.js";
import { Prisma } from "../generated/sqlite/client.js";
import type { Scope } from "./scope.js";

export interface Filter {
  /** role teacher only (else teachers, methodists and admins) */
  teachersOnly: boolean;
  /** only those the bot can reach (not blocked) */
  activeOnly: boolean;
}

/** A person as the reports' loops read her (the shape of the nested `findMany` select it replaces). */
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
  school: { id: number; name: string; cluster: string | null; district: { name: string } | null } | null;
  subjects: { subject: { nameRu: string; nameEn: string; sortOrder: number } }[];
}

interface PersonRow {
  id: number | bigint;
  full_name: string | null;
  role: Role;
  registered_at: Date | null;
  language: string;
  is_active: boolean | number;
  school_id: number | bigint | null;
  attestation_category: AttestationCategory | null;
  attestation_until: Date | null;
  school_name: string | null;
  cluster: string | null;
  district_name: string | null;
}

interface SubjectRow {
  user_id: number | bigint;
  name_ru: string;
  name_en: string;
  sort_order: number | bigint;
}

/** Registered people of the scope (roles and activity as `filter` says); role names are literals (a PostgreSQL enum). */
function where(scope: Scope, filter: Filter): Prisma.Sql {
  const parts = [Prisma.sql`u.registered_at IS NOT NULL`];
  if (filter.teachersOnly) parts.push(Prisma.sql`u.role = 'teacher'`);
  if (filter.activeOnly) parts.push(Prisma.sql`u.is_active = ${true}`);
  if (scope.districtId !== null) parts.push(Prisma.sql`s.district_id = ${scope.districtId}`);
  return Prisma.join(parts, " AND ");
}

/**
 * The registered people of `scope` with their school, district and subjects (`withSubjects`), ordered
 * by name as the database orders it (the order Prisma's `orderBy: { fullName: "asc" }` gave).
 */
export async function reportPeople(db: Db, scope: Scope, filter: Filter, withSubjects = true): Promise<ReportPerson[]> {
  const cond = where(scope, filter);
  const [rows, subjectRows] = await Promise.all([
    db.$queryRaw<PersonRow[]>`
      SELECT u.id, u.full_name, u.role, u.registered_at, u.language, u.is_active, u.school_id,
             u.attestation_category, u.attestation_until,
             s.name AS school_name, s.cluster, d.name AS district_name
      FROM users u
      LEFT JOIN schools s ON s.id = u.school_id
      LEFT JOIN districts d ON d.id = s.district_id
      WHERE ${cond}
      ORDER BY u.full_name ASC, u.id ASC`,
    withSubjects
      ? db.$queryRaw<SubjectRow[]>`
      SELECT ts.user_id, sub.name_ru, sub.name_en, sub.sort_order
      FROM teacher_subjects ts
      JOIN subjects sub ON sub.id = ts.subject_id
      JOIN users u ON u.id = ts.user_id
      LEFT JOIN schools s ON s.id = u.school_id
      WHERE ${cond}`
      : Promise.resolve([] as SubjectRow[]),
  ]);
  const subjects = new Map<number, ReportPerson["subjects"]>();
  for (const r of subjectRows) {
    const id = Number(r.user_id);
    const list = subjects.get(id) ?? [];
    list.push({ subject: { nameRu: r.name_ru, nameEn: r.name_en, sortOrder: Number(r.sort_order) } });
    subjects.set(id, list);
  }
  return rows.map((r) => {
    const id = Number(r.id);
    const schoolId = r.school_id === null ? null : Number(r.school_id);
    return {
      id,
      fullName: r.full_name,
      role: r.role,
      registeredAt: r.registered_at,
      language: r.language,
      isActive: Boolean(r.is_active),
      schoolId,
      attestationCategory: r.attestation_category,
      attestationUntil: r.attestation_until,
      school:
        schoolId === null
          ? null
          : { id: schoolId, name: r.school_name ?? "", cluster: r.cluster, district: r.district_name === null ? null : { name: r.district_name } },
      subjects: subjects.get(id) ?? [],
    };
  });
}

/** Russian (or English) order of names, one collator for a whole sort rather than one per comparison. */
export const byName = new Intl.Collator("ru").compare;

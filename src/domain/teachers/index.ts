// Adoption: who has joined the bot. Rolling it out, a methodist's first question is which schools'
// teachers have not joined yet: every school of her scope with its number of registered teachers, the
// empty ones first (they are whom she calls), how many joined lately and how many blocked the bot; and
// the list of everyone registered. A district's methodist counts her district; a regional one (or an
// admin) the whole deployment and, where the directory has districts, by district too.
import { DateTime } from "luxon";
import type { Db } from "../../db/client.js";
import type { Role } from "../../generated/sqlite/client.js";
import type { Clock } from "../clock.js";
import { districtOrder, leastCoveredFirst, reportScope, staffRowsWhere } from "../coverage/index.js";
import { DomainError } from "../errors.js";
import { byName, reportPeople } from "../people.js";
import { schoolsInScope } from "../scope.js";
import { isMethodistRole, type User } from "../users.js";

/** "joined lately": registered today or on the 6 days before, in the deployment's zone */
export const RECENT_DAYS = 7;

/** Registered teachers (role teacher) of one school; every school of the scope has a row. */
export interface SchoolAdoption {
  school: string;
  cluster: string;
  /** the school's district (null: none) */
  district: string | null;
  teachers: number;
  /** of them, registered within the last RECENT_DAYS days */
  recent: number;
  /** of them, inactive: blocked the bot (or the account is gone), nothing reaches them */
  inactive: number;
  /** people on the staff list (active rows), and of them not in the bot yet */
  staff: number;
  notInBot: number;
}

/** A district's line of the summary; `district` null: the schools in no district. */
export interface DistrictAdoption {
  district: string | null;
  schools: number;
  /** schools with at least one registered teacher */
  reached: number;
  teachers: number;
  /** on the staff list but not in the bot yet */
  notInBot: number;
}

/** Someone registered in the bot (a teacher, or a methodist or admin at a school of the scope). */
export interface RegisteredPerson {
  name: string;
  school: string;
  cluster: string;
  district: string | null;
  subjects: string[];
  role: Role;
  registeredAt: Date;
  language: string;
  active: boolean;
}

export interface AdoptionReport {
  /** the district the report is limited to (the methodist's), null for the whole deployment */
  district: string | null;
  /** the first moment that counts as "lately": the start of the day RECENT_DAYS - 1 days ago */
  since: Date;
  /** registered teachers (role teacher), of them joined lately and inactive */
  teachers: number;
  recent: number;
  inactive: number;
  /** registered methodists and admins of the scope (listed, with their role, but not counted by school) */
  staff: number;
  /** people on the staff list of the scope (active rows), of them not in the bot yet */
  staffListed: number;
  notInBot: number;
  /** schools of the scope, and of them those with no registered teacher */
  schoolCount: number;
  emptySchools: number;
  /**
   * For the whole deployment where the directory has districts: each district, the one with the smallest
   * share of schools reached first, and last the schools in no district (if any). Empty otherwise.
   */
  districts: DistrictAdoption[];
  /** every school of the scope: with no registered teacher first, then the fewest */
  schools: SchoolAdoption[];
  /** everyone registered in the scope, by district, school and name */
  people: RegisteredPerson[];
}

/** Where a teacher's school is gone from the directory: one row for them, after the schools. */
const NO_SCHOOL = "—";

export function createTeachersService(db: Db, deps: { clock: Clock; zone: string }) {
  return {
    /** Who has joined the bot in the actor's scope. Methodists and admins only. */
    async adoption(actor: User, language: string): Promise<AdoptionReport> {
      if (!isMethodistRole(actor.role)) throw new DomainError("forbidden");
      const since = DateTime.fromJSDate(deps.clock.now(), { zone: deps.zone })
        .startOf("day")
        .minus({ days: RECENT_DAYS - 1 })
        .toJSDate();
      const { scope, district, byDistrict } = await reportScope(db, actor);
      const [schoolRows, users, staffRows] = await Promise.all([
        db.school.findMany({ where: schoolsInScope(scope), select: { id: true, name: true, cluster: true, district: { select: { name: true } } } }),
        reportPeople(db, scope, { teachersOnly: false, activeOnly: false }),
        db.staffMember.findMany({ where: staffRowsWhere(scope), select: { schoolId: true, userId: true } }),
      ]);
      const row = (name: string, cluster: string | null, districtName: string | null): SchoolAdoption => ({
        school: name,
        cluster: cluster ?? "",
        district: districtName,
        teachers: 0,
        recent: 0,
        inactive: 0,
        staff: 0,
        notInBot: 0,
      });
      const bySchool = new Map<number | null, SchoolAdoption>(schoolRows.map((s) => [s.id, row(s.name, s.cluster, s.district?.name ?? null)]));
      const people: RegisteredPerson[] = [];
      for (const u of users) {
        const school = u.school?.name ?? NO_SCHOOL;
        const districtName = u.school?.district?.name ?? null;
        const registeredAt = u.registeredAt!;
        if (u.role === "teacher") {
          const r = bySchool.get(u.schoolId) ?? row(school, u.school?.cluster ?? null, districtName);
          r.teachers++;
          if (registeredAt.getTime() >= since.getTime()) r.recent++;
          if (!u.isActive) r.inactive++;
          bySchool.set(u.schoolId, r);
        }
        const subjects = [...u.subjects].sort((a, b) => a.subject.sortOrder - b.subject.sortOrder);
        people.push({
          name: u.fullName ?? "",
          school,
          cluster: u.school?.cluster ?? "",
          district: districtName,
          subjects: subjects.map((s) => (language === "en" ? s.subject.nameEn : s.subject.nameRu)),
          role: u.role,
          registeredAt,
          language: u.language,
          active: u.isActive,
        });
      }
      for (const r of staffRows) {
        const s = bySchool.get(r.schoolId);
        if (!s) continue;
        s.staff++;
        if (r.userId === null) s.notInBot++;
      }
      const noSchool = bySchool.get(null);
      bySchool.delete(null);
      // nobody first, then the fewest; equal ones by district (a call list goes district by district), then name
      const schools = [...bySchool.values()].sort((a, b) => a.teachers - b.teachers || districtOrder(a.district, b.district) || byName(a.school, b.school));
      const districts = byDistrict
        ? byDistrictOf(schools).sort(
            leastCoveredFirst(
              (d) => d.reached,
              (d) => d.district,
              (d) => d.schools,
            ),
          )
        : [];
      const sum = (key: "teachers" | "recent" | "inactive") => schools.reduce((s, r) => s + r[key], noSchool?.[key] ?? 0);
      people.sort((a, b) => districtOrder(a.district, b.district) || byName(a.school, b.school) || byName(a.name, b.name));
      return {
        district,
        since,
        teachers: sum("teachers"),
        recent: sum("recent"),
        inactive: sum("inactive"),
        staffListed: staffRows.length,
        notInBot: staffRows.filter((r) => r.userId === null).length,
        staff: users.filter((u) => u.role !== "teacher").length,
        schoolCount: schools.length,
        emptySchools: schools.filter((s) => !s.teachers).length,
        districts,
        schools: noSchool ? [...schools, noSchool] : schools,
        people,
      };
    },
  };
}

/** The schools summed up by district (those in none as the district null). */
function byDistrictOf(schools: SchoolAdoption[]): DistrictAdoption[] {
  const rows = new Map<string | null, DistrictAdoption>();
  for (const s of schools) {
    const d = rows.get(s.district) ?? { district: s.district, schools: 0, reached: 0, teachers: 0, notInBot: 0 };
    d.schools++;
    if (s.teachers) d.reached++;
    d.teachers += s.teachers;
    d.notInBot += s.notInBot;
    rows.set(s.district, d);
  }
  return [...rows.values()];
}

export type TeachersService = ReturnType<typeof createTeachersService>;

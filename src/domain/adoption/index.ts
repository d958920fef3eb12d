// Adoption: who has joined the bot. Rolling it out, a methodist's first question is which schools'
// teachers have not joined yet: every school of her scope with its number of registered teachers, the
// empty ones first (they are whom she calls), how many joined lately and how many blocked the bot; and
// the list of everyone registered. A district's methodist counts her district; a regional one (or an
// admin) the whole deployment and, where the directory has districts, by district too.
import { DateTime } from "luxon";
import type { Db } from "../../db/client.js";
import type { Role } from "../../generated/sqlite/client.js";
import type { Clock } from "../clock.js";
import {
  districtOrder,
  districtsOfSchools,
  leastCoveredFirst,
  NO_SCHOOL,
  placeOf,
  reportScope,
  staffRowsWhere,
  staffSchoolSelect,
  tallyBySchool,
} from "../by-school.js";
import { DomainError } from "../errors.js";
import { byName, type ReadPeople } from "../people.js";
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

export function createAdoptionService(db: Db, deps: { clock: Clock; zone: string; people: ReadPeople }) {
  return {
    /** Who has joined the bot in the actor's scope. Methodists and admins only. */
    async report(actor: User, language: string): Promise<AdoptionReport> {
      if (!isMethodistRole(actor.role)) throw new DomainError("forbidden");
      const since = DateTime.fromJSDate(deps.clock.now(), { zone: deps.zone })
        .startOf("day")
        .minus({ days: RECENT_DAYS - 1 })
        .toJSDate();
      const { scope, district, byDistrict } = await reportScope(db, actor);
      const [schoolRows, users, staffRows] = await Promise.all([
        db.school.findMany({ where: schoolsInScope(scope), select: staffSchoolSelect.select }),
        deps.people(scope, { teachersOnly: false, activeOnly: false }, language),
        db.staffMember.findMany({ where: staffRowsWhere(scope), select: { schoolId: true, userId: true } }),
      ]);
      // every school of the scope has a line, with nobody too
      const tally = tallyBySchool(["teachers", "recent", "inactive", "staff", "notInBot"] as const);
      const places = new Map(schoolRows.map((s) => [s.id, placeOf(s)!]));
      for (const place of places.values()) tally.school(place);
      const people: RegisteredPerson[] = [];
      for (const u of users) {
        const registeredAt = u.registeredAt!;
        if (u.role === "teacher")
          tally.add(
            u.place,
            "teachers",
            ...(registeredAt.getTime() >= since.getTime() ? (["recent"] as const) : []),
            ...(u.isActive ? [] : (["inactive"] as const)),
          );
        people.push({
          name: u.fullName ?? "",
          school: u.place?.name ?? NO_SCHOOL,
          cluster: u.place?.cluster ?? "",
          district: u.place?.district ?? null,
          subjects: u.subjects,
          role: u.role,
          registeredAt,
          language: u.language,
          active: u.isActive,
        });
      }
      for (const r of staffRows) {
        const place = places.get(r.schoolId);
        if (place) tally.add(place, "staff", ...(r.userId === null ? (["notInBot"] as const) : []));
      }
      const noSchool = tally.noSchool();
      // nobody first, then the fewest; equal ones by district (a call list goes district by district), then name
      const schools = tally.schools().sort((a, b) => a.teachers - b.teachers || districtOrder(a.district, b.district) || byName(a.school, b.school));
      const districts = byDistrict
        ? districtsOfSchools(schools, "teachers", ["teachers", "notInBot"] as const).sort(
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

export type AdoptionService = ReturnType<typeof createAdoptionService>;

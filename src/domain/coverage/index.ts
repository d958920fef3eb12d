// Coverage: which teachers took a professional-development course this academic year, by school
// ("85 % of teachers covered by courses" is what a methodist reports), and who did not. A methodist of
// a district counts her district's teachers only; a regional one (or an admin) sees the whole
// deployment and, where the directory has districts, which district is behind.
import { DateTime } from "luxon";
import type { Db } from "../../db/client.js";
import { Prisma } from "../../generated/sqlite/client.js";
import type { Clock } from "../clock.js";
import { DomainError } from "../errors.js";
import {
  districtOrder,
  leastCoveredFirst,
  NO_SCHOOL,
  type Place,
  placeOf,
  reportScope,
  schoolsLeastCoveredFirst,
  staffRowsWhere,
  staffSchoolSelect,
  tallyBySchool,
} from "../by-school.js";
import { byName, type ReadPeople } from "../people.js";
import { usersInScope } from "../scope.js";
import { isMethodistRole, type User } from "../users.js";

export interface SchoolCoverage {
  school: string;
  cluster: string;
  /** the school's district (null: none) */
  district: string | null;
  teachers: number;
  covered: number;
  /** of the teachers, on the staff list but not in the bot yet */
  notInBot: number;
}

/** A district's line of the summary; `district` null: teachers of schools in no district. */
export interface DistrictCoverage {
  district: string | null;
  teachers: number;
  covered: number;
  notInBot: number;
}

export interface UncoveredTeacher {
  name: string;
  school: string;
  cluster: string;
  district: string | null;
  subjects: string[];
  /** false: on the staff list only (not in the bot yet) */
  inBot: boolean;
}

export interface CourseCoverage {
  /** the academic year, 1 September to 31 August in the deployment's zone: "2026/2027" */
  year: string;
  from: Date;
  to: Date;
  /** the district the report is limited to (the methodist's), null for the whole deployment */
  district: string | null;
  teachers: number;
  covered: number;
  /** of the covered, those whose course only the staff list tells (the rest: the bot's course sign-ups) */
  coveredByStaff: number;
  /** of the teachers, on the staff list but not in the bot yet */
  notInBot: number;
  /** whether the scope has a staff list (else the report counts the people in the bot only) */
  staffList: boolean;
  /**
   * For the whole deployment where the directory has districts: each district (with teachers), least
   * covered first, and last the teachers of schools in no district (if any). Empty otherwise.
   */
  districts: DistrictCoverage[];
  /** least covered first */
  schools: SchoolCoverage[];
  uncovered: UncoveredTeacher[];
}

/** The academic year that `now` falls in, in `zone`: from 1 September to the next 1 September. */
export function academicYear(now: Date, zone: string): { from: Date; to: Date; label: string } {
  const local = DateTime.fromJSDate(now, { zone });
  const startYear = local.month >= 9 ? local.year : local.year - 1;
  const from = DateTime.fromObject({ year: startYear, month: 9, day: 1 }, { zone });
  return { from: from.toJSDate(), to: from.plus({ years: 1 }).toJSDate(), label: `${startYear}/${startYear + 1}` };
}

/** What "covered" means: registered for or completed a course that starts within the academic year. */
const COVERING = ["registered", "completed"] as const;

/**
 * The teachers coverage counts as not covered in the academic year `year`, as an SQL condition on
 * `users u` (a broadcast's audience "no course this year" is exactly the list /coverage sends; the
 * broadcast queues its messages with one INSERT … SELECT, see broadcasts/recipients.ts). The same SQL on
 * both providers; statuses are literals (a PostgreSQL enum).
 */
export function notCoveredSql(year: { from: Date; to: Date }): Prisma.Sql {
  const covering = Prisma.join(
    COVERING.map((s) => Prisma.raw(`'${s}'`)),
    ", ",
  );
  return Prisma.sql`u.role = 'teacher'
    AND NOT EXISTS (SELECT 1 FROM course_registrations cr JOIN courses c ON c.id = cr.course_id
      WHERE cr.user_id = u.id AND cr.status IN (${covering}) AND c.start_date >= ${year.from} AND c.start_date < ${year.to})
    -- nor a course within the year on her row of the staff list
    AND NOT EXISTS (SELECT 1 FROM staff_members sm
      WHERE sm.user_id = u.id AND sm.last_course_at >= ${year.from} AND sm.last_course_at < ${year.to})`;
}

/** Whether the staff list's course day falls within the academic year. */
const inYear = (day: Date | null, year: { from: Date; to: Date }) => day !== null && day.getTime() >= year.from.getTime() && day.getTime() < year.to.getTime();

export function createCoverageService(db: Db, deps: { clock: Clock; zone: string; people: ReadPeople }) {
  return {
    /**
     * Teachers (registered, active) and whether each is covered: registered for or completed a course
     * that starts within this academic year. Methodists only; a district's methodist, of her district.
     */
    async courses(actor: User, language: string): Promise<CourseCoverage> {
      if (!isMethodistRole(actor.role)) throw new DomainError("forbidden");
      const { from, to, label } = academicYear(deps.clock.now(), deps.zone);
      const { scope, district, byDistrict } = await reportScope(db, actor);
      const [teachers, regs, staffRows] = await Promise.all([
        deps.people(scope, { teachersOnly: true, activeOnly: true }, language),
        db.courseRegistration.findMany({
          where: { status: { in: [...COVERING] }, course: { startDate: { gte: from, lt: to } }, user: usersInScope(scope) },
          select: { userId: true },
          distinct: ["userId"],
        }),
        // this year's staff: who is on the list, and who left it within the year
        db.staffMember.findMany({
          where: staffRowsWhere(scope, from),
          select: { userId: true, fullName: true, subjects: true, lastCourseAt: true, school: staffSchoolSelect },
        }),
      ]);
      const covered = new Set(regs.map((r) => r.userId));
      const counted = new Set(teachers.map((t) => t.id));
      const byStaff = new Set<number>();
      // the staff list tells a course the bot does not know of
      for (const r of staffRows)
        if (r.userId !== null && counted.has(r.userId) && !covered.has(r.userId) && inYear(r.lastCourseAt, { from, to })) byStaff.add(r.userId);
      const tally = tallyBySchool(["teachers", "covered", "notInBot"] as const);
      const uncovered: UncoveredTeacher[] = [];
      const count = (place: Place | null, name: string, isCovered: boolean, inBot: boolean, subjects: () => string[]) => {
        tally.add(place, "teachers", ...(isCovered ? (["covered"] as const) : []), ...(inBot ? [] : (["notInBot"] as const)));
        if (!isCovered)
          uncovered.push({
            name,
            school: place?.name ?? NO_SCHOOL,
            cluster: place?.cluster ?? "",
            district: place?.district ?? null,
            subjects: subjects(),
            inBot,
          });
      };
      for (const t of teachers) count(t.place, t.fullName ?? "", covered.has(t.id) || byStaff.has(t.id), true, () => t.subjects);
      // a row of the staff list whose person the bot does not count (not in the bot, or not an active teacher there) counts by itself
      let notInBot = 0;
      let staffOnlyCovered = 0;
      for (const r of staffRows) {
        if (r.userId !== null && counted.has(r.userId)) continue;
        const isCovered = inYear(r.lastCourseAt, { from, to });
        if (isCovered) staffOnlyCovered++;
        if (r.userId === null) notInBot++;
        count(placeOf(r.school), r.fullName, isCovered, r.userId !== null, () => (r.subjects ? [r.subjects] : []));
      }
      const schools = tally.allSchools().sort(schoolsLeastCoveredFirst((r) => r.covered));
      const districts = byDistrict
        ? tally.districts().sort(
            leastCoveredFirst(
              (r) => r.covered,
              (r) => r.district,
            ),
          )
        : [];
      // by district (all of one district, or none, unless the report sums up by district), school, name
      uncovered.sort((a, b) => districtOrder(a.district, b.district) || byName(a.school, b.school) || byName(a.name, b.name));
      const coveredCount = schools.reduce((s, r) => s + r.covered, 0);
      const total = schools.reduce((s, r) => s + r.teachers, 0);
      return {
        year: label,
        from,
        to,
        district,
        teachers: total,
        covered: coveredCount,
        coveredByStaff: byStaff.size + staffOnlyCovered,
        notInBot,
        staffList: staffRows.length > 0,
        districts,
        schools,
        uncovered,
      };
    },
  };
}

export type CoverageService = ReturnType<typeof createCoverageService>;

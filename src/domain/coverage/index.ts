// Coverage: which teachers took a professional-development course this academic year, by school
// ("85 % of teachers covered by courses" is what a methodist reports), and who did not.
import { DateTime } from "luxon";
import type { Db } from "../../db/client.js";
import type { Clock } from "../clock.js";
import { DomainError } from "../errors.js";
import { isMethodistRole, type User } from "../users.js";

export interface SchoolCoverage {
  school: string;
  cluster: string;
  teachers: number;
  covered: number;
}

export interface UncoveredTeacher {
  name: string;
  school: string;
  cluster: string;
  subjects: string[];
}

export interface CourseCoverage {
  /** the academic year, 1 September to 31 August in the deployment's zone: "2026/2027" */
  year: string;
  from: Date;
  to: Date;
  teachers: number;
  covered: number;
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
 * The teachers coverage counts as not covered in the academic year `year`, as a filter on users (a
 * broadcast's audience "no course this year" is exactly the list /coverage sends).
 */
export function notCoveredWhere(year: { from: Date; to: Date }) {
  return {
    role: "teacher" as const,
    courseRegistrations: { none: { status: { in: [...COVERING] }, course: { startDate: { gte: year.from, lt: year.to } } } },
  };
}

/** Whole percent, 0 when there is nobody to cover. */
export const percent = (covered: number, total: number): number => (total ? Math.round((covered * 100) / total) : 0);

export function createCoverageService(db: Db, deps: { clock: Clock; zone: string }) {
  return {
    /**
     * Teachers (registered, active) and whether each is covered: registered for or completed a course
     * that starts within this academic year. Methodists only.
     */
    async courses(actor: User, language: string): Promise<CourseCoverage> {
      if (!isMethodistRole(actor.role)) throw new DomainError("forbidden");
      const { from, to, label } = academicYear(deps.clock.now(), deps.zone);
      const [teachers, regs] = await Promise.all([
        db.user.findMany({
          where: { role: "teacher", registeredAt: { not: null }, isActive: true },
          select: {
            id: true,
            fullName: true,
            school: { select: { name: true, cluster: true } },
            subjects: { select: { subject: { select: { nameRu: true, nameEn: true, sortOrder: true } } } },
          },
          orderBy: { fullName: "asc" },
        }),
        db.courseRegistration.findMany({
          where: { status: { in: [...COVERING] }, course: { startDate: { gte: from, lt: to } } },
          select: { userId: true },
          distinct: ["userId"],
        }),
      ]);
      const covered = new Set(regs.map((r) => r.userId));
      const bySchool = new Map<string, SchoolCoverage>();
      const uncovered: UncoveredTeacher[] = [];
      for (const t of teachers) {
        const school = t.school?.name ?? "—";
        const cluster = t.school?.cluster ?? "";
        const row = bySchool.get(school) ?? { school, cluster, teachers: 0, covered: 0 };
        row.teachers++;
        if (covered.has(t.id)) row.covered++;
        else {
          const subjects = [...t.subjects].sort((a, b) => a.subject.sortOrder - b.subject.sortOrder);
          uncovered.push({ name: t.fullName ?? "", school, cluster, subjects: subjects.map((s) => (language === "en" ? s.subject.nameEn : s.subject.nameRu)) });
        }
        bySchool.set(school, row);
      }
      const schools = [...bySchool.values()].sort(
        (a, b) => a.covered / a.teachers - b.covered / b.teachers || b.teachers - a.teachers || a.school.localeCompare(b.school, "ru"),
      );
      uncovered.sort((a, b) => a.school.localeCompare(b.school, "ru") || a.name.localeCompare(b.name, "ru"));
      const coveredCount = schools.reduce((s, r) => s + r.covered, 0);
      return { year: label, from, to, teachers: teachers.length, covered: coveredCount, schools, uncovered };
    },
  };
}

export type CoverageService = ReturnType<typeof createCoverageService>;

// Reaching the staff not in the bot yet: per school, how many of its people are on the staff list but
// not in the bot. The invitation itself is the messenger's: a /start deep link that presets the school
// (src/bot/features/registration/invitation.ts), drawn as a one-page PDF with a QR code (src/pdf/invitation.ts).
import type { Db } from "../../db/client.js";
import { DomainError } from "../errors.js";
import { reachesDistrict, schoolsInScope, scopeOf } from "../scope.js";
import { isMethodistRole, type User } from "../users.js";

export interface SchoolReach {
  schoolId: number;
  school: string;
  district: string | null;
  /** active rows of the staff list, of them not linked to anyone in the bot */
  staff: number;
  notInBot: number;
}

export interface StaffSummary {
  district: string | null;
  active: number;
  left: number;
  linked: number;
  notInBot: number;
  /** when a file last changed the list (null: never loaded) */
  updatedAt: Date | null;
}

export function createStaffInvitations(db: Db) {
  return {
    /** The staff list of the actor's scope in figures. */
    async summary(actor: User): Promise<StaffSummary> {
      if (!isMethodistRole(actor.role)) throw new DomainError("forbidden");
      const scope = scopeOf(actor);
      const inScope = { school: schoolsInScope(scope) };
      const [active, left, linked, last, district] = await Promise.all([
        db.staffMember.count({ where: { ...inScope, leftAt: null } }),
        db.staffMember.count({ where: { ...inScope, leftAt: { not: null } } }),
        db.staffMember.count({ where: { ...inScope, leftAt: null, userId: { not: null } } }),
        db.staffMember.findFirst({ where: inScope, orderBy: { updatedAt: "desc" }, select: { updatedAt: true } }),
        scope.districtId === null ? null : db.district.findUnique({ where: { id: scope.districtId }, select: { name: true } }),
      ]);
      return { district: district?.name ?? null, active, left, linked, notInBot: active - linked, updatedAt: last?.updatedAt ?? null };
    },

    /** The schools of the scope with people not in the bot yet, the most first. */
    async schools(actor: User): Promise<SchoolReach[]> {
      if (!isMethodistRole(actor.role)) throw new DomainError("forbidden");
      const [all, open] = await Promise.all([
        db.staffMember.groupBy({ by: ["schoolId"], where: { leftAt: null, school: schoolsInScope(scopeOf(actor)) }, _count: { _all: true } }),
        db.staffMember.groupBy({ by: ["schoolId"], where: { leftAt: null, userId: null, school: schoolsInScope(scopeOf(actor)) }, _count: { _all: true } }),
      ]);
      const notIn = new Map(open.map((g) => [g.schoolId, g._count._all]));
      const schools = await db.school.findMany({
        where: { id: { in: [...notIn.keys()] } },
        select: { id: true, name: true, district: { select: { name: true } } },
      });
      const staff = new Map(all.map((g) => [g.schoolId, g._count._all]));
      return schools
        .map((s) => ({ schoolId: s.id, school: s.name, district: s.district?.name ?? null, staff: staff.get(s.id) ?? 0, notInBot: notIn.get(s.id) ?? 0 }))
        .sort((a, b) => b.notInBot - a.notInBot || a.school.localeCompare(b.school, "ru"));
    },

    /** One school's figures for its invitation (a school outside the actor's scope: not found). */
    async school(actor: User, schoolId: number): Promise<SchoolReach> {
      if (!isMethodistRole(actor.role)) throw new DomainError("forbidden");
      const s = await db.school.findUnique({
        where: { id: schoolId },
        select: { id: true, name: true, districtId: true, district: { select: { name: true } } },
      });
      if (!s || !reachesDistrict(scopeOf(actor), s.districtId)) throw new DomainError("school-not-found");
      const [staff, notInBot] = await Promise.all([
        db.staffMember.count({ where: { schoolId, leftAt: null } }),
        db.staffMember.count({ where: { schoolId, leftAt: null, userId: null } }),
      ]);
      return { schoolId: s.id, school: s.name, district: s.district?.name ?? null, staff, notInBot };
    },
  };
}

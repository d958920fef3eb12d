// Districts in a regional deployment: whose people a methodist sees and reaches, and which courses and
// meetings a teacher sees. A methodist who works for a district (User.districtId) is scoped to its
// schools; an admin, a regional methodist and everyone in a deployment without districts see everything.
// Every query that reaches people or reports on them takes a `Scope` and ANDs these fragments in.
import type { Prisma, Role } from "../generated/sqlite/client.js";

/** Whose data a methodist sees: one district's (its id) or the whole deployment's (null). */
export interface Scope {
  districtId: number | null;
}

export const WHOLE_DEPLOYMENT: Scope = { districtId: null };

/** The scope of the person acting: a methodist's district; admins and teachers are not limited here. */
export function scopeOf(user: { role: Role; districtId: number | null }): Scope {
  return user.role === "methodist" && user.districtId !== null ? { districtId: user.districtId } : WHOLE_DEPLOYMENT;
}

export const isScoped = (scope: Scope): boolean => scope.districtId !== null;

/** People in the scope: those whose school is in the district (everyone for the whole deployment). */
export function usersInScope(scope: Scope): Prisma.UserWhereInput {
  return scope.districtId === null ? {} : { school: { districtId: scope.districtId } };
}

/** People whose school is in one of these districts (a regional meeting for chosen districts). */
export function usersInDistricts(districtIds: number[]): Prisma.UserWhereInput {
  return { school: { districtId: { in: districtIds } } };
}

/** Schools in the scope. */
export function schoolsInScope(scope: Scope): Prisma.SchoolWhereInput {
  return scope.districtId === null ? {} : { districtId: scope.districtId };
}

/**
 * Courses or meetings a methodist manages: her district's when she is scoped, all of them otherwise.
 * (A district's methodist does not edit another district's meeting or a regional course.)
 */
export function ownedByScope(scope: Scope): { districtId?: number } {
  return scope.districtId === null ? {} : { districtId: scope.districtId };
}

/**
 * Courses or meetings a teacher may see: the deployment-wide ones and those of her school's district
 * (`teacherDistrictId`, null when her school has none or she has no school).
 */
export function visibleInDistrict(teacherDistrictId: number | null): { OR: { districtId: number | null }[] } {
  return { OR: teacherDistrictId === null ? [{ districtId: null }] : [{ districtId: null }, { districtId: teacherDistrictId }] };
}

/**
 * Whether the scope reaches a person (or her work) whose school is in `districtId` (null: a school of
 * no district, or no school): the whole deployment reaches everyone, a district only its own people.
 */
export function reachesDistrict(scope: Scope, districtId: number | null): boolean {
  return scope.districtId === null || scope.districtId === districtId;
}

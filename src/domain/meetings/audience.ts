// Who a meeting is for, as a users query (everyone registered, teachers of some subjects, of some
// schools, of some districts, or methodists only) and, the other way round, which meetings are for one
// person. A district's meeting (districtId set) is for that district's people only, whatever its
// audience; the audience "districts" (a regional meeting) is for the people of the chosen districts.
import type { MeetingAudience, Prisma, Role } from "../../generated/sqlite/client.js";
import { usersInDistricts, usersInScope, visibleInDistrict } from "../scope.js";

export interface AudienceSpec {
  audience: MeetingAudience;
  subjectIds: number[];
  schoolIds: number[];
  /** the audience "districts": the districts whose people are invited (absent: none) */
  districtIds?: number[];
  /** the district whose people the meeting is for; null (or absent): the whole deployment's */
  districtId?: number | null;
}

export function audienceWhere(spec: AudienceSpec): Prisma.UserWhereInput {
  const base: Prisma.UserWhereInput = { registeredAt: { not: null }, ...usersInScope({ districtId: spec.districtId ?? null }) };
  switch (spec.audience) {
    case "everyone":
      return base;
    case "subjects":
      return { ...base, subjects: { some: { subjectId: { in: spec.subjectIds } } } };
    case "schools":
      return { ...base, schoolId: { in: spec.schoolIds } };
    case "methodists":
      return { ...base, role: { in: ["methodist", "admin"] } };
    case "districts":
      // AND: the base may hold a district of its own (the meeting's district)
      return { AND: [base, usersInDistricts(spec.districtIds ?? [])] };
  }
}

export interface Member {
  id: number;
  role: Role;
  schoolId: number | null;
  subjectIds: number[];
  /** her school's district (null: a school of no district, or no school) */
  districtId: number | null;
}

/** Meetings whose audience includes this person (or that she has answered). */
export function meetingsForWhere(m: Member): Prisma.MeetingWhereInput {
  const or: Prisma.MeetingWhereInput[] = [{ audience: "everyone" }, { audience: "subjects", subjects: { some: { subjectId: { in: m.subjectIds } } } }];
  if (m.schoolId !== null) or.push({ audience: "schools", schools: { some: { schoolId: m.schoolId } } });
  if (m.role === "methodist" || m.role === "admin") or.push({ audience: "methodists" });
  if (m.districtId !== null) or.push({ audience: "districts", districts: { some: { districtId: m.districtId } } });
  // for everyone or for her district; one she answered stays hers
  return { OR: [{ AND: [visibleInDistrict(m.districtId), { OR: or }] }, { rsvps: { some: { userId: m.id } } }] };
}

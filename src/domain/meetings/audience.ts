// Who a meeting is for, as a users query (everyone registered, teachers of some subjects, of some
// schools, or methodists only) and, the other way round, which meetings are for one person.
import type { MeetingAudience, Prisma, Role } from "../../generated/sqlite/client.js";

export interface AudienceSpec {
  audience: MeetingAudience;
  subjectIds: number[];
  schoolIds: number[];
}

export function audienceWhere(spec: AudienceSpec): Prisma.UserWhereInput {
  const base: Prisma.UserWhereInput = { registeredAt: { not: null } };
  switch (spec.audience) {
    case "everyone":
      return base;
    case "subjects":
      return { ...base, subjects: { some: { subjectId: { in: spec.subjectIds } } } };
    case "schools":
      return { ...base, schoolId: { in: spec.schoolIds } };
    case "methodists":
      return { ...base, role: { in: ["methodist", "admin"] } };
  }
}

export interface Member {
  id: number;
  role: Role;
  schoolId: number | null;
  subjectIds: number[];
}

/** Meetings whose audience includes this person (or that she has answered). */
export function meetingsForWhere(m: Member): Prisma.MeetingWhereInput {
  const or: Prisma.MeetingWhereInput[] = [
    { audience: "everyone" },
    { audience: "subjects", subjects: { some: { subjectId: { in: m.subjectIds } } } },
    { rsvps: { some: { userId: m.id } } },
  ];
  if (m.schoolId !== null) or.push({ audience: "schools", schools: { some: { schoolId: m.schoolId } } });
  if (m.role === "methodist" || m.role === "admin") or.push({ audience: "methodists" });
  return { OR: or };
}

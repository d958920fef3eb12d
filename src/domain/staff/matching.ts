// Who of the staff list is who in the bot. At registration a teacher is offered the rows of her school
// whose name matches hers (exactly, or nearly: see names.ts) and is linked only when she says it is her;
// a methodist sees the unlinked on both sides and links by hand. A link is one row to one user (unique).
import type { Db } from "../../db/client.js";
import { DomainError } from "../errors.js";
import { reachesDistrict, schoolsInScope, scopeOf, usersInScope } from "../scope.js";
import { isMethodistRole, type User } from "../users.js";
import { compareNames, nameKey } from "./names.js";
import type { StaffPerson } from "./types.js";

/** The rows offered at registration: the exact one, or up to this many near ones. */
const OFFERED = 3;
/** Rows a methodist is offered to link one person to: the near ones first. */
const TO_PICK = 8;

/** An active row nobody has claimed yet. */
const OPEN = { leftAt: null, userId: null } as const;

export interface Candidate {
  id: number;
  name: string;
  position: string | null;
  match: "exact" | "near";
}

export interface UnlinkedPeople {
  /** active rows of the staff list not linked to anyone in the bot (the first `limit`, by school and name) and how many */
  staff: StaffPerson[];
  staffCount: number;
  /** registered teachers of the scope not on the staff list */
  people: { id: number; name: string; school: string }[];
  peopleCount: number;
}

export function createStaffMatching(db: Db) {
  const person = (s: { id: number; fullName: string; position: string | null; school: { name: string; district: { name: string } | null } }): StaffPerson => ({
    id: s.id,
    name: s.fullName,
    school: s.school.name,
    district: s.school.district?.name ?? null,
    position: s.position,
  });
  const STAFF_SELECT = { id: true, fullName: true, position: true, school: { select: { name: true, district: { select: { name: true } } } } } as const;

  async function rowInScope(actor: User, staffId: number) {
    const row = await db.staffMember.findUnique({ where: { id: staffId }, include: { school: { select: { districtId: true } } } });
    if (!row || !reachesDistrict(scopeOf(actor), row.school.districtId)) throw new DomainError("staff-not-found");
    return row;
  }

  return {
    /** The open rows of `schoolId` whose name matches `fullName`: the exact ones if any, else the near ones. */
    async candidates(schoolId: number, fullName: string): Promise<Candidate[]> {
      const key = nameKey(fullName);
      const rows = await db.staffMember.findMany({ where: { schoolId, ...OPEN }, select: { id: true, fullName: true, position: true, nameKey: true } });
      const scored = rows
        .map((r) => ({ id: r.id, name: r.fullName, position: r.position, match: compareNames(key, r.nameKey) }))
        .filter((r) => r.match !== null);
      const exact = scored.filter((r) => r.match === "exact");
      const chosen = exact.length ? exact : scored;
      return chosen.slice(0, OFFERED).map((r) => ({ ...r, match: r.match! }));
    },

    /** She said the row is her: linked, unless someone claimed it meanwhile or she has one already (false). */
    async confirm(staffId: number, userId: number): Promise<boolean> {
      if (await db.staffMember.count({ where: { userId } })) return false;
      const { count } = await db.staffMember.updateMany({ where: { id: staffId, ...OPEN }, data: { userId } });
      return count === 1;
    },

    /** A methodist links a person in the bot to a row of the staff list (both of her scope, neither linked). */
    async linkByHand(actor: User, staffId: number, userId: number): Promise<void> {
      if (!isMethodistRole(actor.role)) throw new DomainError("forbidden");
      await rowInScope(actor, staffId);
      const user = await db.user.findFirst({ where: { id: userId, registeredAt: { not: null }, ...usersInScope(scopeOf(actor)) }, select: { id: true } });
      if (!user) throw new DomainError("staff-not-found");
      if (await db.staffMember.count({ where: { userId } })) throw new DomainError("staff-already-linked");
      const { count } = await db.staffMember.updateMany({ where: { id: staffId, ...OPEN }, data: { userId } });
      if (count !== 1) throw new DomainError("staff-already-linked");
    },

    /** The rows a methodist may link `userId` to: open rows of her school, near matches of her name first. */
    async rowsToLink(actor: User, userId: number): Promise<{ user: { id: number; name: string; school: string }; rows: Candidate[] }> {
      if (!isMethodistRole(actor.role)) throw new DomainError("forbidden");
      const user = await db.user.findFirst({
        where: { id: userId, registeredAt: { not: null }, ...usersInScope(scopeOf(actor)) },
        select: { id: true, fullName: true, schoolId: true, school: { select: { name: true } } },
      });
      if (!user || user.schoolId === null) throw new DomainError("staff-not-found");
      const key = nameKey(user.fullName ?? "");
      const rows = await db.staffMember.findMany({
        where: { schoolId: user.schoolId, ...OPEN },
        select: { id: true, fullName: true, position: true, nameKey: true },
      });
      const scored = rows
        .map((r) => ({ id: r.id, name: r.fullName, position: r.position, match: compareNames(key, r.nameKey) }))
        .sort((a, b) => Number(a.match === null) - Number(b.match === null) || a.name.localeCompare(b.name, "ru"))
        .slice(0, TO_PICK)
        .map((r) => ({ ...r, match: r.match ?? ("near" as const) }));
      return { user: { id: user.id, name: user.fullName ?? "", school: user.school?.name ?? "" }, rows: scored };
    },

    /** Both sides of what is not linked in the actor's scope, the first `limit` of each. */
    async unlinked(actor: User, limit = 20): Promise<UnlinkedPeople> {
      if (!isMethodistRole(actor.role)) throw new DomainError("forbidden");
      const scope = scopeOf(actor);
      const staffWhere = { ...OPEN, school: schoolsInScope(scope) };
      const peopleWhere = { role: "teacher" as const, registeredAt: { not: null }, staffMember: null, ...usersInScope(scope) };
      const [staff, staffCount, people, peopleCount] = await Promise.all([
        db.staffMember.findMany({ where: staffWhere, select: STAFF_SELECT, orderBy: [{ school: { name: "asc" } }, { fullName: "asc" }], take: limit }),
        db.staffMember.count({ where: staffWhere }),
        db.user.findMany({
          where: peopleWhere,
          select: { id: true, fullName: true, school: { select: { name: true } } },
          orderBy: { fullName: "asc" },
          take: limit,
        }),
        db.user.count({ where: peopleWhere }),
      ]);
      return {
        staff: staff.map(person),
        staffCount,
        people: people.map((p) => ({ id: p.id, name: p.fullName ?? "", school: p.school?.name ?? "" })),
        peopleCount,
      };
    },

    /** Her data is being erased: her link goes (the district's row stays: the district keeps its staff list). */
    forget: (userId: number) => db.staffMember.updateMany({ where: { userId }, data: { userId: null } }).then(() => undefined),
  };
}

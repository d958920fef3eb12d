// Moderation by methodists: only a pending material changes (one conditional update), the author is
// told through the outbox. Nobody moderates her own work: a methodist's own materials are published
// when she shares them (index.ts), and her queue leaves out those she shared while still a teacher.
// In a regional deployment a district's methodist moderates the materials of her district's teachers
// (the author's school decides); a regional methodist or an admin any. Published ones are region-wide.
import type { Db } from "../../db/client.js";
import type { Prisma } from "../../generated/sqlite/client.js";
import type { Clock } from "../clock.js";
import { DomainError } from "../errors.js";
import type { Notice, Outbox } from "../outbox.js";
import { isScoped, reachesDistrict, scopeOf, usersInScope, type Scope } from "../scope.js";
import { isMethodistRole, type User } from "../users.js";
import { validateReason } from "./validate.js";

/** Who moderates: her id, role and the district she works for (null: the whole deployment). */
export type Moderator = Pick<User, "id" | "role" | "districtId">;

/** The materials a moderator of `scope` checks: those whose author's school is in her district (all for the whole deployment). */
export const moderatedBy = (scope: Scope): Prisma.MaterialWhereInput => (isScoped(scope) ? { author: usersInScope(scope) } : {});

/** The district of a person's school (null: a school of no district, or none). */
export async function districtOfSchool(db: Db, userId: number): Promise<number | null> {
  return (await db.user.findUnique({ where: { id: userId }, select: { school: { select: { districtId: true } } } }))?.school?.districtId ?? null;
}

export function createMaterialModeration(db: Db, clock: Clock, outbox: Outbox) {
  /** Why a moderator may not give a verdict on a material (null: she may). */
  async function problem(moderator: Moderator, materialId: number): Promise<DomainError | null> {
    const m = await db.material.findUnique({ where: { id: materialId }, select: { authorId: true, status: true } });
    if (!m) return new DomainError("material-not-found");
    if (m.authorId === moderator.id) return new DomainError("material-moderation-own");
    if (!reachesDistrict(scopeOf(moderator), await districtOfSchool(db, m.authorId))) return new DomainError("material-moderation-other-district");
    return m.status === "pending" ? null : new DomainError("material-already-moderated");
  }
  /** Why a verdict did not apply (the conditional update changed nothing). */
  const refusal = async (moderator: Moderator, materialId: number) => (await problem(moderator, materialId)) ?? new DomainError("material-already-moderated");

  async function moderate(moderator: Moderator, materialId: number, status: "approved" | "rejected", reason: string | null) {
    if (!isMethodistRole(moderator.role)) throw new DomainError("forbidden");
    const now = clock.now();
    // only a pending material of someone else within her reach changes: two methodists pressing at once moderate it once
    const r = await db.material.updateMany({
      where: { id: materialId, status: "pending", authorId: { not: moderator.id }, ...moderatedBy(scopeOf(moderator)) },
      data: { status, rejectReason: reason, moderatedById: moderator.id, moderatedAt: now },
    });
    if (r.count === 0) throw await refusal(moderator, materialId);
    const m = await db.material.findUniqueOrThrow({ where: { id: materialId }, select: { authorId: true, title: true } });
    const notice: Notice =
      status === "approved"
        ? {
            userId: m.authorId,
            key: "material-notice-approved",
            vars: { title: m.title },
            buttons: [
              [{ key: "material-open-button", action: { do: "material-card", id: materialId } }],
              // the certificate of publication (domain/documents)
              [{ key: "documents-certificate-button", action: { do: "certificate", kind: "material", id: materialId } }],
            ],
            dedupeKey: `material:moderated:${materialId}`,
          }
        : {
            userId: m.authorId,
            key: "material-notice-rejected",
            vars: { title: m.title, reason: reason ?? "" },
            dedupeKey: `material:moderated:${materialId}`,
          };
    await outbox.notify([notice]);
  }

  return {
    /**
     * The oldest material waiting for this moderator, and how many wait for her (her own are not hers to
     * judge; a district's methodist judges her district's teachers' only).
     */
    async nextPending(moderator: Moderator): Promise<{ id: number | null; total: number }> {
      const where = { status: "pending" as const, authorId: { not: moderator.id }, ...moderatedBy(scopeOf(moderator)) };
      const [first, total] = await Promise.all([db.material.findFirst({ where, orderBy: { id: "asc" }, select: { id: true } }), db.material.count({ where })]);
      return { id: first?.id ?? null, total };
    },

    /** Everything waiting for this moderator, oldest first (the same queue as nextPending, as a list: the site's queue page). */
    async pendingList(moderator: Moderator, limit = 100): Promise<{ id: number; title: string; authorName: string; createdAt: Date }[]> {
      const where = { status: "pending" as const, authorId: { not: moderator.id }, ...moderatedBy(scopeOf(moderator)) };
      const rows = await db.material.findMany({
        where,
        orderBy: { id: "asc" },
        take: limit,
        select: { id: true, title: true, createdAt: true, author: { select: { fullName: true } } },
      });
      return rows.map((r) => ({ id: r.id, title: r.title, authorName: r.author.fullName ?? "—", createdAt: r.createdAt }));
    },

    /** Refuses (DomainError) unless the moderator may judge the material: before she is asked for a reason. */
    async checkModerable(moderator: Moderator, materialId: number): Promise<void> {
      if (!isMethodistRole(moderator.role)) throw new DomainError("forbidden");
      const p = await problem(moderator, materialId);
      if (p) throw p;
    },

    async approve(moderator: Moderator, materialId: number): Promise<void> {
      await moderate(moderator, materialId, "approved", null);
    },

    async reject(moderator: Moderator, materialId: number, reason: string): Promise<void> {
      await moderate(moderator, materialId, "rejected", validateReason(reason));
    },
  };
}

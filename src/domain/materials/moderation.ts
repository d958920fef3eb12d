// Moderation by methodists: only a pending material changes (one conditional update), the author is
// told through the outbox.
import type { Db } from "../../db/client.js";
import type { Clock } from "../clock.js";
import { DomainError } from "../errors.js";
import type { Notice, Outbox } from "../outbox.js";
import { isMethodistRole, type User } from "../users.js";
import { validateReason } from "./rules.js";

/**
 * Callback data of the buttons under this section's notices; the bot's codecs (features/materials/callbacks.ts)
 * produce the same strings (a test checks it).
 */
export const openAction = (id: number) => `material-o:${id}`;
export const MODERATION_QUEUE_ACTION = "material-mq";

export function createModeration(db: Db, clock: Clock, outbox: Outbox) {
  async function moderate(moderator: Pick<User, "id" | "role">, materialId: number, status: "approved" | "rejected", reason: string | null) {
    if (!isMethodistRole(moderator.role)) throw new DomainError("forbidden");
    const now = clock.now();
    // only a pending material changes: two methodists pressing at once moderate it once
    const r = await db.material.updateMany({
      where: { id: materialId, status: "pending" },
      data: { status, rejectReason: reason, moderatedById: moderator.id, moderatedAt: now },
    });
    if (r.count === 0) {
      const exists = await db.material.findUnique({ where: { id: materialId }, select: { id: true } });
      throw new DomainError(exists ? "material-already-moderated" : "material-not-found");
    }
    const m = await db.material.findUniqueOrThrow({ where: { id: materialId }, select: { authorId: true, title: true } });
    const notice: Notice =
      status === "approved"
        ? {
            userId: m.authorId,
            key: "material-notice-approved",
            vars: { title: m.title },
            buttons: [[{ key: "material-open-button", data: openAction(materialId) }]],
            dedupeKey: `material:moderated:${materialId}`,
          }
        : { userId: m.authorId, key: "material-notice-rejected", vars: { title: m.title, reason: reason ?? "" }, dedupeKey: `material:moderated:${materialId}` };
    await outbox.notify([notice]);
  }

  return {
    /** The oldest material waiting for moderation, and how many wait. */
    async nextPending(): Promise<{ id: number | null; total: number }> {
      const [first, total] = await Promise.all([
        db.material.findFirst({ where: { status: "pending" }, orderBy: { id: "asc" }, select: { id: true } }),
        db.material.count({ where: { status: "pending" } }),
      ]);
      return { id: first?.id ?? null, total };
    },

    async approve(moderator: Pick<User, "id" | "role">, materialId: number): Promise<void> {
      await moderate(moderator, materialId, "approved", null);
    },

    async reject(moderator: Pick<User, "id" | "role">, materialId: number, reason: string): Promise<void> {
      await moderate(moderator, materialId, "rejected", validateReason(reason));
    },
  };
}

// Votes: 👍 / 👎 per teacher and material (unique), counts and the Wilson score kept on the material.
// A withdrawn vote stays as a row with value 0: it remembers when it was withdrawn, so that a double tap
// that withdraws is not undone by its second tap either.
import type { Db } from "../../db/client.js";
import type { Clock } from "../clock.js";
import { DomainError } from "../errors.js";
import { wilsonLowerBound } from "./validate.js";

/**
 * What a press did. "still-voted" / "still-withdrawn": a second press within DOUBLE_TAP_MS of the change
 * before it (a double tap) changed nothing.
 */
export type VoteOutcome = "added" | "changed" | "withdrawn" | "still-voted" | "still-withdrawn";

/**
 * A press this soon after the last change of her vote is a double tap, not a second decision: pressing
 * the same button again then keeps the vote (and after a withdrawal either button keeps it withdrawn).
 * Pressing the other button while a vote stands changes it at once.
 */
export const DOUBLE_TAP_MS = 2_000;

type Tx = Pick<Db, "material" | "materialVote">;

export function createMaterialVotes(db: Db, clock: Clock) {
  /** Recounts a material's votes and its score; the caller holds the material's row (see `vote`). */
  async function recount(tx: Tx, materialId: number): Promise<void> {
    const up = await tx.materialVote.count({ where: { materialId, value: 1 } });
    const down = await tx.materialVote.count({ where: { materialId, value: -1 } });
    await tx.material.update({ where: { id: materialId }, data: { upVotes: up, downVotes: down, score: wilsonLowerBound(up, down) } });
  }

  return {
    /**
     * 👍 (1) or 👎 (-1). Pressing the same again withdraws the vote (unless it is a double tap, see
     * DOUBLE_TAP_MS), the other one changes it. The vote itself is one INSERT ... ON CONFLICT DO UPDATE
     * statement that decides, on the row as it is at that moment, whether to add, change, withdraw or
     * keep it, and refuses an unpublished or own material: two presses racing (two replicas, a double
     * tap) cannot both toggle. Votes on one material are applied one at a time: the transaction first
     * writes the material's row (PostgreSQL locks it until commit; SQLite has one writer), then votes
     * and recounts from the votes, so the counts can neither double count nor lose a vote. Nothing is
     * thrown inside the transaction (a refusal commits an empty one and is raised after it).
     */
    async vote(materialId: number, userId: number, value: 1 | -1): Promise<VoteOutcome> {
      if ((value !== 1 && value !== -1) || !Number.isSafeInteger(materialId)) throw new DomainError("material-not-found");
      const now = clock.now();
      const doubleTap = new Date(now.getTime() - DOUBLE_TAP_MS);
      const result = await db.$transaction(
        async (tx) => {
          const locked = await tx.material.updateMany({ where: { id: materialId, status: "approved" }, data: { views: { increment: 0 } } });
          if (locked.count === 0) return null;
          // only to word the answer ("added" or "changed"): the statement below decides on its own
          const before = (await tx.materialVote.findUnique({ where: { materialId_userId: { materialId, userId } }, select: { value: true } }))?.value ?? 0;
          const rows = await tx.$queryRaw<{ value: number | bigint }[]>`
            INSERT INTO material_votes (material_id, user_id, value, created_at, updated_at)
            SELECT CAST(${materialId} AS INTEGER), CAST(${userId} AS INTEGER), CAST(${value} AS INTEGER), ${now}, ${now}
            WHERE EXISTS (SELECT 1 FROM materials m WHERE m.id = ${materialId} AND m.status = 'approved' AND m.author_id <> ${userId})
            ON CONFLICT (material_id, user_id) DO UPDATE SET
              value = CASE
                WHEN material_votes.updated_at > ${doubleTap} AND (material_votes.value = excluded.value OR material_votes.value = 0) THEN material_votes.value
                WHEN material_votes.value = excluded.value THEN 0
                ELSE excluded.value END,
              updated_at = CASE
                WHEN material_votes.updated_at > ${doubleTap} AND (material_votes.value = excluded.value OR material_votes.value = 0) THEN material_votes.updated_at
                ELSE excluded.updated_at END
            RETURNING value`;
          if (!rows[0]) return { refused: true as const };
          await recount(tx, materialId);
          return { refused: false as const, before, after: Number(rows[0].value) };
        },
        { maxWait: 15_000, timeout: 15_000 },
      );
      if (!result) throw new DomainError("material-not-found");
      if (result.refused) throw new DomainError("material-own-vote");
      const { before, after } = result;
      if (before === after) return after === 0 ? "still-withdrawn" : "still-voted";
      if (after === 0) return "withdrawn";
      return before === 0 ? "added" : "changed";
    },

    /** The person is erased: her votes on others' materials are withdrawn (recounted), her own go by cascade. */
    async releaseUser(userId: number): Promise<void> {
      const votes = await db.materialVote.findMany({ where: { userId }, select: { materialId: true } });
      for (const { materialId } of votes) {
        await db.$transaction(
          async (tx) => {
            await tx.material.updateMany({ where: { id: materialId }, data: { views: { increment: 0 } } });
            await tx.materialVote.deleteMany({ where: { materialId, userId } });
            await recount(tx, materialId);
          },
          { maxWait: 15_000, timeout: 15_000 },
        );
      }
    },
  };
}

// Votes: 👍 / 👎 per teacher and material (unique), counts and the Wilson score kept on the material.
import type { Db } from "../../db/client.js";
import type { Clock } from "../clock.js";
import { DomainError } from "../errors.js";
import { wilsonLowerBound } from "./rules.js";

export type VoteOutcome = "added" | "changed" | "withdrawn";

type Tx = Pick<Db, "material" | "materialVote">;

export function createVotes(db: Db, clock: Clock) {
  /** Recounts a material's votes and its score; the caller holds the material's row (see `vote`). */
  async function recount(tx: Tx, materialId: number): Promise<void> {
    const up = await tx.materialVote.count({ where: { materialId, value: 1 } });
    const down = await tx.materialVote.count({ where: { materialId, value: -1 } });
    await tx.material.update({ where: { id: materialId }, data: { upVotes: up, downVotes: down, score: wilsonLowerBound(up, down) } });
  }

  return {
    /**
     * 👍 (1) or 👎 (-1). Pressing the same again withdraws the vote, the other one changes it. Votes on one
     * material are applied one at a time: the transaction first writes the material's row (PostgreSQL
     * locks it until commit; SQLite has one writer), then changes the vote (unique per material and
     * teacher) and recounts from the votes, so a race can neither double count nor lose a vote.
     */
    async vote(materialId: number, userId: number, value: 1 | -1): Promise<VoteOutcome> {
      if (value !== 1 && value !== -1) throw new DomainError("material-not-found");
      return db.$transaction(
        async (tx) => {
          const locked = await tx.material.updateMany({ where: { id: materialId, status: "approved" }, data: { views: { increment: 0 } } });
          if (locked.count === 0) throw new DomainError("material-not-found");
          const m = await tx.material.findUniqueOrThrow({ where: { id: materialId }, select: { authorId: true } });
          if (m.authorId === userId) throw new DomainError("material-own-vote");
          const key = { materialId_userId: { materialId, userId } };
          const existing = await tx.materialVote.findUnique({ where: key });
          let outcome: VoteOutcome;
          if (!existing) {
            await tx.materialVote.create({ data: { materialId, userId, value, createdAt: clock.now() } });
            outcome = "added";
          } else if (existing.value === value) {
            await tx.materialVote.delete({ where: key });
            outcome = "withdrawn";
          } else {
            await tx.materialVote.update({ where: key, data: { value } });
            outcome = "changed";
          }
          await recount(tx, materialId);
          return outcome;
        },
        { maxWait: 15_000, timeout: 15_000 },
      );
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

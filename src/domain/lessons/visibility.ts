// Visibility: who sees which lesson (a published one everyone, the rest its author and reviewers), the
// calendar file, the lessons ahead.
import type { Prisma } from "../../generated/sqlite/client.js";
import { DomainError } from "../errors.js";
import { reachesDistrict, scopeOf } from "../scope.js";
import type { User } from "../users.js";
import { isMethodistRole } from "../users.js";
import type { LessonCore } from "./core.js";
import type { LessonView } from "./types.js";

export function createLessonVisibility(core: LessonCore) {
  const { load, paged, authorDistrict, wasPublished, deps } = core;
  const { clock } = deps;
  const visibility = {
    /**
     * Whether a methodist sees this author's lessons before they are published (under review, rejected,
     * cancelled): a methodist whose scope reaches the author's school. Published ones everyone sees.
     */
    async reviews(actor: Pick<User, "role" | "districtId">, authorId: number): Promise<boolean> {
      return isMethodistRole(actor.role) && reachesDistrict(scopeOf(actor), await authorDistrict(authorId));
    },

    /**
     * A lesson as this person may see it: a published one anyone, and so one cancelled after it was
     * published (colleagues keep its old buttons; they are told it is cancelled); one under review,
     * rejected, or cancelled unpublished its author and the methodists who review her lessons only. To
     * anyone else (a stale or forged button) it is not found.
     */
    async visibleTo(viewer: Pick<User, "id" | "role" | "districtId">, id: number): Promise<LessonView> {
      const l = await load(id);
      if (l.status === "approved" || l.authorId === viewer.id || (await visibility.reviews(viewer, l.authorId))) return l;
      if (l.status === "cancelled" && (await wasPublished(id))) return l;
      throw new DomainError("lesson-not-found");
    },

    /**
     * A lesson for the "Add to calendar" button: one the person may see, and published. One cancelled
     * after it was published may be in calendars: it is given (status cancelled), for a file that takes
     * it out; one withdrawn before publication never was, and is refused.
     */
    async forCalendar(viewer: Pick<User, "id" | "role" | "districtId">, id: number): Promise<LessonView> {
      const l = await visibility.visibleTo(viewer, id);
      if (l.status === "cancelled") {
        if (await wasPublished(id)) return l;
        throw new DomainError("lesson-calendar-cancelled");
      }
      if (l.status !== "approved") throw new DomainError("lesson-calendar-unpublished");
      return l;
    },

    /** Approved lessons still ahead, soonest first; optionally of one subject and grade. */
    async upcoming(filter: { subjectId?: number; grade?: string }, page: number, size: number): Promise<{ items: LessonView[]; total: number }> {
      const where: Prisma.OpenLessonWhereInput = {
        status: "approved",
        startsAt: { gt: clock.now() },
        ...(filter.subjectId ? { subjectId: filter.subjectId } : {}),
        ...(filter.grade ? { grade: filter.grade } : {}),
      };
      return paged(where, [{ startsAt: "asc" }, { id: "asc" }], page, size);
    },
  };
  return visibility;
}

export type VisibilityService = ReturnType<typeof createLessonVisibility>;

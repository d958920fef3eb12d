// Feedback: guests rate a lesson after it; the author's summary; the best-rated lessons.
import { DomainError } from "../errors.js";
import { bayesianAverage, FEEDBACK_DAYS, feedbackScore, MIN_RATINGS, type Scores } from "./rating.js";
import { validateComment, validateScore } from "./validate.js";
import { DAY, type LessonCore } from "./core.js";
import type { FeedbackInput, LessonView } from "./types.js";
import type { VisitsService } from "./visits.js";

export function createLessonFeedback(core: LessonCore, visits: Pick<VisitsService, "isGoing">) {
  const { db, include, endOf, stats, views, load, deps } = core;
  const { clock } = deps;
  const feedback = {
    /** Only a guest who signed up may rate, after the lesson ended and for FEEDBACK_DAYS days. */
    async checkCanRate(userId: number, lessonId: number): Promise<LessonView> {
      const l = await load(lessonId);
      if (l.status !== "approved" || !(await visits.isGoing(userId, lessonId))) throw new DomainError("lesson-rate-not-guest");
      const now = clock.now().getTime();
      const end = endOf(l).getTime();
      if (now < end) throw new DomainError("lesson-rate-too-early");
      if (now > end + FEEDBACK_DAYS * DAY) throw new DomainError("lesson-rate-closed", { days: FEEDBACK_DAYS });
      return l;
    },

    /** One feedback per guest; giving it again changes it. */
    async rate(userId: number, lessonId: number, input: FeedbackInput): Promise<void> {
      await feedback.checkCanRate(userId, lessonId);
      const data = {
        goalClarity: validateScore(input.goalClarity),
        methodUse: validateScore(input.methodUse),
        pupilActivity: validateScore(input.pupilActivity),
        comment: input.comment ? validateComment(input.comment) : null,
      };
      await db.lessonFeedback.upsert({
        where: { lessonId_userId: { lessonId, userId } },
        create: { lessonId, userId, ...data, createdAt: clock.now() },
        update: data,
      });
    },

    async feedbackOf(userId: number, lessonId: number) {
      return db.lessonFeedback.findUnique({ where: { lessonId_userId: { lessonId, userId } } });
    },

    /** Past lessons ranked by the Bayesian average of their ratings (see rating.ts). */
    async best(subjectId: number | null, limit = 10): Promise<(LessonView & { ranked: number })[]> {
      // one grouped query over the feedback of past lessons, however many lessons there are
      const s = await stats({ lesson: { status: "approved", startsAt: { lt: clock.now() }, ...(subjectId ? { subjectId } : {}) } }, MIN_RATINGS);
      const ranked = [...s.entries()]
        .map(([id, x]) => ({ id, ranked: bayesianAverage(x.sum, x.count) }))
        .sort((a, b) => b.ranked - a.ranked || a.id - b.id)
        .slice(0, limit);
      const full = await views(await db.openLesson.findMany({ where: { id: { in: ranked.map((r) => r.id) } }, include }));
      const byId = new Map(full.map((l) => [l.id, l]));
      return ranked.map((r) => ({ ...byId.get(r.id)!, ranked: r.ranked }));
    },

    /** The author's summary: averages per criterion and the comments. */
    async summary(lessonId: number) {
      const rows = await db.lessonFeedback.findMany({ where: { lessonId }, orderBy: { id: "asc" } });
      const avg = (k: keyof Scores) => (rows.length ? rows.reduce((s, r) => s + r[k], 0) / rows.length : 0);
      return {
        count: rows.length,
        goalClarity: avg("goalClarity"),
        methodUse: avg("methodUse"),
        pupilActivity: avg("pupilActivity"),
        overall: rows.length ? rows.reduce((s, r) => s + feedbackScore(r), 0) / rows.length : 0,
        comments: rows.map((r) => r.comment).filter((c): c is string => !!c),
      };
    },
  };
  return feedback;
}

export type FeedbackService = ReturnType<typeof createLessonFeedback>;

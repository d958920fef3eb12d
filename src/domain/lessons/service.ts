// Open lessons (открытые уроки): a teacher offers a lesson, a methodist approves or rejects it,
// colleagues sign up for its seats, everyone is reminded, guests rate it afterwards. In a regional
// deployment a district's methodist reviews the lessons of her district's teachers (the author's school
// decides); a regional methodist or an admin reviews any. The lessons themselves are open region-wide.
// One service made of modules on a shared core (core.ts): authoring, moderation, visibility, visits,
// feedback, and the lesson's tasks (reminders.ts); types in types.ts.
import type { Db } from "../../db/client.js";
import { createLessonAuthoring } from "./authoring.js";
import { createLessonCore, type LessonDeps } from "./core.js";
import { createLessonFeedback } from "./feedback.js";
import { createLessonModeration } from "./moderation.js";
import { handleLessonTasks } from "./reminders.js";
import { createLessonVisibility } from "./visibility.js";
import { createLessonVisits } from "./visits.js";

export type { LessonDeps } from "./core.js";

export function createLessonService(db: Db, deps: LessonDeps) {
  const core = createLessonCore(db, deps);
  const { clock } = deps;
  const authoring = createLessonAuthoring(core);
  const visits = createLessonVisits(core);
  const feedback = createLessonFeedback(core, visits);
  handleLessonTasks(core, feedback);

  deps.users.onErase(async (userId) => {
    // an author who erases her data cancels her lessons still ahead: the guests are told
    const ahead = await db.openLesson.findMany({
      where: { authorId: userId, status: { in: ["pending", "approved"] }, startsAt: { gt: clock.now() } },
      select: { id: true },
    });
    for (const l of ahead) await authoring.cancel(userId, l.id);
    const going = await db.lessonVisit.findMany({ where: { userId, status: "going" }, select: { lessonId: true } });
    for (const v of going) await visits.release(userId, v.lessonId);
  });

  return {
    load: core.load,
    endOf: core.endOf,
    guests: core.guests,
    ...authoring,
    ...createLessonModeration(core),
    ...createLessonVisibility(core),
    ...visits,
    ...feedback,
  };
}

export type LessonService = ReturnType<typeof createLessonService>;

import { lessonState } from "./format.js";
import { FEEDBACK_DAYS, formatRating } from "./rating.js";
import type { LessonCore } from "./core.js";
import type { FeedbackService } from "./feedback.js";
import { FEEDBACK_REQUEST_KIND, REMINDER_KIND, REVIEW_EXPIRED_KIND, SUMMARY_KIND } from "./types.js";

export function handleLessonTasks(core: LessonCore, feedback: Pick<FeedbackService, "summary">): void {
  const { load, guests, notices, cardButton } = core;
  const { tasks } = core.deps;
  tasks.handle(REMINDER_KIND, async ({ payload, late }) => {
    const l = await load(Number(payload.lessonId)).catch(() => null);
    if (l?.status !== "approved") return [];
    const which = payload.which === "day" ? "day" : "hour";
    // the sequence in the key: a lesson moved after a reminder went out is reminded of again
    return notices([l.authorId, ...(await guests(l.id))], `lesson-reminder-${which}`, l, `remind-${which}-${l.sequence}`, {
      buttons: cardButton(l),
      vars: { late: late ? "yes" : "no" },
    });
  });

  tasks.handle(REVIEW_EXPIRED_KIND, async ({ payload, now }) => {
    const l = await load(Number(payload.lessonId)).catch(() => null);
    // approved, rejected or cancelled meanwhile, or moved later (the task moved too): nothing to say
    if (!l || lessonState(l, now.getTime()) !== "expired") return [];
    return notices([l.authorId], "lesson-notice-expired", l, "review-expired", { buttons: [[{ key: "lesson-offer-button", action: { do: "lesson-offer" } }]] });
  });

  tasks.handle(FEEDBACK_REQUEST_KIND, async ({ payload }) => {
    const l = await load(Number(payload.lessonId)).catch(() => null);
    if (l?.status !== "approved") return [];
    return notices(await guests(l.id), "lesson-feedback-request", l, "rate", {
      vars: { days: FEEDBACK_DAYS },
      buttons: [[{ key: "lesson-rate-button", action: { do: "lesson-rate", id: l.id } }]],
    });
  });

  tasks.handle(SUMMARY_KIND, async ({ payload }) => {
    const l = await load(Number(payload.lessonId)).catch(() => null);
    if (l?.status !== "approved") return [];
    const s = await feedback.summary(l.id);
    // a lesson nobody signed up for needs no summary
    if (!s.count && !(await guests(l.id)).length) return [];
    const f = (x: number) => formatRating(x);
    return notices([l.authorId], s.count ? "lesson-summary" : "lesson-summary-empty", l, "summary", {
      // the ratings are in: the certificate of the lesson (domain/documents) is hers from now on
      buttons: [[{ key: "documents-certificate-button", action: { do: "certificate", kind: "lesson", id: l.id } }]],
      vars: {
        count: s.count,
        goal: f(s.goalClarity),
        method: f(s.methodUse),
        activity: f(s.pupilActivity),
        overall: f(s.overall),
        comments: s.comments.map((c) => `— ${c}`).join("\n") || "—",
      },
    });
  });
}

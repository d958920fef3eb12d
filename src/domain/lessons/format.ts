// The variables every lesson message uses (card, reminders, notices), in one reader's language.
import { formatDateTime } from "../time.js";
import { formatRating } from "./rating.js";
import type { LessonStatus, LessonView } from "./types.js";

type Translate = (key: string, vars?: Record<string, string | number>) => string;

export function lessonVars(l: LessonView, locale: string, t: Translate, zone: string): Record<string, string | number> {
  return {
    id: l.id,
    topic: l.topic,
    method: l.method,
    subject: locale === "en" ? l.subjectEn : l.subjectRu,
    grade: t("lesson-grade", { grade: l.grade }),
    author: l.authorName,
    when: formatDateTime(new Date(l.startsAt), locale, zone),
    duration: l.durationMin,
    online: l.onlineUrl ? "yes" : "no",
    url: l.onlineUrl ?? "",
    school: l.schoolName ?? "—",
    room: l.room ?? "",
    seats: l.seats,
    taken: l.seatsTaken,
    free: Math.max(0, l.seats - l.seatsTaken),
    rating: l.ratingCount ? formatRating(l.ratingAvg ?? 0) : "—",
    ratingCount: l.ratingCount,
  };
}

/** What a lesson's status means now: "expired" is one still under review when it was to begin (closed unreviewed). */
export type LessonState = LessonStatus | "expired";
export const lessonState = (l: Pick<LessonView, "status" | "startsAt">, now: number): LessonState =>
  l.status === "pending" && l.startsAt <= now ? "expired" : l.status;

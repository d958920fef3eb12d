// The plain data of open lessons, shared by the lesson modules, the bot and the site.
import type { Scores } from "./rating.js";

export type LessonStatus = "pending" | "approved" | "rejected" | "cancelled";

/** A lesson as the bot shows it: plain data (times as epoch ms, so it survives a conversation's replay log). */
export interface LessonView {
  id: number;
  authorId: number;
  authorName: string;
  subjectId: number;
  subjectRu: string;
  subjectEn: string;
  grade: string;
  topic: string;
  method: string;
  startsAt: number;
  durationMin: number;
  schoolName: string | null;
  room: string | null;
  onlineUrl: string | null;
  seats: number;
  seatsTaken: number;
  sequence: number;
  status: LessonStatus;
  rejectReason: string | null;
  ratingAvg: number | null;
  ratingCount: number;
}

export interface LessonDraft {
  subjectId: number;
  grade: string;
  topic: string;
  method: string;
  /** epoch ms */
  startsAt: number;
  durationMin: number;
  place: { kind: "school"; room: string } | { kind: "online"; url: string };
  seats: number;
}

export interface FeedbackInput extends Scores {
  comment?: string | null;
}

export const REMINDER_KIND = "lesson.reminder";
export const FEEDBACK_REQUEST_KIND = "lesson.feedback-request";
export const SUMMARY_KIND = "lesson.summary";
/** a lesson still under review when it was to begin: closed unreviewed, its author told */
export const REVIEW_EXPIRED_KIND = "lesson.review-expired";

/** Dedupe keys of everything about one lesson start with this (tasks and outbox messages). */
export const lessonKey = (id: number) => `lesson:${id}:`;

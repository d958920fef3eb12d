// How a lesson looks in the chat: the card, the list of upcoming lessons, the author's and the best lists.
import { InlineKeyboard } from "grammy";
import { lessonState, lessonVars } from "../../../domain/lessons/format.js";
import { formatRating } from "../../../domain/lessons/rating.js";
import type { LessonView } from "../../../domain/lessons/types.js";
import { GRADES } from "../../../domain/lessons/validate.js";
import { formatDateTime } from "../../../domain/time.js";
import type { Translate } from "../../../i18n.js";
import { pager } from "../../keyboards.js";
import {
  LESSON_MINE,
  LESSON_OFFER,
  lessonBest,
  lessonCalendar,
  lessonCancel,
  lessonCard,
  lessonFilterGrade,
  lessonFilterSubject,
  lessonJoin,
  lessonLeave,
  lessonEdit,
  lessonList,
  lessonMine,
  lessonModerate,
  lessonOfferPlace,
  lessonRate,
  lessonResubmit,
} from "./callbacks.js";

export const PAGE_SIZE = 6;

/** At the author's school or online: asked when a lesson is offered and when its place changes. */
export const placeKeyboard = (t: Translate) =>
  new InlineKeyboard()
    .text(t("lesson-place-school-button"), lessonOfferPlace.pack({ k: "school" }))
    .text(t("lesson-place-online-button"), lessonOfferPlace.pack({ k: "online" }));

export interface Viewer {
  userId: number;
  going: boolean;
  now: number;
  /** the lesson ended and the viewer may still rate it */
  canRate: boolean;
  /** a methodist: her own lessons are published without review */
  publishesOwn?: boolean;
  /** Telegram's share sheet with the lesson's link (src/bot/deep-links.ts) */
  share?: string;
}

export function lessonText(t: Translate, l: LessonView, locale: string, zone: string, viewer?: Viewer): string {
  const lines = [t("lesson-card", lessonVars(l, locale, t, zone))];
  // the author sees where her lesson stands; anyone sees that a lesson is cancelled
  if (viewer && (l.authorId === viewer.userId || l.status === "cancelled"))
    lines.push(t("lesson-status", { status: lessonState(l, viewer.now), reason: l.rejectReason ?? "" }));
  if (viewer?.going) lines.push(t("lesson-you-going"));
  return lines.join("\n\n");
}

export function cardKeyboard(t: Translate, l: LessonView, viewer: Viewer): InlineKeyboard {
  const kb = new InlineKeyboard();
  const future = l.startsAt > viewer.now;
  const mine = l.authorId === viewer.userId;
  if (l.status === "approved" && future && !mine) {
    if (viewer.going) kb.text(t("lesson-leave-button"), lessonLeave.pack({ id: l.id })).row();
    else if (l.seatsTaken < l.seats) kb.text(t("lesson-join-button"), lessonJoin.pack({ id: l.id })).row();
  }
  if (l.status === "approved" && future) {
    kb.text(t("calendar-button"), lessonCalendar.pack({ id: l.id })).row();
    if (viewer.share) kb.url(t("share-button"), viewer.share).row();
  }
  if (mine && future && l.status !== "cancelled") {
    const edit = (key: string, field: string) => kb.text(t(key), lessonEdit.pack({ id: l.id, field }));
    edit("lesson-move-button", "time");
    edit("lesson-duration-button", "duration");
    edit("lesson-place-button", "place").row();
    edit("lesson-topic-button", "topic");
    edit("lesson-method-button", "method");
    edit("lesson-seats-button", "seats").row();
    // a rejected lesson is fixed and sent again (or simply left); the others may be cancelled
    if (l.status === "rejected")
      kb.text(viewer.publishesOwn ? t("lesson-republish-button") : t("lesson-resubmit-button"), lessonResubmit.pack({ id: l.id })).row();
    else kb.text(t("lesson-cancel-button"), lessonCancel.pack({ id: l.id, step: "ask" })).row();
  }
  if (viewer.canRate) kb.text(t("lesson-rate-button"), lessonRate.pack({ id: l.id })).row();
  return kb.text(t("lesson-back-button"), lessonList.pack({ s: 0, g: "", p: 0 }));
}

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A lesson as one button: "25 декабря, 14:30 · Математика · 5 · Тема". */
export function lessonButton(t: Translate, l: LessonView, locale: string, zone: string): string {
  const when = formatDateTime(new Date(l.startsAt), locale, zone).replace(/ \d{4},/, ",");
  const grade = l.grade === "preschool" ? t("lesson-grade-preschool-short") : l.grade;
  return short(`${when} · ${locale === "en" ? l.subjectEn : l.subjectRu} · ${grade} · ${l.topic}`, 60);
}

export interface ListState {
  s: number;
  g: string;
  p: number;
}

export function listView(
  t: Translate,
  locale: string,
  zone: string,
  state: ListState,
  page: { items: LessonView[]; total: number },
  subjectName: string | null,
): { text: string; keyboard: InlineKeyboard } {
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  const text = t(page.total ? "lesson-list-title" : "lesson-list-empty", {
    subject: subjectName ?? t("lesson-filter-all-subjects"),
    grade: state.g ? t("lesson-grade", { grade: state.g }) : t("lesson-filter-all-grades"),
    total: page.total,
  });
  const kb = new InlineKeyboard();
  for (const l of page.items) kb.text(lessonButton(t, l, locale, zone), lessonCard.pack({ id: l.id })).row();
  pager(kb, state.p, pages, (p) => lessonList.pack({ ...state, p }));
  kb.row()
    .text(t("lesson-filter-subject-button"), lessonFilterSubject.pack({ g: state.g }))
    .text(t("lesson-filter-grade-button"), lessonFilterGrade.pack({ s: state.s }))
    .row()
    .text(t("lesson-best-button"), lessonBest.pack({ s: state.s }))
    .text(t("lesson-mine-button"), LESSON_MINE)
    .row()
    .text(t("lesson-offer-button"), LESSON_OFFER);
  return { text, keyboard: kb };
}

export type SubjectItem = { id: number; nameRu: string; nameEn: string };

/** Subject buttons, two per row; `data(id)` for each, 0 for "all" when `allLabel` is given. */
export function subjectKeyboard(subjects: SubjectItem[], locale: string, data: (id: number) => string, allLabel?: string): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (allLabel) kb.text(allLabel, data(0)).row();
  subjects.forEach((s, i) => {
    kb.text(locale === "en" ? s.nameEn : s.nameRu, data(s.id));
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

/** Grade buttons, four per row; `data(grade)` for each, "" for "all" when `allLabel` is given. */
export function gradeKeyboard(t: Translate, data: (grade: string) => string, allLabel?: string): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (allLabel) kb.text(allLabel, data("")).row();
  kb.text(t("lesson-grade-preschool"), data("preschool")).row();
  GRADES.filter((g) => g !== "preschool").forEach((g, i) => {
    kb.text(g, data(g));
    if (i % 4 === 3) kb.row();
  });
  return kb;
}

/** The author's lessons, newest first, PAGE_SIZE a page; each with its state now (see lessonState). */
export function mineView(
  t: Translate,
  locale: string,
  zone: string,
  p: number,
  page: { items: LessonView[]; total: number },
  now: number,
): { text: string; keyboard: InlineKeyboard } {
  const kb = new InlineKeyboard();
  if (!page.total) return { text: t("lesson-mine-empty"), keyboard: kb.text(t("lesson-offer-button"), LESSON_OFFER) };
  const lines = page.items.map((l) => {
    kb.text(lessonButton(t, l, locale, zone), lessonCard.pack({ id: l.id })).row();
    return t("lesson-mine-line", { ...lessonVars(l, locale, t, zone), status: lessonState(l, now) });
  });
  pager(kb, p, Math.max(1, Math.ceil(page.total / PAGE_SIZE)), (x) => lessonMine.pack({ p: x }));
  return { text: `${t("lesson-mine-title", { total: page.total })}\n\n${lines.join("\n\n")}`, keyboard: kb };
}

export function bestView(
  t: Translate,
  locale: string,
  zone: string,
  lessons: (LessonView & { ranked: number })[],
  subjectName: string | null,
  minRatings: number,
): { text: string; lessons: InlineKeyboard } {
  const kb = new InlineKeyboard();
  const subject = subjectName ?? t("lesson-filter-all-subjects");
  if (!lessons.length) return { text: t("lesson-best-empty", { subject, min: minRatings }), lessons: kb };
  const lines = lessons.map((l, i) => {
    kb.text(`${i + 1}. ${lessonButton(t, l, locale, zone)}`, lessonCard.pack({ id: l.id })).row();
    return t("lesson-best-line", { ...lessonVars(l, locale, t, zone), n: i + 1, rating: formatRating(l.ratingAvg ?? 0) });
  });
  return { text: `${t("lesson-best-title", { subject, min: minRatings })}\n\n${lines.join("\n")}`, lessons: kb };
}

/** The moderation queue shows one lesson at a time, with the verdict buttons. */
export function queueView(
  t: Translate,
  locale: string,
  zone: string,
  q: { first: LessonView | null; total: number },
): { text: string; keyboard?: InlineKeyboard } {
  if (!q.first) return { text: t("lesson-queue-empty") };
  const text = `${t("lesson-queue-title", { total: q.total })}\n\n${lessonText(t, q.first, locale, zone)}`;
  const kb = new InlineKeyboard()
    .text(t("lesson-approve-button"), lessonModerate.pack({ id: q.first.id, ok: true, v: q.first.sequence }))
    .text(t("lesson-reject-button"), lessonModerate.pack({ id: q.first.id, ok: false, v: q.first.sequence }));
  return { text, keyboard: kb };
}

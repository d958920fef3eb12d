// The author of an open lesson hears who signed up for it and who withdrew. Not a message per
// colleague: a lesson of twenty seats would buzz twenty times, often in the middle of her own lessons.
// The changes are collected and told in one message at most once a day, after school hours
// (NEWS_HOUR, in the deployment's zone): who signed up, who withdrew since the last message, how many
// are coming. In the last day before the lesson she is preparing for her guests, so the news comes
// within minutes of a change (still one message for a burst of them). One pending task per lesson
// (a change while one is pending joins it); nothing is said when the changes cancel out.
import { DateTime } from "luxon";
import type { Db } from "../../db/client.js";
import type { Translator } from "../../i18n.js";
import type { Clock } from "../clock.js";
import type { Notice } from "../outbox.js";
import type { Tasks } from "../tasks.js";
import { lessonVars } from "./format.js";
import type { LessonView } from "./types.js";

export const GUEST_NEWS_KIND = "lesson.guest-news";
/** the hour of the daily message: lessons are over, she still reads her phone */
export const NEWS_HOUR = 16;
const DAY = 86_400_000;
/** close to the lesson: a burst of changes within this window is one message */
const SOON_MS = 10 * 60_000;
/** names listed in one message (characters); the rest are counted, so it stays far under a chat message's limit */
const NAMES_BUDGET = 2500;

export interface GuestNewsDeps {
  tasks: Tasks;
  clock: Clock;
  t: Translator;
  zone: string;
  /** the lesson as the service shows it, null when it is gone */
  load: (id: number) => Promise<LessonView | null>;
  /** dedupe keys of a lesson's messages start with this */
  keyPrefix: (id: number) => string;
}

export function createLessonGuestNews(db: Db, deps: GuestNewsDeps) {
  const { tasks, clock, zone } = deps;
  const taskKey = (lessonId: number) => `${deps.keyPrefix(lessonId)}guest-news`;

  /** The next daily message after `now`; within the last day before the lesson, minutes after the change. */
  function dueAt(now: Date, startsAt: number): Date {
    const local = DateTime.fromJSDate(now, { zone });
    let at = local.set({ hour: NEWS_HOUR, minute: 0, second: 0, millisecond: 0 });
    if (at <= local) at = at.plus({ days: 1 });
    if (at.toMillis() > startsAt - DAY) return new Date(now.getTime() + SOON_MS);
    return at.toJSDate();
  }

  tasks.handle(GUEST_NEWS_KIND, async ({ payload, now }) => {
    const l = await deps.load(Number(payload.lessonId));
    if (l?.status !== "approved" || l.startsAt <= now.getTime()) return [];
    const since = new Date(Number(payload.since));
    const visits = await db.lessonVisit.findMany({
      where: { lessonId: l.id, updatedAt: { gte: since } },
      select: { status: true, createdAt: true, user: { select: { fullName: true, school: { select: { name: true } } } } },
      orderBy: { id: "asc" },
    });
    const joined = visits.filter((v) => v.status === "going");
    // signed up and withdrew again since the last message: she never heard of it, nothing to tell
    const left = visits.filter((v) => v.status === "withdrawn" && v.createdAt < since);
    if (!joined.length && !left.length) return [];
    const author = await db.user.findUnique({ where: { id: l.authorId }, select: { language: true } });
    const lang = author?.language ?? "ru";
    const t = (key: string, vars?: Record<string, string | number>) => deps.t(lang, key, vars);
    let budget = NAMES_BUDGET;
    const names = (group: typeof visits) => {
      const lines: string[] = [];
      for (const v of group) {
        const line = `• ${v.user.fullName ?? "—"}${v.user.school ? `, ${v.user.school.name}` : ""}`;
        if (budget - line.length < 0) {
          lines.push(t("lesson-guests-more", { count: group.length - lines.length }));
          break;
        }
        budget -= line.length;
        lines.push(line);
      }
      return lines.join("\n");
    };
    const changes = [
      joined.length ? `${t("lesson-guests-joined", { count: joined.length })}\n${names(joined)}` : "",
      left.length ? `${t("lesson-guests-left", { count: left.length })}\n${names(left)}` : "",
    ]
      .filter(Boolean)
      .join("\n\n");
    const notice: Notice = {
      userId: l.authorId,
      key: "lesson-notice-guests",
      vars: { ...lessonVars(l, lang, t, zone), changes },
      buttons: [[{ key: "lesson-open-card", action: { do: "lesson-card", id: l.id } }]],
      dedupeKey: `${deps.keyPrefix(l.id)}guest-news-${since.getTime()}:${l.authorId}`,
      groupId: `lesson:${l.id}`,
      // news about a lesson that has begun is no longer news
      expiresAt: new Date(l.startsAt),
    };
    return [notice];
  });

  return {
    /**
     * A colleague signed up for the lesson or withdrew (her visit row already written, stamped with the
     * clock): the author's message is due, unless one already is (this change joins it).
     */
    async changed(l: Pick<LessonView, "id" | "startsAt">): Promise<void> {
      const task = await db.scheduledTask.findUnique({ where: { dedupeKey: taskKey(l.id) }, select: { status: true } });
      if (task?.status === "pending") return;
      const now = clock.now();
      await tasks.schedule({
        kind: GUEST_NEWS_KIND,
        payload: { lessonId: l.id, since: now.getTime() },
        dueAt: dueAt(now, l.startsAt),
        dedupeKey: taskKey(l.id),
      });
    },
  };
}

// An open lesson as a calendar event: the chat's "📅 Add to calendar" file and the person's subscribed
// feed (src/domain/calendar-feed.ts) describe it the same way, with the same UID and SEQUENCE.
import type { CalendarEvent } from "../calendar.js";
import type { LessonView } from "./types.js";

/** `title`: the event's name in the reader's language (lesson-calendar-title). */
export function lessonEvent(l: LessonView, title: string, stamp: Date): CalendarEvent {
  const place = l.onlineUrl ?? [l.schoolName, l.room].filter(Boolean).join(", ");
  const start = new Date(l.startsAt);
  return {
    uid: `lesson-${l.id}`,
    sequence: l.sequence,
    title,
    description: `${l.authorName}\n${l.method}`,
    ...(place ? { location: place } : {}),
    ...(l.onlineUrl ? { url: l.onlineUrl } : {}),
    start,
    end: new Date(start.getTime() + l.durationMin * 60_000),
    stamp,
    cancelled: l.status === "cancelled",
  };
}

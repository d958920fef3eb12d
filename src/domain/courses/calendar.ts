// A course as a calendar event: the chat's "📅 Add to calendar" file and the person's subscribed feed
// (src/domain/calendar-feed.ts) describe it the same way, with the same UID and SEQUENCE.
import { DateTime } from "luxon";
import type { Course } from "../../generated/sqlite/client.js";
import type { CalendarEvent } from "../calendar.js";

/** SEQUENCE of the calendar entry: seconds of the last edit (the service stamps updatedAt from its clock on edits). */
export const calendarSequence = (c: Pick<Course, "updatedAt">) => Math.max(0, Math.floor((c.updatedAt.getTime() - Date.UTC(2024, 0, 1)) / 1000));

export function courseEvent(c: Course, zone: string, stamp: Date): CalendarEvent {
  return {
    uid: `course-${c.id}`,
    sequence: calendarSequence(c),
    title: c.title,
    description: `${c.provider}\n\n${c.description}`,
    ...(c.place ? (/^https?:\/\//.test(c.place) ? { url: c.place } : { location: c.place }) : {}),
    start: c.startDate,
    end: DateTime.fromJSDate(c.endDate, { zone }).endOf("day").startOf("minute").toJSDate(),
    stamp,
    lastModified: c.updatedAt,
    // a cancelled course's entry is taken out of the calendar
    cancelled: c.status === "cancelled",
  };
}

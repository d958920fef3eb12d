// Calendar files (.ics) for meetings, courses and open lessons, built with the `ics` library.
// Times are written in UTC (`...Z`), which every calendar shows in the phone's own zone. The UID is
// stable per event and SEQUENCE grows with every edit, so adding an edited event again updates the
// entry already in the calendar instead of duplicating it; a cancelled event's file removes it.
import { createEvent, createEvents, type EventAttributes } from "ics";

export interface CalendarEvent {
  /** stable per event, e.g. `meeting-42`; the deployment's domain is appended */
  uid: string;
  /** grows with every change of time or place (meeting.sequence) */
  sequence: number;
  title: string;
  description?: string;
  location?: string;
  url?: string;
  start: Date;
  end: Date;
  /** DTSTAMP: when the file was made (the clock's now, so tests are stable) */
  stamp: Date;
  /** the event was cancelled: opening the file removes it from the calendar (METHOD:CANCEL) */
  cancelled?: boolean;
  /** LAST-MODIFIED: when the event last changed (a subscribed calendar's hint to take the new version) */
  lastModified?: Date;
}

export const CALENDAR_PRODUCT_ID = "metodset/bot";
export const CALENDAR_UID_DOMAIN = "metodset.bot";

function attributes(event: CalendarEvent, method: string): EventAttributes & { timestamp: number } {
  // `timestamp` (DTSTAMP) is in the library's schema but missing from its typings
  return {
    productId: CALENDAR_PRODUCT_ID,
    method,
    ...(event.cancelled ? { status: "CANCELLED" as const } : {}),
    uid: `${event.uid}@${CALENDAR_UID_DOMAIN}`,
    sequence: event.sequence,
    title: event.title,
    start: event.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: event.end.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    timestamp: event.stamp.getTime(),
    ...(event.description ? { description: event.description } : {}),
    ...(event.location ? { location: event.location } : {}),
    ...(event.url ? { url: event.url } : {}),
    ...(event.lastModified ? { lastModified: event.lastModified.getTime() } : {}),
  };
}

export function buildIcs(event: CalendarEvent): string {
  const { error, value } = createEvent(attributes(event, event.cancelled ? "CANCEL" : "PUBLISH"));
  if (error || !value) throw error ?? new Error("ics: no calendar produced");
  return value;
}

/** A file name Telegram shows: latin letters, digits and dashes only. */
export function icsFileName(uid: string): string {
  return `${uid.replace(/[^a-z0-9-]+/gi, "-")}.ics`;
}

/**
 * A subscribed calendar (a feed a phone fetches again and again): every event with its stable UID, its
 * SEQUENCE and LAST-MODIFIED, so a moved event moves; a cancelled one stays as STATUS:CANCELLED (the
 * phone strikes it out or drops it), one she left is simply absent (the phone drops it).
 */
export function buildFeed(events: CalendarEvent[], name: string): string {
  if (!events.length) {
    // the library refuses an empty list: an empty calendar is still a calendar
    return [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "CALSCALE:GREGORIAN",
      `PRODID:${CALENDAR_PRODUCT_ID}`,
      "METHOD:PUBLISH",
      `X-WR-CALNAME:${name.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ")}`,
      "END:VCALENDAR",
      "",
    ].join("\r\n");
  }
  const { error, value } = createEvents(
    events.map((e) => attributes(e, "PUBLISH")),
    { productId: CALENDAR_PRODUCT_ID, method: "PUBLISH", calName: name },
  );
  if (error || !value) throw error ?? new Error("ics: no calendar produced");
  return value;
}

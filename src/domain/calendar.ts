// Calendar files (.ics) for meetings, courses and open lessons, built with the `ics` library.
// Times are written in UTC (`...Z`), which every calendar shows in the phone's own zone. The UID is
// stable per event and SEQUENCE grows with every edit, so adding an edited event again updates the
// entry already in the calendar instead of duplicating it; a cancelled event's file removes it.
import { createEvent, type EventAttributes } from "ics";

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
}

export const CALENDAR_PRODUCT_ID = "metodset/bot";
export const CALENDAR_UID_DOMAIN = "metodset.bot";

export function buildIcs(event: CalendarEvent): string {
  // `timestamp` (DTSTAMP) is in the library's schema but missing from its typings
  const attrs: EventAttributes & { timestamp: number } = {
    productId: CALENDAR_PRODUCT_ID,
    method: event.cancelled ? "CANCEL" : "PUBLISH",
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
  };
  const { error, value } = createEvent(attrs);
  if (error || !value) throw error ?? new Error("ics: no calendar produced");
  return value;
}

/** A file name Telegram shows: latin letters, digits and dashes only. */
export function icsFileName(uid: string): string {
  return `${uid.replace(/[^a-z0-9-]+/gi, "-")}.ics`;
}

// What a methodist types when creating or editing a meeting, checked and normalised.
import { parseWebUrl } from "../url.js";
import { DomainError } from "../errors.js";
import { cleanText } from "../text.js";

export const MEETING_KINDS = ["association", "seminar", "master_class", "method_day", "conference", "council"] as const;
/** "districts" is offered only to staff of the whole region when the directory has districts */
export const MEETING_AUDIENCES = ["everyone", "subjects", "schools", "districts", "methodists"] as const;

export const TITLE_MAX = 200;
export const AGENDA_MAX = 2000;
export const PLACE_MAX = 300;

export function validateTitle(text: string): string {
  const title = cleanText(text);
  if (title.length < 3 || title.length > TITLE_MAX) throw new DomainError("meeting-title-length", { max: TITLE_MAX });
  return title;
}

/** The agenda may be skipped with "-". Line breaks are kept. */
export function validateAgenda(text: string): string {
  const agenda = text.trim();
  if (agenda === "-" || agenda === "—") return "";
  if (agenda.length > AGENDA_MAX) throw new DomainError("meeting-agenda-too-long", { max: AGENDA_MAX });
  return agenda;
}

/** "90", "90 мин", "1:30", "1.5 ч", "2h" → minutes (5 minutes to 12 hours). */
export function parseDuration(text: string): number {
  const s = text.trim().toLowerCase().replace(",", ".");
  let minutes: number | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,4})\s*(м|мин|min|m)?\.?$/u.exec(s))) minutes = Number(m[1]);
  else if ((m = /^(\d{1,2}):(\d{2})$/.exec(s))) minutes = Number(m[1]) * 60 + Number(m[2]);
  else if ((m = /^(\d{1,2}(?:\.\d+)?)\s*(ч|час|часа|часов|h|hours?)\.?$/u.exec(s))) minutes = Math.round(Number(m[1]) * 60);
  if (minutes === undefined) throw new DomainError("meeting-duration-format");
  if (minutes < 5 || minutes > 12 * 60) throw new DomainError("meeting-duration-range");
  return minutes;
}

export interface Venue {
  place: string | null;
  onlineUrl: string | null;
}

const LOOKS_LIKE_LINK = /^(https?:|https?\/\/|www\.|[a-z0-9-]+\.[a-z]{2,}\/)/i;

/** A place ("Гимназия № 2, каб. 14") or an online link (https://...); a broken link is refused. */
export function parseVenue(text: string): Venue {
  const s = cleanText(text);
  if (LOOKS_LIKE_LINK.test(s) || s.includes("://")) {
    const url = parseWebUrl(s);
    if (!url) throw new DomainError("meeting-bad-link");
    return { place: null, onlineUrl: url };
  }
  if (s.length < 3 || s.length > PLACE_MAX) throw new DomainError("meeting-place-length", { max: PLACE_MAX });
  return { place: s, onlineUrl: null };
}

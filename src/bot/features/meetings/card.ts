// How a meeting reads in the chat: one card for teachers and methodists, and the buttons under it.
import { InlineKeyboard } from "grammy";
import type { Meeting, RsvpAnswer } from "../../../domain/meetings/types.js";
import { formatDateTime } from "../../../domain/time.js";
import { cardLink, shareUrl } from "../../deep-links.js";
import type { Translate } from "../../../i18n.js";
import { meetingCalendarData, meetingRsvpData } from "./callbacks.js";

export interface CardOptions {
  locale: string;
  zone: string;
  /** the reader's answer; undefined: do not show a line about it (the methodist's view) */
  answer?: RsvpAnswer | null;
}

/**
 * `districtName`: a district's meeting says whose it is (a meeting for everyone says nothing);
 * `districtNames`: a regional meeting for chosen districts names them.
 */
export function meetingCard(t: Translate, m: Meeting & { districtName?: string | null; districtNames?: string[] }, o: CardOptions): string {
  const lines = [
    t("meeting-card-head", { kind: t(`meeting-kind-${m.kind}`), title: m.title }),
    t("meeting-card-time", { when: formatDateTime(m.startsAt, o.locale, o.zone), minutes: m.durationMin }),
    m.onlineUrl ? t("meeting-card-link", { url: m.onlineUrl }) : t("meeting-card-place", { place: m.place ?? "—" }),
  ];
  if (m.districtName) lines.push(t("meeting-card-district", { district: m.districtName }));
  else if (m.audience === "districts" && m.districtNames?.length) {
    lines.push(t("meeting-card-districts", { districts: m.districtNames.join(", "), count: m.districtNames.length }));
  }
  if (m.agenda) lines.push(t("meeting-card-agenda", { agenda: m.agenda }));
  if (m.rsvpDeadline) lines.push(t("meeting-card-deadline", { deadline: formatDateTime(m.rsvpDeadline, o.locale, o.zone) }));
  if (m.status === "cancelled") lines.push(t("meeting-card-cancelled"));
  else if (o.answer !== undefined)
    lines.push(t(o.answer === "going" ? "meeting-answer-going" : o.answer === "not_going" ? "meeting-answer-not-going" : "meeting-answer-none"));
  return lines.join("\n");
}

/** Going / Not going (the current answer ticked), "Add to calendar" and, given its share sheet's URL, "Share". */
export function rsvpKeyboard(t: Translate, id: number, answer: RsvpAnswer | null, share?: string): InlineKeyboard {
  const tick = (on: boolean, label: string) => (on ? `✔️ ${label}` : label);
  const kb = new InlineKeyboard()
    .text(tick(answer === "going", t("meeting-going")), meetingRsvpData.pack({ id, going: true }))
    .text(tick(answer === "not_going", t("meeting-not-going")), meetingRsvpData.pack({ id, going: false }))
    .row()
    .text(t("calendar-button"), meetingCalendarData.pack({ id }));
  return share ? kb.row().url(t("share-button"), share) : kb;
}

/** The share sheet's URL for a meeting: its link (t.me/<bot>?start=meeting-<id>) under its title. */
export const meetingShare = (plain: Translate, botUsername: string, m: Pick<Meeting, "id" | "title">): string =>
  shareUrl(cardLink(botUsername, "meeting", m.id), plain("share-meeting-text", { title: m.title }));

import { InlineKeyboard } from "grammy";
import { DateTime } from "luxon";
import type { ActivityRecord } from "../../../domain/record.js";
import type { Profile } from "../../../domain/users.js";
import type { Translate } from "../../../i18n.js";
import { listData } from "../documents/callbacks.js";
import { profileData } from "./callbacks.js";

/** "15.05.2028", as the day is written on orders */
export const shortDate = (d: Date, zone: string): string => DateTime.fromJSDate(d, { zone }).toFormat("dd.MM.yyyy");

/** "первая категория, до 15.05.2028", "без категории" or "не указана" */
export function attestationText(t: Translate, p: Pick<Profile, "attestationCategory" | "attestationUntil">, zone: string): string {
  if (!p.attestationCategory) return t("attestation-card-unknown");
  const category = t(`attestation-category-${p.attestationCategory}`);
  if (!p.attestationUntil) return category;
  return t("attestation-card", { category, until: shortDate(p.attestationUntil, zone) });
}

export function profileText(t: Translate, p: Profile, record: ActivityRecord, locale: string, zone: string): string {
  const subjects = p.subjects.map((s) => (locale === "en" ? s.nameEn : s.nameRu)).join(", ");
  const card = t("profile-card", {
    name: p.fullName ?? "—",
    // "school, district": one variable, escaped once
    school: !p.school ? "—" : p.school.district ? `${p.school.name}, ${p.school.district.name}` : p.school.name,
    subjects: subjects || "—",
    language: t(`lang-${p.language}`),
    role: t(`role-${p.role}`),
    attestation: attestationText(t, p, zone),
    courses: t(p.notifyNewCourses ? "state-on" : "state-off"),
    announcements: t(p.muteAnnouncements ? "state-off" : "state-on"),
  });
  return `${card}\n\n${recordText(t, record)}`;
}

/** Her activity this academic year (courses, meetings, open lessons, materials). */
export function recordText(t: Translate, r: ActivityRecord): string {
  return t("profile-record", {
    year: r.year,
    courses: r.coursesCompleted,
    hours: r.courseHours,
    meetings: r.meetingsAttended,
    given: r.lessonsGiven,
    visited: r.lessonsVisited,
    materials: r.materialsPublished,
  });
}

export function profileKeyboard(t: Translate): InlineKeyboard {
  const b = (key: string, action: string) => [t(key), profileData.pack({ action })] as const;
  return new InlineKeyboard()
    .text(...b("profile-edit-name", "name"))
    .text(...b("profile-edit-school", "school"))
    .row()
    .text(...b("profile-edit-subjects", "subjects"))
    .text(...b("profile-edit-language", "language"))
    .row()
    .text(...b("profile-edit-attestation", "attestation"))
    .text(t("profile-documents"), listData.pack({ p: 0, edit: false }))
    .row()
    .text(...b("profile-toggle-courses", "courses"))
    .text(...b("profile-toggle-announcements", "announce"))
    .row()
    .text(...b("profile-delete", "delete"));
}

// Who a broadcast is for, in words: shared by the chat (the preview, the report, /broadcasts) and the
// site's broadcasts pages. `t` escapes for the chat; the site's translator does not (JSX escapes).
import type { AudienceNames } from "../domain/broadcasts/index.js";

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** At most a few names, then "and N more" (a message must stay within Telegram's 4096 characters). */
function names(list: string[], max = 5): { list: string; more: number } {
  return { list: list.slice(0, max).join(", "), more: Math.max(0, list.length - max) };
}

/** "subjects: Mathematics and schools: School No. 5" or "everyone registered", then the author's district if any. */
export function audienceSummary(t: Translate, locale: string, n: AudienceNames): string {
  const parts: string[] = [];
  if (n.subjects.length) parts.push(t("broadcast-audience-subjects", names(n.subjects.map((s) => (locale === "en" ? s.nameEn : s.nameRu)))));
  if (n.schools.length) parts.push(t("broadcast-audience-schools", names(n.schools)));
  if (n.roles.length) parts.push(t("broadcast-audience-roles", { list: n.roles.map((r) => t(`broadcast-role-${r}`)).join(", ") }));
  if (n.course !== null) parts.push(t("broadcast-audience-course", { title: n.course, waiting: n.courseWaiting ? "yes" : "no" }));
  if (n.meeting !== null) parts.push(t("broadcast-audience-meeting", { title: n.meeting }));
  if (n.noCourseYear !== null) parts.push(t("broadcast-audience-no-course", { year: n.noCourseYear }));
  if (n.districts.length) parts.push(t("broadcast-audience-districts", names(n.districts)));
  const who = parts.length ? parts.join(t("broadcast-audience-and")) : t("broadcast-audience-everyone");
  // the author's reach: a district methodist's broadcast stays within her district
  return n.district === null ? who : `${who}\n${t("broadcast-audience-district", { name: n.district })}`;
}

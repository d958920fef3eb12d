// What documents say, in the reader's language, as plain text: every phrase comes from
// locales/<lang>/documents.ftl (and the existing labels of material types, grades and meeting kinds),
// without HTML escaping. The PDFs, the bot's check and the web page's check all say it in these words.
import { formatDate } from "../time.js";
import { snippet } from "../text.js";
import type { Certificate, Verification } from "./types.js";

/** A translation in one language, plain text (no HTML escaping: a PDF is not a chat message). */
export type PlainTranslate = (key: string, vars?: Record<string, string | number>) => string;

export interface Labels {
  t: PlainTranslate;
  locale: "ru" | "en";
  zone: string;
}

/** "12 ноября 2026 г." / "12 November 2026" */
export const longDate = (l: Labels, d: Date): string => l.t("doc-date", { date: formatDate(d, l.locale, l.zone) });

/**
 * Day formatters by time zone: making one costs a millisecond or more, using one a microsecond, and a
 * portfolio prints a thousand dates. A memo of immutable formatters (a deployment has one zone).
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "12.11.2026" */
export function shortDate(l: Pick<Labels, "zone">, d: Date): string {
  let f = dayFormats.get(l.zone);
  if (!f) dayFormats.set(l.zone, (f = new Intl.DateTimeFormat("ru-RU", { timeZone: l.zone, day: "2-digit", month: "2-digit", year: "numeric" })));
  return f.format(d);
}

/** Inside a Russian sentence a label reads in lower case ("рабочий лист"); abbreviations keep theirs. */
export const inSentence = (l: Labels, label: string): string =>
  l.locale === "ru" && !/^\p{Lu}{2}/u.test(label) ? label.charAt(0).toLocaleLowerCase("ru") + label.slice(1) : label;

/** A rating with one decimal in the reader's notation: "4,6" / "4.6". */
export const rating = (l: Labels, x: number): string =>
  x.toLocaleString(l.locale === "ru" ? "ru-RU" : "en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const subject = (l: Labels, s: { ru: string; en: string }): string => (l.locale === "en" ? s.en : s.ru);

/** material types are keyed with dashes in locales (material-type-lesson-plan) */
export const materialType = (l: Labels, type: string): string => l.t(`material-type-${type.replace(/_/g, "-")}`);

/** "5 класс", "5, 6 классы", "дошкольная группа" (empty: no grade given) */
export function grades(l: Labels, list: string[]): string {
  if (!list.length) return "";
  if (list.includes("preschool") && list.length === 1) return l.t("lesson-grade", { grade: "preschool" });
  const numbers = list.filter((g) => g !== "preschool");
  const text = l.t("doc-grades", { grades: numbers.join(", "), count: numbers.length });
  return list.includes("preschool") ? `${l.t("lesson-grade", { grade: "preschool" })}, ${text}` : text;
}

/** "1,5" hours from minutes, halves kept */
export const hours = (l: Labels, minutes: number): string =>
  (Math.round((minutes / 60) * 2) / 2).toLocaleString(l.locale === "ru" ? "ru-RU" : "en-GB", { maximumFractionDigits: 1 });

/** The certificate's sentences in the reader's language (what the page prints, and what a test reads). */
export function certificateText(c: Certificate, l: Labels) {
  const date = longDate(l, c.eventAt);
  const d = c.details;
  let statement: string;
  let note: string | null = null;
  if (d.kind === "material") {
    const about = [inSentence(l, materialType(l, d.type)), [inSentence(l, subject(l, d.subject)), grades(l, d.grades)].filter(Boolean).join(", ")].join("; ");
    statement = l.t("doc-certificate-statement-material", { title: c.title, about, date });
  } else if (d.kind === "lesson") {
    const about = [inSentence(l, subject(l, d.subject)), l.t("lesson-grade", { grade: d.grade })].join(", ");
    statement = l.t("doc-certificate-statement-lesson", { title: c.title, about, method: d.method, date });
    note = d.rating === null ? l.t("doc-certificate-no-rating") : l.t("doc-certificate-rating", { rating: rating(l, d.rating), count: d.ratings });
  } else {
    statement = l.t("doc-certificate-statement-meeting", {
      event: l.t(`doc-meeting-event-${d.meetingKind}`),
      title: c.title,
      date,
      hours: hours(l, d.durationMin),
    });
  }
  return {
    issuer: l.locale === "en" ? c.issuerEn : c.issuer,
    title: l.t(`doc-certificate-title-${c.kind}`),
    subtitle: l.t(`doc-certificate-subtitle-${c.kind}`),
    number: l.t("doc-certificate-number", { number: c.number }),
    statement,
    note,
    approved: c.approvedByName ? l.t(`doc-certificate-approved-${c.kind}`, { name: c.approvedByName }) : null,
    issued: l.t("doc-certificate-issued", { date: longDate(l, c.issuedAt) }),
  };
}

/** "Свидетельство о публикации методического материала": the title and subtitle as a phrase. */
export function kindPhrase(c: Pick<Certificate, "kind">, l: Labels): string {
  const title = l.t(`doc-certificate-title-${c.kind}`).toLocaleLowerCase(l.locale);
  return `${title.charAt(0).toLocaleUpperCase(l.locale)}${title.slice(1)} ${l.t(`doc-certificate-subtitle-${c.kind}`)}`;
}

/** How a check went, for styling the answer: confirmed, confirmed with a caveat or withdrawn, refused. */
export type VerificationTone = "genuine" | "caveat" | "refused";

export const verificationTone = (v: Verification): VerificationTone =>
  v.status === "genuine" ? (v.caveat ? "caveat" : "genuine") : v.status === "withdrawn" ? "caveat" : "refused";

/**
 * The answer to a check, as the bot sends it and the check page shows it: `message` renders a
 * locale message with its variables escaped (the messages' own markup is <b> only, valid in Telegram's
 * HTML and in a page alike); `l` gives the plain wording of the certificate.
 */
export function verificationMessage(v: Verification, input: string, message: PlainTranslate, l: Labels): string {
  switch (v.status) {
    case "malformed":
      return message("verify-malformed", { input: snippet(input, 40) });
    case "unknown":
      return message("verify-unknown", { number: v.number });
    case "withdrawn":
      return message("verify-withdrawn", { number: v.number, day: shortDate(l, v.issuedAt) });
    case "genuine": {
      const c = v.certificate;
      const text = certificateText(c, l);
      return [
        message("verify-genuine", {
          number: c.number,
          kind: kindPhrase(c, l),
          day: shortDate(l, c.issuedAt),
          issuer: text.issuer,
          holder: c.holderName,
          school: c.schoolName ? ` (${c.schoolName})` : "",
          statement: text.statement,
        }),
        ...[text.note, text.approved].filter((x): x is string => !!x).map((x) => message("verify-line", { text: x })),
        ...(v.caveat ? [message(`verify-caveat-${v.caveat}`)] : []),
      ].join("\n");
    }
  }
}

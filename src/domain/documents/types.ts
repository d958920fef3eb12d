// What documents say, as plain data: the renderers (src/pdf/, src/web/verify/) and the bot draw these,
// labelled in the reader's language; nothing here knows of PDF, HTML or Telegram.
import type { AttestationCategory, CertificateKind, MaterialType, MeetingKind } from "../../generated/sqlite/client.js";
import type { User } from "../users.js";

export type { CertificateKind };
export const CERTIFICATE_KINDS = ["material", "lesson", "meeting"] as const satisfies readonly CertificateKind[];
export const isCertificateKind = (x: unknown): x is CertificateKind => CERTIFICATE_KINDS.includes(x as CertificateKind);

/** A subject in both languages (a document is drawn in either). */
export interface SubjectName {
  ru: string;
  en: string;
}

/** What each kind of certificate says besides the title (stored as JSON with the certificate). */
export type CertificateDetails =
  | { kind: "material"; type: MaterialType; subject: SubjectName; grades: string[] }
  | { kind: "lesson"; subject: SubjectName; grade: string; method: string; durationMin: number; rating: number | null; ratings: number }
  | { kind: "meeting"; meetingKind: MeetingKind; durationMin: number };

/** A certificate as issued: what the PDF prints and the check shows. */
export interface Certificate {
  /** formatted: 7K3M-9QX2-HF4C */
  number: string;
  kind: CertificateKind;
  holderName: string;
  /** "МБОУ «СОШ № 1», Северный район" (null: she had no school) */
  schoolName: string | null;
  /** the material's title, the lesson's topic, the meeting's title */
  title: string;
  details: CertificateDetails;
  /** when she did it: published, the lesson's start, the meeting's start */
  eventAt: Date;
  /** the methodist who approved the material or lesson, or marked the attendance */
  approvedByName: string | null;
  issuer: string;
  issuerEn: string;
  issuedAt: Date;
}

/** Why a genuine certificate no longer stands as it did: said beside it by the check. */
export type Caveat = "material-removed" | "lesson-removed" | "attendance-withdrawn";

export type Verification =
  /** not a certificate number at all: wrong length or symbols, or a check symbol that does not match */
  | { status: "malformed" }
  /** a well-formed number the registry does not know: not issued here */
  | { status: "unknown"; number: string }
  /** issued, then withdrawn when its holder erased her data (nothing about her is left) */
  | { status: "withdrawn"; number: string; issuedAt: Date }
  | { status: "genuine"; certificate: Certificate; caveat: Caveat | null };

/** Something she did that a certificate can be (or has been) issued for: an entry of «Мои документы». */
export interface CertificateEntry {
  kind: CertificateKind;
  /** the material, lesson or meeting */
  id: number;
  title: string;
  eventAt: Date;
  /** its number once issued */
  number: string | null;
  /** a lesson's certificate waits until colleagues' ratings are in: from then on (null: available now) */
  availableFrom: Date | null;
}

/** A span of time a portfolio covers: [from, to). `label` "2026/2027" for an academic year. */
export interface Span {
  from: Date;
  to: Date;
  label: string | null;
}

export interface PortfolioPerson {
  name: string;
  school: string | null;
  district: string | null;
  subjects: SubjectName[];
  category: AttestationCategory | null;
  categoryUntil: Date | null;
}

export interface PortfolioData {
  person: PortfolioPerson;
  span: Span;
  generatedAt: Date;
  issuer: string;
  issuerEn: string;
  courses: { title: string; provider: string; startDate: Date; endDate: Date; hours: number }[];
  courseHours: number;
  lessonsGiven: { topic: string; subject: SubjectName; grade: string; startsAt: Date; guests: number; rating: number | null; ratings: number }[];
  lessonsVisited: { topic: string; subject: SubjectName; grade: string; startsAt: Date; author: string; school: string | null }[];
  materials: { title: string; type: MaterialType; subject: SubjectName; publishedAt: Date; up: number; down: number; views: number }[];
  meetings: { title: string; kind: MeetingKind; startsAt: Date; durationMin: number }[];
  certificates: Certificate[];
}

/** Who asks: her id, role and the district she works for. */
export type Actor = Pick<User, "id" | "role" | "districtId">;

/** Someone a methodist found by name: what tells namesakes apart. */
export interface FoundPerson {
  id: number;
  name: string;
  school: string | null;
  district: string | null;
}

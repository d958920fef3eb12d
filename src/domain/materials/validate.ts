// What a material may be: its types, grades, the files and links accepted, and the ranking formula.
// Pure functions; the service and the conversation both use them.
import { parseWebUrl } from "../url.js";
import { DomainError } from "../errors.js";
import { cleanText } from "../text.js";

export const MATERIAL_TYPES = ["lesson_plan", "work_programme", "thematic_plan", "lesson_notes", "worksheet", "presentation", "video_lesson", "other"] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];
export const isMaterialType = (x: unknown): x is MaterialType => MATERIAL_TYPES.includes(x as MaterialType);

/** Grades in the order they are shown and stored: preschool first, then 1..11. */
export const GRADES = ["preschool", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"] as const;

export const TITLE_MIN = 3;
export const TITLE_MAX = 150;
export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 1000;
export const URL_MAX = 500;

export type FileKind = "document" | "photo" | "video";

/** A file kept by Telegram: the bot stores its id and sends it again by id, it never downloads it. */
export interface MaterialFile {
  kind: FileKind;
  fileId: string;
  fileUniqueId: string;
  fileName?: string | null;
  mimeType?: string | null;
  fileSize?: number | null;
}

/** Where the material lives: a file or a link. */
export type MaterialSource = { file: MaterialFile } | { url: string };

export interface MaterialDraft {
  source: MaterialSource;
  title: string;
  type: MaterialType;
  subjectId: number;
  grades: string[];
  description: string;
}

/** Document formats a lesson material comes in: texts, presentations, tables, images, video, archives. */
const DOCUMENT_EXTENSIONS = new Set([
  "pdf",
  "doc",
  "docx",
  "rtf",
  "odt",
  "txt",
  "djvu",
  "ppt",
  "pptx",
  "pps",
  "ppsx",
  "odp",
  "key",
  "xls",
  "xlsx",
  "ods",
  "csv",
  "jpg",
  "jpeg",
  "png",
  "gif",
  "webp",
  "heic",
  "bmp",
  "svg",
  "mp4",
  "mov",
  "avi",
  "mkv",
  "webm",
  "m4v",
  "zip",
  "rar",
  "7z",
  "epub",
  "fb2",
  "notebook",
  "flipchart",
]);
const DOCUMENT_MIME =
  /^(application\/(pdf|msword|rtf|zip|x-zip-compressed|vnd\.rar|x-rar-compressed|x-7z-compressed|epub\+zip|vnd\.ms-[\w.-]+|vnd\.openxmlformats-officedocument\.[\w.-]+|vnd\.oasis\.opendocument\.[\w.-]+)|text\/(plain|csv|rtf)|image\/[\w.+-]+|video\/[\w.+-]+)$/;

/** A document sent to the bot: accepted formats by file extension, or by MIME type when it has none. */
export function checkDocument(doc: { fileName?: string | null; mimeType?: string | null }): void {
  const name = (doc.fileName ?? "").toLowerCase();
  const ext = /\.([a-z0-9]{1,10})$/.exec(name)?.[1];
  const ok = ext ? DOCUMENT_EXTENSIONS.has(ext) : DOCUMENT_MIME.test(doc.mimeType ?? "");
  if (!ok) throw new DomainError("material-format-unsupported", { name: doc.fileName ?? "—" });
}

export function validateTitle(text: string): string {
  const title = cleanText(text);
  if (!title) throw new DomainError("material-title-empty");
  if (title.length < TITLE_MIN) throw new DomainError("material-title-short", { min: TITLE_MIN });
  if (title.length > TITLE_MAX) throw new DomainError("material-title-long", { max: TITLE_MAX });
  return title;
}

export function validateDescription(text: string): string {
  // paragraphs are kept, runs of spaces within a line collapsed
  const description = text
    .split("\n")
    .map((l) => cleanText(l))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (!description) throw new DomainError("material-description-empty");
  if (description.length < DESCRIPTION_MIN) throw new DomainError("material-description-short", { min: DESCRIPTION_MIN });
  if (description.length > DESCRIPTION_MAX) throw new DomainError("material-description-long", { max: DESCRIPTION_MAX });
  return description;
}

/** Why a methodist sends a material back: the author reads it, so it must say something. */
export function validateReason(text: string): string {
  const reason = cleanText(text);
  if (reason.length < 3) throw new DomainError("material-reason-short", { min: 3 });
  if (reason.length > 500) throw new DomainError("material-reason-long", { max: 500 });
  return reason;
}

/** A link to a material on the web: http(s) with a real host name. */
export function validateUrl(text: string): string {
  const raw = text.trim();
  if (raw.length > URL_MAX) throw new DomainError("material-url-long", { max: URL_MAX });
  const url = parseWebUrl(raw, URL_MAX);
  if (!url) throw new DomainError("material-url-bad");
  return url;
}

/** Looks like a link (what the first step takes as one rather than as a stray text). */
export const looksLikeUrl = (text: string) => /^(https?:\/\/|www\.)\S+$/i.test(text.trim()) || /^[\w-]+(\.[\w-]+)+\/\S*$/.test(text.trim());

/** Chosen grades as stored: known ones only, in order, comma-separated. */
export function normalizeGrades(grades: string[]): string {
  const set = new Set(grades);
  const list = GRADES.filter((g) => set.has(g));
  if (!list.length) throw new DomainError("material-grades-empty");
  return list.join(",");
}

export const splitGrades = (stored: string): string[] => stored.split(",").filter(Boolean);

/**
 * Lower bound of the Wilson score interval for the share of 👍 among the votes (z = 1.96, 95%).
 * Few votes give a low bound, many consistent votes a high one: 1👍 does not outrank 40👍 2👎.
 */
export function wilsonLowerBound(up: number, down: number, z = 1.96): number {
  const n = up + down;
  if (n === 0) return 0;
  const p = up / n;
  const z2 = z * z;
  const bound = (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
  return Math.max(0, bound);
}

// Materials prepared for tests: straight through the service (fast), or shared through the bot.
import type { MaterialDraft, MaterialType } from "../../src/domain/materials/index.js";
import { insertTeacher } from "../helpers/flows.js";
import type { TestApp } from "../helpers/test-app.js";

let fileCounter = 0;

export interface MaterialSpec {
  title: string;
  description?: string;
  type?: MaterialType;
  subject?: string;
  grades?: string[];
  url?: string;
  /** left pending when false */
  approved?: boolean;
}

/** A methodist inserted into the database (for approving inserted materials). */
export async function insertMethodist(app: TestApp, telegramId: number): Promise<number> {
  const id = await insertTeacher(app, telegramId, { name: "Методист Проверяющая" });
  await app.db.prisma.user.update({ where: { id }, data: { role: "methodist" } });
  return id;
}

/** Submits (and by default approves) a material of `authorId`; returns its id. A methodist's own is published at once. */
export async function insertMaterial(app: TestApp, authorId: number, spec: MaterialSpec, moderatorId?: number): Promise<number> {
  const subject = await app.db.prisma.subject.findUniqueOrThrow({ where: { code: spec.subject ?? "math" } });
  const author = await app.db.prisma.user.findUniqueOrThrow({ where: { id: authorId } });
  const n = ++fileCounter;
  const draft: MaterialDraft = {
    source: spec.url
      ? { url: spec.url }
      : { file: { kind: "document", fileId: `file-${n}`, fileUniqueId: `uniq-${n}`, fileName: `m${n}.pdf`, mimeType: "application/pdf", fileSize: 1000 } },
    title: spec.title,
    type: spec.type ?? "worksheet",
    subjectId: subject.id,
    grades: spec.grades ?? ["5"],
    description: spec.description ?? "Материал для урока, проверен на практике.",
  };
  const m = await app.services.materials.submit(author, draft);
  if (spec.approved !== false && m.status === "pending") {
    // nobody moderates her own work: the moderator is someone else
    const moderator =
      moderatorId ??
      (await app.db.prisma.user.findFirst({ where: { role: "methodist", id: { not: authorId } } }))?.id ??
      (await insertMethodist(app, 99_000 + n));
    const mod = await app.db.prisma.user.findUniqueOrThrow({ where: { id: moderator } });
    await app.services.materials.approve(mod, m.id);
  }
  return m.id;
}

/** A PDF document message (the fake Bot API takes the file id as given). */
export const pdf = (name = "Дроби.pdf", extra: Record<string, unknown> = {}) => ({
  document: { file_id: `tg-${name}`, file_unique_id: `u-${name}`, file_name: name, mime_type: "application/pdf", file_size: 120_000, ...extra },
});

// What the bank, moderation and broadcasts tests of the site prepare: materials with a file the fake Bot
// API serves (getFile and the file endpoint), open lessons waiting for review, a broadcast of a district.
import fs from "node:fs";
import path from "node:path";
import { emptyAudience } from "../../src/domain/broadcasts/index.js";
import type { MaterialType } from "../../src/domain/materials/index.js";
import type { DistrictPeople } from "../helpers/districts.js";
import type { TestApp } from "../helpers/test-app.js";

let counter = 0;

/** a real one-page PDF (drawn with pdfkit), so that a browser shows it */
export const PDF_BYTES = fs.readFileSync(path.join(import.meta.dirname, "bank-sample.pdf"));
export const PNG_BYTES = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

export interface SharedMaterial {
  title: string;
  type?: MaterialType;
  subject?: string;
  grades?: string[];
  description?: string;
  /** a link instead of a file */
  url?: string;
  file?: { name: string; mime: string; bytes: Buffer; kind?: "document" | "photo" };
}

/** A material shared by `authorId` (pending unless she is staff), its file kept by the fake Telegram. */
export async function shareMaterial(app: TestApp, authorId: number, spec: SharedMaterial): Promise<number> {
  const n = ++counter;
  const subject = await app.db.prisma.subject.findUniqueOrThrow({ where: { code: spec.subject ?? "math" } });
  const author = await app.db.prisma.user.findUniqueOrThrow({ where: { id: authorId } });
  const file = spec.file ?? { name: `План ${n}.pdf`, mime: "application/pdf", bytes: PDF_BYTES };
  const fileId = `web-file-${n}`;
  if (!spec.url) app.tg.files.set(`documents/${fileId}`, file.bytes);
  const m = await app.services.materials.submit(author, {
    source: spec.url
      ? { url: spec.url }
      : { file: { kind: file.kind ?? "document", fileId, fileUniqueId: `u-${fileId}`, fileName: file.name, mimeType: file.mime, fileSize: file.bytes.length } },
    title: spec.title,
    type: spec.type ?? "worksheet",
    subjectId: subject.id,
    grades: spec.grades ?? ["5"],
    description: spec.description ?? "Материал для урока, проверен на практике.",
  });
  return m.id;
}

/** An open lesson offered by `authorId` (pending unless she is staff). */
export async function offerLesson(app: TestApp, authorId: number, topic: string): Promise<{ id: number; sequence: number }> {
  const math = await app.db.prisma.subject.findUniqueOrThrow({ where: { code: "math" } });
  const l = await app.services.lessons.create(authorId, {
    subjectId: math.id,
    grade: "5",
    topic,
    method: "Работа в группах",
    startsAt: new Date("2026-12-10T11:30:00Z").getTime(),
    durationMin: 45,
    place: { kind: "school", room: "каб. 21" },
    seats: 5,
  });
  return { id: l.id, sequence: l.sequence };
}

/** A broadcast confirmed by `authorId` (a survey when `options` are given): queued, not delivered. */
export async function sendBroadcast(app: TestApp, authorId: number, text: string, options?: string[]): Promise<number> {
  const actor = await app.db.prisma.user.findUniqueOrThrow({ where: { id: authorId } });
  const { id } = await app.services.broadcasts.saveDraft(actor, {
    text,
    entities: [],
    attachment: null,
    audience: { ...emptyAudience(), roles: ["teacher"] },
    urgent: true,
    question: options ? { options, multiple: false } : null,
  });
  await app.services.broadcasts.confirm(id, actor);
  return id;
}

/** The access test's items: NORTH's teacher's material and lessons waiting, a published one, NORTH's methodist's broadcast. */
export interface WebBankFixture {
  pendingMaterial: number;
  approveMaterial: number;
  rejectMaterial: number;
  publishedMaterial: number;
  pendingLesson: number;
  approveLesson: { id: number; sequence: number };
  rejectLesson: { id: number; sequence: number };
  broadcast: number;
}

export const WB = {
  pending: "Северный план ожидает",
  published: "Опубликованный лист по дробям",
  lesson: "Северный урок ожидает",
  broadcast: "Семинар РМО северного района",
};

export async function webBankFixture(app: TestApp, p: DistrictPeople): Promise<WebBankFixture> {
  const publishedMaterial = await shareMaterial(app, p.northT.userId, { title: WB.published });
  const northM = await app.db.prisma.user.findUniqueOrThrow({ where: { id: p.northM.userId } });
  await app.services.materials.approve(northM, publishedMaterial);
  return {
    pendingMaterial: await shareMaterial(app, p.northT.userId, { title: WB.pending }),
    approveMaterial: await shareMaterial(app, p.northT.userId, { title: "Северный материал на одобрение" }),
    rejectMaterial: await shareMaterial(app, p.northT.userId, { title: "Северный материал на отклонение" }),
    publishedMaterial,
    pendingLesson: (await offerLesson(app, p.northT.userId, WB.lesson)).id,
    approveLesson: await offerLesson(app, p.northT.userId, "Северный урок на одобрение"),
    rejectLesson: await offerLesson(app, p.northT.userId, "Северный урок на отклонение"),
    broadcast: await sendBroadcast(app, p.northM.userId, WB.broadcast),
  };
}

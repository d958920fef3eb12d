// What a teacher did that a certificate is issued for, read from the network's records:
// - a material of hers published in the bank (approved by a methodist);
// - an open lesson she gave (approved, held), once its rating window has closed, so the rating printed
//   is final (FEEDBACK_DAYS after it ended);
// - a meeting or seminar whose attendance a methodist marked.
// Each comes as the snapshot a new certificate stores.
import type { Db } from "../../db/client.js";
import type { Prisma } from "../../generated/sqlite/client.js";
import { FEEDBACK_DAYS } from "../lessons/rating.js";
import { splitGrades } from "../materials/validate.js";
import type { CertificateDetails, CertificateKind, Span } from "./types.js";

const DAY = 24 * 3_600_000;

/** What a certificate about one thing she did records. */
export interface Snapshot {
  kind: CertificateKind;
  /** the material, lesson or meeting */
  id: number;
  sourceKey: string;
  title: string;
  details: CertificateDetails;
  eventAt: Date;
  approvedById: number | null;
  approvedByName: string | null;
  /** not issued before this (a lesson's rating window); null: now */
  availableFrom: Date | null;
}

export const sourceKey = (kind: CertificateKind, id: number, holderId: number): string => (kind === "meeting" ? `meeting:${id}:${holderId}` : `${kind}:${id}`);

/** The holder as a certificate names her. */
export interface Holder {
  id: number;
  name: string;
  /** her school, with its district where the directory has districts */
  school: string | null;
}

export async function holderOf(db: Db, userId: number): Promise<Holder | null> {
  const u = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, fullName: true, registeredAt: true, school: { select: { name: true, district: { select: { name: true } } } } },
  });
  if (!u?.registeredAt) return null;
  const school = u.school ? (u.school.district ? `${u.school.name}, ${u.school.district.name}` : u.school.name) : null;
  return { id: u.id, name: u.fullName ?? "—", school };
}

/** Each lesson's mean rating (the mean of the feedback scores, see lessons/rating.ts) and how many. */
export async function lessonRatings(db: Db, lessonIds: number[]): Promise<Map<number, { rating: number; ratings: number }>> {
  const out = new Map<number, { rating: number; ratings: number }>();
  if (!lessonIds.length) return out;
  const rows = await db.lessonFeedback.groupBy({
    by: ["lessonId"],
    where: { lessonId: { in: lessonIds } },
    _sum: { goalClarity: true, methodUse: true, pupilActivity: true },
    _count: { _all: true },
  });
  for (const r of rows) {
    const sum = ((r._sum.goalClarity ?? 0) + (r._sum.methodUse ?? 0) + (r._sum.pupilActivity ?? 0)) / 3;
    out.set(r.lessonId, { rating: sum / r._count._all, ratings: r._count._all });
  }
  return out;
}

const within = (span: Span | undefined) => (span ? { gte: span.from, lt: span.to } : undefined);
const subjectName = (s: { nameRu: string; nameEn: string }) => ({ ru: s.nameRu, en: s.nameEn });

/**
 * What `holderId` did that certificates are for, in `span` (all time without one), newest first;
 * `only` narrows it to one thing (the button under a notice). Lessons not held yet are left out; lessons
 * held but still being rated come with `availableFrom`.
 */
export async function sourcesOf(db: Db, now: Date, holderId: number, span?: Span, only?: { kind: CertificateKind; id: number }): Promise<Snapshot[]> {
  const want = (kind: CertificateKind) => !only || only.kind === kind;
  const byId = (kind: CertificateKind) => (only?.kind === kind ? { id: only.id } : {});
  const materialWhere: Prisma.MaterialWhereInput = { ...byId("material"), authorId: holderId, status: "approved", moderatedAt: within(span) };
  const lessonWhere: Prisma.OpenLessonWhereInput = {
    ...byId("lesson"),
    authorId: holderId,
    status: "approved",
    startsAt: { lte: now, ...(span ? { gte: span.from, lt: span.to } : {}) },
  };
  const meetingWhere: Prisma.MeetingRsvpWhereInput = {
    ...(only?.kind === "meeting" ? { meetingId: only.id } : {}),
    userId: holderId,
    attended: true,
    meeting: { status: "scheduled", startsAt: { lte: now, ...(span ? { gte: span.from, lt: span.to } : {}) } },
  };
  const [materials, lessons, meetings] = await Promise.all([
    want("material")
      ? db.material.findMany({
          where: materialWhere,
          select: {
            id: true,
            title: true,
            type: true,
            grades: true,
            moderatedAt: true,
            createdAt: true,
            moderatedById: true,
            subject: { select: { nameRu: true, nameEn: true } },
            moderatedBy: { select: { fullName: true } },
          },
        })
      : [],
    want("lesson")
      ? db.openLesson.findMany({
          where: lessonWhere,
          select: {
            id: true,
            topic: true,
            grade: true,
            method: true,
            startsAt: true,
            durationMin: true,
            moderatedById: true,
            subject: { select: { nameRu: true, nameEn: true } },
            moderatedBy: { select: { fullName: true } },
          },
        })
      : [],
    want("meeting")
      ? db.meetingRsvp.findMany({
          where: meetingWhere,
          select: {
            markedById: true,
            markedBy: { select: { fullName: true } },
            meeting: { select: { id: true, title: true, kind: true, startsAt: true, durationMin: true } },
          },
        })
      : [],
  ]);
  const ratings = await lessonRatings(
    db,
    lessons.map((l) => l.id),
  );
  const out: Snapshot[] = [
    ...materials.map(
      (m): Snapshot => ({
        kind: "material",
        id: m.id,
        sourceKey: sourceKey("material", m.id, holderId),
        title: m.title,
        details: { kind: "material", type: m.type, subject: subjectName(m.subject), grades: splitGrades(m.grades) },
        eventAt: m.moderatedAt ?? m.createdAt,
        approvedById: m.moderatedById,
        approvedByName: m.moderatedBy?.fullName ?? null,
        availableFrom: null,
      }),
    ),
    ...lessons.map((l): Snapshot => {
      const rated = ratings.get(l.id);
      const ready = new Date(l.startsAt.getTime() + l.durationMin * 60_000 + FEEDBACK_DAYS * DAY);
      return {
        kind: "lesson",
        id: l.id,
        sourceKey: sourceKey("lesson", l.id, holderId),
        title: l.topic,
        details: {
          kind: "lesson",
          subject: subjectName(l.subject),
          grade: l.grade,
          method: l.method,
          durationMin: l.durationMin,
          rating: rated?.rating ?? null,
          ratings: rated?.ratings ?? 0,
        },
        eventAt: l.startsAt,
        approvedById: l.moderatedById,
        approvedByName: l.moderatedBy?.fullName ?? null,
        availableFrom: ready > now ? ready : null,
      };
    }),
    ...meetings.map(
      (r): Snapshot => ({
        kind: "meeting",
        id: r.meeting.id,
        sourceKey: sourceKey("meeting", r.meeting.id, holderId),
        title: r.meeting.title,
        details: { kind: "meeting", meetingKind: r.meeting.kind, durationMin: r.meeting.durationMin },
        eventAt: r.meeting.startsAt,
        approvedById: r.markedById,
        approvedByName: r.markedBy?.fullName ?? null,
        availableFrom: null,
      }),
    ),
  ];
  return out.sort((a, b) => b.eventAt.getTime() - a.eventAt.getTime() || a.sourceKey.localeCompare(b.sourceKey));
}

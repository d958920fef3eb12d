// A teacher's portfolio for her attestation file (портфолио педагога): what the network knows she did in
// a span, in the order a commission reads it. Each list is in time order; the same rules as her
// profile's record (a course counts in the year it starts, a lesson once it has begun, a material when
// it was published, a meeting when a methodist marked her present).
import type { Db } from "../../db/client.js";
import { lessonRatings } from "./sources.js";
import type { PortfolioData, Span } from "./types.js";

const subjectName = (s: { nameRu: string; nameEn: string }) => ({ ru: s.nameRu, en: s.nameEn });

export type PortfolioRecord = Omit<PortfolioData, "certificates" | "issuer" | "issuerEn" | "generatedAt">;

/** Everything but the certificates; null when the person is not (or no longer) registered. */
export async function gatherPortfolio(db: Db, now: Date, userId: number, span: Span): Promise<PortfolioRecord | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      fullName: true,
      registeredAt: true,
      attestationCategory: true,
      attestationUntil: true,
      school: { select: { name: true, district: { select: { name: true } } } },
      subjects: { select: { subject: { select: { nameRu: true, nameEn: true, sortOrder: true } } } },
    },
  });
  if (!user?.registeredAt) return null;
  const during = { gte: span.from, lt: span.to };
  const held = { gte: span.from, lt: span.to.getTime() < now.getTime() ? span.to : now };
  const [registrations, given, visits, materials, rsvps] = await Promise.all([
    db.courseRegistration.findMany({
      where: { userId, status: "completed", course: { startDate: during } },
      select: { course: { select: { title: true, provider: true, startDate: true, endDate: true, hours: true } } },
      orderBy: [{ course: { startDate: "asc" } }, { id: "asc" }],
    }),
    db.openLesson.findMany({
      where: { authorId: userId, status: "approved", startsAt: held },
      select: {
        id: true,
        topic: true,
        grade: true,
        startsAt: true,
        subject: { select: { nameRu: true, nameEn: true } },
        _count: { select: { visits: { where: { status: "going" } } } },
      },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    }),
    db.lessonVisit.findMany({
      where: { userId, status: "going", lesson: { status: "approved", startsAt: held } },
      select: {
        lesson: {
          select: {
            topic: true,
            grade: true,
            startsAt: true,
            subject: { select: { nameRu: true, nameEn: true } },
            author: { select: { fullName: true } },
            school: { select: { name: true } },
          },
        },
      },
      orderBy: [{ lesson: { startsAt: "asc" } }, { id: "asc" }],
    }),
    db.material.findMany({
      where: { authorId: userId, status: "approved", moderatedAt: during },
      select: {
        title: true,
        type: true,
        moderatedAt: true,
        createdAt: true,
        upVotes: true,
        downVotes: true,
        views: true,
        subject: { select: { nameRu: true, nameEn: true } },
      },
      orderBy: [{ moderatedAt: "asc" }, { id: "asc" }],
    }),
    db.meetingRsvp.findMany({
      where: { userId, attended: true, meeting: { status: "scheduled", startsAt: held } },
      select: { meeting: { select: { title: true, kind: true, startsAt: true, durationMin: true } } },
      orderBy: [{ meeting: { startsAt: "asc" } }, { meetingId: "asc" }],
    }),
  ]);
  const ratings = await lessonRatings(
    db,
    given.map((l) => l.id),
  );
  const courses = registrations.map((r) => r.course);
  return {
    person: {
      name: user.fullName ?? "—",
      school: user.school?.name ?? null,
      district: user.school?.district?.name ?? null,
      subjects: user.subjects
        .map((s) => s.subject)
        .sort((a, b) => a.sortOrder - b.sortOrder || a.nameRu.localeCompare(b.nameRu, "ru"))
        .map(subjectName),
      category: user.attestationCategory,
      categoryUntil: user.attestationUntil,
    },
    span,
    courses,
    courseHours: courses.reduce((sum, c) => sum + c.hours, 0),
    lessonsGiven: given.map((l) => ({
      topic: l.topic,
      subject: subjectName(l.subject),
      grade: l.grade,
      startsAt: l.startsAt,
      guests: l._count.visits,
      rating: ratings.get(l.id)?.rating ?? null,
      ratings: ratings.get(l.id)?.ratings ?? 0,
    })),
    lessonsVisited: visits.map(({ lesson: l }) => ({
      topic: l.topic,
      subject: subjectName(l.subject),
      grade: l.grade,
      startsAt: l.startsAt,
      author: l.author.fullName ?? "—",
      school: l.school?.name ?? null,
    })),
    materials: materials.map((m) => ({
      title: m.title,
      type: m.type,
      subject: subjectName(m.subject),
      publishedAt: m.moderatedAt ?? m.createdAt,
      up: m.upVotes,
      down: m.downVotes,
      views: m.views,
    })),
    meetings: rsvps.map((r) => r.meeting),
  };
}

// A seeded district for broadcast tests, and a check that every HTML message the bot sent is valid.
import { expect } from "vitest";
import type { Person } from "../helpers/flows.js";
import { insertTeacher, registerMethodist } from "../helpers/flows.js";
import type { Provider } from "../helpers/databases.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

export interface District {
  methodist: Person;
  schoolA: number;
  schoolB: number;
  math: number;
  physics: number;
  /** math, school A */
  t1: number;
  /** math + physics, school B */
  t2: number;
  /** physics, school A */
  t3: number;
  /** russian, school B, muted announcements */
  t4: number;
  /** math, school A, blocked the bot */
  t5: number;
  courseId: number;
  meetingId: number;
}

/** the moment the broadcast tests happen: 1 December 2026, 12:00 in Moscow */
export const T0 = "2026-12-01T09:00:00Z";

/** A whole bot at T0, sending as fast as tests need, on a seeded district. */
export async function districtApp(provider: Provider): Promise<{ app: TestApp; d: District }> {
  const app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
  app.clock.set(T0);
  return { app, d: await seedDistrict(app) };
}

export const SCHOOL_A = "МБОУ «СОШ № 1»";
export const SCHOOL_B = "МБОУ «СОШ № 2»";

/**
 * The methodist (math, school A) and five teachers, a course (t1 registered, t2 waiting, t3 completed,
 * t4 offered) and a meeting (t1 going, t2 not going, t3 not going but attended), plus one person who
 * never finished registering.
 */
export async function seedDistrict(app: TestApp): Promise<District> {
  const db = app.db.prisma;
  const methodist = await registerMethodist(app, 8000);
  const schoolA = (await db.school.findFirstOrThrow({ where: { name: SCHOOL_A } })).id;
  const schoolB = (await db.school.findFirstOrThrow({ where: { name: SCHOOL_B } })).id;
  const math = (await db.subject.findFirstOrThrow({ where: { code: "math" } })).id;
  const physics = (await db.subject.findFirstOrThrow({ where: { code: "physics" } })).id;
  const t1 = await insertTeacher(app, 8001, { schoolId: schoolA, subjectCodes: ["math"] });
  const t2 = await insertTeacher(app, 8002, { schoolId: schoolB, subjectCodes: ["math", "physics"] });
  const t3 = await insertTeacher(app, 8003, { schoolId: schoolA, subjectCodes: ["physics"] });
  const t4 = await insertTeacher(app, 8004, { schoolId: schoolB, subjectCodes: ["russian"] });
  const t5 = await insertTeacher(app, 8005, { schoolId: schoolA, subjectCodes: ["math"] });
  await db.user.update({ where: { id: t4 }, data: { muteAnnouncements: true } });
  await db.user.update({ where: { id: t5 }, data: { isActive: false, blockedAt: app.clock.now() } });
  await db.user.create({ data: { telegramId: 8006n, language: "ru", createdAt: app.clock.now() } });

  const now = app.clock.now();
  const day = 86_400_000;
  const course = await db.course.create({
    data: {
      title: "Функциональная грамотность",
      description: "72 часа",
      provider: "ИРО",
      format: "online",
      startDate: new Date(now.getTime() + 10 * day),
      endDate: new Date(now.getTime() + 20 * day),
      hours: 72,
      seats: 10,
      registrationDeadline: new Date(now.getTime() + 5 * day),
    },
  });
  const reg = (userId: number, status: "registered" | "waiting" | "completed" | "offered") =>
    db.courseRegistration.create({ data: { courseId: course.id, userId, status, queuedAt: now } });
  await reg(t1, "registered");
  await reg(t2, "waiting");
  await reg(t3, "completed");
  await reg(t4, "offered");
  const meeting = await db.meeting.create({
    data: { kind: "seminar", title: "Семинар РМО математиков", startsAt: new Date(now.getTime() + 3 * day), durationMin: 90, audience: "everyone" },
  });
  await db.meetingRsvp.create({ data: { meetingId: meeting.id, userId: t1, answer: "going" } });
  await db.meetingRsvp.create({ data: { meetingId: meeting.id, userId: t2, answer: "not_going" } });
  await db.meetingRsvp.create({ data: { meetingId: meeting.id, userId: t3, answer: "not_going", attended: true } });
  return { methodist, schoolA, schoolB, math, physics, t1, t2, t3, t4, t5, courseId: course.id, meetingId: meeting.id };
}

const TAGS = /<\/?(?:b|strong|i|em|u|ins|s|strike|del|code|pre|tg-spoiler|blockquote|a(?:\s+href="[^"<>]*")?)>/g;

/** Telegram's HTML: only its tags, every < > & outside them escaped, and escaped once (no "&amp;lt;"). */
export function expectValidHtml(text: string): void {
  const bare = text.replace(TAGS, "");
  expect(bare, text).not.toMatch(/[<>]/);
  expect(bare.replace(/&(?:amp|lt|gt|quot|#\d+);/g, ""), text).not.toContain("&");
  expect(bare, text).not.toMatch(/&amp;(?:amp|lt|gt|quot|#\d+);/);
}

/** Every message and edit the bot sent with parse_mode HTML. */
export function expectAllHtmlValid(app: TestApp): number {
  const calls = app.tg.calls.filter((c) => c.payload.parse_mode === "HTML");
  for (const c of calls) expectValidHtml(String(c.payload.text ?? c.payload.caption ?? ""));
  return calls.length;
}

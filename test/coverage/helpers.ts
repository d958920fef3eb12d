// Courses for coverage tests: created straight in the database (the courses section has its own tests).
import type { TestApp } from "../helpers/test-app.js";

/** A 5-day online course starting at `startDate` (an instant, with its offset); its id. */
export async function createCourse(app: TestApp, title: string, startDate: string): Promise<number> {
  const start = new Date(startDate);
  const c = await app.db.prisma.course.create({
    data: {
      title,
      description: "…",
      provider: "ИРО",
      format: "online",
      startDate: start,
      endDate: new Date(start.getTime() + 5 * 86_400_000),
      hours: 36,
      seats: 30,
      registrationDeadline: start,
    },
  });
  return c.id;
}

export const enrol = (app: TestApp, courseId: number, userId: number, status: "registered" | "completed" | "waiting" | "cancelled") =>
  app.db.prisma.courseRegistration.create({ data: { courseId, userId, status, queuedAt: app.clock.now() } });

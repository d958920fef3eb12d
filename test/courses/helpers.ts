// Courses made straight through the service (the creation flow has its own tests).
import type { CourseDraft } from "../../src/domain/courses/index.js";
import type { TestApp } from "../helpers/test-app.js";

export async function makeCourse(app: TestApp, methodistUserId: number, over: Partial<CourseDraft> & { subjectCodes?: string[] } = {}) {
  const { subjectCodes = ["math"], ...rest } = over;
  const subjects = await app.db.prisma.subject.findMany({ where: { code: { in: subjectCodes } } });
  const actor = (await app.services.users.byId(methodistUserId))!;
  return app.services.courses.create(actor, {
    title: "Функциональная грамотность",
    description: "Курс для учителей математики: задания PISA на уроках.",
    provider: "ТОГИРРО",
    format: "in_person",
    place: "Тюмень, ул. Малыгина, 73",
    startDate: new Date("2026-12-10T06:00:00Z"),
    endDate: new Date("2026-12-11T21:00:00Z"),
    hours: 72,
    seats: 2,
    registrationDeadline: new Date("2026-12-05T20:59:00Z"),
    subjectIds: subjects.map((s) => s.id),
    ...rest,
  });
}

export async function staff(app: TestApp, userId: number) {
  return (await app.services.users.byId(userId))!;
}

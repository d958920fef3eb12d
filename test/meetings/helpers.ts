// Meetings set up straight through the service (the creation conversation has its own tests).
import type { MeetingDraft } from "../../src/domain/meetings/types.js";
import type { TestApp } from "../helpers/test-app.js";

export async function publishMeeting(app: TestApp, methodistUserId: number, draft: Partial<MeetingDraft> = {}) {
  const actor = (await app.services.users.byId(methodistUserId))!;
  const { meeting } = await app.services.meetings.publish(actor, {
    kind: "association",
    title: "Заседание РМО учителей математики",
    agenda: "Подготовка к ОГЭ",
    startsAt: new Date("2026-11-26T12:00:00Z"),
    durationMin: 90,
    place: "МБОУ «Гимназия № 3», каб. 14",
    onlineUrl: null,
    audience: "subjects",
    subjectIds: [(await app.db.prisma.subject.findUniqueOrThrow({ where: { code: "math" } })).id],
    schoolIds: [],
    rsvpDeadline: null,
    ...draft,
  });
  return meeting;
}

export async function actor(app: TestApp, userId: number) {
  return (await app.services.users.byId(userId))!;
}

// Who a broadcast reaches, as an SQL condition on `users u`: what `count` counts and what Confirm queues
// with one INSERT … SELECT per range of user ids (src/domain/outbox.ts, `enqueueToUsers`), so the number
// a methodist is shown and the messages queued come from the same text. The same SQL on SQLite and
// PostgreSQL; enum values are literals from the fixed lists below (PostgreSQL compares them to its enums),
// every id and date a parameter.
import { Prisma } from "../../generated/sqlite/client.js";
import { notCoveredSql } from "../coverage/index.js";
import type { Audience } from "./index.js";

/** course registrations that count as "participants" */
const PARTICIPANT_STATUSES = ["registered", "completed", "offered"] as const;

const literals = (values: readonly string[]) =>
  Prisma.join(
    values.map((v) => Prisma.raw(`'${v}'`)),
    ", ",
  );

/**
 * Active, registered people the audience selects (filters intersect); muted ones only for urgent
 * broadcasts. The author's district (`districtId`, her reach) and the district filter both speak of the
 * person's school: someone with no school is in neither.
 */
export function recipientsSql(a: Audience, urgent: boolean, year: { from: Date; to: Date }): Prisma.Sql {
  const parts = [Prisma.sql`u.registered_at IS NOT NULL`, Prisma.sql`u.is_active = ${true}`];
  if (!urgent) parts.push(Prisma.sql`u.mute_announcements = ${false}`);
  if (a.districtId !== null) parts.push(Prisma.sql`u.school_id IN (SELECT id FROM schools WHERE district_id = ${a.districtId})`);
  if (a.districtIds.length) parts.push(Prisma.sql`u.school_id IN (SELECT id FROM schools WHERE district_id IN (${Prisma.join(a.districtIds)}))`);
  if (a.schoolIds.length) parts.push(Prisma.sql`u.school_id IN (${Prisma.join(a.schoolIds)})`);
  if (a.subjectIds.length)
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM teacher_subjects ts WHERE ts.user_id = u.id AND ts.subject_id IN (${Prisma.join(a.subjectIds)}))`);
  if (a.roles.length) parts.push(Prisma.sql`u.role IN (${literals(a.roles.flatMap((r) => (r === "methodist" ? ["methodist", "admin"] : ["teacher"])))})`);
  if (a.courseId !== null) {
    const statuses = a.courseWaiting ? [...PARTICIPANT_STATUSES, "waiting"] : PARTICIPANT_STATUSES;
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM course_registrations cr WHERE cr.user_id = u.id AND cr.course_id = ${a.courseId} AND cr.status IN (${literals(statuses)}))`,
    );
  }
  if (a.meetingId !== null)
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM meeting_rsvps mr WHERE mr.user_id = u.id AND mr.meeting_id = ${a.meetingId} AND (mr.answer = 'going' OR mr.attended = ${true}))`,
    );
  if (a.noCourseThisYear) parts.push(notCoveredSql(year));
  return Prisma.join(
    parts.map((p) => Prisma.sql`(${p})`),
    " AND ",
  );
}

// One notice to a teacher 3 months before her category expires, at 10:00 in the deployment's zone:
// time enough to apply for attestation. One task per teacher (a new day re-schedules it, a cleared one
// drops it); none when the day is already that close when she tells it (she knows).
import { DateTime } from "luxon";
import type { Db } from "../../db/client.js";
import type { Tasks } from "../tasks.js";
import { formatDate } from "../time.js";

export const ATTESTATION_TASK = "attestation.remind";
export const REMIND_MONTHS = 3;
/** every task of the teacher (the trailing colon keeps user 1 from matching user 12) */
const userPrefix = (userId: number) => `attestation:${userId}:`;
export const remindKey = (userId: number) => `${userPrefix(userId)}remind`;

export function reminderTime(until: Date, zone: string): Date {
  return DateTime.fromJSDate(until, { zone }).minus({ months: REMIND_MONTHS }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

export function createAttestationReminders(db: Db, tasks: Tasks, zone: string) {
  tasks.handle(ATTESTATION_TASK, async ({ payload }) => {
    const userId = Number(payload.userId);
    const user = await db.user.findUnique({ where: { id: userId }, select: { attestationCategory: true, attestationUntil: true, language: true } });
    // changed since (a re-scheduled task carries the new day): say nothing about a day no longer stored
    if (!user?.attestationUntil || user.attestationCategory === "none" || user.attestationUntil.getTime() !== Number(payload.until)) return [];
    return [
      {
        userId,
        key: "attestation-reminder",
        vars: { category: user.attestationCategory ?? "none", until: formatDate(user.attestationUntil, user.language, zone) },
        dedupeKey: `attestation-remind:${userId}:${user.attestationUntil.getTime()}`,
      },
    ];
  });

  return {
    async schedule(userId: number, until: Date | null, now: Date): Promise<void> {
      const dueAt = until && reminderTime(until, zone);
      if (!until || !dueAt || dueAt.getTime() <= now.getTime()) {
        await tasks.cancel(userPrefix(userId));
        return;
      }
      await tasks.schedule({ kind: ATTESTATION_TASK, payload: { userId, until: until.getTime() }, dueAt, eventAt: until, dedupeKey: remindKey(userId) });
    },
    cancel: (userId: number) => tasks.cancel(userPrefix(userId)),
  };
}

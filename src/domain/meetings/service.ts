// Meetings (заседания РМО, семинары, мастер-классы ...): a methodist announces one to an audience,
// people answer Going / Not going until the deadline, are reminded, and afterwards the methodist marks
// who attended. Every message the bot sends on its own goes through the outbox.
// One service made of modules on a shared core (core.ts): planning, answers, attendance, and the
// meeting's tasks (tasks.ts); types in types.ts.
import type { Db } from "../../db/client.js";
import { createMeetingAnswers } from "./answers.js";
import { createMeetingAttendance } from "./attendance.js";
import { createMeetingCore } from "./core.js";
import { createMeetingPlanning } from "./planning.js";
import { handleMeetingTasks } from "./tasks.js";
import type { MeetingServiceDeps } from "./types.js";

export function createMeetingService(db: Db, deps: MeetingServiceDeps) {
  const core = createMeetingCore(db, deps);
  handleMeetingTasks(core);
  return { ...createMeetingAnswers(core), ...createMeetingPlanning(core), ...createMeetingAttendance(core) };
}

export type MeetingService = ReturnType<typeof createMeetingService>;

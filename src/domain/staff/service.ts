// The district's staff list (штатное расписание): imported from the school information system's export,
// matched to the people in the bot, counted by the reports (coverage, attestation, who has joined) and
// reached through per-school invitations. The district processes it as employer (152-ФЗ): a teacher's
// /deleteme removes her link, not the district's row.
import type { Db, DbProvider } from "../../db/client.js";
import type { Clock } from "../clock.js";
import { createStaffImport } from "./import.js";
import { createStaffInvitations } from "./invitations.js";
import { createStaffMatching } from "./matching.js";

export function createStaffService(db: Db, deps: { clock: Clock; zone: string; provider: DbProvider }) {
  return { ...createStaffImport(db, deps), ...createStaffMatching(db), ...createStaffInvitations(db) };
}

export type StaffService = ReturnType<typeof createStaffService>;

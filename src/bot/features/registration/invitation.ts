// The invitation a school hangs in its staff room: https://t.me/<bot>?start=school_<id> presets the school
// of registration (src/domain/staff/invitations.ts makes the link). Only the parsing lives here.
import { SCHOOL_START_PREFIX } from "../../../domain/staff/index.js";

/** The school an invitation's /start payload names ("school_12" → 12), or null for any other payload. */
export function invitedSchoolId(payload: string): number | null {
  if (!payload.startsWith(SCHOOL_START_PREFIX)) return null;
  const id = Number(payload.slice(SCHOOL_START_PREFIX.length));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

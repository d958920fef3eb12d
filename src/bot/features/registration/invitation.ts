// The invitation a school hangs in its staff room: https://t.me/<bot>?start=school_<id> presets the school
// of registration. The link (drawn by the staff feature as a PDF with a QR code) and its parsing live here.

/** The start parameter of an invitation: /start school_<id>. */
export const SCHOOL_START_PREFIX = "school_";

export function invitationUrl(botUsername: string, schoolId: number): string {
  return `https://t.me/${botUsername}?start=${SCHOOL_START_PREFIX}${schoolId}`;
}

/** The school an invitation's /start payload names ("school_12" → 12), or null for any other payload. */
export function invitedSchoolId(payload: string): number | null {
  if (!payload.startsWith(SCHOOL_START_PREFIX)) return null;
  const id = Number(payload.slice(SCHOOL_START_PREFIX.length));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

// Callback data of the meetings section (prefix `meeting`). Notices queued by the domain carry actions
// (src/domain/actions.ts), packed into these by src/bot/actions.ts.
import { createCallbackData, SignedNumber } from "../../../callback-data.js";

/** Going (true) / Not going (false) */
export const meetingRsvpData = createCallbackData("meeting-r", { id: Number, going: Boolean });
/** "Add to calendar": the .ics file of a meeting */
export const meetingCalendarData = createCallbackData("meeting-c", { id: Number });

// creating a meeting
export const meetingKindData = createCallbackData("meeting-k", { kind: String });
export const meetingAudienceData = createCallbackData("meeting-au", { audience: String });
export const meetingSchoolData = createCallbackData("meeting-s", { id: Number, page: SignedNumber });
export const meetingSchoolPageData = createCallbackData("meeting-sp", { page: Number });
export const MEETING_SCHOOLS_DONE = "meeting-sd";
export const meetingDistrictData = createCallbackData("meeting-d", { id: Number });
export const MEETING_DISTRICTS_DONE = "meeting-dd";
export const meetingPublishData = createCallbackData("meeting-p", { ok: Boolean });

// the methodist's tools: open a meeting, act on it (answers, time, place, cancel, attendance)
export const meetingAdminData = createCallbackData("meeting-a", { id: Number, action: String });
/** attendance: toggle one person (`user`), on the list's page `page` */
export const meetingAttendData = createCallbackData("meeting-t", { id: Number, user: Number, page: Number });
export const meetingAttendPageData = createCallbackData("meeting-tp", { id: Number, page: Number });
export const MEETING_NEW = "meeting-new-btn";

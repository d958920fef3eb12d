import { createCallbackData } from "../../../callback-data.js";

/** open a course card */
export const courseOpenData = createCallbackData("course-open", { id: Number }, { formerly: "courseO" });
/** an offered seat: accept (yes) or decline */
export const courseOfferData = createCallbackData("course-offer", { reg: Number, yes: Boolean }, { formerly: "courseF" });
/** "Add to calendar" (and, on a cancelled course's notice, "Remove from calendar") */
export const courseCalendarData = createCallbackData("course-cal", { id: Number }, { formerly: "courseK" });

/** a page of the catalog */
export const coursePageData = createCallbackData("course-page", { page: Number }, { formerly: "courseP" });
export const courseSignUpData = createCallbackData("course-signup", { id: Number }, { formerly: "courseS" });
/** "My courses": its first page as a new message (COURSE_MINE), another page in place (courseMinePageData) */
export const COURSE_MINE = "course-mine";
/** what COURSE_MINE and COURSE_NEW were before (buttons still in chats) */
export const COURSE_MINE_FORMERLY = "courseM";
export const courseMinePageData = createCallbackData("course-mine", { page: Number }, { formerly: "courseM" });
/** a teacher's registration: open it (ask = false) or confirm its cancellation */
export const courseRegData = createCallbackData("course-reg", { reg: Number }, { formerly: "courseR" });
export const courseLeaveData = createCallbackData("course-leave", { reg: Number, sure: Boolean }, { formerly: "courseC" });
// methodists
export const COURSE_NEW = "course-new";
export const COURSE_NEW_FORMERLY = "courseN";
export const courseAdminPageData = createCallbackData("course-admin-page", { page: Number }, { formerly: "courseA" });
export const courseAdminData = createCallbackData("course-admin", { id: Number, action: String }, { formerly: "courseD" });
export const courseCompleteData = createCallbackData("course-complete", { id: Number, reg: Number }, { formerly: "courseQ" });
export const coursePublishData = createCallbackData("course-publish", { yes: Boolean }, { formerly: "courseU" });
export const courseFormatData = createCallbackData("course-format", { format: String }, { formerly: "courseT" });
export const courseFieldData = createCallbackData("course-field", { field: String }, { formerly: "courseE" });

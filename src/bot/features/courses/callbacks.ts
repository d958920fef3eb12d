import { createCallbackData } from "../../../callback-data.js";

/** open a course card */
export const courseOpenData = createCallbackData("courseO", { id: Number });
/** an offered seat: accept (yes) or decline */
export const courseOfferData = createCallbackData("courseF", { reg: Number, yes: Boolean });
/** "Add to calendar" (and, on a cancelled course's notice, "Remove from calendar") */
export const courseCalendarData = createCallbackData("courseK", { id: Number });

/** a page of the catalog */
export const coursePageData = createCallbackData("courseP", { page: Number });
export const courseSignUpData = createCallbackData("courseS", { id: Number });
/** "My courses": its first page as a new message (COURSE_MINE), another page in place (courseMinePageData) */
export const COURSE_MINE = "courseM";
export const courseMinePageData = createCallbackData("courseM", { page: Number });
/** a teacher's registration: open it (ask = false) or confirm its cancellation */
export const courseRegData = createCallbackData("courseR", { reg: Number });
export const courseLeaveData = createCallbackData("courseC", { reg: Number, sure: Boolean });
// methodists
export const COURSE_NEW = "courseN";
export const courseAdminPageData = createCallbackData("courseA", { page: Number });
export const courseAdminData = createCallbackData("courseD", { id: Number, action: String });
export const courseCompleteData = createCallbackData("courseQ", { id: Number, reg: Number });
export const coursePublishData = createCallbackData("courseU", { yes: Boolean });
export const courseFormatData = createCallbackData("courseT", { format: String });
export const courseFieldData = createCallbackData("courseE", { field: String });

// Callback data of the course buttons that notices carry (offers, "new course" notices) and the
// bot's handlers decode: one codec per action, prefixes start with "course".
import { createCallbackData } from "../../callback-data.js";

/** open a course card */
export const courseOpenData = createCallbackData("courseO", { id: Number });
/** an offered seat: accept (yes) or decline */
export const courseOfferData = createCallbackData("courseF", { reg: Number, yes: Boolean });
/** "Add to calendar" (and, on a cancelled course's notice, "Remove from calendar") */
export const courseCalendarData = createCallbackData("courseK", { id: Number });

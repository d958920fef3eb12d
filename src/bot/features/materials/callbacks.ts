// Callback data of the materials section: every prefix starts with "material".
import { createCallbackData, SignedNumber } from "../../../callback-data.js";

/** the section's start buttons: browse, search, top, share, mine; "hub": back to the start screen */
export const hubData = createCallbackData("material-m", { a: String });
/** opens a card (also the button under the "approved" notice: the action material-card, src/bot/actions.ts) */
export const openData = createCallbackData("material-o", { id: Number });
/** sends the file of a card */
export const fileData = createCallbackData("material-f", { id: Number });
/** 👍 (1) / 👎 (-1) */
export const voteData = createCallbackData("material-v", { id: Number, v: SignedNumber });
/** delete own material: ask (sure=false), then do (sure=true); or keep it after all */
export const deleteData = createCallbackData("material-d", { id: Number, sure: Boolean });
export const keepData = createCallbackData("material-k", { id: Number });
/** browsing: subject → type (t: index in MATERIAL_TYPES, -1 for all) → grade (g, "all") → page */
export const subjectData = createCallbackData("material-bs", { s: Number });
export const typeData = createCallbackData("material-bt", { s: Number, t: SignedNumber });
export const listData = createCallbackData("material-bl", { s: Number, t: SignedNumber, g: String, p: Number });
/** top lists: subject, of all time or of the month */
export const topData = createCallbackData("material-t", { s: Number, all: Boolean });
/** search result pages: the normalised query travels in the button (kept short enough by the search step) */
export const searchPageData = createCallbackData("material-q", { p: Number, q: String });
/** "my materials" pages */
export const minePageData = createCallbackData("material-my", { p: Number });
/** moderation: the queue (also the action material-queue under the "new material" notice), approve, reject */
export const QUEUE = "material-mq";
export const approveData = createCallbackData("material-ma", { id: Number });
export const rejectData = createCallbackData("material-mr", { id: Number });

/** Telegram's limit is 64 bytes (UTF-8), not characters. */
export const fitsCallback = (data: string) => Buffer.byteLength(data, "utf8") <= 64;

/** steps of the sharing conversation */
export const stepTypeData = createCallbackData("material-st", { t: Number });
export const stepSubjectData = createCallbackData("material-ss", { id: Number });
export const stepGradeData = createCallbackData("material-sg", { g: String });
export const GRADES_DONE = "material-sg-done";
export const stepConfirmData = createCallbackData("material-sc", { ok: Boolean });

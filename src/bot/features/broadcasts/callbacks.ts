import { createCallbackData } from "../../../callback-data.js";

/** Preview and report buttons: confirm / edit / cancel a draft, stop a running broadcast, close its survey, its answers as a file */
export const broadcastData = createCallbackData("broadcast", { action: String, id: Number });
/** The audience panel: which filter to change, urgency, next */
export const broadcastAudienceData = createCallbackData("broadcast-a", { action: String });
/** An item of a picker (subject, school, role, course, meeting); 0 = no filter */
export const broadcastPickData = createCallbackData("broadcast-p", { id: Number });
export const broadcastPickPageData = createCallbackData("broadcast-pp", { page: Number });
export const BROADCAST_PICK_DONE = "broadcast-p-done";
/** What to change after "Edit": the message or the audience */
export const broadcastEditData = createCallbackData("broadcast-e", { what: String });
/** /broadcasts pages */
export const broadcastListData = createCallbackData("broadcast-l", { page: Number });
/** Stop pressed in the /broadcasts list (the page is shown again after it) */
export const broadcastListStopData = createCallbackData("broadcast-ls", { id: Number, page: Number });
/** Close on a running survey in the /broadcasts list (the page is shown again after it) */
export const broadcastListCloseData = createCallbackData("broadcast-lc", { id: Number, page: Number });
/** The answer-options step of the compose flow: keep / remove / back, then single or multiple */
export const broadcastQuestionData = createCallbackData("broadcast-qs", { action: String });
/** An option button under the preview: it only says that this is a preview */
export const broadcastPreviewOptionData = createCallbackData("broadcast-qv", { option: Number });
/** A recipient presses option `option` (0-based) of broadcast `id` */
export const broadcastAnswerData = createCallbackData("broadcast-q", { id: Number, option: Number });

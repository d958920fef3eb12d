// Callback data of every open-lesson button. Every prefix starts with "lesson-". Notices queued by the
// domain carry actions (src/domain/actions.ts), packed into these by src/bot/actions.ts.
import { createCallbackData } from "../../../callback-data.js";

export const lessonCard = createCallbackData("lesson-card", { id: Number });
/** the list of upcoming lessons: subject id (0 = all), grade ("" = all), page */
export const lessonList = createCallbackData("lesson-list", { s: Number, g: String, p: Number });
/** choose the subject (or grade) filter of the list, keeping the other one */
export const lessonFilterSubject = createCallbackData("lesson-fsub", { g: String });
export const lessonFilterGrade = createCallbackData("lesson-fgr", { s: Number });
export const lessonJoin = createCallbackData("lesson-join", { id: Number });
export const lessonLeave = createCallbackData("lesson-leave", { id: Number });
export const lessonCalendar = createCallbackData("lesson-cal", { id: Number });
export const lessonRate = createCallbackData("lesson-rate", { id: Number });
/** the author's "move" button of older messages: the same as lessonEdit with field "time" */
export const lessonMove = createCallbackData("lesson-move", { id: Number });
/** field: time | duration | place | topic | method | seats */
export const lessonEdit = createCallbackData("lesson-edit", { id: Number, field: String });
/** step: ask | yes | no */
export const lessonCancel = createCallbackData("lesson-cancel", { id: Number, step: String });
/** a methodist's verdict on a pending lesson, as she saw it (v: its sequence; the author may edit it meanwhile) */
/** the author sends her rejected lesson, fixed, to the methodists again */
export const lessonResubmit = createCallbackData("lesson-resub", { id: Number });
export const lessonModerate = createCallbackData("lesson-mod", { id: Number, ok: Boolean, v: Number });
/** best lessons of a subject (0 = all) */
export const lessonBest = createCallbackData("lesson-best", { s: Number });
export const LESSON_QUEUE = "lesson-queue";
/** the author's lessons, first page (a new message); lessonMine: another page (the message edited) */
export const LESSON_MINE = "lesson-mine";
export const lessonMine = createCallbackData("lesson-mine", { p: Number });
export const LESSON_OFFER = "lesson-offer";

// inside the conversations
export const lessonOfferSubject = createCallbackData("lesson-osub", { id: Number });
export const LESSON_ALL_SUBJECTS = "lesson-oall";
export const lessonOfferGrade = createCallbackData("lesson-ogr", { g: String });
export const lessonOfferPlace = createCallbackData("lesson-oplace", { k: String });
export const lessonScore = createCallbackData("lesson-score", { v: Number });
export const LESSON_SKIP = "lesson-skip";
export const LESSON_SUBMIT = "lesson-submit";
export const LESSON_DISCARD = "lesson-discard";

// Callback data of the documents section: every prefix starts with "doc".
import { createCallbackData } from "../../../callback-data.js";

/**
 * Get a certificate: `kind` material | lesson | meeting, `id` the material, lesson or meeting, `lang`
 * the document's language ("" for the holder's own).
 */
export const certificateData = createCallbackData("doc-c", { kind: String, id: Number, lang: String });

/** «Мои документы», page `p`; `edit`: a page turn edits the list in place (from the profile: a new message) */
export const listData = createCallbackData("doc-l", { p: Number, edit: Boolean });
/** a portfolio: person `u`, the academic year that began in `y`, language `lang` ("" for the reader's) */
export const portfolioData = createCallbackData("doc-p", { u: Number, y: Number, lang: String });
/** a portfolio of person `u` for a span she (or the methodist) types */
export const spanData = createCallbackData("doc-s", { u: Number });
/** a methodist opens a teacher's card */
export const teacherData = createCallbackData("doc-t", { id: Number });

// Callback data of the document buttons that notices carry (a material published, attendance marked)
// and the bot's handlers decode. Prefixes start with "doc".
import { createCallbackData } from "../../callback-data.js";

/**
 * Get a certificate: `kind` material | lesson | meeting, `id` the material, lesson or meeting, `lang`
 * the document's language ("" for the holder's own).
 */
export const certificateData = createCallbackData("doc-c", { kind: String, id: Number, lang: String });

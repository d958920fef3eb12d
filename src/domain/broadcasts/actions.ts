// Callback data of the answer buttons under a broadcast's question: the outbox stores them with each
// recipient's copy, the bot's handler decodes them. Prefixes start with "broadcast".
import { createCallbackData } from "../../callback-data.js";

/** a recipient presses option `option` (0-based) of broadcast `id` */
export const broadcastAnswerData = createCallbackData("broadcast-q", { id: Number, option: Number });

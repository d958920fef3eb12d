// Callback data of the buttons under meeting messages. They live in the domain because notices sent
// through the outbox carry them too; the bot's handlers decode them with the same codecs.
import { createCallbackData } from "../../callback-data.js";

/** Going (true) / Not going (false) */
export const meetingRsvpData = createCallbackData("meeting-r", { id: Number, going: Boolean });
/** "Add to calendar": the .ics file of a meeting */
export const meetingCalendarData = createCallbackData("meeting-c", { id: Number });

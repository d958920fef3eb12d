// Sends a calendar file to the user who asked for it ("Add to calendar" on a meeting, course or lesson).
import { InputFile } from "grammy";
import { buildIcs, icsFileName, type CalendarEvent } from "../domain/calendar.js";
import type { BotContext } from "./context.js";

export async function replyWithCalendar(ctx: BotContext, event: CalendarEvent): Promise<void> {
  const file = new InputFile(Buffer.from(buildIcs(event), "utf8"), icsFileName(event.uid));
  await ctx.replyWithDocument(file, { caption: ctx.t(event.cancelled ? "calendar-cancelled-caption" : "calendar-file-caption") });
}

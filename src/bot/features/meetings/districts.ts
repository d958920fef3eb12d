// The districts a regional meeting is for (the audience "districts", offered to staff of the whole
// region when the directory has districts): toggles with ✅, then Done (at least one).
import { InlineKeyboard } from "grammy";
import type { Conv, ConvContext } from "../../context.js";
import { nudge } from "../../conversations/kit.js";
import { MEETING_DISTRICTS_DONE, meetingDistrictData } from "./callbacks.js";

export interface DistrictOption {
  id: number;
  name: string;
}

export async function askDistricts(conversation: Conv, ctx: ConvContext, districts: DistrictOption[]): Promise<{ ctx: ConvContext; value: DistrictOption[] }> {
  const chosen = new Set<number>();
  const keyboard = (t: ConvContext["t"]) => {
    const kb = new InlineKeyboard();
    for (const d of districts) kb.text(`${chosen.has(d.id) ? "✅ " : ""}${d.name}`, meetingDistrictData.pack({ id: d.id })).row();
    return kb.text(t("meeting-schools-done"), MEETING_DISTRICTS_DONE);
  };
  await ctx.reply(ctx.t("meeting-ask-districts"), { reply_markup: keyboard(ctx.t) });
  for (;;) {
    const c = await conversation.waitForCallbackQuery([meetingDistrictData.filter(), MEETING_DISTRICTS_DONE], {
      otherwise: (x) => nudge(x, "meeting-expect-districts"),
    });
    const data = c.callbackQuery.data;
    if (data === MEETING_DISTRICTS_DONE) {
      if (!chosen.size) {
        // the question stays on the screen with its buttons
        await c.answerCallbackQuery({ text: c.t("error-meeting-districts-empty"), show_alert: true });
        continue;
      }
      await c.answerCallbackQuery();
      const value = districts.filter((d) => chosen.has(d.id));
      await c.editMessageText(c.t("meeting-card-districts", { districts: value.map((d) => d.name).join(", "), count: value.length }));
      return { ctx: c, value };
    }
    const { id } = meetingDistrictData.unpack(data);
    // a forged or stale id: not one of the districts offered
    if (!districts.some((d) => d.id === id)) {
      await c.answerCallbackQuery({ text: c.t("unknown-button") });
      continue;
    }
    if (chosen.has(id)) chosen.delete(id);
    else chosen.add(id);
    await c.answerCallbackQuery();
    await c.editMessageReplyMarkup({ reply_markup: keyboard(c.t) });
  }
}

// "Это вы?": a newcomer whose name and school match a row of the district's staff list is asked once
// whether the row is her (exact match: that row; near: up to three rows, ё/е, a typo, initials); the row
// is linked only on her yes, after she is registered. No answer but a press moves on.
import { InlineKeyboard } from "grammy";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { waitButton } from "../../conversations/kit.js";
import { STAFF_NOT_ME, staffMatchData } from "./callbacks.js";

/** The row she says is her (its id), or null: none offered, or not her. */
export async function askStaffMatch(
  conversation: Conv,
  ctx: ConvContext,
  deps: BotDeps,
  schoolId: number,
  fullName: string,
): Promise<{ ctx: ConvContext; staffId: number | null }> {
  const candidates = await conversation.external(() => deps.services.staff.candidates(schoolId, fullName));
  if (!candidates.length) return { ctx, staffId: null };
  const kb = new InlineKeyboard();
  for (const c of candidates) kb.text(c.position ? `${c.name} · ${c.position}` : c.name, staffMatchData.pack({ id: c.id })).row();
  kb.text(ctx.t("staff-match-not-me"), STAFF_NOT_ME);
  const [first] = candidates;
  const question =
    candidates.length === 1 && first!.match === "exact"
      ? ctx.t("staff-match-ask", { name: first!.name, position: first!.position ?? "—" })
      : ctx.t("staff-match-ask-near");
  await ctx.reply(question, { reply_markup: kb });
  const pressed = await waitButton(conversation, [staffMatchData.filter(), STAFF_NOT_ME]);
  await pressed.answerCallbackQuery();
  const data = pressed.callbackQuery.data;
  if (data === STAFF_NOT_ME) {
    await pressed.editMessageText(pressed.t("staff-match-refused"));
    return { ctx: pressed, staffId: null };
  }
  const { id } = staffMatchData.unpack(data);
  const chosen = candidates.find((c) => c.id === id);
  if (!chosen) return { ctx: pressed, staffId: null };
  await pressed.editMessageText(pressed.t("staff-match-chosen", { name: chosen.name }));
  return { ctx: pressed, staffId: chosen.id };
}

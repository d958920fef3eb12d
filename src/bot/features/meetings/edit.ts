// A methodist changes a meeting's time or place; those who said Going are told by the service.
import { DomainError } from "../../../domain/errors.js";
import { parseVenue } from "../../../domain/meetings/input.js";
import { parseFutureDateTime } from "../../../domain/time.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { askText, attempt, HTML } from "../../conversations/kit.js";

export const EDIT_MEETING = "meeting-edit";
export type EditField = "time" | "place";

export function editMeetingConversation(deps: BotDeps) {
  const zone = deps.config.TIMEZONE;
  return async (conversation: Conv, ctx: ConvContext, id: number, field: EditField) => {
    const me = await conversation.external((outer) => outer.user!.id);
    const answer =
      field === "time"
        ? await askText(conversation, ctx, {
            question: ctx.t("meeting-ask-new-start"),
            validate: (s) => parseFutureDateTime(s, zone, deps.clock.now()).toISOString(),
          })
        : await askText(conversation, ctx, {
            question: ctx.t("meeting-ask-new-venue"),
            validate: (s) => (parseVenue(s), s),
          });
    const result = await conversation.external(() =>
      attempt(async () => {
        const actor = await deps.services.users.byId(me);
        if (!actor) throw new DomainError("forbidden");
        const { meetings } = deps.services;
        if (field === "time") await meetings.reschedule(actor, id, new Date(answer.value));
        else await meetings.relocate(actor, id, answer.value);
        return true;
      }),
    );
    const c = answer.ctx;
    await c.reply(result.ok ? c.t("meeting-updated") : c.t(`error-${result.code}`, result.args), HTML);
  };
}

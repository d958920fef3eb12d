// A methodist edits a meeting: time or duration (those who may come are told, reminders follow), place
// (they are told), title or agenda (a correction: nobody is told, the calendar file is updated),
// audience (those newly invited get the invitation).
import { DomainError } from "../../../domain/errors.js";
import { parseDuration, parseVenue, validateAgenda, validateTitle } from "../../../domain/meetings/validate.js";
import { parseFutureDateTime } from "../../../domain/time.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { scopeOf } from "../../../domain/scope.js";
import { askText, attempt } from "../../conversations/kit.js";
import { askAudience } from "./audience.js";
import { asRegistered } from "../../middlewares/guards.js";

export const EDIT_MEETING = "meeting-edit";
export const EDIT_FIELDS = ["time", "duration", "place", "title", "agenda", "audience"] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

export function editMeetingConversation(deps: BotDeps) {
  const zone = deps.config.TIMEZONE;
  const questions: Record<Exclude<EditField, "audience">, { key: string; validate: (s: string) => string }> = {
    time: { key: "meeting-ask-new-start", validate: (s) => parseFutureDateTime(s, zone, deps.clock.now()).toISOString() },
    duration: { key: "meeting-ask-duration", validate: (s) => String(parseDuration(s)) },
    place: {
      key: "meeting-ask-new-venue",
      validate: (s) => {
        parseVenue(s);
        return s;
      },
    },
    title: { key: "meeting-ask-title", validate: validateTitle },
    agenda: {
      key: "meeting-ask-agenda",
      validate: (s) => {
        validateAgenda(s);
        return s;
      },
    },
  };
  async function changeAudience(conversation: Conv, ctx: ConvContext, id: number): Promise<void> {
    const me = await conversation.external((outer) => {
      const { user } = asRegistered(outer);
      return { id: user.id, language: user.language, districtId: scopeOf(user).districtId };
    });
    const chosen = await askAudience(conversation, ctx, deps, me);
    const result = await conversation.external(() =>
      attempt(async () => {
        const actor = await deps.services.users.byId(me.id);
        if (!actor) throw new DomainError("forbidden");
        const { invited } = await deps.services.meetings.retarget(actor, id, {
          audience: chosen.audience,
          subjectIds: chosen.subjectIds,
          schoolIds: chosen.schoolIds,
          districtIds: chosen.districts.map((d) => d.id),
        });
        return invited;
      }),
    );
    const c = chosen.ctx;
    await c.reply(result.ok ? c.t("meeting-audience-changed", { count: result.value }) : c.t(`error-${result.code}`, result.args));
  }

  return async (conversation: Conv, ctx: ConvContext, id: number, field: EditField) => {
    if (field === "audience") return changeAudience(conversation, ctx, id);
    const me = await conversation.external((outer) => asRegistered(outer).user.id);
    const q = questions[field];
    const answer = await askText(conversation, ctx, { question: ctx.t(q.key), validate: q.validate });
    const result = await conversation.external(() =>
      attempt(async () => {
        const actor = await deps.services.users.byId(me);
        if (!actor) throw new DomainError("forbidden");
        const { meetings } = deps.services;
        const value = answer.value;
        if (field === "time") await meetings.reschedule(actor, id, new Date(value));
        else if (field === "duration") await meetings.reschedule(actor, id, (await meetings.get(id)).startsAt, Number(value));
        else if (field === "place") await meetings.relocate(actor, id, value);
        else await meetings.revise(actor, id, field === "title" ? { title: value } : { agenda: value });
        return field === "title" || field === "agenda" ? "meeting-revised" : "meeting-updated";
      }),
    );
    const c = answer.ctx;
    await c.reply(result.ok ? c.t(result.value) : c.t(`error-${result.code}`, result.args));
  };
}

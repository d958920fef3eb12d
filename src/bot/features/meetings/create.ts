// /newmeeting: kind, title, agenda, start, duration, place or link, audience, RSVP deadline; preview,
// then publish (the audience is told through the outbox). Every answer is checked and asked again.
// Staff of the whole region in a deployment with districts may also invite chosen districts' people.
import { InlineKeyboard } from "grammy";
import { MEETING_KINDS, parseDuration, parseVenue, validateAgenda, validateTitle } from "../../../domain/meetings/validate.js";
import type { MeetingAudience, MeetingKind } from "../../../domain/meetings/types.js";
import { DomainError } from "../../../domain/errors.js";
import { scopeOf } from "../../../domain/scope.js";
import { parseFutureDateTime } from "../../../domain/time.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { askText, attempt, waitButton } from "../../conversations/kit.js";
import { askAudience, pick } from "./audience.js";
import { meetingCard } from "./card.js";
import { meetingKindData, meetingPublishData } from "./callbacks.js";
import { asRegistered } from "../../middlewares/guards.js";

export const NEW_MEETING = "meeting-new";

/** A draft as the conversation keeps it: plain JSON (times as ISO strings). */
interface Draft {
  kind: MeetingKind;
  title: string;
  agenda: string;
  startsAt: string;
  durationMin: number;
  place: string | null;
  onlineUrl: string | null;
  audience: MeetingAudience;
  subjectIds: number[];
  schoolIds: number[];
  districtIds: number[];
  rsvpDeadline: string | null;
}

export function newMeetingConversation(deps: BotDeps) {
  const zone = deps.config.TIMEZONE;
  return async (conversation: Conv, ctx0: ConvContext) => {
    // a district's methodist announces her district's meeting: its schools, its people
    const me = await conversation.external(async (outer) => {
      const { user } = asRegistered(outer);
      const { districtId } = scopeOf(user);
      const districtName = districtId === null ? null : ((await deps.services.directory.district(districtId))?.name ?? null);
      return { id: user.id, language: user.language, districtId, districtName };
    });
    const kind = await pick(conversation, ctx0, ctx0.t("meeting-ask-kind"), MEETING_KINDS, (k) => ctx0.t(`meeting-kind-${k}`), meetingKindData, "kind");
    const title = await askText(conversation, kind.ctx, { question: kind.ctx.t("meeting-ask-title"), validate: validateTitle });
    const agenda = await askText(conversation, title.ctx, { question: title.ctx.t("meeting-ask-agenda"), validate: validateAgenda });
    const start = await askText(conversation, agenda.ctx, {
      question: agenda.ctx.t("meeting-ask-start"),
      validate: (s) => parseFutureDateTime(s, zone, deps.clock.now()).toISOString(),
    });
    const duration = await askText(conversation, start.ctx, { question: start.ctx.t("meeting-ask-duration"), validate: parseDuration });
    const venue = await askText(conversation, duration.ctx, { question: duration.ctx.t("meeting-ask-venue"), validate: parseVenue });
    const chosen = await askAudience(conversation, venue.ctx, deps, me);
    let { ctx } = chosen;
    const { subjectIds, schoolIds, districts: invited } = chosen;
    const deadline = await askText(conversation, ctx, {
      question: ctx.t("meeting-ask-deadline"),
      validate: (s) => {
        if (/^[-—]$/.test(s.trim())) return null;
        const d = parseFutureDateTime(s, zone, deps.clock.now());
        if (d.getTime() > new Date(start.value).getTime()) throw new DomainError("meeting-deadline-after-start");
        return d.toISOString();
      },
    });
    ctx = deadline.ctx;

    const draft: Draft = {
      kind: kind.value,
      title: title.value,
      agenda: agenda.value,
      startsAt: start.value,
      durationMin: duration.value,
      ...venue.value,
      audience: chosen.audience,
      subjectIds,
      schoolIds,
      districtIds: invited.map((d) => d.id),
      rsvpDeadline: deadline.value,
    };
    const toDomain = (d: Draft) => ({ ...d, startsAt: new Date(d.startsAt), rsvpDeadline: d.rsvpDeadline ? new Date(d.rsvpDeadline) : null });
    const reach = await conversation.external(() => deps.services.meetings.audienceSize({ ...draft, districtId: me.districtId }));
    const preview = meetingCard(
      ctx.t,
      {
        ...toDomain(draft),
        id: 0,
        status: "scheduled",
        sequence: 0,
        districtId: me.districtId,
        districtName: me.districtName,
        districtNames: invited.map((d) => d.name),
        createdById: me.id,
        createdAt: new Date(0),
        updatedAt: new Date(0),
      },
      { locale: me.language, zone },
    );
    const kb = new InlineKeyboard()
      .text(ctx.t("meeting-publish"), meetingPublishData.pack({ ok: true }))
      .text(ctx.t("meeting-discard"), meetingPublishData.pack({ ok: false }));
    await ctx.reply(`${ctx.t("meeting-preview")}\n\n${preview}\n\n${ctx.t("meeting-reach", { count: reach })}`, { reply_markup: kb });
    const answer = await waitButton(conversation, meetingPublishData.filter());
    await answer.answerCallbackQuery();
    await answer.editMessageReplyMarkup().catch(() => undefined);
    if (!meetingPublishData.unpack(answer.callbackQuery.data).ok) {
      await answer.reply(answer.t("meeting-discarded"));
      return;
    }
    const result = await conversation.external(() =>
      attempt(async () => {
        const actor = await deps.services.users.byId(me.id);
        if (!actor) throw new DomainError("forbidden");
        const { meeting, recipients } = await deps.services.meetings.publish(actor, toDomain(draft));
        return { id: meeting.id, recipients };
      }),
    );
    if (!result.ok) {
      await answer.reply(answer.t(`error-${result.code}`, result.args));
      return;
    }
    await answer.reply(answer.t("meeting-published", { count: result.value.recipients }));
  };
}

// Who a meeting is for, asked of the methodist: everyone, subjects, schools, districts (staff of the
// whole region, when the directory has districts) or methodists only, then the subjects, schools or
// districts themselves. Used when a meeting is created and when its audience is changed.
import { InlineKeyboard } from "grammy";
import { MEETING_AUDIENCES } from "../../../domain/meetings/validate.js";
import type { MeetingAudience } from "../../../domain/meetings/types.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { waitButton } from "../../conversations/kit.js";
import { askSubjects } from "../registration/steps.js";
import { meetingAudienceData } from "./callbacks.js";
import { askDistricts, type DistrictOption } from "./districts.js";
import { askSchools } from "./schools.js";

/** The methodist asking, as the conversation keeps her (plain JSON). */
export interface Asker {
  language: string;
  /** her district (null: staff of the whole deployment) */
  districtId: number | null;
}

export interface AudienceAnswer {
  ctx: ConvContext;
  audience: MeetingAudience;
  subjectIds: number[];
  schoolIds: number[];
  /** the audience "districts": the chosen districts (with names, for the preview) */
  districts: DistrictOption[];
}

/** Buttons of choices, two to a row; the chosen one is written into the question. */
export async function pick<T extends string>(
  conversation: Conv,
  ctx: ConvContext,
  question: string,
  options: readonly T[],
  label: (o: T) => string,
  data: { pack(v: { [k: string]: string }): string; unpack(d: string): { [k: string]: string }; filter(): RegExp },
  field: string,
): Promise<{ ctx: ConvContext; value: T }> {
  const kb = new InlineKeyboard();
  options.forEach((o, i) => {
    kb.text(label(o), data.pack({ [field]: o }));
    if (i % 2 === 1) kb.row();
  });
  await ctx.reply(question, { reply_markup: kb });
  for (;;) {
    const c = await waitButton(conversation, data.filter());
    const value = data.unpack(c.callbackQuery.data)[field] as T;
    await c.answerCallbackQuery();
    if (!options.includes(value)) continue;
    await c.editMessageText(`${question}\n\n<b>${c.t("meeting-chosen", { value: label(value) })}</b>`).catch(() => undefined);
    return { ctx: c, value };
  }
}

export async function askAudience(conversation: Conv, ctx: ConvContext, deps: BotDeps, me: Asker): Promise<AudienceAnswer> {
  // a district's methodist's meetings are her district's already: no "districts" for her
  const districts =
    me.districtId === null ? await conversation.external(async () => (await deps.services.directory.districts()).map(({ id, name }) => ({ id, name }))) : [];
  const audience = await pick(
    conversation,
    ctx,
    ctx.t("meeting-ask-audience"),
    MEETING_AUDIENCES.filter((a) => a !== "districts" || districts.length > 0),
    (a) => ctx.t(`meeting-audience-${a}`),
    meetingAudienceData,
    "audience",
  );
  const answer: AudienceAnswer = { ctx: audience.ctx, audience: audience.value, subjectIds: [], schoolIds: [], districts: [] };
  if (audience.value === "subjects") {
    const s = await askSubjects(conversation, answer.ctx, deps, me.language, [], "meeting-ask-subjects");
    return { ...answer, ctx: s.ctx, subjectIds: s.value };
  }
  if (audience.value === "schools") {
    const s = await askSchools(conversation, answer.ctx, deps, { districtId: me.districtId });
    return { ...answer, ctx: s.ctx, schoolIds: s.value };
  }
  if (audience.value === "districts") {
    const d = await askDistricts(conversation, answer.ctx, districts);
    return { ...answer, ctx: d.ctx, districts: d.value };
  }
  return answer;
}

// Choosing who gets a broadcast: a panel of filters (subjects, schools, role, course, meeting, no course
// this academic year and, for an author of a whole regional deployment, districts) that combine as an
// intersection, the urgency toggle, the answer options (a survey) and the live recipient count. A district's methodist's audience
// carries her district (`districtId`): the pickers offer its schools, and every count stays within it.
import { InlineKeyboard } from "grammy";
import { normalizeSearch, searchWords } from "../../../domain/text.js";
import { emptyAudience, type Audience, type AudienceRole } from "../../../domain/broadcasts/index.js";
import { formatDate } from "../../../domain/time.js";
import type { Question } from "../../../domain/broadcasts/question.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { nudge } from "../../conversations/kit.js";
import { NOOP, pager, schoolWithDistrict } from "../../keyboards.js";
import { BROADCAST_PICK_DONE, broadcastAudienceData, broadcastPickData, broadcastPickPageData } from "./callbacks.js";
import { askQuestion, questionNote } from "./question.js";
import { audienceSummary } from "./render.js";

interface Item {
  id: number;
  label: string;
}

const PAGE_SIZE = 10;
const ROLE_IDS: Record<AudienceRole, number> = { teacher: 1, methodist: 2 };
const ROLES: AudienceRole[] = ["teacher", "methodist"];

/** Every typed word starts a word of the label; a number must be the whole word ("1" is not "10"). */
function matches(label: string, words: string[]): boolean {
  const own = normalizeSearch(label).split(" ");
  return words.every((w) => own.some((o) => (/^\d+$/.test(w) ? o === w : o.startsWith(w))));
}

function pickKeyboard(t: ConvContext["t"], items: Item[], chosen: Set<number>, page: number, many: boolean): InlineKeyboard {
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const kb = new InlineKeyboard();
  for (const item of items.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)) {
    kb.text(`${chosen.has(item.id) ? "✅ " : ""}${item.label}`, broadcastPickData.pack({ id: item.id })).row();
  }
  pager(kb, page, pages, (p) => broadcastPickPageData.pack({ page: p }));
  kb.row();
  if (many) kb.text(t("broadcast-pick-done"), BROADCAST_PICK_DONE);
  else kb.text(t("broadcast-pick-none"), broadcastPickData.pack({ id: 0 }));
  return kb;
}

/**
 * A list of buttons: with `many`, toggles and Done (nothing ticked = no filter); otherwise one press
 * picks (the last button removes the filter). Long lists are paged; with `search`, typed words narrow
 * the list (a district has dozens of schools).
 */
async function pick(conversation: Conv, ctx: ConvContext, question: string, items: Item[], initial: number[], many: boolean, search = false) {
  const chosen = new Set(initial);
  let page = 0;
  let shown = items;
  await ctx.reply(question, { reply_markup: pickKeyboard(ctx.t, shown, chosen, page, many) });
  for (;;) {
    const c = await conversation.waitFor(search ? ["callback_query:data", "message:text"] : "callback_query:data", {
      otherwise: (x) => nudge(x, "expect-button"),
    });
    if (c.message?.text !== undefined) {
      const words = searchWords(c.message.text);
      const found = items.filter((i) => matches(i.label, words));
      if (!found.length) {
        await c.reply(c.t("broadcast-search-none"));
        continue;
      }
      shown = found;
      page = 0;
      await c.reply(question, { reply_markup: pickKeyboard(c.t, shown, chosen, page, many) });
      continue;
    }
    const data = c.callbackQuery?.data ?? "";
    const known = [broadcastPickData.filter(), broadcastPickPageData.filter()].some((r) => r.test(data)) || data === BROADCAST_PICK_DONE || data === NOOP;
    if (!known) {
      await nudge(c, "expect-button");
      continue;
    }
    await c.answerCallbackQuery();
    if (data === NOOP) continue;
    if (data === BROADCAST_PICK_DONE) {
      await c.editMessageReplyMarkup();
      return { ctx: c as ConvContext, value: [...chosen] };
    }
    if (broadcastPickPageData.filter().test(data)) page = broadcastPickPageData.unpack(data).page;
    else {
      const { id } = broadcastPickData.unpack(data);
      if (!many) {
        await c.editMessageReplyMarkup();
        return { ctx: c as ConvContext, value: id === 0 ? [] : [id] };
      }
      if (chosen.has(id)) chosen.delete(id);
      else chosen.add(id);
    }
    await c.editMessageReplyMarkup({ reply_markup: pickKeyboard(c.t, shown, chosen, page, many) });
  }
}

/** `districts`: the "by district" filter is offered (an author of the whole deployment, and there are districts). */
function panelKeyboard(t: ConvContext["t"], a: Audience, urgent: boolean, districts: boolean, question: boolean): InlineKeyboard {
  const b = (key: string, action: string, on: boolean) => [`${on ? "✅ " : ""}${t(key)}`, broadcastAudienceData.pack({ action })] as const;
  const kb = new InlineKeyboard()
    .text(...b("broadcast-filter-subjects", "subjects", a.subjectIds.length > 0))
    .text(...b("broadcast-filter-schools", "schools", a.schoolIds.length > 0))
    .row()
    .text(...b("broadcast-filter-roles", "roles", a.roles.length > 0))
    .text(...b("broadcast-filter-course", "course", a.courseId !== null))
    .row()
    .text(...b("broadcast-filter-meeting", "meeting", a.meetingId !== null))
    .text(...b("broadcast-filter-no-course", "nocourse", a.noCourseThisYear))
    .row();
  // a course chosen: its waiting list may be added
  if (a.courseId !== null) kb.text(...b("broadcast-filter-course-waiting", "waiting", a.courseWaiting)).row();
  if (districts) kb.text(...b("broadcast-filter-districts", "districts", a.districtIds.length > 0)).row();
  return kb
    .text(t("broadcast-filter-everyone"), broadcastAudienceData.pack({ action: "everyone" }))
    .row()
    .text(t(urgent ? "broadcast-urgent-on" : "broadcast-urgent-off"), broadcastAudienceData.pack({ action: "urgent" }))
    .row()
    .text(...b("broadcast-filter-question", "question", question))
    .row()
    .text(t("broadcast-next"), broadcastAudienceData.pack({ action: "next" }));
}

/** The audience summary and how many would receive it now. */
export async function describeAudience(conversation: Conv, deps: BotDeps, a: Audience, urgent: boolean) {
  return conversation.external(async () => {
    const { broadcasts } = deps.services;
    const [names, count] = await Promise.all([broadcasts.names(a), broadcasts.count(a, urgent)]);
    return { names, count };
  });
}

/**
 * Shows the panel until "Next"; returns the chosen audience, urgency and answer options. `hasText`:
 * the announcement has a text that can be a question.
 */
export async function askAudience(
  conversation: Conv,
  ctx: ConvContext,
  deps: BotDeps,
  locale: string,
  initial: { audience: Audience; urgent: boolean; question: Question | null },
  hasText: boolean,
): Promise<{ ctx: ConvContext; audience: Audience; urgent: boolean; question: Question | null }> {
  let audience = { ...initial.audience };
  let urgent = initial.urgent;
  let question = initial.question;
  // whose people the pickers offer: the author's district's (the audience carries it), or everyone's
  const scope = { districtId: audience.districtId };
  const byDistrict = await conversation.external(async () => (await deps.services.broadcasts.districts(scope)).length > 0);
  const show = async (x: ConvContext, edit: boolean) => {
    const { names, count } = await describeAudience(conversation, deps, audience, urgent);
    const text = [
      x.t("broadcast-audience-panel"),
      `${x.t("broadcast-audience-now")} ${audienceSummary(x.t, locale, names)}`,
      x.t(urgent ? "broadcast-urgent-note-on" : "broadcast-urgent-note-off"),
      ...questionNote(x.t, question),
      x.t("broadcast-recipients", { count }),
    ].join("\n\n");
    const opts = { reply_markup: panelKeyboard(x.t, audience, urgent, byDistrict, question !== null) };
    if (edit) await x.editMessageText(text, opts);
    else await x.reply(text, opts);
  };
  await show(ctx, false);
  for (;;) {
    const pressed = await conversation.waitForCallbackQuery(broadcastAudienceData.filter(), { otherwise: (x) => nudge(x, "expect-button") });
    const { action } = broadcastAudienceData.unpack(pressed.callbackQuery.data);
    await pressed.answerCallbackQuery();
    switch (action) {
      case "next":
        await pressed.editMessageReplyMarkup();
        return { ctx: pressed, audience, urgent, question };
      case "urgent":
        urgent = !urgent;
        await show(pressed, true);
        continue;
      case "everyone":
        // the filters go, the author's district stays
        audience = emptyAudience(audience.districtId);
        await show(pressed, true);
        continue;
      case "waiting":
        audience = { ...audience, courseWaiting: audience.courseId !== null && !audience.courseWaiting };
        await show(pressed, true);
        continue;
      case "nocourse":
        audience = { ...audience, noCourseThisYear: !audience.noCourseThisYear };
        await show(pressed, true);
        continue;
      case "question": {
        await pressed.editMessageReplyMarkup();
        const asked = await askQuestion(conversation, pressed, question, hasText);
        question = asked.question;
        await show(asked.ctx, false);
        continue;
      }
    }
    await pressed.editMessageReplyMarkup();
    const sources = await conversation.external(async () => {
      const { directory, broadcasts } = deps.services;
      if (action === "subjects") return (await directory.subjects()).map((s) => ({ id: s.id, label: locale === "en" ? s.nameEn : s.nameRu }));
      // staff of the whole region pick among every district's schools, «СОШ № 1» of many: the district tells them apart
      if (action === "schools") return (await broadcasts.schools(scope)).map((s) => ({ id: s.id, label: schoolWithDistrict(s, scope) }));
      // courses and meetings recur under one title (an association meets every month): the date tells them apart
      const zone = deps.config.TIMEZONE;
      if (action === "course")
        return (await broadcasts.sources(scope)).courses.map((x) => ({ id: x.id, label: `${formatDate(x.startDate, locale, zone)} · ${x.title}` }));
      if (action === "meeting")
        return (await broadcasts.sources(scope)).meetings.map((x) => ({ id: x.id, label: `${formatDate(x.startsAt, locale, zone)} · ${x.title}` }));
      if (action === "districts" && byDistrict) return (await broadcasts.districts(scope)).map((d) => ({ id: d.id, label: d.name }));
      return [];
    });
    let picked: { ctx: ConvContext; value: number[] };
    switch (action) {
      case "subjects":
        picked = await pick(conversation, pressed, pressed.t("broadcast-pick-subjects"), sources, audience.subjectIds, true);
        audience = { ...audience, subjectIds: picked.value };
        break;
      case "schools":
        picked = await pick(conversation, pressed, pressed.t("broadcast-pick-schools"), sources, audience.schoolIds, true, true);
        audience = { ...audience, schoolIds: picked.value };
        break;
      case "districts":
        picked = await pick(conversation, pressed, pressed.t("broadcast-pick-districts"), sources, audience.districtIds, true);
        audience = { ...audience, districtIds: picked.value };
        break;
      case "roles": {
        const items = ROLES.map((r) => ({ id: ROLE_IDS[r], label: pressed.t(`broadcast-role-${r}`) }));
        picked = await pick(
          conversation,
          pressed,
          pressed.t("broadcast-pick-roles"),
          items,
          audience.roles.map((r) => ROLE_IDS[r]),
          true,
        );
        const ids = picked.value;
        audience = { ...audience, roles: ROLES.filter((r) => ids.includes(ROLE_IDS[r])) };
        break;
      }
      case "course":
      case "meeting": {
        const question = action === "course" ? "broadcast-pick-course" : "broadcast-pick-meeting";
        if (!sources.length) {
          await pressed.reply(pressed.t(action === "course" ? "broadcast-no-courses" : "broadcast-no-meetings"));
          picked = { ctx: pressed, value: [] };
        } else {
          const current = action === "course" ? audience.courseId : audience.meetingId;
          picked = await pick(conversation, pressed, pressed.t(question), sources, current === null ? [] : [current], false, true);
        }
        const id = picked.value[0] ?? null;
        // no course, no waiting list of it
        audience = action === "course" ? { ...audience, courseId: id, courseWaiting: id !== null && audience.courseWaiting } : { ...audience, meetingId: id };
        break;
      }
      default:
        picked = { ctx: pressed, value: [] };
    }
    await show(picked.ctx, false);
  }
}

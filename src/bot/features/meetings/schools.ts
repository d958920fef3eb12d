// The schools a meeting is for: toggles on a paged list or on the schools a typed query finds, then
// Done (at least one). A district's methodist is offered her district's schools only.
import { InlineKeyboard } from "grammy";
import { schoolsInScope, type Scope } from "../../../domain/scope.js";
import { schoolWithDistrict } from "../../keyboards.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { nudge } from "../../conversations/kit.js";
import { NOOP, pager } from "../../keyboards.js";
import { MEETING_SCHOOLS_DONE, meetingSchoolData, meetingSchoolPageData } from "./callbacks.js";

const PAGE_SIZE = 8;

export async function askSchools(conversation: Conv, ctx: ConvContext, deps: BotDeps, scope: Scope): Promise<{ ctx: ConvContext; value: number[] }> {
  const chosen = new Set<number>();
  const page = (n: number) =>
    conversation.external(async () => {
      const { items, total } = await deps.services.directory.schoolPage(n, PAGE_SIZE, schoolsInScope(scope));
      return { items: items.map((s) => ({ id: s.id, name: schoolWithDistrict(s, scope) })), pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
    });
  // page SEARCH: the schools the last typed query found
  const SEARCH = -1;
  let query = "";
  const search = () =>
    conversation.external(async () => ({
      items: (await deps.services.directory.searchSchools(query, schoolsInScope(scope))).map((s) => ({ id: s.id, name: schoolWithDistrict(s, scope) })),
      pages: 1,
    }));
  const keyboard = (t: ConvContext["t"], n: number, list: { items: { id: number; name: string }[]; pages: number }) => {
    const kb = new InlineKeyboard();
    for (const s of list.items) kb.text(`${chosen.has(s.id) ? "✅ " : ""}${s.name}`, meetingSchoolData.pack({ id: s.id, page: n })).row();
    if (n === SEARCH) kb.text(t("school-list-button"), meetingSchoolPageData.pack({ page: 0 }));
    else pager(kb, n, list.pages, (p) => meetingSchoolPageData.pack({ page: p }));
    return kb.row().text(t("meeting-schools-done"), MEETING_SCHOOLS_DONE);
  };
  const show = (n: number) => (n === SEARCH ? search() : page(n));
  let current = 0;
  await ctx.reply(ctx.t("meeting-ask-schools"), { reply_markup: keyboard(ctx.t, 0, await page(0)) });
  for (;;) {
    const c = await conversation.waitFor(["message:text", "callback_query:data"], { otherwise: (x) => nudge(x, "meeting-expect-schools") });
    if (c.message?.text !== undefined) {
      query = c.message.text;
      current = SEARCH;
      const found = await search();
      const text = found.items.length ? c.t("meeting-schools-found") : c.t("school-search-none", { query });
      await c.reply(text, { reply_markup: keyboard(c.t, SEARCH, found) });
      continue;
    }
    const data = c.callbackQuery?.data ?? "";
    if (data === NOOP) {
      await c.answerCallbackQuery();
      continue;
    }
    if (data === MEETING_SCHOOLS_DONE) {
      if (!chosen.size) {
        await c.answerCallbackQuery({ text: c.t("error-meeting-audience-empty"), show_alert: true });
        continue;
      }
      await c.answerCallbackQuery();
      await c.editMessageText(c.t("meeting-schools-chosen", { count: chosen.size }));
      return { ctx: c, value: [...chosen] };
    }
    if (meetingSchoolPageData.filter().test(data)) current = meetingSchoolPageData.unpack(data).page;
    else if (!meetingSchoolData.filter().test(data)) {
      await c.answerCallbackQuery({ text: c.t("unknown-button") });
      continue;
    } else {
      const { id, page: p } = meetingSchoolData.unpack(data);
      current = p;
      if (chosen.has(id)) chosen.delete(id);
      else chosen.add(id);
    }
    await c.answerCallbackQuery();
    await c.editMessageReplyMarkup({ reply_markup: keyboard(c.t, current, await show(current)) });
  }
}

// Target subjects of a course: toggles, then Done (at least one).
import { InlineKeyboard } from "grammy";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { HTML, nudge } from "../../conversations/kit.js";
import { COURSE_SUBJECTS_DONE, courseSubjectData } from "./callbacks.js";

type Item = { id: number; nameRu: string; nameEn: string };

function keyboard(t: ConvContext["t"], subjects: Item[], chosen: Set<number>, locale: string): InlineKeyboard {
  const kb = new InlineKeyboard();
  subjects.forEach((s, i) => {
    kb.text(`${chosen.has(s.id) ? "✅ " : ""}${locale === "en" ? s.nameEn : s.nameRu}`, courseSubjectData.pack({ id: s.id }));
    if (i % 2 === 1) kb.row();
  });
  return kb.row().text(t("subjects-done"), COURSE_SUBJECTS_DONE);
}

export async function askCourseSubjects(
  conversation: Conv,
  ctx: ConvContext,
  deps: BotDeps,
  locale: string,
  initial: number[] = [],
): Promise<{ ctx: ConvContext; value: number[] }> {
  const subjects = await conversation.external(async () =>
    (await deps.services.directory.subjects()).map(({ id, nameRu, nameEn }) => ({ id, nameRu, nameEn })),
  );
  const chosen = new Set(initial.filter((id) => subjects.some((s) => s.id === id)));
  await ctx.reply(ctx.t("course-ask-subjects"), { ...HTML, reply_markup: keyboard(ctx.t, subjects, chosen, locale) });
  for (;;) {
    const c = await conversation.waitForCallbackQuery([courseSubjectData.filter(), COURSE_SUBJECTS_DONE], {
      otherwise: (x) => nudge(x, "expect-subjects"),
    });
    if (c.callbackQuery.data === COURSE_SUBJECTS_DONE) {
      if (chosen.size === 0) {
        await c.answerCallbackQuery({ text: c.t("error-subjects-empty"), show_alert: true });
        continue;
      }
      await c.answerCallbackQuery();
      const names = subjects.filter((s) => chosen.has(s.id)).map((s) => (locale === "en" ? s.nameEn : s.nameRu));
      await c.editMessageText(c.t("subjects-chosen", { subjects: names.join(", ") }), HTML);
      return { ctx: c, value: [...chosen] };
    }
    const { id } = courseSubjectData.unpack(c.callbackQuery.data);
    if (chosen.has(id)) chosen.delete(id);
    else chosen.add(id);
    await c.answerCallbackQuery();
    await c.editMessageReplyMarkup({ reply_markup: keyboard(c.t, subjects, chosen, locale) });
  }
}

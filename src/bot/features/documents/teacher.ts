// A methodist's teacher card: /teacher <name> finds the people of her scope (a district's methodist, her
// district's), a press opens one: her school, subjects, attestation and record of the year, with her
// portfolio for this academic year, the one before, or a span the methodist types.
import { Composer, InlineKeyboard } from "grammy";
import { snippet } from "../../../domain/text.js";
import { isScoped, scopeOf } from "../../../domain/scope.js";
import type { BotContext, BotDeps, RegisteredContext } from "../../context.js";

import { methodistOnly, only } from "../../middlewares/guards.js";
import { attestationText, recordText } from "../profile/card.js";
import { teacherData } from "./callbacks.js";
import { refuse } from "../../replies.js";
import { portfolioButtons } from "./shared.js";

/** people offered at once: more than that, the methodist is asked to narrow the search */
const SHOWN = 10;

export function teacherFeature(deps: BotDeps) {
  const { documents, users, record } = deps.services;
  const composer = new Composer<BotContext>();
  const methodists = only(composer, methodistOnly);

  async function card(ctx: RegisteredContext, personId: number): Promise<void> {
    await documents.access(ctx.user, personId);
    const [profile, year] = await Promise.all([users.profile(personId), record.of(personId)]);
    if (!profile) return;
    const locale = await ctx.i18n.getLocale();
    const school = !profile.school ? "—" : profile.school.district ? `${profile.school.name}, ${profile.school.district.name}` : profile.school.name;
    const text = [
      ctx.t("teacher-card", {
        name: profile.fullName ?? "—",
        school,
        subjects: profile.subjects.map((s) => (locale === "en" ? s.nameEn : s.nameRu)).join(", ") || "—",
        attestation: attestationText(ctx.t, profile, deps.config.TIMEZONE),
      }),
      "",
      recordText(ctx.t, year),
    ].join("\n");
    await ctx.reply(text, { reply_markup: portfolioButtons(ctx, deps, personId) });
  }

  methodists.command("teacher", async (ctx) => {
    const query = ctx.match.trim();
    if (!query) return ctx.reply(ctx.t("teacher-ask"));
    const { people, total } = await documents.findPeople(ctx.user, query, SHOWN);
    if (!people.length) {
      const scope = ctx.t(isScoped(scopeOf(ctx.user)) ? "teacher-none-scope-district" : "teacher-none-scope-all");
      return ctx.reply(ctx.t("teacher-none", { scope }));
    }
    if (people.length === 1) return card(ctx, people[0]!.id);
    const kb = new InlineKeyboard();
    for (const p of people) {
      const where = [p.school && snippet(p.school, 24), p.district && snippet(p.district, 16)].filter(Boolean).join(", ");
      kb.text(where ? `${p.name} · ${where}` : p.name, teacherData.pack({ id: p.id })).row();
    }
    const more = total > people.length ? `\n${ctx.t("teacher-more", { shown: people.length, total })}` : "";
    await ctx.reply(ctx.t("teacher-pick") + more, { reply_markup: kb });
  });

  methodists.callbackQuery(teacherData.filter(), async (ctx) => {
    const { id } = teacherData.unpack(ctx.callbackQuery.data);
    try {
      await documents.access(ctx.user, id);
    } catch (e) {
      return refuse(ctx, e);
    }
    await ctx.answerCallbackQuery();
    await card(ctx, id);
  });
  return composer;
}

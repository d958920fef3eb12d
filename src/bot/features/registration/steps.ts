// The questions of registration, reused by the profile editor: each asks until the answer is valid.
import { InlineKeyboard } from "grammy";
import type { School, Subject } from "../../../domain/directory.js";
import { snippet } from "../../../domain/text.js";
import { validateFullName } from "../../../domain/users.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { askText, nudge } from "../../conversations/kit.js";
import { NOOP, pager } from "../../keyboards.js";
import { consentData, languageData, onboardingLanguageData, SCHOOL_LIST, SUBJECTS_DONE, schoolData, schoolPageData, subjectData } from "./callbacks.js";

export const SCHOOL_PAGE_SIZE = 8;

export const languageKeyboard = (t: ConvContext["t"], data: typeof languageData = languageData) =>
  new InlineKeyboard().text(t("lang-ru"), data.pack({ code: "ru" })).text(t("lang-en"), data.pack({ code: "en" }));

/** Language first: every later question is asked in it. */
export async function askLanguage(conversation: Conv, ctx: ConvContext): Promise<{ ctx: ConvContext; locale: string }> {
  await ctx.reply(ctx.t("start-choose-language"), { reply_markup: languageKeyboard(ctx.t, onboardingLanguageData) });
  const pressed = await conversation.waitForCallbackQuery(onboardingLanguageData.filter(), {
    otherwise: (c) => nudge(c, "expect-button"),
  });
  const { code } = onboardingLanguageData.unpack(pressed.callbackQuery.data);
  const locale = code === "en" ? "en" : "ru";
  pressed.i18n.useLocale(locale);
  // remembered in the session (not personal data) so that messages outside this flow use it too
  await conversation.external(async (outer) => {
    (await outer.session).language = locale;
  });
  await pressed.answerCallbackQuery();
  await pressed.editMessageText(pressed.t("language-chosen"));
  return { ctx: pressed, locale };
}

/** Consent to personal-data processing (152-ФЗ). Returns false on refusal. */
export async function askConsent(conversation: Conv, ctx: ConvContext): Promise<{ ctx: ConvContext; agreed: boolean }> {
  const kb = new InlineKeyboard()
    .text(ctx.t("consent-agree"), consentData.pack({ agree: true }))
    .row()
    .text(ctx.t("consent-decline"), consentData.pack({ agree: false }));
  await ctx.reply(ctx.t("consent-text"), { reply_markup: kb });
  const pressed = await conversation.waitForCallbackQuery(consentData.filter(), { otherwise: (c) => nudge(c, "expect-button") });
  const { agree } = consentData.unpack(pressed.callbackQuery.data);
  await pressed.answerCallbackQuery();
  await pressed.editMessageReplyMarkup();
  return { ctx: pressed, agreed: agree };
}

export async function askFullName(conversation: Conv, ctx: ConvContext): Promise<{ ctx: ConvContext; value: string }> {
  return askText(conversation, ctx, { question: ctx.t("ask-full-name"), validate: validateFullName });
}

type SchoolItem = Pick<School, "id" | "name">;

function schoolButtons(items: (SchoolItem & { label?: string })[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const s of items) kb.text(s.label ?? s.name, schoolData.pack({ id: s.id })).row();
  return kb;
}

/** -1: every school; 0: the schools without a district; else a district's */
const ALL_SCHOOLS = -1;

/**
 * School: typed words find it, or the full list, paged; in a regional deployment the list asks for the
 * district first (a region has hundreds of schools). The answer is a pressed button.
 */
export async function askSchool(conversation: Conv, ctx: ConvContext, deps: BotDeps): Promise<{ ctx: ConvContext; value: SchoolItem }> {
  const { directory } = deps.services;
  const listButton = (t: ConvContext["t"]) => new InlineKeyboard().text(t("school-list-button"), SCHOOL_LIST);
  const page = (n: number, district: number) =>
    conversation.external(async () => {
      const where = district === ALL_SCHOOLS ? {} : { districtId: district || null };
      const { items, total } = await directory.schoolPage(n, SCHOOL_PAGE_SIZE, where);
      const name = district > 0 ? ((await directory.district(district))?.name ?? "") : "";
      return { items: items.map(({ id, name }) => ({ id, name })), pages: Math.ceil(total / SCHOOL_PAGE_SIZE), district: name };
    });
  const districts = await conversation.external(async () => ({
    list: (await directory.districts()).map(({ id, name }) => ({ id, name })),
    orphans: await directory.schoolsWithoutDistrict(),
  }));
  const regional = districts.list.length > 0;

  await ctx.reply(ctx.t("ask-school"), { reply_markup: listButton(ctx.t) });
  for (;;) {
    const c = await conversation.waitFor(["message:text", "callback_query:data"], { otherwise: (x) => nudge(x, "expect-school") });
    if (c.message?.text !== undefined) {
      const query = c.message.text;
      const found = await conversation.external(async () =>
        // in a region two districts may have schools of similar names: the button says which district
        (await directory.searchSchools(query)).map(({ id, name, district }) => ({ id, name, label: district ? `${name} · ${district.name}` : name })),
      );
      if (found.length === 0) await c.reply(c.t("school-search-none", { query: snippet(query, 100) }), { reply_markup: listButton(c.t) });
      else {
        const kb = schoolButtons(found).text(c.t("school-list-button"), SCHOOL_LIST);
        await c.reply(c.t("school-search-results"), { reply_markup: kb });
      }
      continue;
    }
    const data = c.callbackQuery?.data ?? "";
    if (schoolData.filter().test(data)) {
      const { id } = schoolData.unpack(data);
      const school = await conversation.external(async () => {
        const s = await directory.school(id);
        return s ? { id: s.id, name: s.name } : null;
      });
      if (!school) {
        await c.answerCallbackQuery({ text: c.t("error-school-not-found") });
        continue;
      }
      await c.answerCallbackQuery();
      await c.editMessageText(c.t("school-chosen", { school: school.name }));
      return { ctx: c, value: school };
    }
    if (data === SCHOOL_LIST && regional) {
      await c.answerCallbackQuery();
      const kb = new InlineKeyboard();
      for (const d of districts.list) kb.text(d.name, schoolPageData.pack({ page: 0, district: d.id })).row();
      if (districts.orphans > 0) kb.text(c.t("school-list-other"), schoolPageData.pack({ page: 0, district: 0 }));
      // the first press turns the prompt into the list; later presses edit it in place
      await c.editMessageText(c.t("school-list-districts"), { reply_markup: kb });
      continue;
    }
    if (data === SCHOOL_LIST || schoolPageData.filter().test(data)) {
      const { page: n, district } = data === SCHOOL_LIST ? { page: 0, district: ALL_SCHOOLS } : schoolPageData.unpack(data);
      const p = await page(n, district);
      await c.answerCallbackQuery();
      const kb = pager(schoolButtons(p.items), n, p.pages, (to) => schoolPageData.pack({ page: to, district }));
      if (regional) kb.row().text(c.t("school-list-back"), SCHOOL_LIST);
      const where = { page: n + 1, pages: Math.max(p.pages, 1) };
      const text = p.district ? c.t("school-list-page-district", { ...where, district: p.district }) : c.t("school-list-page", where);
      await c.editMessageText(text, { reply_markup: kb });
      continue;
    }
    if (data === NOOP) await c.answerCallbackQuery();
    else await c.answerCallbackQuery({ text: c.t("unknown-button") });
  }
}

type SubjectItem = Pick<Subject, "id" | "nameRu" | "nameEn">;

function subjectKeyboard(t: ConvContext["t"], subjects: SubjectItem[], chosen: Set<number>, locale: string): InlineKeyboard {
  const kb = new InlineKeyboard();
  subjects.forEach((s, i) => {
    const name = locale === "en" ? s.nameEn : s.nameRu;
    kb.text(`${chosen.has(s.id) ? "✅ " : ""}${name}`, subjectData.pack({ id: s.id }));
    if (i % 2 === 1) kb.row();
  });
  return kb.row().text(t("subjects-done"), SUBJECTS_DONE);
}

/**
 * Subjects: toggles, then Done (at least one). Registration and the profile ask which subjects she
 * teaches; a course or a meeting asks whom it is for (`question`).
 */
export async function askSubjects(
  conversation: Conv,
  ctx: ConvContext,
  deps: BotDeps,
  locale: string,
  initial: number[] = [],
  question = "ask-subjects",
): Promise<{ ctx: ConvContext; value: number[] }> {
  const subjects = await conversation.external(async () =>
    (await deps.services.directory.subjects()).map(({ id, nameRu, nameEn }) => ({ id, nameRu, nameEn })),
  );
  const chosen = new Set(initial.filter((id) => subjects.some((s) => s.id === id)));
  await ctx.reply(ctx.t(question), { reply_markup: subjectKeyboard(ctx.t, subjects, chosen, locale) });
  for (;;) {
    const c = await conversation.waitForCallbackQuery([subjectData.filter(), SUBJECTS_DONE], {
      otherwise: (x) => nudge(x, "expect-subjects"),
    });
    const data = c.callbackQuery.data;
    if (data === SUBJECTS_DONE) {
      if (chosen.size === 0) {
        await c.answerCallbackQuery({ text: c.t("error-subjects-empty"), show_alert: true });
        continue;
      }
      await c.answerCallbackQuery();
      const names = subjects.filter((s) => chosen.has(s.id)).map((s) => (locale === "en" ? s.nameEn : s.nameRu));
      await c.editMessageText(c.t("subjects-chosen", { subjects: names.join(", ") }));
      return { ctx: c, value: [...chosen] };
    }
    const { id } = subjectData.unpack(data);
    if (chosen.has(id)) chosen.delete(id);
    else chosen.add(id);
    await c.answerCallbackQuery();
    await c.editMessageReplyMarkup({ reply_markup: subjectKeyboard(c.t, subjects, chosen, locale) });
  }
}

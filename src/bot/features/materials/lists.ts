// The screens of the materials section that show lists: the start screen, browsing by subject → type →
// grade, search results, top lists and "my materials". Each screen is built from plain data and edits
// the message it was opened from.
import { InlineKeyboard } from "grammy";
import type { ListItem, MaterialService, MaterialType, Page } from "../../../domain/materials/index.js";
import { MATERIAL_TYPES } from "../../../domain/materials/index.js";
import type { Translate } from "../../../i18n.js";
import { pager } from "../../keyboards.js";
import { hubData, listData, minePageData, QUEUE, searchPageData, subjectData, topData, typeData } from "./callbacks.js";
import { gradeName, listButtons, listLines, subjectName, typeName } from "./card.js";
import { queryToken } from "./query.js";

export const PAGE_SIZE = 5;

export interface Screen {
  text: string;
  keyboard: InlineKeyboard;
}

const pages = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));
const typeAt = (t: number): MaterialType | undefined => (t >= 0 ? MATERIAL_TYPES[t] : undefined);

export function hubScreen(t: Translate, opts: { methodist: boolean; pending: number }): Screen {
  const b = (key: string, a: string) => [t(key), hubData.pack({ a })] as const;
  const kb = new InlineKeyboard()
    .text(...b("material-hub-browse", "browse"))
    .text(...b("material-hub-search", "search"))
    .row()
    .text(...b("material-hub-top", "top"))
    .text(...b("material-hub-mine", "mine"))
    .row()
    .text(...b("material-hub-share", "share"));
  if (opts.methodist) kb.row().text(t("material-hub-moderate", { count: opts.pending }), QUEUE);
  return { text: t("material-hub"), keyboard: kb };
}

/** Subjects with published materials; `next` decides where a subject leads (browsing or the top). */
export async function subjectsScreen(t: Translate, materials: MaterialService, locale: string, mode: "browse" | "top"): Promise<Screen> {
  const subjects = await materials.subjectsWithMaterials();
  const kb = new InlineKeyboard();
  // the way back to the section's start screen, as every screen after this one has its own
  const back = () => kb.row().text(t("material-back"), hubData.pack({ a: "hub" }));
  if (!subjects.length) {
    kb.text(t("material-hub-share"), hubData.pack({ a: "share" }));
    back();
    return { text: t("material-bank-empty"), keyboard: kb };
  }
  subjects.forEach((s, i) => {
    const data = mode === "browse" ? subjectData.pack({ s: s.id }) : topData.pack({ s: s.id, all: false });
    kb.text(`${subjectName(s, locale)} (${s.count})`, data);
    if (i % 2 === 1) kb.row();
  });
  back();
  return { text: t(mode === "browse" ? "material-pick-subject" : "material-top-pick-subject"), keyboard: kb };
}

export async function typesScreen(t: Translate, materials: MaterialService, subject: string, s: number): Promise<Screen> {
  const types = await materials.typesOf(s);
  const total = types.reduce((n, x) => n + x.count, 0);
  const kb = new InlineKeyboard().text(t("material-all-types", { count: total }), typeData.pack({ s, t: -1 })).row();
  for (const x of types) kb.text(`${typeName(t, x.type)} (${x.count})`, typeData.pack({ s, t: MATERIAL_TYPES.indexOf(x.type) })).row();
  kb.text(t("material-back"), hubData.pack({ a: "browse" }));
  return { text: t("material-pick-type", { subject }), keyboard: kb };
}

export async function gradesScreen(t: Translate, materials: MaterialService, subject: string, s: number, ti: number): Promise<Screen> {
  const type = typeAt(ti);
  const grades = await materials.gradesOf(s, type);
  const kb = new InlineKeyboard().text(t("material-all-grades"), listData.pack({ s, t: ti, g: "all", p: 0 })).row();
  grades.forEach((x, i) => {
    kb.text(`${gradeName(t, x.grade)} (${x.count})`, listData.pack({ s, t: ti, g: x.grade, p: 0 }));
    if (i % 4 === 3) kb.row();
  });
  kb.row().text(t("material-back"), subjectData.pack({ s }));
  return { text: t("material-pick-grade", { subject, type: type ? typeName(t, type) : t("material-any-type") }), keyboard: kb };
}

function pageScreen(t: Translate, heading: string, page: Page<ListItem>, p: number, data: (p: number) => string, opts: { status?: boolean } = {}): Screen {
  const offset = p * PAGE_SIZE;
  const kb = pager(listButtons(page.items, offset), p, pages(page.total), data);
  const body = page.items.length ? listLines(t, page.items, offset, opts) : t("material-list-empty");
  return { text: `${heading}\n\n${body}`, keyboard: kb };
}

export async function listScreen(t: Translate, materials: MaterialService, subject: string, s: number, ti: number, g: string, p: number): Promise<Screen> {
  const type = typeAt(ti);
  const grade = g === "all" ? undefined : g;
  const page = await materials.browse({ subjectId: s, type, grade }, p, PAGE_SIZE);
  const heading = t("material-list-heading", {
    subject,
    type: type ? typeName(t, type) : t("material-any-type"),
    grade: grade ? gradeName(t, grade) : t("material-any-grade"),
    total: page.total,
  });
  const screen = pageScreen(t, heading, page, p, (n) => listData.pack({ s, t: ti, g, p: n }));
  screen.keyboard.row().text(t("material-back"), typeData.pack({ s, t: ti }));
  return screen;
}

export async function searchScreen(t: Translate, materials: MaterialService, q: string, p: number): Promise<Screen> {
  const page = await materials.search(q, p, PAGE_SIZE);
  if (!page.total) {
    return { text: t("material-search-none", { query: q }), keyboard: new InlineKeyboard().text(t("material-search-again"), hubData.pack({ a: "search" })) };
  }
  const token = queryToken(q);
  const screen = pageScreen(t, t("material-search-heading", { query: q, total: page.total }), page, p, (n) => searchPageData.pack({ p: n, q: token }));
  screen.keyboard.row().text(t("material-search-again"), hubData.pack({ a: "search" }));
  return screen;
}

/** A page button of a long query this chat no longer keeps. */
export function searchExpiredScreen(t: Translate): Screen {
  return { text: t("material-search-expired"), keyboard: new InlineKeyboard().text(t("material-search-again"), hubData.pack({ a: "search" })) };
}

export async function topScreen(t: Translate, materials: MaterialService, subject: string, s: number, all: boolean): Promise<Screen> {
  const items = await materials.top(s, all ? "all" : "month");
  const heading = t(all ? "material-top-all-heading" : "material-top-month-heading", { subject });
  const body = items.length ? listLines(t, items, 0) : t("material-top-empty");
  const screen = { text: `${heading}\n\n${body}`, keyboard: listButtons(items, 0) };
  screen.keyboard
    .row()
    .text(t(all ? "material-top-month-button" : "material-top-all-button"), topData.pack({ s, all: !all }))
    .row()
    .text(t("material-back"), hubData.pack({ a: "top" }));
  return screen;
}

export async function mineScreen(t: Translate, materials: MaterialService, userId: number, p: number): Promise<Screen> {
  const page = await materials.mine(userId, p, PAGE_SIZE);
  if (!page.total) {
    return { text: t("material-mine-empty"), keyboard: new InlineKeyboard().text(t("material-hub-share"), hubData.pack({ a: "share" })) };
  }
  return pageScreen(t, t("material-mine-heading", { total: page.total }), page, p, (n) => minePageData.pack({ p: n }), { status: true });
}

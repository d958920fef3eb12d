// Keyboards shared by several features.
import { type InlineKeyboard, Keyboard } from "grammy";
import type { Scope } from "../domain/scope.js";
import type { Role } from "../domain/users.js";
import { isMethodistRole } from "../domain/users.js";
import type { Translate } from "../i18n.js";

/** Main-menu sections: the message id of each button (also what handlers match on, in any language). */
export const MENU = {
  courses: "menu-courses",
  lessons: "menu-lessons",
  materials: "menu-materials",
  meetings: "menu-meetings",
  profile: "menu-profile",
  methodist: "menu-methodist",
} as const;

/** The persistent main menu under the input field; methodists and admins get their panel too. */
export function mainMenu(t: Translate, role: Role | undefined): Keyboard {
  const kb = new Keyboard().text(t(MENU.courses)).text(t(MENU.lessons)).row().text(t(MENU.materials)).text(t(MENU.meetings)).row().text(t(MENU.profile));
  if (isMethodistRole(role)) kb.text(t(MENU.methodist));
  return kb.resized().persistent();
}

/** A school on a button: with its district for staff of the whole region, who pick among many districts' «СОШ № 1». */
export function schoolWithDistrict(s: { name: string; district: { name: string } | null }, scope: Scope): string {
  return scope.districtId === null && s.district ? `${s.name} · ${s.district.name}` : s.name;
}

/** Callback data of buttons that only show something (the page counter): answered silently. */
export const NOOP = "noop";

/** ◀ 2/5 ▶ under a paged list; `data(page)` builds each arrow's callback data. */
export function pager(kb: InlineKeyboard, page: number, pages: number, data: (page: number) => string): InlineKeyboard {
  if (pages <= 1) return kb;
  kb.row();
  if (page > 0) kb.text("◀", data(page - 1));
  kb.text(`${page + 1}/${pages}`, NOOP);
  if (page < pages - 1) kb.text("▶", data(page + 1));
  return kb;
}

// What a t.me/<bot>?start=<payload> link opens (src/bot/deep-links.ts makes them): a registered person
// sees it at once, someone new right after registering. Another kind of link is one line in START_LINKS.
// (The certificate check, /start verify-…, needs no registration: documents/verify.ts answers it first.)
import { isDomainError } from "../../../domain/errors.js";
import type { BotDeps, RegisteredContext } from "../../context.js";

import { mainMenu } from "../../keyboards.js";
import { showCourseCard } from "../courses/teacher.js";
import { lessonCards } from "../lessons/index.js";
import { showMeetingCard } from "../meetings/index.js";

type Open = (ctx: RegisteredContext, deps: BotDeps, id: number) => Promise<void>;

/** payload → what it opens; the card's own rules decide who may see it (another district's: a refusal) */
const START_LINKS: [RegExp, Open][] = [
  [/^course-(\d{1,9})$/, showCourseCard],
  [/^lesson-(\d{1,9})$/, (ctx, deps, id) => lessonCards(deps).card(ctx, id, false)],
  [/^meeting-(\d{1,9})$/, showMeetingCard],
];

/** The link a payload is, if any. */
export function parseStartLink(payload: string): { open: Open; id: number } | null {
  for (const [pattern, open] of START_LINKS) {
    const m = pattern.exec(payload.trim());
    if (m) return { open, id: Number(m[1]) };
  }
  return null;
}

/**
 * Opens a link for a registered person. A card she may not see or that is gone is refused
 * in words; a payload nobody made (a cut link) is answered calmly, with the menu.
 */
export async function openStartLink(ctx: RegisteredContext, deps: BotDeps, payload: string): Promise<void> {
  const link = parseStartLink(payload);
  if (!link) {
    await ctx.reply(ctx.t("start-link-unknown"), { reply_markup: mainMenu(ctx.t, ctx.user.role) });
    return;
  }
  try {
    await link.open(ctx, deps, link.id);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    await ctx.reply(ctx.t(`error-${e.code}`, e.args), { reply_markup: mainMenu(ctx.t, ctx.user.role) });
  }
}

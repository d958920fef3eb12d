// /start for someone new: language → consent → name → school (preset by a school's invitation link) →
// "is this you?" on a matching row of the staff list → subjects → main menu.
// Nothing is stored until the last step; refusing consent stores nothing at all. A shared card's link
// that brought her (`start`, the /start payload) opens that card once she is registered.
import type { BotDeps, Conv, ConvContext } from "../../context.js";

import { refreshUserCommands } from "../../commands.js";
import { mainMenu } from "../../keyboards.js";
import { invitedSchoolId } from "./invitation.js";
import { asRegistered } from "../../middlewares/guards.js";
import { openStartLink } from "./start-links.js";
import { askStaffMatch } from "./staff-match.js";
import { askConsent, askFullName, askLanguage, askSchool, askSubjects } from "./steps.js";

export const ONBOARDING = "onboarding";

export function onboarding(deps: BotDeps) {
  /** `start`: the /start payload that brought her: a school's invitation (school_<id>) presets her school, a shared card opens at the end */
  return async function onboardingConversation(conversation: Conv, ctx: ConvContext, start = ""): Promise<void> {
    const invitedSchool = invitedSchoolId(start);
    const lang = await askLanguage(conversation, ctx);
    const consent = await askConsent(conversation, lang.ctx);
    if (!consent.agreed) {
      // the chosen language was kept in the session: forget it as well
      await conversation.external((outer) => {
        outer.session = null as never; // deletes the session row
      });
      await consent.ctx.reply(consent.ctx.t("consent-declined"), { reply_markup: { remove_keyboard: true } });
      return;
    }
    const consentAt = await conversation.now();
    const name = await askFullName(conversation, consent.ctx);
    const invited =
      invitedSchool === null
        ? null
        : await conversation.external(async () => {
            const s = await deps.services.directory.school(invitedSchool);
            return s ? { id: s.id, name: s.name } : null;
          });
    let school: { ctx: ConvContext; value: { id: number; name: string } };
    if (invited) {
      await name.ctx.reply(name.ctx.t("school-invited", { school: invited.name }));
      school = { ctx: name.ctx, value: invited };
    } else school = await askSchool(conversation, name.ctx, deps);
    const match = await askStaffMatch(conversation, school.ctx, deps, school.value.id, name.value);
    // /language may have been used on the way: from here on, the language chosen last
    const subjects = await askSubjects(conversation, match.ctx, deps, await match.ctx.i18n.getLocale());
    const c = subjects.ctx;
    const from = c.from!;
    const language = await c.i18n.getLocale();
    const user = await conversation.external(async (outer) => {
      const u = await deps.services.users.register({
        telegramId: from.id,
        username: from.username,
        fullName: name.value,
        language,
        schoolId: school.value.id,
        subjectIds: subjects.value,
        consentAt: new Date(consentAt),
      });
      // her row of the staff list, as she confirmed (unless someone claimed it meanwhile)
      if (match.staffId !== null) await deps.services.staff.confirm(match.staffId, u.id);
      // an admin from config: her own command menu at once
      if (u.role !== "teacher") await refreshUserCommands(outer.api, deps.messages, u, outer.log);
      return { role: u.role, fullName: u.fullName ?? "" };
    });
    await c.reply(c.t("registered", { name: user.fullName }), { reply_markup: mainMenu(c.t, user.role) });
    // a shared card's link opens that card now (a school's invitation did its part: the school)
    if (start && invitedSchool === null)
      await conversation.external(async (outer) => {
        outer.user = await deps.services.users.byTelegramId(from.id);
        await openStartLink(asRegistered(outer), deps, start);
      });
  };
}

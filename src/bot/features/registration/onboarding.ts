// /start for someone new: language → consent → name → school → subjects → main menu.
// Nothing is stored until the last step; refusing consent stores nothing at all. A shared card's link
// that brought her (`start`, the /start payload) opens that card once she is registered.
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { HTML } from "../../conversations/kit.js";
import { refreshUserCommands } from "../../commands.js";
import { mainMenu } from "../../keyboards.js";
import { openStartLink } from "./start-links.js";
import { askConsent, askFullName, askLanguage, askSchool, askSubjects } from "./steps.js";

export const ONBOARDING = "onboarding";

export function onboarding(deps: BotDeps) {
  return async function onboardingConversation(conversation: Conv, ctx: ConvContext, start = ""): Promise<void> {
    const lang = await askLanguage(conversation, ctx);
    const consent = await askConsent(conversation, lang.ctx);
    if (!consent.agreed) {
      // the chosen language was kept in the session: forget it as well
      await conversation.external((outer) => {
        outer.session = null as never; // deletes the session row
      });
      await consent.ctx.reply(consent.ctx.t("consent-declined"), { ...HTML, reply_markup: { remove_keyboard: true } });
      return;
    }
    const consentAt = await conversation.now();
    const name = await askFullName(conversation, consent.ctx);
    const school = await askSchool(conversation, name.ctx, deps);
    // /language may have been used on the way: from here on, the language chosen last
    const subjects = await askSubjects(conversation, school.ctx, deps, await school.ctx.i18n.getLocale());
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
      // an admin from config: her own command menu at once
      if (u.role !== "teacher") await refreshUserCommands(outer.api, deps.messages, u, outer.log);
      return { role: u.role, fullName: u.fullName ?? "" };
    });
    await c.reply(c.t("registered", { name: user.fullName }), { ...HTML, reply_markup: mainMenu(c.t, user.role) });
    if (start)
      await conversation.external(async (outer) => {
        outer.user = await deps.services.users.byTelegramId(from.id);
        await openStartLink(outer, deps, start);
      });
  };
}

// Conversations that change one field of the profile, reusing the registration questions.
import type { BotDeps, Conv, ConvContext } from "../../context.js";

import { askFullName, askSchool, askSubjects } from "../registration/steps.js";
import { asRegistered } from "../../middlewares/guards.js";

export const EDIT_NAME = "profile-name";
export const EDIT_SCHOOL = "profile-school";
export const EDIT_SUBJECTS = "profile-subjects";

async function me(conversation: Conv) {
  return conversation.external((outer) => {
    const { user } = asRegistered(outer);
    return { id: user.id, language: user.language };
  });
}

export function editName(deps: BotDeps) {
  return async (conversation: Conv, ctx: ConvContext) => {
    const { id } = await me(conversation);
    const name = await askFullName(conversation, ctx);
    await conversation.external(() => deps.services.users.update(id, { fullName: name.value }).then(() => undefined));
    await name.ctx.reply(name.ctx.t("profile-updated"));
  };
}

export function editSchool(deps: BotDeps) {
  return async (conversation: Conv, ctx: ConvContext) => {
    const { id } = await me(conversation);
    const school = await askSchool(conversation, ctx, deps);
    await conversation.external(() => deps.services.users.update(id, { schoolId: school.value.id }).then(() => undefined));
    await school.ctx.reply(school.ctx.t("profile-updated"));
  };
}

export function editSubjects(deps: BotDeps) {
  return async (conversation: Conv, ctx: ConvContext) => {
    const { id, language } = await me(conversation);
    const current = await conversation.external(async () => (await deps.services.users.profile(id))?.subjects.map((s) => s.id) ?? []);
    const subjects = await askSubjects(conversation, ctx, deps, language, current);
    await conversation.external(() => deps.services.users.update(id, { subjectIds: subjects.value }).then(() => undefined));
    await subjects.ctx.reply(subjects.ctx.t("profile-updated"));
  };
}

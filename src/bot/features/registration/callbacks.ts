import { createCallbackData } from "callback-data";

/** /language and the profile (handled anywhere, even mid-flow) */
export const languageData = createCallbackData("lang", { code: String });
/** the first question of registration (answered inside the onboarding conversation) */
export const onboardingLanguageData = createCallbackData("olang", { code: String });
export const consentData = createCallbackData("consent", { agree: Boolean });
export const schoolData = createCallbackData("school", { id: Number });
export const schoolPageData = createCallbackData("schools", { page: Number });
export const subjectData = createCallbackData("subj", { id: Number });
export const SUBJECTS_DONE = "subj-done";

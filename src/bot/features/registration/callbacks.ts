import { createCallbackData, SignedNumber } from "../../../callback-data.js";

/** /language and the profile (handled anywhere, even mid-flow) */
export const languageData = createCallbackData("lang", { code: String });
/** the first question of registration (answered inside the onboarding conversation) */
export const onboardingLanguageData = createCallbackData("olang", { code: String });
export const consentData = createCallbackData("consent", { agree: Boolean });
export const schoolData = createCallbackData("school", { id: Number });
/** a page of the school list: district -1 = every school (no districts), 0 = schools without a district, else that district's */
export const schoolPageData = createCallbackData("schools", { page: Number, district: SignedNumber });
/** "the full list": in a regional deployment, the districts first */
export const SCHOOL_LIST = "schools-list";
export const subjectData = createCallbackData("subj", { id: Number });
export const SUBJECTS_DONE = "subj-done";
/** "Is this you?" on a row of the staff list at registration; `STAFF_NOT_ME`: none of them */
export const staffMatchData = createCallbackData("stme", { id: Number });
export const STAFF_NOT_ME = "stme-no";

import { createCallbackData } from "../../../callback-data.js";

/** /staff's buttons */
export const STAFF_LOAD = "staff-load";
export const STAFF_UNLINKED = "staff-unlinked";
export const STAFF_INVITE = "staff-invite";
/** the import's last step */
export const STAFF_APPLY = "staff-apply";
export const STAFF_CANCEL = "staff-cancel";
/** a page of the schools to invite, and one school's invitation */
export const staffInvitePageData = createCallbackData("stinvp", { page: Number });
export const staffInviteData = createCallbackData("stinv", { school: Number });
/** linking by hand: a person in the bot, then the row of the staff list she is */
export const staffLinkUserData = createCallbackData("stlku", { user: Number });
export const staffLinkRowData = createCallbackData("stlkr", { user: Number, row: Number });

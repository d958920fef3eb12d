import { createCallbackData } from "callback-data";

export const pickUserData = createCallbackData("ru", { id: Number });
export const setRoleData = createCallbackData("rs", { id: Number, role: String });
export const ROLE_CANCEL = "rs-cancel";

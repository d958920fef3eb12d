import { createCallbackData } from "../../../callback-data.js";

export const pickUserData = createCallbackData("ru", { id: Number });
export const setRoleData = createCallbackData("rs", { id: Number, role: String });
export const ROLE_CANCEL = "rs-cancel";
/** a methodist's district of work; 0 = the whole deployment */
export const roleDistrictData = createCallbackData("rd", { id: Number });
/** /directory: the schools a file puts in another district move there, or are other schools of the same name */
export const DIRECTORY_MOVE = "dir-move";
export const DIRECTORY_NEW = "dir-new";
export const DIRECTORY_CANCEL = "dir-cancel";

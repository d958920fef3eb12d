import { createCallbackData } from "../../../callback-data.js";

export const profileData = createCallbackData("prof", { action: String });
export const deleteData = createCallbackData("del", { sure: Boolean });
/** a qualification category in the attestation step */
export const categoryData = createCallbackData("att", { category: String });

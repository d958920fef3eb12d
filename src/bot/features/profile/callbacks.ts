import { createCallbackData } from "callback-data";

export const profileData = createCallbackData("prof", { action: String });
export const deleteData = createCallbackData("del", { sure: Boolean });

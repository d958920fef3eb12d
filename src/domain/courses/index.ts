// The courses feature as the bot, the site and the reports see it: the service, its data, its checks.
export * from "./service.js";
export * from "./state.js";
export type * from "./types.js";
export * from "./validate.js";

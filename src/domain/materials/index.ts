// The materials bank as the bot and the site see it: the service, its data, its checks.
export { parseQuery, searchKey, stem } from "./search.js";
export * from "./service.js";
export type * from "./types.js";
export * from "./validate.js";
export type { VoteOutcome } from "./votes.js";

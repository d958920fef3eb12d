// The staff list as the bot and the site see it: the service, its data.
export type { SchoolReach, StaffSummary } from "./invitations.js";
export type { Candidate, UnlinkedPeople } from "./matching.js";
export { MAX_STAFF_ROWS } from "./parse.js";
export * from "./service.js";
export type * from "./types.js";

// Documents as the bot and the site see them: the service, its data, certificate numbers.
export { formatNumber, parseNumber } from "./number.js";
export type { Issuer } from "./registry.js";
export * from "./service.js";
export { MAX_SPAN_YEARS } from "./spans.js";
export * from "./types.js";

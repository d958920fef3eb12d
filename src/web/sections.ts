// Every section of the site, in the order of the navigation. A new section: a folder under src/web/
// exporting a `Section` (routes with their access rules, a nav entry), listed here; the access test
// then asks each of its routes as every kind of person (see docs/EXTENDING.md, "A web section").
import { authSection } from "./auth/index.js";
import { homeSection } from "./home/index.js";
import { monitoringSection } from "./monitoring/index.js";
import type { Section } from "./routes.js";
// --- web-bank: the bank, moderation, broadcasts ---
import { bankSection } from "./bank/index.js";
import { broadcastsSection } from "./broadcasts/index.js";
import { moderationSection } from "./moderation/index.js";
// --- end web-bank ---
// --- events: courses, meetings, calendar feed, certificate check (branch web-events) ---
import { calendarSection } from "./calendar/index.js";
import { coursesSection } from "./courses/index.js";
import { meetingsSection } from "./meetings/index.js";
import { verifySection } from "./verify/index.js";
// --- end events ---

export const SECTIONS: Section[] = [
  homeSection,
  authSection,
  monitoringSection,
  // --- web-bank ---
  bankSection,
  moderationSection,
  broadcastsSection,
  // --- end web-bank ---
  // --- events (branch web-events) ---
  coursesSection,
  meetingsSection,
  calendarSection,
  verifySection,
  // --- end events ---
];

// Attestation: a teacher's qualification category (без категории / соответствие / первая / высшая) and
// the day it expires, which she keeps in her profile; the methodist's summary of who needs attention
// (expiring within 6 months, expired, not told) by school: of her district for a district's methodist,
// of the whole deployment (and by district, where the directory has them) for a regional one.
import { DateTime } from "luxon";
import type { Db } from "../../db/client.js";
import type { AttestationCategory } from "../../generated/sqlite/client.js";
import type { Clock } from "../clock.js";
import {
  districtOrder,
  leastCoveredFirst,
  NO_SCHOOL,
  type Place,
  placeOf,
  reportScope,
  schoolsLeastCoveredFirst,
  staffRowsWhere,
  staffSchoolSelect,
  tallyBySchool,
} from "../by-school.js";
import { byName, type ReadPeople } from "../people.js";
import { DomainError } from "../errors.js";
import type { Tasks } from "../tasks.js";
import { isMethodistRole, type User } from "../users.js";
import { createAttestationReminders } from "./reminders.js";
import { parseAttestationUntil } from "./validate.js";

export type { AttestationCategory };
export const CATEGORIES: AttestationCategory[] = ["none", "compliance", "first", "highest"];
export const isCategory = (s: string): s is AttestationCategory => (CATEGORIES as string[]).includes(s);

/** a category expiring this soon needs the methodist's attention */
export const ATTENTION_MONTHS = 6;

/** valid: a category that lasts beyond ATTENTION_MONTHS; none: "без категории"; unknown: not told yet */
export type AttestationStatus = "valid" | "expiring" | "expired" | "none" | "unknown";
export const ATTENTION: AttestationStatus[] = ["expired", "expiring", "unknown"];

export interface AttestedTeacher {
  name: string;
  school: string;
  cluster: string;
  /** her school's district (null: none) */
  district: string | null;
  category: AttestationCategory | null;
  until: Date | null;
  status: AttestationStatus;
  /** where the category comes from: what she told the bot, the staff list, or nowhere (null) */
  source: "bot" | "staff" | null;
  /** false: on the staff list only (not in the bot yet) */
  inBot: boolean;
}

export interface SchoolAttestation {
  school: string;
  cluster: string;
  /** the school's district (null: none) */
  district: string | null;
  teachers: number;
  /** with a category in force (valid or expiring) */
  current: number;
  /** of the teachers, on the staff list but not in the bot yet */
  notInBot: number;
}

/** A district's line of the summary; `district` null: teachers of schools in no district. */
export interface DistrictAttestation {
  district: string | null;
  teachers: number;
  current: number;
  notInBot: number;
}

export interface AttestationReport {
  /** the district the report is limited to (the methodist's), null for the whole deployment */
  district: string | null;
  teachers: number;
  counts: Record<AttestationStatus, number>;
  /** of the teachers, on the staff list but not in the bot yet */
  notInBot: number;
  /** teachers whose category the staff list tells (she told the bot none, or she is not in the bot) */
  fromStaff: number;
  /** whether the scope has a staff list (else the report counts the people in the bot only) */
  staffList: boolean;
  /**
   * For the whole deployment where the directory has districts: each district (with teachers), least
   * covered first, and last the teachers of schools in no district (if any). Empty otherwise.
   */
  districts: DistrictAttestation[];
  /** least covered first */
  schools: SchoolAttestation[];
  /** expired, expiring (soonest first), not told; by school and name within each */
  attention: AttestedTeacher[];
}

/** Where a teacher stands on `today` (the start of today in the deployment's zone). */
export function statusOf(
  u: { attestationCategory: AttestationCategory | null; attestationUntil: Date | null },
  today: Date,
  zone: string,
  soon = attentionFrom(today, zone),
): AttestationStatus {
  if (u.attestationCategory === "none") return "none";
  if (!u.attestationCategory || !u.attestationUntil) return "unknown";
  // valid through its last day
  if (u.attestationUntil.getTime() < today.getTime()) return "expired";
  return u.attestationUntil.getTime() < soon.getTime() ? "expiring" : "valid";
}

/** A category expiring before this day needs attention: ATTENTION_MONTHS after `today`. */
const attentionFrom = (today: Date, zone: string): Date => DateTime.fromJSDate(today, { zone }).plus({ months: ATTENTION_MONTHS }).toJSDate();

const ORDER: Record<AttestationStatus, number> = { expired: 0, expiring: 1, unknown: 2, none: 3, valid: 4 };

export function createAttestationService(db: Db, deps: { clock: Clock; zone: string; tasks: Tasks; people: ReadPeople }) {
  const reminders = createAttestationReminders(db, deps.tasks, deps.zone);
  const today = () => DateTime.fromJSDate(deps.clock.now(), { zone: deps.zone }).startOf("day").toJSDate();

  return {
    /** The expiry day she typed: see parseAttestationUntil. */
    parseUntil: (text: string): Date => parseAttestationUntil(text, deps.zone, deps.clock.now()),

    /** Stores her category ("none" clears the day) and (re)schedules the reminder. */
    async set(userId: number, category: AttestationCategory, until: Date | null): Promise<User> {
      if (category !== "none" && !until) throw new DomainError("attestation-date-format");
      const day = category === "none" ? null : until;
      const user = await db.user.update({ where: { id: userId }, data: { attestationCategory: category, attestationUntil: day } });
      await reminders.schedule(userId, day, deps.clock.now());
      return user;
    },

    /** Her data is being erased: her reminder goes too. */
    forget: (userId: number) => reminders.cancel(userId).then(() => undefined),

    /** Teachers (registered, active) by attestation status and school. Methodists only; a district's methodist, of her district. */
    async report(actor: User): Promise<AttestationReport> {
      if (!isMethodistRole(actor.role)) throw new DomainError("forbidden");
      const day = today();
      const soon = attentionFrom(day, deps.zone);
      const { scope, district, byDistrict } = await reportScope(db, actor);
      const [teachers, staffRows] = await Promise.all([
        deps.people(scope, { teachersOnly: true, activeOnly: true }),
        db.staffMember.findMany({
          where: staffRowsWhere(scope),
          select: { userId: true, fullName: true, category: true, categoryUntil: true, school: staffSchoolSelect },
        }),
      ]);
      const counts: Record<AttestationStatus, number> = { valid: 0, expiring: 0, expired: 0, none: 0, unknown: 0 };
      const tally = tallyBySchool(["teachers", "current", "notInBot"] as const);
      const attention: AttestedTeacher[] = [];
      const staffOf = new Map(staffRows.filter((r) => r.userId !== null).map((r) => [r.userId!, r]));
      let fromStaff = 0;
      let notInBot = 0;
      const count = (
        place: Place | null,
        name: string,
        category: AttestationCategory | null,
        until: Date | null,
        source: AttestedTeacher["source"],
        inBot: boolean,
      ) => {
        const status = statusOf({ attestationCategory: category, attestationUntil: until }, day, deps.zone, soon);
        counts[status]++;
        if (source === "staff") fromStaff++;
        const current = status === "valid" || status === "expiring";
        tally.add(place, "teachers", ...(current ? (["current"] as const) : []), ...(inBot ? [] : (["notInBot"] as const)));
        if (ATTENTION.includes(status))
          attention.push({
            name,
            school: place?.name ?? NO_SCHOOL,
            cluster: place?.cluster ?? "",
            district: place?.district ?? null,
            category,
            until,
            status,
            source,
            inBot,
          });
      };
      const counted = new Set<number>();
      for (const t of teachers) {
        counted.add(t.id);
        // what she told the bot comes first; the staff list fills in what she has not
        const row = staffOf.get(t.id);
        if (t.attestationCategory) count(t.place, t.fullName ?? "", t.attestationCategory, t.attestationUntil, "bot", true);
        else if (row?.category) count(t.place, t.fullName ?? "", row.category, row.categoryUntil, "staff", true);
        else count(t.place, t.fullName ?? "", null, null, null, true);
      }
      for (const r of staffRows) {
        if (r.userId !== null && counted.has(r.userId)) continue;
        if (r.userId === null) notInBot++;
        count(placeOf(r.school), r.fullName, r.category, r.categoryUntil, r.category ? "staff" : null, r.userId !== null);
      }
      const schools = tally.allSchools().sort(schoolsLeastCoveredFirst((r) => r.current));
      const districts = byDistrict
        ? tally.districts().sort(
            leastCoveredFirst(
              (r) => r.current,
              (r) => r.district,
            ),
          )
        : [];
      // most urgent first; within one state and day, by district (when there are several), school, name
      attention.sort(
        (a, b) =>
          ORDER[a.status] - ORDER[b.status] ||
          (a.until?.getTime() ?? 0) - (b.until?.getTime() ?? 0) ||
          districtOrder(a.district, b.district) ||
          byName(a.school, b.school) ||
          byName(a.name, b.name),
      );
      const total = schools.reduce((n, r) => n + r.teachers, 0);
      return { district, teachers: total, counts, notInBot, fromStaff, staffList: staffRows.length > 0, districts, schools, attention };
    },
  };
}

export type AttestationService = ReturnType<typeof createAttestationService>;

// The staff list's plain types: a row as read from the file, and the plan of an import (what a dry run
// shows and apply writes).
import type { AttestationCategory } from "../../generated/sqlite/client.js";

/** A readable row of the file. */
export interface StaffRow {
  line: number;
  fullName: string;
  nameKey: string;
  /** as the file names it, and the district column's cell (null: none) */
  school: string;
  district: string | null;
  position: string | null;
  subjects: string | null;
  category: AttestationCategory | null;
  categoryUntil: Date | null;
  lastCourseAt: Date | null;
}

/** Why a row cannot be read (locales: `staff-problem-<code>`). */
export type RowProblem = "no-name" | "no-school" | "bad-category" | "bad-category-date" | "bad-course-date" | "too-long" | "duplicate" | "ambiguous-school";

export interface RowError {
  line: number;
  problem: RowProblem;
  /** the name's key where the row has a name: she is not marked as having left for a row with a typo */
  nameKey?: string;
}

/** A school the file names that the directory (in the actor's scope) does not have. */
export interface UnknownSchool {
  name: string;
  /** the rows that name it (the first few) and how many */
  lines: number[];
  rows: number;
  /** the nearest names the directory has */
  suggestions: string[];
}

export interface PlannedPerson {
  name: string;
  school: string;
}

/**
 * What an import would do (a dry run) or did: the counts, and the first few people and rows of each list
 * (PLAN_SAMPLE): the plan goes through a conversation's replay log, where 30,000 names do not belong.
 */
export interface StaffPlan {
  /** rows read (header excluded) */
  rows: number;
  counts: { added: number; changed: number; returned: number; left: number; unchanged: number; errors: number; unknownSchools: number };
  added: PlannedPerson[];
  changed: PlannedPerson[];
  /** listed again after being marked as having left */
  returned: PlannedPerson[];
  /** active people the file no longer lists: marked as having left */
  left: PlannedPerson[];
  errors: RowError[];
  /** non-empty: nothing can be applied */
  unknownSchools: UnknownSchool[];
}

/** A person of the staff list as a methodist sees her (not in the bot yet, or a candidate to link). */
export interface StaffPerson {
  id: number;
  name: string;
  school: string;
  district: string | null;
  position: string | null;
}

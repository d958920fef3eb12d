// The plain data of meetings, shared by the meeting modules, the bot and the site.
import type { Config } from "../../config.js";
import type { Meeting, MeetingAudience, MeetingKind, RsvpAnswer } from "../../generated/sqlite/client.js";
import type { Translator } from "../../i18n.js";
import type { Clock } from "../clock.js";
import type { Outbox } from "../outbox.js";
import type { Tasks } from "../tasks.js";
import type { AudienceSpec } from "./audience.js";
import type { Venue } from "./validate.js";

export type { Meeting, MeetingAudience, MeetingKind, RsvpAnswer };

export interface MeetingDraft extends AudienceSpec, Venue {
  kind: MeetingKind;
  title: string;
  agenda: string;
  startsAt: Date;
  durationMin: number;
  rsvpDeadline: Date | null;
}

export interface MeetingView extends Meeting {
  subjectIds: number[];
  schoolIds: number[];
  /** the audience "districts": the districts whose people are invited, and their names (by name) */
  districtIds: number[];
  districtNames: string[];
  /** the name of the district whose meeting it is (null: a meeting for everyone) */
  districtName: string | null;
}

export interface RsvpRow {
  userId: number;
  name: string;
  school: string;
  /** the school's cluster (школьный округ), "" when the directory has none */
  cluster: string;
  answer: RsvpAnswer | null;
  attended: boolean | null;
}

export interface MeetingServiceDeps {
  clock: Clock;
  config: Pick<Config, "TIMEZONE" | "MEETING_REMINDER_OFFSETS">;
  t: Translator;
  outbox: Outbox;
  tasks: Tasks;
}

export const groupOf = (meetingId: number) => `meeting-${meetingId}`;
/** how long "your attendance was marked" waits, so that a mark taken back at once withdraws it unsent */
export const ATTENDED_NOTICE_DELAY_MS = 3 * 60_000;

// All domain services, built from the database and the clock: no Telegram, no globals.
import type { Config } from "../config.js";
import type { Db, DbProvider } from "../db/client.js";
import type { HotRows } from "../db/hot-rows.js";
import type { PgRows } from "../db/pg-rows.js";
import type { Translator } from "../i18n.js";
import type { Logger } from "../logger.js";
import { createAttestationService } from "./attestation/index.js";
import { createBroadcastService } from "./broadcasts/index.js";
import { createBroadcastAnswerService } from "./broadcasts/answers.js";
import type { Clock } from "./clock.js";
import { createCourseService } from "./courses/service.js";
import { createCoverageService } from "./coverage/index.js";
import { createDirectoryService } from "./directory.js";
import { createDocumentService } from "./documents/service.js";
import { createMeetingService } from "./meetings/service.js";
import { createMaterialService } from "./materials/service.js";
import { createLessonService } from "./lessons/service.js";
import type { ActionPacker } from "./actions.js";
import { createOutbox } from "./outbox.js";
import { createRecordService } from "./record.js";
import { createSignInService } from "./signin.js";
import { createCalendarFeedService } from "./calendar-feed.js";
import { createStaffService } from "./staff/service.js";
import { createTasks } from "./tasks.js";
import { createAdoptionService } from "./adoption/index.js";
import { peopleReader } from "./people.js";
import { createUserService } from "./users.js";

export interface ServiceDeps {
  provider: DbProvider;
  /** rows kept in memory where that is exact (SQLite), see src/db/hot-rows.ts */
  hot?: HotRows;
  /** PostgreSQL: rows read on the pool itself (src/db/pg-rows.ts) */
  pgRows?: PgRows;
  clock: Clock;
  config: Pick<Config, "ADMIN_TELEGRAM_IDS" | "TIMEZONE" | "COURSE_OFFER_HOURS" | "MEETING_REMINDER_OFFSETS" | "ISSUER_NAME" | "ISSUER_NAME_EN">;
  /** renders notifications in the recipient's language */
  t: Translator;
  logger: Logger;
  /** this process, as it claims scheduled tasks (host:pid:random) */
  instance: string;
  /** what a notice's button action is stored as: the messenger's button data (Telegram: src/bot/actions.ts) */
  packAction: ActionPacker;
  /** called when new outbox messages are queued (wakes the sender) */
  onEnqueued?: () => void;
  /** called when outbox messages are cancelled (the sender drops them from what it has claimed) */
  onCancelled?: () => void;
}

export function createServices(db: Db, deps: ServiceDeps) {
  const users = createUserService(db, deps.clock, { adminTelegramIds: deps.config.ADMIN_TELEGRAM_IDS, hot: deps.hot });
  const directory = createDirectoryService(db);
  const outbox = createOutbox(db, deps.provider, deps.clock, deps.t, { pack: deps.packAction, onEnqueued: deps.onEnqueued, onCancelled: deps.onCancelled });
  const tasks = createTasks(db, deps.provider, deps.clock, outbox, deps.logger, deps.instance);
  const meetings = createMeetingService(db, { clock: deps.clock, config: deps.config, t: deps.t, outbox, tasks });
  const broadcasts = createBroadcastService(db, deps.clock, outbox, tasks, deps.config.TIMEZONE);
  const broadcastAnswers = createBroadcastAnswerService(db, deps.clock, tasks);
  const materials = createMaterialService(db, { provider: deps.provider, clock: deps.clock, outbox });
  users.onErase((userId) => materials.releaseUser(userId));
  const lessons = createLessonService(db, { clock: deps.clock, outbox, tasks, users, t: deps.t, zone: deps.config.TIMEZONE });
  const courses = createCourseService(db, {
    provider: deps.provider,
    clock: deps.clock,
    outbox,
    tasks,
    zone: deps.config.TIMEZONE,
    offerHours: deps.config.COURSE_OFFER_HOURS,
  });
  users.onErase((userId) => courses.releaseAllOf(userId));
  // the reports' people: on SQLite's one connection, on PostgreSQL's pool (no Prisma result handling)
  const people = peopleReader(db, deps.hot?.sql ?? deps.pgRows);
  const coverage = createCoverageService(db, { clock: deps.clock, zone: deps.config.TIMEZONE, people });
  const record = createRecordService(db, { clock: deps.clock, zone: deps.config.TIMEZONE });
  const attestation = createAttestationService(db, { clock: deps.clock, zone: deps.config.TIMEZONE, tasks, people });
  users.onErase((userId) => attestation.forget(userId));
  const adoption = createAdoptionService(db, { clock: deps.clock, zone: deps.config.TIMEZONE, people });
  const documents = createDocumentService(db, {
    clock: deps.clock,
    zone: deps.config.TIMEZONE,
    issuer: { name: deps.config.ISSUER_NAME, nameEn: deps.config.ISSUER_NAME_EN ?? deps.config.ISSUER_NAME },
    users,
  });
  const signIn = createSignInService(db, deps.clock);
  const calendarFeeds = createCalendarFeedService(db, { clock: deps.clock, zone: deps.config.TIMEZONE, meetings, lessons });
  users.onErase((userId) => calendarFeeds.revoke(userId));
  const staff = createStaffService(db, { clock: deps.clock, zone: deps.config.TIMEZONE, provider: deps.provider });
  // the district's row stays (it is the employer's list): only her link to it goes
  users.onErase((userId) => staff.forget(userId));
  return {
    staff,
    signIn,
    calendarFeeds,
    users,
    directory,
    outbox,
    tasks,
    meetings,
    broadcasts,
    broadcastAnswers,
    materials,
    lessons,
    courses,
    coverage,
    record,
    attestation,
    adoption,
    documents,
  };
}

export type Services = ReturnType<typeof createServices>;

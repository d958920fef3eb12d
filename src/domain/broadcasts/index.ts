// Broadcasts: a methodist's announcement, sent exactly as she wrote it (text with its Telegram entities,
// optionally one photo or document) to the teachers an audience filter selects. Confirming moves a draft
// to "sending" with one conditional UPDATE and queues one outbox message per recipient under the dedupe
// key broadcast-<id>-<userId>: a second confirmation sends nothing. A scheduled task
// (REPORT_TASK, handled by the bot layer, which edits the methodist's report message) follows the
// delivery until nothing is queued, then marks the broadcast finished. A broadcast may ask a question:
// its options go out as buttons under each copy (./broadcasts/question.ts, answers in ./broadcasts/answers.ts).
import { z } from "zod";
import type { Db } from "../../db/client.js";
import type { Broadcast, Prisma } from "../../generated/sqlite/client.js";
import { recipientsSql } from "./recipients.js";
import type { Clock } from "../clock.js";
import { answerButtons, questionOf, validateQuestion, type Question } from "./question.js";
import { academicYear } from "../coverage/index.js";
import { DomainError } from "../errors.js";
import type { GroupStatus, Outbox } from "../outbox.js";
import { schoolsInScope, scopeOf, visibleInDistrict, type Scope } from "../scope.js";
import type { Tasks } from "../tasks.js";
import { isMethodistRole, type User } from "../users.js";

export type { Broadcast };

/** Filters combine as an intersection; an empty audience is everyone registered. */
export const audienceSchema = z.object({
  subjectIds: z.array(z.number().int()).default([]),
  schoolIds: z.array(z.number().int()).default([]),
  roles: z.array(z.enum(["teacher", "methodist"])).default([]),
  courseId: z.number().int().nullable().default(null),
  /** with the course: its waiting list too (more seats came, who is still interested?) */
  courseWaiting: z.boolean().default(false),
  meetingId: z.number().int().nullable().default(null),
  /** teachers with no course this academic year (whom /coverage lists as not covered) */
  noCourseThisYear: z.boolean().default(false),
  /** people of these districts (a filter an author of the whole deployment may choose) */
  districtIds: z.array(z.number().int()).default([]),
  /**
   * The author's reach, stamped from her scope when she composes and saves: a district methodist's
   * broadcast reaches that district's people only, whatever the filters, even if her district changes
   * later. null: the whole deployment (and every draft stored before districts existed).
   */
  districtId: z.number().int().nullable().default(null),
});
export type Audience = z.infer<typeof audienceSchema>;
export type AudienceRole = Audience["roles"][number];

/** No filter; `districtId` is the author's reach, which "everyone" keeps. */
export const emptyAudience = (districtId: number | null = null): Audience => ({
  subjectIds: [],
  schoolIds: [],
  roles: [],
  courseId: null,
  courseWaiting: false,
  meetingId: null,
  noCourseThisYear: false,
  districtIds: [],
  districtId,
});

/** No filter chosen (everyone within the author's reach). */
export const isEveryone = (a: Audience) =>
  !a.subjectIds.length && !a.schoolIds.length && !a.roles.length && a.courseId === null && a.meetingId === null && !a.noCourseThisYear && !a.districtIds.length;

export function parseAudience(json: string): Audience {
  return audienceSchema.parse(JSON.parse(json));
}

export interface BroadcastContent {
  text: string;
  /** Telegram message entities of the text (or caption), kept as they came */
  entities: unknown[];
  attachment: { kind: "photo" | "document"; fileId: string } | null;
}

export interface BroadcastInput extends BroadcastContent {
  audience: Audience;
  urgent: boolean;
  /** answer options under the message (a survey); none: a plain announcement */
  question?: Question | null;
}

/** What an audience's names are, for summaries (the bot picks the language). */
export interface AudienceNames {
  subjects: { nameRu: string; nameEn: string }[];
  schools: string[];
  roles: AudienceRole[];
  course: string | null;
  /** the course's waiting list is included */
  courseWaiting: boolean;
  meeting: string | null;
  /** the academic year ("2026/2027") when the audience is those with no course in it */
  noCourseYear: string | null;
  /** the districts the "by district" filter chose */
  districts: string[];
  /** the district the author's reach is limited to (null: the whole deployment) */
  district: string | null;
}

export interface BroadcastProgress {
  broadcast: Broadcast;
  authorLanguage: string;
  counts: GroupStatus;
  /** still queued or being sent */
  running: boolean;
  /** this call saw the last message leave: the moment for the final summary */
  justFinished: boolean;
}

export const REPORT_TASK = "broadcast.report";
/** how long after a report update the next one is due (the scheduler's tick is the real pace) */
export const REPORT_EVERY_MS = 5_000;

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;

export const broadcastGroup = (id: number) => `broadcast-${id}`;

/**
 * Who acts: only methodists and admins compose, send and stop (checked here too, not only by the bot's
 * guards); a methodist of a district reaches and sees that district's only.
 */
export type Actor = Pick<User, "id" | "role"> & { districtId?: number | null };

/** The actor's reach (no district given: the whole deployment). */
const reachOf = (actor: Actor): Scope => scopeOf({ role: actor.role, districtId: actor.districtId ?? null });

function ensureStaff(actor: Actor): void {
  if (!isMethodistRole(actor.role)) throw new DomainError("forbidden");
}

/** Who may stop a running broadcast: its author and admins. */
export const canStop = (actor: Actor, b: Pick<Broadcast, "authorId">): boolean => actor.role === "admin" || b.authorId === actor.id;

/** Checks what the methodist sent: something to say, within Telegram's limits. */
export function validateContent(c: BroadcastContent): BroadcastContent {
  if (!c.text.trim() && !c.attachment) throw new DomainError("broadcast-empty");
  const limit = c.attachment ? CAPTION_LIMIT : TEXT_LIMIT;
  if (c.text.length > limit) throw new DomainError("broadcast-too-long", { max: limit });
  return c;
}

export function createBroadcastService(db: Db, clock: Clock, outbox: Outbox, tasks: Tasks, zone: string) {
  /** the audience as of now, an SQL condition on `users u`: "no course this year" means the academic year running today */
  const where = (a: Audience, urgent: boolean) => recipientsSql(a, urgent, academicYear(clock.now(), zone));

  async function scheduleReport(id: number): Promise<void> {
    const dueAt = new Date(clock.now().getTime() + REPORT_EVERY_MS);
    await tasks.schedule({ kind: REPORT_TASK, payload: { id }, dueAt, dedupeKey: `broadcast-${id}-report-${dueAt.getTime()}` });
  }

  /** Why a draft cannot be confirmed or discarded: gone (or someone else's), or sent already. */
  async function refusal(id: number, actor: Actor): Promise<DomainError> {
    const b = await db.broadcast.findUnique({ where: { id }, select: { authorId: true, status: true } });
    // someone else's draft is as good as missing; a broadcast that went out went out, whoever asks
    return new DomainError(!b || (b.status === "draft" && b.authorId !== actor.id) ? "broadcast-not-found" : "broadcast-already-confirmed");
  }

  /**
   * A draft saved while its author worked for another district (or for the whole deployment) is not
   * sent after her scope narrowed: she would reach people who are no longer hers.
   */
  async function ensureWithinScope(id: number, actor: Actor): Promise<void> {
    const { districtId } = reachOf(actor);
    if (districtId === null) return;
    const b = await db.broadcast.findUnique({ where: { id }, select: { audience: true, status: true, authorId: true } });
    if (b?.status !== "draft" || b.authorId !== actor.id) return; // the claim below refuses it as before
    if (parseAudience(b.audience).districtId !== districtId) throw new DomainError("broadcast-scope-changed");
  }

  const service = {
    async count(audience: Audience, urgent: boolean): Promise<number> {
      const [row] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM users u WHERE ${where(audience, urgent)}`;
      return Number(row?.n ?? 0);
    },

    /**
     * Courses and meetings an audience can be taken from, newest first (the picker pages and searches
     * them). A district's methodist gets her district's and those for everyone: her teachers take
     * regional courses too, and the recipients stay within her district anyway.
     */
    async sources(
      scope: Scope,
      limit = 200,
    ): Promise<{ courses: { id: number; title: string; startDate: Date }[]; meetings: { id: number; title: string; startsAt: Date }[] }> {
      const mine = scope.districtId === null ? {} : visibleInDistrict(scope.districtId);
      const [courses, meetings] = await Promise.all([
        db.course.findMany({
          where: { status: { not: "cancelled" }, ...mine },
          orderBy: [{ startDate: "desc" }, { id: "desc" }],
          take: limit,
          select: { id: true, title: true, startDate: true },
        }),
        db.meeting.findMany({
          where: { status: "scheduled", ...mine },
          orderBy: [{ startsAt: "desc" }, { id: "desc" }],
          take: limit,
          select: { id: true, title: true, startsAt: true },
        }),
      ]);
      return { courses, meetings };
    },

    /** The schools the "schools" filter offers: the author's district's (all for the whole deployment), by name, with their district. */
    schools(scope: Scope): Promise<{ id: number; name: string; district: { name: string } | null }[]> {
      return db.school.findMany({
        where: schoolsInScope(scope),
        orderBy: [{ name: "asc" }, { id: "asc" }],
        select: { id: true, name: true, district: { select: { name: true } } },
      });
    },

    /**
     * The districts the "by district" filter offers: none for a district's methodist (she reaches one)
     * and none in a deployment without districts (then the filter is not shown).
     */
    districts(scope: Scope): Promise<{ id: number; name: string }[]> {
      if (scope.districtId !== null) return Promise.resolve([]);
      return db.district.findMany({ where: { schools: { some: {} } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
    },

    async names(a: Audience): Promise<AudienceNames> {
      const [subjects, schools, course, meeting, districts, district] = await Promise.all([
        a.subjectIds.length
          ? db.subject.findMany({ where: { id: { in: a.subjectIds } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { nameRu: true, nameEn: true } })
          : [],
        a.schoolIds.length ? db.school.findMany({ where: { id: { in: a.schoolIds } }, orderBy: { name: "asc" }, select: { name: true } }) : [],
        a.courseId !== null ? db.course.findUnique({ where: { id: a.courseId }, select: { title: true } }) : null,
        a.meetingId !== null ? db.meeting.findUnique({ where: { id: a.meetingId }, select: { title: true } }) : null,
        a.districtIds.length ? db.district.findMany({ where: { id: { in: a.districtIds } }, orderBy: { name: "asc" }, select: { name: true } }) : [],
        a.districtId !== null ? db.district.findUnique({ where: { id: a.districtId }, select: { name: true } }) : null,
      ]);
      return {
        subjects,
        schools: schools.map((s) => s.name),
        roles: a.roles,
        course: course?.title ?? null,
        courseWaiting: a.courseId !== null && a.courseWaiting,
        meeting: meeting?.title ?? null,
        noCourseYear: a.noCourseThisYear ? academicYear(clock.now(), zone).label : null,
        districts: districts.map((d) => d.name),
        // a district deleted since: its people are nobody's now, "—" rather than "everyone"
        district: a.districtId === null ? null : (district?.name ?? "—"),
      };
    },

    /**
     * Stores (or, with `id`, replaces) the author's draft; refuses an audience nobody is in. The
     * audience's reach is the author's scope as of now (a district's methodist has no district filter).
     */
    async saveDraft(actor: Actor, input: BroadcastInput, id?: number): Promise<{ id: number; recipientCount: number; audience: Audience }> {
      ensureStaff(actor);
      const authorId = actor.id;
      validateContent(input);
      const question = input.question ? validateQuestion(input.question, input.text) : null;
      const { districtId } = reachOf(actor);
      const parsed = audienceSchema.parse(input.audience);
      const audience: Audience = { ...parsed, districtId, districtIds: districtId === null ? parsed.districtIds : [] };
      const recipientCount = await service.count(audience, input.urgent);
      if (recipientCount === 0) throw new DomainError("broadcast-no-recipients");
      const data = {
        text: input.text,
        entities: JSON.stringify(input.entities),
        attachmentKind: input.attachment?.kind ?? null,
        attachmentId: input.attachment?.fileId ?? null,
        audience: JSON.stringify(audience),
        urgent: input.urgent,
        recipientCount,
        options: question ? JSON.stringify(question.options) : null,
        multipleChoice: question?.multiple ?? false,
      };
      if (id === undefined) {
        const b = await db.broadcast.create({ data: { ...data, authorId, createdAt: clock.now() } });
        return { id: b.id, recipientCount, audience };
      }
      const r = await db.broadcast.updateMany({ where: { id, authorId, status: "draft" }, data });
      if (!r.count) throw new DomainError("broadcast-already-confirmed");
      return { id, recipientCount, audience };
    },

    /** Drops the author's draft that was not confirmed (a draft is nobody else's business). */
    async discard(id: number, actor: Actor): Promise<void> {
      const r = await db.broadcast.deleteMany({ where: { id, status: "draft", authorId: actor.id } });
      if (!r.count) throw await refusal(id, actor);
    },

    byId(id: number): Promise<Broadcast | null> {
      return db.broadcast.findUnique({ where: { id } });
    },

    /**
     * Sends a draft: exactly once, whoever presses Confirm how many times. Returns how many messages
     * were queued.
     */
    async confirm(id: number, actor: Actor): Promise<{ recipientCount: number }> {
      ensureStaff(actor);
      await ensureWithinScope(id, actor);
      const claimed = await db.broadcast.updateMany({
        where: { id, status: "draft", authorId: actor.id },
        data: { status: "sending", confirmedAt: clock.now() },
      });
      if (!claimed.count) throw await refusal(id, actor);
      try {
        const b = await db.broadcast.findUniqueOrThrow({ where: { id } });
        const attachment = b.attachmentKind && b.attachmentId ? { kind: b.attachmentKind as "photo" | "document", fileId: b.attachmentId } : null;
        // a question: every copy carries the option buttons, nothing ticked yet
        const question = questionOf(b);
        const buttons = question ? answerButtons(id, question) : undefined;
        // one copy per recipient, made by the database (INSERT … SELECT): a region of 100,000 is a few
        // statements and never sits in memory; each copy's dedupe key is broadcast-<id>-<userId>
        await outbox.enqueueToUsers(
          {
            text: b.text,
            // "[]" rather than null: without entities the sender would parse the text as HTML
            entities: b.entities ?? "[]",
            attachment,
            buttons,
            dedupePrefix: `broadcast-${id}-`,
            groupId: broadcastGroup(id),
            // personal notices (a reminder, a freed seat) do not wait behind it
            priority: "bulk",
          },
          where(parseAudience(b.audience), b.urgent),
        );
        // what the group holds, not what this call added: a Confirm retried after a failure below finds
        // its messages queued already (the dedupe keys kept them from doubling)
        const recipients = await db.outboxMessage.count({ where: { groupId: broadcastGroup(id) } });
        await db.broadcast.update({ where: { id }, data: { recipientCount: recipients } });
        await scheduleReport(id);
        return { recipientCount: recipients };
      } catch (e) {
        // back to a draft: confirming again re-queues, and the dedupe keys keep what was queued from doubling
        await db.broadcast.updateMany({ where: { id, status: "sending" }, data: { status: "draft", confirmedAt: null } });
        throw e;
      }
    },

    /** Where the live report is, so that the report task can edit it. */
    async setReport(id: number, chatId: number | bigint, messageId: number): Promise<void> {
      await db.broadcast.update({ where: { id }, data: { reportChatId: BigInt(chatId), reportMessageId: messageId } });
    },

    /**
     * Stops a running broadcast: what was not sent yet is cancelled. Returns how many were cancelled.
     * Only its author and admins may: the author knows why she sent it, the admin (the head of the
     * department) answers for the bot; a colleague who sees a mistake tells one of them.
     */
    async stop(id: number, actor: Actor): Promise<number> {
      ensureStaff(actor);
      const b = await db.broadcast.findUnique({ where: { id }, select: { authorId: true } });
      if (!b) throw new DomainError("broadcast-not-found");
      if (!canStop(actor, b)) throw new DomainError("broadcast-stop-not-yours");
      const r = await db.broadcast.updateMany({ where: { id, status: "sending" }, data: { status: "stopped" } });
      if (!r.count) throw new DomainError("broadcast-not-running");
      return outbox.cancelGroup(broadcastGroup(id));
    },

    /** Counts of a broadcast's delivery; marks it finished when nothing is left to send. */
    async progress(id: number): Promise<BroadcastProgress | null> {
      const b = await db.broadcast.findUnique({ where: { id }, include: { author: { select: { language: true } } } });
      if (!b || b.status === "draft") return null;
      const counts = await outbox.groupStatus(broadcastGroup(id));
      const { author, ...broadcast } = b;
      let justFinished = false;
      let current: Broadcast = broadcast;
      if (!b.finishedAt && counts.queued + counts.sending === 0) {
        const done = await db.broadcast.updateMany({
          where: { id, finishedAt: null, status: b.status },
          data: { finishedAt: clock.now(), status: b.status === "sending" ? "done" : "stopped" },
        });
        justFinished = done.count > 0;
        current = (await db.broadcast.findUnique({ where: { id } })) ?? broadcast;
      }
      return { broadcast: current, authorLanguage: author?.language ?? "ru", counts, running: !current.finishedAt, justFinished };
    },

    scheduleReport,

    /**
     * One past broadcast with its delivery counts, as `list` would show it to the actor; null when it is
     * a draft, does not exist or is beyond her reach (another district's).
     */
    async visibleTo(actor: Actor, id: number): Promise<(Broadcast & { authorName: string | null; counts: GroupStatus }) | null> {
      if (!isMethodistRole(actor.role) || !Number.isSafeInteger(id)) return null;
      const row = await db.broadcast.findUnique({ where: { id }, include: { author: { select: { fullName: true } } } });
      if (!row || row.status === "draft") return null;
      const { districtId } = reachOf(actor);
      if (districtId !== null && row.authorId !== actor.id && parseAudience(row.audience).districtId !== districtId) return null;
      const { author, ...b } = row;
      return { ...b, authorName: author?.fullName ?? null, counts: await outbox.groupStatus(broadcastGroup(id)) };
    },

    /**
     * Past broadcasts (not drafts), newest first, with their delivery counts. A district's methodist
     * sees her own and those limited to her district; admins and methodists of the whole deployment all.
     */
    async list(
      actor: Actor,
      page: number,
      pageSize: number,
    ): Promise<{ items: (Broadcast & { authorName: string | null; counts: GroupStatus })[]; total: number }> {
      const { districtId } = reachOf(actor);
      let where: Prisma.BroadcastWhereInput = { status: { not: "draft" } };
      if (districtId !== null) {
        // the limit lives in the audience's JSON: the few hundred past broadcasts are filtered here
        const all = await db.broadcast.findMany({ where, select: { id: true, authorId: true, audience: true } });
        const ids = all.filter((b) => b.authorId === actor.id || parseAudience(b.audience).districtId === districtId).map((b) => b.id);
        where = { id: { in: ids } };
      }
      const [rows, total] = await Promise.all([
        db.broadcast.findMany({ where, orderBy: { id: "desc" }, skip: page * pageSize, take: pageSize, include: { author: { select: { fullName: true } } } }),
        db.broadcast.count({ where }),
      ]);
      const items = [];
      for (const { author, ...b } of rows) items.push({ ...b, authorName: author?.fullName ?? null, counts: await outbox.groupStatus(broadcastGroup(b.id)) });
      return { items, total };
    },
  };
  return service;
}

export type BroadcastService = ReturnType<typeof createBroadcastService>;

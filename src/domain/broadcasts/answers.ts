// Answers to a broadcast's question. A recipient's press is one INSERT ... ON CONFLICT statement on
// the (broadcast, person) key that also checks, in the same statement, that the question is open and
// that her copy was delivered: concurrent presses (two replicas, a double tap) leave one row per person
// and never lose or double a tick. The results (counts per option, who answered what) are for those who
// may stop the broadcast: its author and admins.
import type { Db } from "../../db/client.js";
import type { Broadcast } from "../../generated/sqlite/client.js";
import { Prisma } from "../../generated/sqlite/client.js";
import { broadcastGroup, canStop, type Actor } from "./index.js";
import type { Clock } from "../clock.js";
import { DomainError } from "../errors.js";
import type { Tasks } from "../tasks.js";
import { isMethodistRole } from "../users.js";
import { bitOf, chosenOf, isClosed, questionOf, type Question } from "./question.js";

/** Refreshes the author's report with the answers so far (handled by the bot layer, which edits it). */
export const RESULTS_TASK = "broadcast.results";
/** answers within this window are shown by one edit of the report */
export const RESULTS_EVERY_MS = 5_000;

export interface QuestionSummary {
  question: Question;
  /** per option, how many chose it */
  counts: number[];
  /** people with at least one option chosen */
  answered: number;
  /** copies delivered: who could answer */
  reached: number;
  closed: boolean;
}

/** One delivered copy: the person and what she chose (nothing yet: an empty list). */
export interface AnswerRow {
  name: string;
  school: string;
  cluster: string;
  district: string | null;
  chosen: number[];
  answeredAt: Date | null;
}

export interface QuestionResults {
  broadcast: Pick<Broadcast, "id" | "text" | "confirmedAt">;
  summary: QuestionSummary;
  rows: AnswerRow[];
  /** the directory has districts (the file gets a district column) */
  districts: boolean;
}

export interface AnswerOutcome {
  question: Question;
  /** what she has chosen now */
  chosen: number[];
  /** the pressed option is chosen now (with several allowed, a second press unticks it) */
  ticked: boolean;
}

const recipientKey = (id: number, userId: number) => `broadcast-${id}-${userId}`;

export function createBroadcastAnswerService(db: Db, clock: Clock, tasks: Tasks) {
  async function questionOrThrow(id: number) {
    const b = Number.isSafeInteger(id) ? await db.broadcast.findUnique({ where: { id } }) : null;
    const question = b && b.status !== "draft" ? questionOf(b) : null;
    if (!b || !question) throw new DomainError("broadcast-question-not-found");
    return { b, question };
  }

  /** The author and admins (whoever may stop it) see the answers and close the question. */
  async function ownQuestion(id: number, actor: Actor) {
    if (!isMethodistRole(actor.role)) throw new DomainError("forbidden");
    const found = await questionOrThrow(id);
    if (!canStop(actor, found.b)) throw new DomainError("broadcast-question-not-yours");
    return found;
  }

  async function summarize(b: Broadcast, question: Question): Promise<QuestionSummary> {
    const [answers, reached] = await Promise.all([
      db.broadcastAnswer.findMany({ where: { broadcastId: b.id, choices: { not: 0 } }, select: { choices: true } }),
      db.outboxMessage.count({ where: { groupId: broadcastGroup(b.id), status: "sent" } }),
    ]);
    const counts = question.options.map(() => 0);
    for (const a of answers) for (const i of chosenOf(a.choices, counts.length)) counts[i]!++;
    return { question, counts, answered: answers.length, reached, closed: isClosed(b) };
  }

  const service = {
    /**
     * A recipient presses option `option`: with one answer it becomes her answer, with several it is
     * ticked or unticked. Refused for anyone her copy was not delivered to, and once the question is
     * closed (or the broadcast stopped).
     */
    async answer(id: number, userId: number, option: number): Promise<AnswerOutcome> {
      const { b, question } = await questionOrThrow(id);
      if (!Number.isInteger(option) || option < 0 || option >= question.options.length) throw new DomainError("broadcast-question-not-found");
      const copy = await db.outboxMessage.findUnique({ where: { dedupeKey: recipientKey(id, userId) }, select: { status: true } });
      if (copy?.status !== "sent") throw new DomainError("broadcast-answer-not-yours");
      if (isClosed(b)) throw new DomainError("broadcast-question-closed");
      const now = clock.now();
      const bit = bitOf(option);
      // one answer: the pressed option replaces what she had; several: it is toggled (| then minus &)
      const update = question.multiple
        ? Prisma.sql`(broadcast_answers.choices | CAST(${bit} AS INTEGER)) - (broadcast_answers.choices & CAST(${bit} AS INTEGER))`
        : Prisma.sql`excluded.choices`;
      // the open check is part of the statement: a press racing the Close lands before it or not at all
      const rows = await db.$queryRaw<{ choices: number | bigint }[]>`INSERT INTO broadcast_answers (broadcast_id, user_id, choices, answered_at, changed_at)
        SELECT CAST(${id} AS INTEGER), CAST(${userId} AS INTEGER), CAST(${bit} AS INTEGER), ${now}, ${now}
        WHERE EXISTS (SELECT 1 FROM broadcasts b WHERE b.id = ${id} AND b.closed_at IS NULL AND b.status <> 'stopped')
          AND EXISTS (SELECT 1 FROM outbox_messages o WHERE o.dedupe_key = ${recipientKey(id, userId)} AND o.status = 'sent')
        ON CONFLICT (broadcast_id, user_id) DO UPDATE SET choices = ${update}, changed_at = ${now}
        RETURNING choices`;
      if (!rows.length) throw new DomainError("broadcast-question-closed");
      const chosen = chosenOf(Number(rows[0]!.choices), question.options.length);
      // the author's report shows the answers: one edit per few seconds, however many come in
      const dueAt = new Date((Math.floor(now.getTime() / RESULTS_EVERY_MS) + 1) * RESULTS_EVERY_MS);
      await tasks.schedule({ kind: RESULTS_TASK, payload: { id }, dueAt, dedupeKey: `broadcast-${id}-results-${dueAt.getTime()}` });
      return { question, chosen, ticked: chosen.includes(option) };
    },

    /** Closes the question: no more answers. The author and admins only. */
    async close(id: number, actor: Actor): Promise<void> {
      const { b } = await ownQuestion(id, actor);
      if (isClosed(b)) throw new DomainError("broadcast-question-already-closed");
      const r = await db.broadcast.updateMany({ where: { id, closedAt: null, status: { not: "stopped" } }, data: { closedAt: clock.now() } });
      if (!r.count) throw new DomainError("broadcast-question-already-closed");
    },

    /** Counts per option so far (null: not a question). For the author's report: no rights checked here. */
    async summary(id: number): Promise<QuestionSummary | null> {
      const b = await db.broadcast.findUnique({ where: { id } });
      const question = b ? questionOf(b) : null;
      return b && question ? summarize(b, question) : null;
    },

    /** Whether the actor may see the answers and close the question of this broadcast. */
    mayManage: (actor: Actor, b: Pick<Broadcast, "authorId">): boolean => isMethodistRole(actor.role) && canStop(actor, b),

    /** Everyone her copy reached, with what they chose, and the counts. The author and admins only. */
    async results(id: number, actor: Actor): Promise<QuestionResults> {
      const { b, question } = await ownQuestion(id, actor);
      const [summary, people, answers, districts] = await Promise.all([
        summarize(b, question),
        db.user.findMany({
          where: { outbox: { some: { groupId: broadcastGroup(id), status: "sent" } } },
          select: { id: true, fullName: true, school: { select: { name: true, cluster: true, district: { select: { name: true } } } } },
        }),
        db.broadcastAnswer.findMany({ where: { broadcastId: id } }),
        db.district.count(),
      ]);
      const byUser = new Map(answers.map((a) => [a.userId, a]));
      const rows = people
        .map((p): AnswerRow => {
          const a = byUser.get(p.id);
          const chosen = a ? chosenOf(a.choices, question.options.length) : [];
          return {
            name: p.fullName ?? "",
            school: p.school?.name ?? "",
            cluster: p.school?.cluster ?? "",
            district: p.school?.district?.name ?? null,
            chosen,
            answeredAt: chosen.length ? a!.changedAt : null,
          };
        })
        .sort((x, y) => x.school.localeCompare(y.school, "ru") || x.name.localeCompare(y.name, "ru"));
      return { broadcast: { id: b.id, text: b.text, confirmedAt: b.confirmedAt }, summary, rows, districts: districts > 0 };
    },
  };
  return service;
}

export type BroadcastAnswerService = ReturnType<typeof createBroadcastAnswerService>;

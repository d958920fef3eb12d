// Authoring: a teacher offers a lesson and, until it begins, moves, changes, resubmits or cancels it;
// its guests and reviewers are told.
import { DomainError } from "../errors.js";
import { parseFutureDateTime } from "../time.js";
import { isMethodistRole } from "../users.js";
import { parseDuration, parseSeats, validateGrade, validateMethod, validateRoom, validateTopic, validateUrl } from "./validate.js";
import type { LessonCore } from "./core.js";
import { lessonKey, type LessonDraft, type LessonView } from "./types.js";

export function createLessonAuthoring(core: LessonCore) {
  const { db, load, paged, own, reviewers, editOpen, guests, scheduleFor, notices, cardButton, selfApproved, askReview, watchReview, deps } = core;
  const { clock, outbox, tasks, zone } = deps;
  const authoring = {
    /**
     * A teacher offers a lesson: it waits for a methodist; methodists are told. A methodist's own lesson
     * is published at once (see selfApproved): nobody is asked, she is not told what she already knows.
     */
    async create(authorId: number, d: LessonDraft): Promise<LessonView> {
      const author = await deps.users.byId(authorId);
      if (!author?.registeredAt) throw new DomainError("lesson-not-found");
      if (!(await db.subject.findUnique({ where: { id: d.subjectId } }))) throw new DomainError("subject-not-found");
      const now = clock.now();
      if (d.startsAt <= now.getTime()) throw new DomainError("date-past");
      const row = await db.openLesson.create({
        data: {
          authorId,
          subjectId: d.subjectId,
          grade: validateGrade(d.grade),
          topic: validateTopic(d.topic),
          method: validateMethod(d.method),
          startsAt: new Date(d.startsAt),
          durationMin: parseDuration(d.durationMin),
          schoolId: d.place.kind === "school" ? author.schoolId : null,
          room: d.place.kind === "school" ? validateRoom(d.place.room) : null,
          onlineUrl: d.place.kind === "online" ? validateUrl(d.place.url) : null,
          seats: parseSeats(d.seats),
          createdAt: now,
          ...(isMethodistRole(author.role) ? selfApproved(authorId, now) : {}),
        },
      });
      const l = await load(row.id);
      if (l.status === "approved") await scheduleFor(l);
      else await askReview(l, "submitted");
      return l;
    },

    /** The author moves her lesson: reminders follow, guests are told, calendars update (sequence). */
    async reschedule(authorId: number, id: number, text: string): Promise<LessonView> {
      const before = await own(authorId, id);
      const startsAt = parseFutureDateTime(text, zone, clock.now());
      if (startsAt.getTime() === before.startsAt) return before;
      await editOpen(id, { startsAt });
      const l = await load(id);
      if (l.status === "pending") await watchReview(l);
      if (l.status === "approved") {
        await scheduleFor(l);
        await outbox.notify(await notices(await guests(id), "lesson-notice-moved", l, `moved-${l.sequence}`, { buttons: cardButton(l) }));
      }
      return l;
    },

    /** The author changes the number of seats: never below the guests already signed up. */
    async changeSeats(authorId: number, id: number, text: string): Promise<LessonView> {
      await own(authorId, id);
      const seats = parseSeats(text);
      // one conditional statement: a sign-up racing with it either fits or is refused
      const r = await db.openLesson.updateMany({ where: { id, seatsTaken: { lte: seats } }, data: { seats } });
      if (!r.count) throw new DomainError("lesson-seats-below-taken", { taken: (await load(id)).seatsTaken });
      return load(id);
    },

    /** The author changes the room or the link: guests are told, calendars update (sequence). */
    async changePlace(authorId: number, id: number, place: LessonDraft["place"]): Promise<LessonView> {
      await own(authorId, id);
      const author = await deps.users.byId(authorId);
      const data =
        place.kind === "school"
          ? { schoolId: author?.schoolId ?? null, room: validateRoom(place.room), onlineUrl: null }
          : { schoolId: null, room: null, onlineUrl: validateUrl(place.url) };
      await editOpen(id, data);
      const l = await load(id);
      if (l.status === "approved")
        await outbox.notify(await notices(await guests(id), "lesson-notice-place", l, `place-${l.sequence}`, { buttons: cardButton(l) }));
      return l;
    },

    /**
     * The author corrects the topic or the method description. An approved lesson stays approved (its
     * guests keep their seats, reminders and the feedback request still go out); the guests are told
     * what they signed up for now, and the methodists see what changed, before → after, so that an
     * approval cannot quietly turn into a different lesson. A lesson under review needs no notice: the
     * methodists' queue shows it as it is.
     */
    async revise(authorId: number, id: number, change: { topic?: string; method?: string }): Promise<LessonView> {
      const before = await own(authorId, id);
      const topic = change.topic === undefined ? before.topic : validateTopic(change.topic);
      const method = change.method === undefined ? before.method : validateMethod(change.method);
      if (topic === before.topic && method === before.method) return before;
      await editOpen(id, { topic, method });
      const l = await load(id);
      if (l.status === "approved") {
        await outbox.notify(await notices(await guests(id), "lesson-notice-revised", l, `revised-${l.sequence}`, { buttons: cardButton(l) }));
        // those who review her lessons watch over them after the approval too
        const methodists = await reviewers(authorId);
        await outbox.notify(
          await notices(methodists, "lesson-notice-revised-staff", l, `revised-staff-${l.sequence}`, {
            vars: { oldTopic: before.topic, oldMethod: before.method },
            buttons: cardButton(l),
          }),
        );
      }
      return l;
    },

    /** The author changes how long the lesson lasts: the feedback request follows its end, guests are told. */
    async changeDuration(authorId: number, id: number, text: string): Promise<LessonView> {
      const before = await own(authorId, id);
      const durationMin = parseDuration(text);
      if (durationMin === before.durationMin) return before;
      await editOpen(id, { durationMin });
      const l = await load(id);
      if (l.status === "approved") {
        await scheduleFor(l);
        await outbox.notify(await notices(await guests(id), "lesson-notice-duration", l, `duration-${l.sequence}`, { buttons: cardButton(l) }));
      }
      return l;
    },

    /** Refuses (DomainError) unless the person may still change this lesson: hers, not closed, not begun. */
    async checkEditable(authorId: number, id: number): Promise<LessonView> {
      return own(authorId, id);
    },

    /**
     * A rejected lesson, fixed by its author, goes back to the methodists' queue; they are told. A
     * methodist's own (rejected while she was a teacher) is published at once, like a new one of hers.
     */
    async resubmit(authorId: number, id: number): Promise<LessonView> {
      const before = await own(authorId, id);
      const now = clock.now();
      const author = await deps.users.byId(authorId);
      const r = await db.openLesson.updateMany({
        where: { id, status: "rejected", startsAt: { gt: now } },
        data: {
          status: "pending",
          rejectReason: null,
          moderatedById: null,
          moderatedAt: null,
          sequence: { increment: 1 },
          ...(isMethodistRole(author?.role) ? selfApproved(authorId, now) : {}),
        },
      });
      if (!r.count) throw new DomainError(before.status === "rejected" ? "lesson-already-started" : "lesson-not-rejected");
      const l = await load(id);
      if (l.status === "approved") await scheduleFor(l);
      else await askReview(l, `resubmitted-${l.sequence}`);
      return l;
    },

    /** The author cancels: reminders are dropped, guests are told. */
    async cancel(authorId: number, id: number): Promise<LessonView> {
      const before = await own(authorId, id);
      if (before.status === "rejected") throw new DomainError("lesson-cancel-rejected");
      const r = await db.openLesson.updateMany({
        where: { id, status: { in: ["pending", "approved"] } },
        data: { status: "cancelled", sequence: { increment: 1 } },
      });
      if (!r.count) throw new DomainError("lesson-closed");
      await tasks.cancel(lessonKey(id));
      await outbox.cancelByPrefix(`${lessonKey(id)}remind`);
      if (before.status === "approved") {
        // the file that takes it out of a guest's phone calendar
        const buttons = [[{ key: "calendar-remove-button", action: { do: "lesson-calendar" as const, id } }]];
        await outbox.notify(await notices(await guests(id), "lesson-notice-cancelled", before, "cancelled", { buttons }));
      }
      return load(id);
    },

    /** The author's own lessons, newest first, a page at a time. */
    async mine(authorId: number, page: number, size: number): Promise<{ items: LessonView[]; total: number }> {
      return paged({ authorId }, [{ startsAt: "desc" }, { id: "desc" }], page, size);
    },
  };
  return authoring;
}

export type AuthoringService = ReturnType<typeof createLessonAuthoring>;

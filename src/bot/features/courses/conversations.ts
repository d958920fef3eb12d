// /newcourse: a methodist creates a course field by field (each validated, asked again when wrong),
// sees a preview and publishes it. The course panel's "Edit" changes one field.
import { InlineKeyboard } from "grammy";
import {
  COURSE_FORMATS,
  parseDay,
  parseDeadline,
  parseEndDate,
  validateDescription,
  validateHours,
  validateProvider,
  validateSeats,
  validateTitle,
  validateVenue,
  type CourseDraft,
  type CourseFormatCode,
} from "../../../domain/courses/index.js";
import { scopeOf } from "../../../domain/scope.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { askText, attempt, waitButton } from "../../conversations/kit.js";
import { askSubjects } from "../registration/steps.js";
import { courseCard } from "./cards.js";
import { courseFieldData, courseFormatData, coursePublishData } from "./callbacks.js";
import { asRegistered } from "../../middlewares/guards.js";

export const COURSE_CREATE = "course-create";
export const COURSE_EDIT = "course-edit";

type Ctx = ConvContext;

async function askFormat(conversation: Conv, ctx: Ctx): Promise<{ ctx: Ctx; value: CourseFormatCode }> {
  const kb = new InlineKeyboard();
  for (const f of COURSE_FORMATS) kb.text(ctx.t(`course-format-${f.replace("_", "-")}`), courseFormatData.pack({ format: f }));
  await ctx.reply(ctx.t("course-ask-format"), { reply_markup: kb });
  const pressed = await waitButton(conversation, courseFormatData.filter());
  const { format } = courseFormatData.unpack(pressed.callbackQuery.data);
  await pressed.answerCallbackQuery();
  await pressed.editMessageText(`${pressed.t("course-ask-format")} ${pressed.t(`course-format-${format.replace("_", "-")}`)}`);
  return { ctx: pressed, value: format as CourseFormatCode };
}

/** Where it takes place: a link for an online course (checked), an address otherwise. */
function askVenue(conversation: Conv, ctx: Ctx, format: CourseFormatCode) {
  return askText(conversation, ctx, {
    question: ctx.t(format === "online" ? "course-ask-link" : "course-ask-place"),
    validate: (s) => validateVenue(format, s),
  });
}

/** Plain data for the replay log: dates as milliseconds. */
interface StoredDraft extends Omit<CourseDraft, "startDate" | "endDate" | "registrationDeadline"> {
  startDate: number;
  endDate: number;
  registrationDeadline: number;
}

const toDraft = (d: StoredDraft): CourseDraft => ({
  ...d,
  startDate: new Date(d.startDate),
  endDate: new Date(d.endDate),
  registrationDeadline: new Date(d.registrationDeadline),
});

export function createCourseConversation(deps: BotDeps) {
  const zone = deps.config.TIMEZONE;
  const now = () => deps.clock.now();
  return async (conversation: Conv, ctx: Ctx) => {
    const locale = await conversation.external((outer) => outer.i18n.getLocale());
    await ctx.reply(ctx.t("course-create-intro"));
    const title = await askText(conversation, ctx, { question: ctx.t("course-ask-title"), validate: validateTitle });
    const description = await askText(conversation, title.ctx, { question: ctx.t("course-ask-description"), validate: validateDescription });
    const provider = await askText(conversation, description.ctx, { question: ctx.t("course-ask-provider"), validate: validateProvider });
    const format = await askFormat(conversation, provider.ctx);
    const place = await askVenue(conversation, format.ctx, format.value);
    const start = await askText(conversation, place.ctx, { question: ctx.t("course-ask-start"), validate: (s) => parseDay(s, zone, now()).getTime() });
    const end = await askText(conversation, start.ctx, {
      question: ctx.t("course-ask-end"),
      validate: (s) => parseEndDate(s, zone, now(), new Date(start.value)).getTime(),
    });
    const hours = await askText(conversation, end.ctx, { question: ctx.t("course-ask-hours"), validate: validateHours });
    const seats = await askText(conversation, hours.ctx, { question: ctx.t("course-ask-seats"), validate: validateSeats });
    const deadline = await askText(conversation, seats.ctx, {
      question: ctx.t("course-ask-deadline"),
      validate: (s) => parseDeadline(s, zone, now(), new Date(start.value)).getTime(),
    });
    const subjects = await askSubjects(conversation, deadline.ctx, deps, locale, [], "course-ask-subjects");
    const draft: StoredDraft = {
      title: title.value,
      description: description.value,
      provider: provider.value,
      format: format.value,
      place: place.value,
      startDate: start.value,
      endDate: end.value,
      hours: hours.value,
      seats: seats.value,
      registrationDeadline: deadline.value,
      subjectIds: subjects.value,
    };
    const c = subjects.ctx;
    const preview = await conversation.external(async (outer) => {
      const names = (await deps.services.directory.subjects()).filter((s) => draft.subjectIds.includes(s.id));
      const d = toDraft(draft);
      // the course will be the creator's district's (a district's methodist) or for everyone
      const { districtId } = scopeOf(asRegistered(outer).user);
      const districtName = districtId === null ? null : ((await deps.services.directory.district(districtId))?.name ?? null);
      return courseCard(
        { t: c.t, locale, zone },
        {
          ...d,
          id: 0,
          seatsTaken: 0,
          status: "open",
          districtId,
          districtName,
          createdById: null,
          createdAt: now(),
          updatedAt: now(),
          subjects: names.map((s) => ({ id: s.id, nameRu: s.nameRu, nameEn: s.nameEn })),
        },
      );
    });
    const kb = new InlineKeyboard()
      .text(c.t("course-publish-yes"), coursePublishData.pack({ yes: true }))
      .text(c.t("course-publish-no"), coursePublishData.pack({ yes: false }));
    await c.reply(`${c.t("course-preview")}\n\n${preview}`, { reply_markup: kb });
    const pressed = await waitButton(conversation, coursePublishData.filter());
    await pressed.answerCallbackQuery();
    await pressed.editMessageReplyMarkup();
    if (!coursePublishData.unpack(pressed.callbackQuery.data).yes) {
      await pressed.reply(pressed.t("course-create-dropped"));
      return;
    }
    const outcome = await conversation.external((outer) =>
      attempt(async () => (await deps.services.courses.create(asRegistered(outer).user, toDraft(draft))).id),
    );
    if (!outcome.ok) {
      await pressed.reply(pressed.t(`error-${outcome.code}`, outcome.args));
      return;
    }
    await pressed.reply(pressed.t("course-published", { title: draft.title }));
  };
}

const FIELDS = ["title", "description", "provider", "format", "place", "start", "end", "hours", "seats", "deadline", "subjects"] as const;

export function editCourseConversation(deps: BotDeps) {
  const zone = deps.config.TIMEZONE;
  const now = () => deps.clock.now();
  return async (conversation: Conv, ctx: Ctx, courseId: number) => {
    const course = await conversation.external(async () => {
      const c = await deps.services.courses.get(courseId);
      return { title: c.title, format: c.format as CourseFormatCode, start: c.startDate.getTime(), subjectIds: c.subjects.map((x) => x.id) };
    });
    const kb = new InlineKeyboard();
    FIELDS.forEach((f, i) => {
      kb.text(ctx.t(`course-field-${f}`), courseFieldData.pack({ field: f }));
      if (i % 3 === 2) kb.row();
    });
    await ctx.reply(ctx.t("course-edit-which", { title: course.title }), { reply_markup: kb });
    const pressed = await waitButton(conversation, courseFieldData.filter());
    const field = courseFieldData.unpack(pressed.callbackQuery.data).field as (typeof FIELDS)[number];
    await pressed.answerCallbackQuery();
    await pressed.editMessageReplyMarkup();
    const start = new Date(course.start);
    const locale = await conversation.external((outer) => outer.i18n.getLocale());
    const ask = <T>(validate: (s: string) => T) => askText(conversation, pressed, { question: pressed.t(`course-ask-${field}`), validate });
    let change: Record<string, unknown>;
    let c: Ctx;
    switch (field) {
      case "format": {
        const format = await askFormat(conversation, pressed);
        // to or from online: the address (or the link) no longer fits, so it is asked again
        const venue = (format.value === "online") !== (course.format === "online") ? await askVenue(conversation, format.ctx, format.value) : null;
        c = venue?.ctx ?? format.ctx;
        change = venue ? { format: format.value, place: venue.value } : { format: format.value };
        break;
      }
      case "subjects":
        ({ ctx: c, value: change } = await askSubjects(conversation, pressed, deps, locale, course.subjectIds, "course-ask-subjects").then((r) => ({
          ctx: r.ctx,
          value: { subjectIds: r.value },
        })));
        break;
      case "title":
        ({ ctx: c, value: change } = await ask((s) => ({ title: validateTitle(s) })));
        break;
      case "description":
        ({ ctx: c, value: change } = await ask((s) => ({ description: validateDescription(s) })));
        break;
      case "provider":
        ({ ctx: c, value: change } = await ask((s) => ({ provider: validateProvider(s) })));
        break;
      case "place":
        ({ ctx: c, value: change } = await askVenue(conversation, pressed, course.format).then((r) => ({ ctx: r.ctx, value: { place: r.value } })));
        break;
      case "start":
        ({ ctx: c, value: change } = await ask((s) => ({ startDate: parseDay(s, zone, now()).getTime() })));
        break;
      case "end":
        ({ ctx: c, value: change } = await ask((s) => ({ endDate: parseEndDate(s, zone, now(), start).getTime() })));
        break;
      case "hours":
        ({ ctx: c, value: change } = await ask((s) => ({ hours: validateHours(s) })));
        break;
      case "seats":
        ({ ctx: c, value: change } = await ask((s) => ({ seats: validateSeats(s) })));
        break;
      default:
        ({ ctx: c, value: change } = await ask((s) => ({ registrationDeadline: parseDeadline(s, zone, now(), start).getTime() })));
        break;
    }
    const outcome = await conversation.external((outer) =>
      attempt(async () => {
        const data = Object.fromEntries(Object.entries(change).map(([k, v]) => [k, /Date$|Deadline$/.test(k) ? new Date(v as number) : v]));
        await deps.services.courses.update(asRegistered(outer).user, courseId, data as Partial<CourseDraft>);
        return true;
      }),
    );
    if (!outcome.ok) {
      await c.reply(c.t(`error-${outcome.code}`, outcome.args));
      return;
    }
    await c.reply(c.t("course-edited"));
  };
}

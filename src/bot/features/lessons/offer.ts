// "Offer an open lesson": subject, grade, topic, method, date and time, duration, place or link, seats;
// a preview, then it goes to the methodists (a methodist's own is published at once: nobody moderates
// her own work). Every wrong answer is explained and asked again.
import { InlineKeyboard } from "grammy";
import type { LessonDraft, LessonView } from "../../../domain/lessons/types.js";
import { parseDuration, parseSeats, validateMethod, validateRoom, validateTopic, validateUrl } from "../../../domain/lessons/validate.js";
import { parseFutureDateTime } from "../../../domain/time.js";
import { isMethodistRole } from "../../../domain/users.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { askText, attempt, waitButton } from "../../conversations/kit.js";
import { gradeKeyboard, lessonText, placeKeyboard, subjectKeyboard, type SubjectItem } from "./card.js";
import { LESSON_ALL_SUBJECTS, LESSON_DISCARD, LESSON_SUBMIT, lessonOfferGrade, lessonOfferPlace, lessonOfferSubject } from "./callbacks.js";
import { asRegistered } from "../../middlewares/guards.js";

export const OFFER = "lesson-offer";

export function offerConversation(deps: BotDeps) {
  const { lessons, users, directory } = deps.services;
  const zone = deps.config.TIMEZONE;

  return async (conversation: Conv, ctx: ConvContext) => {
    const me = await conversation.external(async (outer) => {
      const { user } = asRegistered(outer);
      const p = await users.profile(user.id);
      const all = await directory.subjects();
      const plain = (s: SubjectItem) => ({ id: s.id, nameRu: s.nameRu, nameEn: s.nameEn });
      return {
        id: user.id,
        name: p?.fullName ?? "—",
        school: p?.school?.name ?? null,
        locale: await outer.i18n.getLocale(),
        // the preview's button says what will happen; the answer at the end says what did
        publishes: isMethodistRole(user.role),
        mine: (p?.subjects ?? []).map(plain),
        all: all.map(plain),
      };
    });
    const { locale } = me;

    // subject: hers first, any other on request
    const pickSubject = (id: number) => lessonOfferSubject.pack({ id });
    const ownKb = subjectKeyboard(me.mine, locale, pickSubject).row().text(ctx.t("lesson-offer-other-subject"), LESSON_ALL_SUBJECTS);
    await ctx.reply(ctx.t("lesson-offer-intro"));
    await ctx.reply(ctx.t("lesson-ask-subject"), { reply_markup: me.mine.length ? ownKb : subjectKeyboard(me.all, locale, pickSubject) });
    let subjectId = 0;
    while (!subjectId) {
      const c = await waitButton(conversation, [lessonOfferSubject.filter(), LESSON_ALL_SUBJECTS]);
      await c.answerCallbackQuery();
      if (c.callbackQuery.data === LESSON_ALL_SUBJECTS) {
        await c.editMessageReplyMarkup({ reply_markup: subjectKeyboard(me.all, locale, pickSubject) });
        continue;
      }
      const id = lessonOfferSubject.unpack(c.callbackQuery.data).id;
      const s = me.all.find((x) => x.id === id);
      if (!s) continue;
      subjectId = id;
      await c.editMessageText(c.t("lesson-chosen-subject", { subject: locale === "en" ? s.nameEn : s.nameRu }));
    }
    const subject = me.all.find((x) => x.id === subjectId)!;

    await ctx.reply(ctx.t("lesson-ask-grade"), { reply_markup: gradeKeyboard(ctx.t, (g) => lessonOfferGrade.pack({ g })) });
    const gc = await waitButton(conversation, lessonOfferGrade.filter());
    const grade = lessonOfferGrade.unpack(gc.callbackQuery.data).g;
    await gc.answerCallbackQuery();
    await gc.editMessageText(gc.t("lesson-chosen-grade", { grade: gc.t("lesson-grade", { grade }) }));

    const topic = await askText(conversation, ctx, { question: ctx.t("lesson-ask-topic"), validate: validateTopic });
    const method = await askText(conversation, ctx, { question: ctx.t("lesson-ask-method"), validate: validateMethod });
    const startsAt = await askText(conversation, ctx, {
      question: ctx.t("lesson-ask-date"),
      validate: (s) => parseFutureDateTime(s, zone, deps.clock.now()).getTime(),
    });
    const duration = await askText(conversation, ctx, { question: ctx.t("lesson-ask-duration"), validate: parseDuration });

    await ctx.reply(ctx.t("lesson-ask-place"), { reply_markup: placeKeyboard(ctx.t) });
    const pc = await waitButton(conversation, lessonOfferPlace.filter());
    const kind = lessonOfferPlace.unpack(pc.callbackQuery.data).k === "online" ? "online" : "school";
    await pc.answerCallbackQuery();
    await pc.editMessageReplyMarkup();
    const place: LessonDraft["place"] =
      kind === "online"
        ? { kind, url: (await askText(conversation, ctx, { question: ctx.t("lesson-ask-url"), validate: validateUrl })).value }
        : {
            kind,
            room: (await askText(conversation, ctx, { question: ctx.t("lesson-ask-room", { school: me.school ?? "—" }), validate: validateRoom })).value,
          };
    const seats = await askText(conversation, ctx, { question: ctx.t("lesson-ask-seats"), validate: parseSeats });

    const draft: LessonDraft = {
      subjectId,
      grade,
      topic: topic.value,
      method: method.value,
      startsAt: startsAt.value,
      durationMin: duration.value,
      place,
      seats: seats.value,
    };
    const preview: LessonView = {
      id: 0,
      authorId: me.id,
      authorName: me.name,
      subjectId,
      subjectRu: subject.nameRu,
      subjectEn: subject.nameEn,
      grade,
      topic: draft.topic,
      method: draft.method,
      startsAt: draft.startsAt,
      durationMin: draft.durationMin,
      schoolName: place.kind === "school" ? me.school : null,
      room: place.kind === "school" ? place.room : null,
      onlineUrl: place.kind === "online" ? place.url : null,
      seats: draft.seats,
      seatsTaken: 0,
      sequence: 0,
      status: "pending",
      rejectReason: null,
      ratingAvg: null,
      ratingCount: 0,
    };
    const submitLabel = me.publishes ? ctx.t("lesson-publish-button") : ctx.t("lesson-submit-button");
    const confirmKb = new InlineKeyboard().text(submitLabel, LESSON_SUBMIT).text(ctx.t("lesson-discard-button"), LESSON_DISCARD);
    await ctx.reply(`${ctx.t("lesson-preview")}\n\n${lessonText(ctx.t, preview, locale, zone)}`, { reply_markup: confirmKb });
    const done = await waitButton(conversation, [LESSON_SUBMIT, LESSON_DISCARD]);
    await done.answerCallbackQuery();
    await done.editMessageReplyMarkup();
    if (done.callbackQuery.data === LESSON_DISCARD) {
      await done.reply(done.t("lesson-discarded"));
      return;
    }
    const saved = await conversation.external(() => attempt(async () => (await lessons.create(me.id, draft)).status));
    if (!saved.ok) {
      await done.reply(`${done.t(`error-${saved.code}`, saved.args)}\n${done.t("lesson-offer-again")}`);
      return;
    }
    if (saved.value === "approved") await done.reply(done.t("lesson-published"));
    else await done.reply(done.t("lesson-submitted"));
  };
}

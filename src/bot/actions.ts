// The Telegram side of the domain's button actions (src/domain/actions.ts): each becomes the callback
// data its handler decodes. The switch is exhaustive, so a new action does not compile until it is
// given its button here.
import type { ActionPacker, ButtonAction } from "../domain/actions.js";
import { broadcastAnswerData } from "./features/broadcasts/callbacks.js";
import { courseCalendarData, courseOfferData, courseOpenData } from "./features/courses/callbacks.js";
import { certificateData } from "./features/documents/callbacks.js";
import { LESSON_OFFER, LESSON_QUEUE, lessonCalendar, lessonCard, lessonRate } from "./features/lessons/callbacks.js";
import { openData as materialCard, QUEUE as MATERIAL_QUEUE } from "./features/materials/callbacks.js";
import { meetingCalendarData, meetingRsvpData } from "./features/meetings/callbacks.js";

export const packAction: ActionPacker = (a: ButtonAction): string => {
  switch (a.do) {
    case "lesson-card":
      return lessonCard.pack({ id: a.id });
    case "lesson-rate":
      return lessonRate.pack({ id: a.id });
    case "lesson-calendar":
      return lessonCalendar.pack({ id: a.id });
    case "lesson-queue":
      return LESSON_QUEUE;
    case "lesson-offer":
      return LESSON_OFFER;
    case "meeting-rsvp":
      return meetingRsvpData.pack({ id: a.id, going: a.going });
    case "meeting-calendar":
      return meetingCalendarData.pack({ id: a.id });
    case "course-card":
      return courseOpenData.pack({ id: a.id });
    case "course-offer":
      return courseOfferData.pack({ reg: a.reg, yes: a.yes });
    case "course-calendar":
      return courseCalendarData.pack({ id: a.id });
    case "broadcast-answer":
      return broadcastAnswerData.pack({ id: a.id, option: a.option });
    case "certificate":
      return certificateData.pack({ kind: a.kind, id: a.id, lang: "" });
    case "material-card":
      return materialCard.pack({ id: a.id });
    case "material-queue":
      return MATERIAL_QUEUE;
  }
};

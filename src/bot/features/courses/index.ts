// Courses: the teacher's catalog and registrations, the methodists' management and creation flow.
import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import type { BotContext, BotDeps, ConvContext } from "../../context.js";
import { adminFeature } from "./admin.js";
import { COURSE_CREATE, COURSE_EDIT, createCourseConversation, editCourseConversation } from "./conversations.js";
import { teacherFeature } from "./teacher.js";

export function coursesConversations(deps: BotDeps) {
  return [
    createConversation<BotContext, ConvContext>(createCourseConversation(deps), COURSE_CREATE),
    createConversation<BotContext, ConvContext>(editCourseConversation(deps), COURSE_EDIT),
  ];
}

export function coursesFeature(deps: BotDeps) {
  return new Composer<BotContext>(teacherFeature(deps), adminFeature(deps));
}

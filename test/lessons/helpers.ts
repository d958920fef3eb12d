// Open-lesson steps shared by the lesson tests.
import type { LessonDraft } from "../../src/domain/lessons/types.js";
import type { Person } from "../helpers/flows.js";
import { insertTeacher } from "../helpers/flows.js";
import type { TestApp } from "../helpers/test-app.js";

/** A methodist inserted straight into the database. */
export async function insertMethodist(app: TestApp, telegramId: number): Promise<number> {
  const id = await insertTeacher(app, telegramId, { name: "Методистова Елена" });
  await app.db.prisma.user.update({ where: { id }, data: { role: "methodist" } });
  return id;
}

/** A lesson offered and approved through the services (the conversation has its own tests); a methodist's own is approved at once. */
export async function approvedLesson(app: TestApp, authorId: number, methodistId: number, draft: Partial<LessonDraft> = {}): Promise<number> {
  const math = await app.db.prisma.subject.findUniqueOrThrow({ where: { code: "math" } });
  const l = await app.services.lessons.create(authorId, {
    subjectId: math.id,
    grade: "5",
    topic: "Сложение дробей",
    method: "Работа в группах",
    startsAt: new Date("2026-12-10T11:30:00Z").getTime(),
    durationMin: 45,
    place: { kind: "school", room: "каб. 21" },
    seats: 2,
    ...draft,
  });
  if (l.status === "pending") await app.services.lessons.approve(methodistId, l.id);
  return l.id;
}

/** Goes through the offer conversation with valid answers; `submit`: the preview's button (a methodist's says "Опубликовать"). */
export async function offerViaBot(p: Person, answers: { topic?: string; date?: string; seats?: string; submit?: string } = {}): Promise<void> {
  await p.chat.send("🏫 Открытые уроки");
  await p.chat.press("Предложить урок");
  await p.chat.press("Математика");
  await p.chat.press("5");
  await p.chat.send(answers.topic ?? "Сложение дробей");
  await p.chat.send("Работа в группах, кейс-метод");
  await p.chat.send(answers.date ?? "10.12 14:30");
  await p.chat.send("45");
  await p.chat.press("В моей школе");
  await p.chat.send("каб. 21");
  await p.chat.send(answers.seats ?? "3");
  await p.chat.press(answers.submit ?? "Отправить на проверку");
}

/** The author opens one of her lessons from "Open lessons" → "My lessons". */
export async function openMyLesson(chat: Person["chat"], topic: RegExp): Promise<void> {
  await chat.send("🏫 Открытые уроки");
  await chat.press("Мои уроки");
  await chat.press(topic);
}

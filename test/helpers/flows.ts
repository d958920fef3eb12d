// Steps that many tests need: a registered teacher, a methodist, an admin.
import type { TestApp } from "./test-app.js";
import { ADMIN_ID } from "./test-app.js";
import type { TestUser } from "./fake-telegram.js";

export interface Person {
  chat: TestUser;
  userId: number;
}

/** Registers a person through the bot in the given language (en buttons when `locale` is en). */
export async function registerViaBot(
  app: TestApp,
  telegramId: number,
  opts: { name?: string; school?: string; subjects?: string[]; locale?: "ru" | "en" } = {},
): Promise<Person> {
  const locale = opts.locale ?? "ru";
  const chat = app.user(telegramId, { language_code: locale });
  await chat.send("/start");
  await chat.press(locale === "en" ? "English" : "Русский");
  await chat.press(locale === "en" ? "I agree" : "Даю согласие");
  await chat.send(opts.name ?? "Петрова Анна Сергеевна");
  await chat.send(opts.school ?? "СОШ 1");
  await chat.press(opts.school ? opts.school : "МБОУ «СОШ № 1»");
  for (const s of opts.subjects ?? [locale === "en" ? "Mathematics" : "Математика"]) await chat.press(s);
  await chat.press(locale === "en" ? "Done" : "Готово");
  const user = await app.services.users.byTelegramId(telegramId);
  if (!user?.registeredAt) throw new Error(`registration of ${telegramId} failed:\n${chat.dump()}`);
  return { chat, userId: user.id };
}

/** Someone new through language, consent and name: the school question is open. */
export async function toSchoolStep(app: TestApp, telegramId: number, name = "Орлова Нина Павловна"): Promise<TestUser> {
  const chat = app.user(telegramId);
  await chat.send("/start");
  await chat.press("Русский");
  await chat.press("Даю согласие");
  await chat.send(name);
  return chat;
}

/** A registered person made methodist directly in the database (the /role flow has its own tests). */
export async function registerMethodist(app: TestApp, telegramId: number, name = "Сидорова Елена Викторовна"): Promise<Person> {
  const p = await registerViaBot(app, telegramId, { name });
  await app.db.prisma.user.update({ where: { id: p.userId }, data: { role: "methodist" } });
  return p;
}

/** The admin from ADMIN_TELEGRAM_IDS, registered. */
export function registerAdmin(app: TestApp): Promise<Person> {
  return registerViaBot(app, ADMIN_ID, { name: "Админова Ольга Ивановна" });
}

/** A registered teacher inserted straight into the database (fast; for counts and lists). */
export async function insertTeacher(
  app: TestApp,
  telegramId: number,
  opts: { name?: string; schoolId?: number; subjectCodes?: string[]; language?: string } = {},
): Promise<number> {
  const subjects = await app.db.prisma.subject.findMany({ where: { code: { in: opts.subjectCodes ?? ["math"] } } });
  const schoolId = opts.schoolId ?? (await app.db.prisma.school.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  const u = await app.services.users.register({
    telegramId,
    fullName: opts.name ?? `Учитель Номер${String.fromCharCode(1040 + (telegramId % 32))}`,
    language: opts.language ?? "ru",
    schoolId,
    subjectIds: subjects.map((s) => s.id),
    consentAt: app.clock.now(),
  });
  return u.id;
}

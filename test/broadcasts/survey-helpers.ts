// Surveys in broadcast tests: one launched as the methodist would (a draft confirmed with her button),
// delivered, and what a recipient's copy carries.
import { expect } from "vitest";
import { broadcastData } from "../../src/bot/features/broadcasts/callbacks.js";
import { emptyAudience, type Audience } from "../../src/domain/broadcasts/index.js";
import { deliverAll } from "../helpers/delivery.js";
import type { Person } from "../helpers/flows.js";
import type { TestApp } from "../helpers/test-app.js";

export interface SurveyInput {
  text?: string;
  options?: string[];
  multiple?: boolean;
  audience?: Partial<Audience>;
  urgent?: boolean;
  /** let the report task see the delivery over (status done), as minutes later; false: still "sending" */
  finish?: boolean;
}

/**
 * The author's survey to the audience (by default: the teachers, urgent, so t1–t4 of the seeded
 * district), confirmed with her Confirm button, delivered and (unless `finish` is false) reported
 * finished. Returns its id.
 */
export async function launchSurvey(app: TestApp, author: Person, input: SurveyInput = {}): Promise<number> {
  const actor = await app.db.prisma.user.findUniqueOrThrow({ where: { id: author.userId } });
  const { id } = await app.services.broadcasts.saveDraft(actor, {
    text: input.text ?? "Пойдёте на семинар РМО?",
    entities: [],
    attachment: null,
    audience: { ...emptyAudience(), roles: ["teacher"], ...input.audience },
    urgent: input.urgent ?? true,
    question: { options: input.options ?? ["Да", "Нет"], multiple: input.multiple ?? false },
  });
  await author.chat.pressData(broadcastData.pack({ action: "confirm", id }));
  await deliverAll(app);
  if (input.finish ?? true) await refreshReports(app);
  return id;
}

/** The labels of the buttons under a chat's copy of a survey (the newest message with that text). */
export function copyButtons(app: TestApp, chatId: number, text: string): string[] {
  const copy = [...app.tg.transcript(chatId)].reverse().find((m) => m.text === text);
  expect(copy, `chat ${chatId} has no copy of «${text}»`).toBeDefined();
  return (copy!.reply_markup?.inline_keyboard ?? []).flat().map((b: { text: string }) => b.text);
}

/** The author's live report of broadcast `id`. */
export function reportOf(app: TestApp, chatId: number, id: number) {
  const report = app.tg.transcript(chatId).find((m) => m.text.includes(`Рассылка №\u00a0${id}</b>`) || m.text.includes(`Broadcast #${id}</b>`));
  expect(report, `no report of broadcast ${id}`).toBeDefined();
  return {
    messageId: report!.message_id,
    text: report!.text,
    buttons: (report!.reply_markup?.inline_keyboard ?? []).flat().map((b: { text: string }) => b.text) as string[],
  };
}

/** Lets the results refresh run: the report shows the answers given so far. */
export async function refreshReports(app: TestApp): Promise<void> {
  app.clock.advance(10_000);
  await app.scheduler.tick();
  await deliverAll(app);
}

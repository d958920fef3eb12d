// Every slash command, once: who may use it and its description (locales: `cmd-<command>`). The
// command menus Telegram shows are set from this list, per language and per role.
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { LOCALES } from "../config.js";
import type { Role, User } from "../domain/users.js";
import type { Logger } from "../logger.js";
import type { Messages } from "../i18n.js";

export type CommandScope = "everyone" | "methodist" | "admin";

export const COMMANDS: { command: string; scope: CommandScope }[] = [
  { command: "start", scope: "everyone" },
  { command: "menu", scope: "everyone" },
  { command: "profile", scope: "everyone" },
  { command: "language", scope: "everyone" },
  { command: "help", scope: "everyone" },
  { command: "cancel", scope: "everyone" },
  { command: "deleteme", scope: "everyone" },
  { command: "methodists", scope: "admin" },
  { command: "role", scope: "admin" },
  { command: "directory", scope: "admin" },
  { command: "meetings", scope: "everyone" },
  { command: "newmeeting", scope: "methodist" },
  { command: "meetings_admin", scope: "methodist" },
  { command: "broadcast", scope: "methodist" },
  { command: "broadcasts", scope: "methodist" },
  { command: "moderate_materials", scope: "methodist" },
  { command: "moderate_lessons", scope: "methodist" },
  { command: "courses", scope: "everyone" },
  { command: "mycourses", scope: "everyone" },
  { command: "newcourse", scope: "methodist" },
  { command: "courses_admin", scope: "methodist" },
  { command: "coverage", scope: "methodist" },
  { command: "attestation", scope: "methodist" },
  { command: "teachers", scope: "methodist" },
  { command: "staff", scope: "methodist" },
  { command: "documents", scope: "everyone" },
  { command: "verify", scope: "everyone" },
  { command: "teacher", scope: "methodist" },
  { command: "web", scope: "everyone" },
  { command: "calendar", scope: "everyone" },
];

const RANK: Record<CommandScope, number> = { everyone: 0, methodist: 1, admin: 2 };
const rankOf = (role: Role): number => (role === "admin" ? 2 : role === "methodist" ? 1 : 0);

export const commandNames = () => COMMANDS.map((c) => c.command);

export function commandsFor(role: Role, messages: Messages, locale: string): BotCommand[] {
  return COMMANDS.filter((c) => RANK[c.scope] <= rankOf(role)).map((c) => ({
    command: c.command,
    description: messages.t(locale, `cmd-${c.command}`),
  }));
}

/** The command menus everyone sees, per language (on start). */
export async function setDefaultCommands(api: Api, messages: Messages, defaultLocale: string): Promise<void> {
  await api.setMyCommands(commandsFor("teacher", messages, defaultLocale), { scope: { type: "all_private_chats" } });
  for (const locale of LOCALES) {
    await api.setMyCommands(commandsFor("teacher", messages, locale), { scope: { type: "all_private_chats" }, language_code: locale });
  }
}

/** A methodist's or admin's own chat gets their longer menu; back to the default for a teacher. */
export async function setUserCommands(api: Api, messages: Messages, user: Pick<User, "telegramId" | "role" | "language">): Promise<void> {
  const scope = { type: "chat" as const, chat_id: Number(user.telegramId) };
  // a teacher's chat has no menu of its own: the default one (per language) shows
  if (user.role === "teacher") await api.deleteMyCommands({ scope });
  else await api.setMyCommands(commandsFor(user.role, messages, user.language), { scope });
}

/** Best effort after a change of role or language: a menu that could not be set must not fail what the person did. */
export function refreshUserCommands(api: Api, messages: Messages, user: Pick<User, "telegramId" | "role" | "language">, logger: Logger): Promise<void> {
  return setUserCommands(api, messages, user).catch((err: unknown) => logger.warn({ err }, "command menu not updated"));
}

/**
 * Best effort at start-up: a failure here must not keep the bot from answering. Each person listed gets
 * the menu of her role (a teacher, such as an admin removed from config, the default one again).
 */
export async function syncCommands(api: Api, messages: Messages, defaultLocale: string, staff: User[], logger: Logger): Promise<void> {
  try {
    await setDefaultCommands(api, messages, defaultLocale);
    for (const u of staff) await setUserCommands(api, messages, u);
  } catch (e) {
    logger.warn({ err: e }, "could not set the command menus");
  }
}

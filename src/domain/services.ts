// All domain services, built from the database and the clock: no Telegram, no globals.
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import type { Clock } from "./clock.js";
import { createDirectoryService } from "./directory.js";
import { createUserService } from "./users.js";

export interface ServiceDeps {
  clock: Clock;
  config: Pick<Config, "ADMIN_TELEGRAM_IDS" | "TIMEZONE">;
}

export function createServices(db: Db, deps: ServiceDeps) {
  const users = createUserService(db, deps.clock, { adminTelegramIds: deps.config.ADMIN_TELEGRAM_IDS });
  const directory = createDirectoryService(db);
  return { users, directory };
}

export type Services = ReturnType<typeof createServices>;

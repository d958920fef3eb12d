// Admin: roles and the district directory. Every entry starts with its guard.
import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import type { BotContext, BotDeps, ConvContext } from "../../context.js";

import { replyLong } from "../../long-text.js";
import { adminOnly, only } from "../../middlewares/guards.js";
import { DIRECTORY, directoryConversation } from "./directory.js";
import { ROLE, roleConversation } from "./role.js";

export function adminConversations(deps: BotDeps) {
  return [
    createConversation<BotContext, ConvContext>(roleConversation(deps), ROLE),
    createConversation<BotContext, ConvContext>(directoryConversation(deps), DIRECTORY),
  ];
}

export function adminFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  const admins = only(composer, adminOnly);
  admins.command("role", (ctx) => ctx.conversation.enter(ROLE));
  admins.command("directory", (ctx) => ctx.conversation.enter(DIRECTORY));
  admins.command("methodists", async (ctx) => {
    const staff = await deps.services.users.methodists();
    if (!staff.length) return ctx.reply(ctx.t("methodists-none"));
    const withDistricts = (await deps.services.directory.districts()).length > 0;
    const lines = staff.map((u) => {
      const vars = { name: u.fullName ?? "—", role: ctx.t(`role-${u.role}`) };
      if (!withDistricts || u.role === "admin") return ctx.t("methodists-line", vars);
      return ctx.t("methodists-line-district", { ...vars, district: u.district?.name ?? ctx.t("role-district-all") });
    });
    // a region has dozens: several messages rather than one over Telegram's limit
    await replyLong(ctx, `${ctx.t("methodists-title")}\n${lines.join("\n")}`);
  });
  return composer;
}

// Telegram tells the bot when a user blocks or unblocks it: delivery stops or resumes.
import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../context.js";

export function membershipFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  composer.on("my_chat_member", async (ctx) => {
    if (!ctx.user) return;
    const status = ctx.myChatMember.new_chat_member.status;
    if (status === "kicked") await deps.services.users.markBlocked(ctx.user.id);
    else if (status === "member") await deps.services.users.markActive(ctx.user.id);
  });
  return composer;
}

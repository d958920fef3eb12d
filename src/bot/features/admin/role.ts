// /role (admins): find a registered person, make them a methodist or a teacher again.
import { InlineKeyboard } from "grammy";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { attempt, HTML, waitButton } from "../../conversations/kit.js";
import { setUserCommands } from "../../commands.js";
import { pickUserData, ROLE_CANCEL, setRoleData } from "./callbacks.js";

export const ROLE = "admin-role";

export function roleConversation(deps: BotDeps) {
  const { users } = deps.services;
  return async (conversation: Conv, ctx: ConvContext) => {
    await ctx.reply(ctx.t("role-ask-user"), HTML);
    let c: ConvContext = ctx;
    let picked: { id: number; fullName: string; role: string } | null = null;
    while (!picked) {
      const answer = await conversation.waitFor(["message:text", "callback_query:data"], {
        otherwise: (x) => x.reply(x.t("role-ask-user"), HTML),
      });
      c = answer;
      if (answer.message?.text) {
        const query = answer.message.text;
        const found = await conversation.external(async () =>
          (await users.search(query)).map((u) => ({ id: u.id, fullName: u.fullName ?? "", role: u.role })),
        );
        if (!found.length) {
          await answer.reply(answer.t("role-search-none"), HTML);
          continue;
        }
        const kb = new InlineKeyboard();
        for (const u of found) kb.text(`${u.fullName} · ${answer.t(`role-${u.role}`)}`, pickUserData.pack({ id: u.id })).row();
        await answer.reply(answer.t("role-pick-user"), { ...HTML, reply_markup: kb });
        continue;
      }
      const data = answer.callbackQuery?.data ?? "";
      if (!pickUserData.filter().test(data)) {
        await answer.answerCallbackQuery({ text: answer.t("unknown-button") });
        continue;
      }
      const { id } = pickUserData.unpack(data);
      await answer.answerCallbackQuery();
      picked = await conversation.external(async () => {
        const u = await users.byId(id);
        return u?.registeredAt ? { id: u.id, fullName: u.fullName ?? "", role: u.role } : null;
      });
      if (!picked) await answer.reply(answer.t("error-user-not-found"), HTML);
    }

    const target = picked;
    const kb = new InlineKeyboard();
    if (target.role === "teacher") kb.text(c.t("role-make-methodist"), setRoleData.pack({ id: target.id, role: "methodist" }));
    if (target.role === "methodist") kb.text(c.t("role-make-teacher"), setRoleData.pack({ id: target.id, role: "teacher" }));
    kb.row().text(c.t("role-cancel"), ROLE_CANCEL);
    await c.reply(c.t("role-user-card", { name: target.fullName, role: c.t(`role-${target.role}`) }), { ...HTML, reply_markup: kb });

    const pressed = await waitButton(conversation, [setRoleData.filter(), ROLE_CANCEL]);
    await pressed.answerCallbackQuery();
    await pressed.editMessageReplyMarkup();
    if (pressed.callbackQuery.data === ROLE_CANCEL) {
      await pressed.reply(pressed.t("cancelled"), HTML);
      return;
    }
    const { role } = setRoleData.unpack(pressed.callbackQuery.data);
    const outcome = await conversation.external(async (outer) =>
      attempt(async () => {
        const updated = await users.setRole(outer.user!, target.id, role === "methodist" ? "methodist" : "teacher");
        await setUserCommands(outer.api, deps.messages, updated).catch((e) => outer.log.warn({ err: e }, "command menu not updated"));
        // the person learns it from the bot (through the outbox, like everything the bot says on its own)
        await deps.services.outbox.notify([
          {
            userId: updated.id,
            key: updated.role === "methodist" ? "role-granted-notice" : "role-revoked-notice",
            dedupeKey: `role:${updated.id}:${updated.role}:${updated.updatedAt.getTime()}`,
          },
        ]);
        return updated.role;
      }),
    );
    if (!outcome.ok) {
      await pressed.reply(pressed.t(`error-${outcome.code}`, outcome.args), HTML);
      return;
    }
    await pressed.reply(pressed.t("role-changed", { name: target.fullName, role: pressed.t(`role-${outcome.value}`) }), HTML);
  };
}


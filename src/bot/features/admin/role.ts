// /role (admins): find a registered person, make them a methodist or a teacher again. In a deployment
// with districts, a methodist is made one of a district (or of all of them), and a methodist's district
// can be changed.
import { InlineKeyboard } from "grammy";
import { snippet } from "../../../domain/text.js";
import type { SearchedPerson } from "../../../domain/users.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { attempt, waitButton } from "../../conversations/kit.js";
import { refreshUserCommands } from "../../commands.js";
import { pickUserData, ROLE_CANCEL, roleDistrictData, setRoleData } from "./callbacks.js";
import { asRegistered } from "../../middlewares/guards.js";

export const ROLE = "admin-role";
/** people offered at once: more than that, the admin is asked to narrow the search */
const SHOWN = 10;

export function roleConversation(deps: BotDeps) {
  const { users } = deps.services;
  return async (conversation: Conv, ctx: ConvContext) => {
    await ctx.reply(ctx.t("role-ask-user"));
    let c: ConvContext = ctx;
    type Picked = { id: number; fullName: string; role: string; district: string | null };
    let picked: Picked | null = null;
    while (!picked) {
      const answer = await conversation.waitFor(["message:text", "callback_query:data"], {
        otherwise: (x) => x.reply(x.t("role-ask-user")),
      });
      c = answer;
      if (answer.message?.text !== undefined) {
        const query = answer.message.text;
        const found = await conversation.external(async () => {
          const { people, total } = await users.search(query, SHOWN);
          // namesakes are many in a region: the school (and its district) tells them apart
          const where = (u: SearchedPerson) =>
            u.school ? [snippet(u.school.name, 24), ...(u.school.district ? [snippet(u.school.district.name, 16)] : [])].join(", ") : null;
          return { people: people.map((u) => ({ id: u.id, fullName: u.fullName ?? "", role: u.role, where: where(u) })), total };
        });
        if (!found.people.length) {
          await answer.reply(answer.t("role-search-none"));
          continue;
        }
        const kb = new InlineKeyboard();
        for (const u of found.people) {
          kb.text([u.fullName, answer.t(`role-${u.role}`), ...(u.where ? [u.where] : [])].join(" · "), pickUserData.pack({ id: u.id })).row();
        }
        const more = found.total > found.people.length ? `\n${answer.t("role-search-more", { shown: found.people.length, total: found.total })}` : "";
        await answer.reply(answer.t("role-pick-user") + more, { reply_markup: kb });
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
        if (!u?.registeredAt) return null;
        const district = u.districtId === null ? null : ((await deps.services.directory.district(u.districtId))?.name ?? null);
        return { id: u.id, fullName: u.fullName ?? "", role: u.role, district } satisfies Picked;
      });
      if (!picked) await answer.reply(answer.t("error-user-not-found"));
    }

    const target = picked;
    const districts = await conversation.external(async () => (await deps.services.directory.districts()).map((d) => ({ id: d.id, name: d.name })));
    const kb = new InlineKeyboard();
    if (target.role === "teacher") kb.text(c.t("role-make-methodist"), setRoleData.pack({ id: target.id, role: "methodist" }));
    if (target.role === "methodist") {
      kb.text(c.t("role-make-teacher"), setRoleData.pack({ id: target.id, role: "teacher" }));
      if (districts.length) kb.row().text(c.t("role-change-district"), setRoleData.pack({ id: target.id, role: "methodist" }));
    }
    kb.row().text(c.t("role-cancel"), ROLE_CANCEL);
    const where =
      target.role === "methodist" && districts.length ? `\n${c.t("role-district-line", { district: target.district ?? c.t("role-district-all") })}` : "";
    await c.reply(c.t("role-user-card", { name: target.fullName, role: c.t(`role-${target.role}`) }) + where, { reply_markup: kb });

    let pressed = await waitButton(conversation, [setRoleData.filter(), ROLE_CANCEL]);
    await pressed.answerCallbackQuery();
    await pressed.editMessageReplyMarkup();
    if (pressed.callbackQuery.data === ROLE_CANCEL) {
      await pressed.reply(pressed.t("cancelled"));
      return;
    }
    const { role } = setRoleData.unpack(pressed.callbackQuery.data);
    // a methodist of which district: asked only where the directory has districts
    let districtId: number | null = null;
    if (role === "methodist" && districts.length) {
      const dk = new InlineKeyboard();
      for (const d of districts) dk.text(d.name, roleDistrictData.pack({ id: d.id })).row();
      dk.text(pressed.t("role-district-all"), roleDistrictData.pack({ id: 0 }))
        .row()
        .text(pressed.t("role-cancel"), ROLE_CANCEL);
      await pressed.reply(pressed.t("role-ask-district", { name: target.fullName }), { reply_markup: dk });
      pressed = await waitButton(conversation, [roleDistrictData.filter(), ROLE_CANCEL]);
      await pressed.answerCallbackQuery();
      await pressed.editMessageReplyMarkup();
      if (pressed.callbackQuery.data === ROLE_CANCEL) {
        await pressed.reply(pressed.t("cancelled"));
        return;
      }
      districtId = roleDistrictData.unpack(pressed.callbackQuery.data).id || null;
    }
    const wasMethodist = target.role === "methodist";
    const outcome = await conversation.external(async (outer) =>
      attempt(async () => {
        const updated = await users.setRole(asRegistered(outer).user, target.id, role === "methodist" ? "methodist" : "teacher", districtId);
        if (!wasMethodist || updated.role !== "methodist") {
          await refreshUserCommands(outer.api, deps.messages, updated, outer.log);
        }
        const district = updated.districtId === null ? null : ((await deps.services.directory.district(updated.districtId))?.name ?? null);
        // the person learns it from the bot (through the outbox, like everything the bot says on its own)
        const notice =
          updated.role !== "methodist"
            ? "role-revoked-notice"
            : !districts.length
              ? "role-granted-notice"
              : `role-${wasMethodist ? "district" : "granted"}-${district ? "one" : "all"}-notice`;
        await deps.services.outbox.notify([
          {
            userId: updated.id,
            key: notice,
            vars: district ? { district } : undefined,
            // her keyboard changes with the notice: the methodist panel appears (or goes) at once
            mainMenu: updated.role,
            dedupeKey: `role:${updated.id}:${updated.role}:${updated.updatedAt.getTime()}`,
          },
        ]);
        return { role: updated.role, district };
      }),
    );
    if (!outcome.ok) {
      await pressed.reply(pressed.t(`error-${outcome.code}`, outcome.args));
      return;
    }
    const { value } = outcome;
    const changed = pressed.t("role-changed", { name: target.fullName, role: pressed.t(`role-${value.role}`) });
    const scope =
      value.role === "methodist" && districts.length
        ? `\n${pressed.t("role-district-line", { district: value.district ?? pressed.t("role-district-all") })}`
        : "";
    await pressed.reply(changed + scope);
  };
}

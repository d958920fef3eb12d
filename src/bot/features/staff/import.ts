// Loading the staff list (/staff → «Загрузить список»): the file, a dry run (what would be added,
// changed, marked as having left, and the rows that cannot be read), then Apply or Cancel. The file is
// fetched again for the second step rather than kept in the conversation's state.
import { InlineKeyboard } from "grammy";
import type { Document } from "grammy/types";
import { MAX_STAFF_ROWS, type PlannedPerson, type StaffPlan } from "../../../domain/staff/index.js";
import { mayBeTable } from "../../../domain/tabular.js";
import { downloadFile } from "../../api/files.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { attempt, waitButton } from "../../conversations/kit.js";
import { STAFF_APPLY, STAFF_CANCEL } from "./callbacks.js";
import { asRegistered } from "../../middlewares/guards.js";

export const STAFF_IMPORT = "staff-import";
/** Telegram lets a bot download files of up to 20 MB; 50,000 rows of .xlsx are a few. */
export const MAX_STAFF_BYTES = 20 * 1024 * 1024;
/** Lines of each list shown; the rest are counted. */
const SHOWN = 10;

/** The first people of a list (the plan names the first few) and how many more. */
function people(c: ConvContext, list: PlannedPerson[], count: number): string {
  const shown = list.slice(0, SHOWN).map((p) => c.t("staff-plan-person", { name: p.name, school: p.school }));
  if (count > shown.length) shown.push(c.t("staff-plan-more", { count: count - shown.length }));
  return shown.join("\n");
}

/** The dry run (or what was done: `done`) in words. */
export function planText(c: ConvContext, p: StaffPlan, done = false): string {
  const parts = [c.t(done ? "staff-plan-done" : "staff-plan-title", { rows: p.rows, ...p.counts })];
  if (!done && p.counts.added) parts.push(`${c.t("staff-plan-added")}\n${people(c, p.added, p.counts.added)}`);
  if (!done && p.counts.changed) parts.push(`${c.t("staff-plan-changed")}\n${people(c, p.changed, p.counts.changed)}`);
  if (!done && p.counts.left) parts.push(`${c.t("staff-plan-left")}\n${people(c, p.left, p.counts.left)}`);
  if (p.counts.errors) {
    const lines = p.errors.slice(0, SHOWN).map((e) => c.t("staff-plan-error", { line: String(e.line), problem: c.t(`staff-problem-${e.problem}`) }));
    if (p.counts.errors > lines.length) lines.push(c.t("staff-plan-more", { count: p.counts.errors - lines.length }));
    parts.push(`${c.t("staff-plan-errors")}\n${lines.join("\n")}`);
  }
  return parts.join("\n\n");
}

/** A file naming schools the directory does not have: each, its rows, and the nearest names. */
function unknownText(c: ConvContext, p: StaffPlan): string {
  const lines = p.unknownSchools.slice(0, SHOWN).map((u) =>
    c.t("staff-unknown-school", {
      school: u.name,
      lines: u.lines.map(String).join(", ") + (u.rows > u.lines.length ? "…" : ""),
      rows: u.rows,
      suggestions: u.suggestions.map((s) => `«${s}»`).join(", ") || "—",
    }),
  );
  if (p.counts.unknownSchools > lines.length) lines.push(c.t("staff-plan-more", { count: p.counts.unknownSchools - lines.length }));
  return `${c.t("staff-unknown-schools", { count: p.counts.unknownSchools })}\n${lines.join("\n")}`;
}

function fileProblem(doc: Document): string | null {
  if (!mayBeTable(doc.file_name ?? "", doc.mime_type)) return "staff-not-table";
  if ((doc.file_size ?? 0) > MAX_STAFF_BYTES) return "staff-file-too-big";
  return null;
}

export function staffImportConversation(deps: BotDeps) {
  return async (conversation: Conv, ctx: ConvContext) => {
    const ask = (c: ConvContext) => c.reply(c.t("staff-ask-file", { max: MAX_STAFF_ROWS }));
    await ask(ctx);
    for (;;) {
      const c = await conversation.waitFor("message:document", {
        otherwise: (x) => (x.callbackQuery ? x.answerCallbackQuery() : ask(x)),
      });
      const doc = c.message.document;
      const problem = fileProblem(doc);
      if (problem) {
        await c.reply(c.t(problem, { max: "20 MB" }));
        continue;
      }
      const run = (apply: boolean) =>
        conversation.external(async (outer) =>
          attempt(async () => {
            const bytes = await downloadFile(outer.api, deps.fetch, doc.file_id);
            const actor = asRegistered(outer).user;
            return apply ? deps.services.staff.apply(actor, bytes, doc.file_name ?? "") : deps.services.staff.plan(actor, bytes, doc.file_name ?? "");
          }),
        );
      const planned = await run(false);
      if (!planned.ok) {
        await c.reply(`${c.t(`error-${planned.code}`, planned.args)}\n\n${c.t("staff-nothing-changed")}`);
        continue;
      }
      const plan = planned.value;
      if (plan.counts.unknownSchools) {
        await c.reply(`${unknownText(c, plan)}\n\n${c.t("staff-nothing-changed")}`);
        continue;
      }
      const { added, changed, returned, left } = plan.counts;
      if (!added && !changed && !returned && !left) {
        await c.reply(`${planText(c, plan)}\n\n${c.t("staff-plan-nothing")}`);
        return;
      }
      const kb = new InlineKeyboard().text(c.t("staff-apply"), STAFF_APPLY).row().text(c.t("staff-cancel"), STAFF_CANCEL);
      await c.reply(`${planText(c, plan)}\n\n${c.t("staff-plan-confirm")}`, { reply_markup: kb });
      const pressed = await waitButton(conversation, [STAFF_APPLY, STAFF_CANCEL]);
      await pressed.answerCallbackQuery();
      await pressed.editMessageReplyMarkup();
      if (pressed.callbackQuery.data === STAFF_CANCEL) {
        await pressed.reply(pressed.t("staff-cancelled"));
        return;
      }
      const applied = await run(true);
      await pressed.reply(applied.ok ? planText(pressed, applied.value, true) : pressed.t(`error-${applied.code}`, applied.args));
      return;
    }
  };
}

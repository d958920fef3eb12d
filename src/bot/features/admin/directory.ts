// /directory (admins): load schools or subjects from a table (.xlsx or CSV) sent to the bot. A file that would put
// schools of one district into another (the same school moving, or a namesake: only the admin knows)
// asks which before anything is written.
import { InlineKeyboard } from "grammy";
import type { Document } from "grammy/types";
import type { ImportReport, SchoolMove } from "../../../domain/directory.js";
import { mayBeTable } from "../../../domain/tabular.js";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { downloadFile } from "../../api/files.js";
import { attempt, waitButton } from "../../conversations/kit.js";
import { DIRECTORY_CANCEL, DIRECTORY_MOVE, DIRECTORY_NEW } from "./callbacks.js";

export const DIRECTORY = "admin-directory";
/** A district's directory is a few hundred lines; anything bigger is not what we asked for. */
export const MAX_CSV_BYTES = 1024 * 1024;

function csvProblem(doc: Document): string | null {
  // what the file is, is told by its bytes (tabular.ts); this only turns away photos and the like unread
  if (!mayBeTable(doc.file_name ?? "", doc.mime_type)) return "directory-not-csv";
  if ((doc.file_size ?? 0) > MAX_CSV_BYTES) return "directory-too-big";
  return null;
}

/** Lines of a list shown in the report; the rest are counted. */
const SHOWN = 10;

function reportText(c: ConvContext, r: ImportReport): string {
  const lines = r.errors.slice(0, SHOWN).map((e) => c.t("directory-line-error", { line: e.line, problem: c.t(`csv-problem-${e.problem}`) }));
  const more = r.errors.length > SHOWN ? `\n${c.t("directory-more-errors", { count: r.errors.length - SHOWN })}` : "";
  const districts = r.districts !== undefined ? `\n${c.t("directory-report-districts", { count: r.districts })}` : "";
  const orphans = r.withoutDistrict ? `\n${c.t("directory-report-without-district", { count: r.withoutDistrict })}` : "";
  const moved = r.moved?.length ? `\n${c.t("directory-report-moved", { count: r.moved.length, people: sum(r.moved) })}\n${moveLines(c, r.moved)}` : "";
  const { removed = 0, kept = [] } = r.samples ?? {};
  const samples =
    (removed ? `\n${c.t("directory-report-samples-removed", { count: removed })}` : "") +
    (kept.length ? `\n${c.t("directory-report-samples-kept", { count: kept.length, names: kept.join(", ") })}` : "") +
    (r.garbled?.removed ? `\n${c.t("directory-report-garbled-removed", { count: r.garbled.removed })}` : "") +
    (r.garbled?.kept ? `\n${c.t("directory-report-garbled-kept", { count: r.garbled.kept })}` : "");
  return (
    c.t("directory-report", { kind: c.t(`directory-kind-${r.kind}`), added: r.added, updated: r.updated, errors: r.errors.length }) +
    districts +
    orphans +
    moved +
    samples +
    (lines.length ? `\n\n${lines.join("\n")}${more}` : "")
  );
}

const sum = (moves: SchoolMove[]) => moves.reduce((n, m) => n + m.people, 0);

/** «СОШ № 1»: Северный район → Южный район (педагогов: 12), the first SHOWN of them */
function moveLines(c: ConvContext, moves: SchoolMove[]): string {
  const district = (d: string | null) => d ?? c.t("directory-no-district");
  const lines = moves.slice(0, SHOWN).map((m) => c.t("directory-move-line", { school: m.name, from: district(m.from), to: district(m.to), people: m.people }));
  if (moves.length > SHOWN) lines.push(c.t("directory-more-errors", { count: moves.length - SHOWN }));
  return lines.join("\n");
}

export function directoryConversation(deps: BotDeps) {
  return async (conversation: Conv, ctx: ConvContext) => {
    await ctx.reply(ctx.t("directory-ask-file"));
    for (;;) {
      const c = await conversation.waitFor("message:document", {
        otherwise: (x) => (x.callbackQuery ? x.answerCallbackQuery() : x.reply(x.t("directory-ask-file"))),
      });
      const doc = c.message.document;
      const problem = csvProblem(doc);
      if (problem) {
        await c.reply(c.t(problem, { max: "1 MB" }));
        continue;
      }
      // the file is fetched again for the second step rather than kept in the conversation's state
      const load = (moves?: "move" | "new") =>
        conversation.external(async (outer) =>
          attempt(async () => {
            const bytes = await downloadFile(outer.api, deps.fetch, doc.file_id);
            return deps.services.directory.importFile(bytes, doc.file_name ?? "", { moves });
          }),
        );
      const outcome = await load();
      if (!outcome.ok) {
        await c.reply(`${c.t(`error-${outcome.code}`, outcome.args)}\n\n${c.t("directory-ask-file")}`);
        continue;
      }
      const pending = outcome.value.pendingMoves;
      if (!pending) {
        await c.reply(reportText(c, outcome.value));
        return;
      }
      // a school is not moved to another district (its people with it) unless the admin says so
      const kb = new InlineKeyboard()
        .text(c.t("directory-moves-move"), DIRECTORY_MOVE)
        .row()
        .text(c.t("directory-moves-new"), DIRECTORY_NEW)
        .row()
        .text(c.t("directory-moves-cancel"), DIRECTORY_CANCEL);
      await c.reply(`${c.t("directory-moves-ask", { count: pending.length, people: sum(pending) })}\n${moveLines(c, pending)}`, { reply_markup: kb });
      const pressed = await waitButton(conversation, [DIRECTORY_MOVE, DIRECTORY_NEW, DIRECTORY_CANCEL]);
      await pressed.answerCallbackQuery();
      await pressed.editMessageReplyMarkup();
      if (pressed.callbackQuery.data === DIRECTORY_CANCEL) {
        await pressed.reply(pressed.t("cancelled"));
        return;
      }
      const decided = await load(pressed.callbackQuery.data === DIRECTORY_MOVE ? "move" : "new");
      await pressed.reply(decided.ok ? reportText(pressed, decided.value) : pressed.t(`error-${decided.code}`, decided.args));
      return;
    }
  };
}

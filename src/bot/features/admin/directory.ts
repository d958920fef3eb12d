// /directory (admins): load schools or subjects from a CSV file sent to the bot.
import type { Document } from "grammy/types";
import type { BotDeps, Conv, ConvContext } from "../../context.js";
import { downloadFile } from "../../api/files.js";
import { attempt, HTML } from "../../conversations/kit.js";

export const DIRECTORY = "admin-directory";
/** A district's directory is a few hundred lines; anything bigger is not what we asked for. */
export const MAX_CSV_BYTES = 1024 * 1024;

function csvProblem(doc: Document): string | null {
  const name = (doc.file_name ?? "").toLowerCase();
  const mime = doc.mime_type ?? "";
  if (!name.endsWith(".csv") && !/^text\/(csv|plain)$/.test(mime)) return "directory-not-csv";
  if ((doc.file_size ?? 0) > MAX_CSV_BYTES) return "directory-too-big";
  return null;
}

export function directoryConversation(deps: BotDeps) {
  return async (conversation: Conv, ctx: ConvContext) => {
    await ctx.reply(ctx.t("directory-ask-file"), HTML);
    for (;;) {
      const c = await conversation.waitFor("message:document", {
        otherwise: (x) => (x.callbackQuery ? x.answerCallbackQuery() : x.reply(x.t("directory-ask-file"), HTML)),
      });
      const doc = c.message.document;
      const problem = csvProblem(doc);
      if (problem) {
        await c.reply(c.t(problem, { max: "1 MB" }), HTML);
        continue;
      }
      const outcome = await conversation.external(async (outer) =>
        attempt(async () => {
          const bytes = await downloadFile(outer.api, deps.fetch, doc.file_id);
          return deps.services.directory.importCsv(bytes.toString("utf8"));
        }),
      );
      if (!outcome.ok) {
        await c.reply(`${c.t(`error-${outcome.code}`, outcome.args)}\n\n${c.t("directory-ask-file")}`, HTML);
        continue;
      }
      const r = outcome.value;
      const lines = r.errors.slice(0, 10).map((e) => c.t("directory-line-error", { line: e.line, problem: c.t(`csv-problem-${e.problem}`) }));
      const more = r.errors.length > 10 ? `\n${c.t("directory-more-errors", { count: r.errors.length - 10 })}` : "";
      const districts = r.districts !== undefined ? `\n${c.t("directory-report-districts", { count: r.districts })}` : "";
      const { removed = 0, kept = [] } = r.samples ?? {};
      const samples =
        (removed ? `\n${c.t("directory-report-samples-removed", { count: removed })}` : "") +
        (kept.length ? `\n${c.t("directory-report-samples-kept", { count: kept.length, names: kept.join(", ") })}` : "");
      await c.reply(
        c.t("directory-report", { kind: c.t(`directory-kind-${r.kind}`), added: r.added, updated: r.updated, errors: r.errors.length }) +
          districts +
          samples +
          (lines.length ? `\n\n${lines.join("\n")}${more}` : ""),
        HTML,
      );
      return;
    }
  };
}

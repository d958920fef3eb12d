// What every .xlsx list of teachers the bot sends shares: the labels of its first columns, in the
// reader's language (src/domain/spreadsheet.ts builds the columns from them).
import type { PersonLabels } from "../domain/spreadsheet.js";
import type { BotContext } from "./context.js";

export const personLabels = (t: BotContext["t"]): PersonLabels => ({
  number: t("sheet-col-number"),
  name: t("sheet-col-name"),
  school: t("sheet-col-school"),
  cluster: t("sheet-col-cluster"),
});

// A course's participants as the .xlsx a methodist sends to the course provider: the same file from the
// chat ("📥 Spreadsheet" in a course's panel) and from the site's course page, in the reader's language.
import type { Participant } from "../domain/courses/index.js";
import { participantsWorkbook } from "../domain/courses/spreadsheet.js";
import type { PlainT } from "./index.js";

export function participantsFile(people: Participant[], t: PlainT, zone: string): Promise<Buffer> {
  const statuses: Record<string, string> = {
    registered: t("course-sheet-status-registered"),
    offered: t("course-sheet-status-offered"),
    completed: t("course-sheet-status-completed"),
  };
  const statusOf = (p: Participant) =>
    p.status === "waiting" ? t("course-sheet-status-waiting", { position: p.position ?? 0 }) : (statuses[p.status] ?? p.status);
  return participantsWorkbook(
    people,
    {
      sheet: t("course-sheet-name"),
      number: t("sheet-col-number"),
      name: t("sheet-col-name"),
      school: t("sheet-col-school"),
      cluster: t("sheet-col-cluster"),
      subjects: t("course-sheet-col-subjects"),
      status: t("course-sheet-col-status"),
      signedUp: t("course-sheet-col-signed-up"),
      completed: t("course-sheet-col-completed"),
      dateFormat: t("sheet-date-format"),
      statusOf,
    },
    zone,
  );
}

export const participantsFileName = (courseId: number) => `course-${courseId}-participants.xlsx`;

// Reading a staff list as school information systems export it: Russian or English headers in any
// order (extra columns ignored), one person a row; the full name in one column or as surname, first name
// and patronymic; dates as Russian spreadsheets write them. What a row says is checked here; which school
// it names is found by the import (it needs the directory).
import { DateTime } from "luxon";
import type { AttestationCategory } from "../../generated/sqlite/client.js";
import { DomainError } from "../errors.js";
import type { TableRow } from "../tabular.js";
import { cleanText } from "../text.js";
import { nameKey } from "./names.js";
import type { RowError, StaffRow } from "./types.js";

/** The longest file accepted (said in the bot's request for the file). */
export const MAX_STAFF_ROWS = 50_000;

/** A category lasts five years: a file that gives the day it was awarded tells the day it expires. */
export const CATEGORY_YEARS = 5;

/** Header names, compared as letters and digits only (see headerKey): «Ф.И.О.» is «фио». */
const COLUMNS = {
  fullName: ["фио", "фамилияимяотчество", "фамилияимяотчествополностью", "педагог", "сотрудник", "работник", "fullname", "name", "teacher", "employee"],
  surname: ["фамилия", "surname", "lastname"],
  firstName: ["имя", "firstname", "givenname"],
  patronymic: ["отчество", "patronymic", "middlename"],
  school: [
    "школа",
    "оо",
    "образовательнаяорганизация",
    "наименованиеоо",
    "организация",
    "учреждение",
    "образовательноеучреждение",
    "местоработы",
    "school",
    "organisation",
    "organization",
  ],
  district: ["район", "муниципалитет", "муниципальныйрайон", "муниципальныйокруг", "городскойокруг", "district", "municipality"],
  position: ["должность", "занимаемаядолжность", "position", "post", "jobtitle"],
  subjects: ["предметы", "предмет", "преподаваемыепредметы", "преподаваемыйпредмет", "subjects", "subject"],
  category: ["категория", "квалификационнаякатегория", "category", "qualificationcategory"],
  categoryUntil: [
    "категориядо",
    "действуетдо",
    "срокдействиякатегории",
    "срокдействия",
    "датаокончаниякатегории",
    "validuntil",
    "categoryuntil",
    "categoryexpires",
  ],
  categoryDate: ["датаприсвоениякатегории", "датаприсвоения", "датааттестации", "датакатегории", "categorydate", "attestationdate", "dateofcategory"],
  lastCourse: [
    "датапоследнихкурсов",
    "последниекурсы",
    "датакурсов",
    "курсы",
    "курсыпк",
    "курсыповышенияквалификации",
    "датапрохождениякурсов",
    "датапоследнихкурсовповышенияквалификации",
    "повышениеквалификации",
    "lastcourse",
    "lastcoursedate",
    "courses",
  ],
} as const;

type Column = keyof typeof COLUMNS;

export const headerKey = (cell: string): string =>
  cell
    .toLocaleLowerCase("ru")
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}]/gu, "");

/** Which column holds what: -1 where the file has none. */
export function findColumns(header: string[]): Record<Column, number> {
  const keys = header.map(headerKey);
  const at = {} as Record<Column, number>;
  for (const column of Object.keys(COLUMNS) as Column[]) at[column] = keys.findIndex((k) => (COLUMNS[column] as readonly string[]).includes(k));
  return at;
}

const CATEGORY_WORDS: [RegExp, AttestationCategory][] = [
  [/высш|highest|^в$/, "highest"],
  [/перв|first|^1$|^i$/, "first"],
  [/соответ|сзд|compliance|^сд$/, "compliance"],
  [/^(без|нет|не имеет|отсутств|none|no|-|—)/, "none"],
];

/** «Высшая», «первая», «СЗД», «соответствие занимаемой должности», «без категории»; "" is not told. */
export function parseCategory(text: string): AttestationCategory | null | undefined {
  const t = cleanText(text).toLowerCase().replace(/ё/g, "е");
  if (!t) return null;
  for (const [re, category] of CATEGORY_WORDS) if (re.test(t)) return category;
  return undefined;
}

const MONTHS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];

/**
 * A day as spreadsheets write it: 15.03.2027, 15.03.27, 15/03/2027, 2027-03-15 (what an .xlsx date cell
 * reads as), «15 марта 2027», or an Excel day number. The start of that day in `zone`; "" is none;
 * undefined: not a day.
 */
export function parseDay(text: string, zone: string): Date | null | undefined {
  const t = cleanText(text).toLowerCase();
  if (!t) return null;
  let y: number;
  let m: number;
  let d: number;
  let match: RegExpMatchArray | null;
  if ((match = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?$/))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = t.match(/^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:\s*г\.?)?$/))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (y < 100) y += y < 70 ? 2000 : 1900;
  } else if ((match = t.match(/^(\d{1,2})\s+([а-я]+)\s+(\d{4})(?:\s*г\.?)?$/))) {
    const month = MONTHS.findIndex((p) => match![2]!.startsWith(p)) + 1;
    if (!month || (month === 5 && !/^ма[яй]$/.test(match[2]!))) return undefined;
    [d, m, y] = [Number(match[1]), month, Number(match[3])];
  } else if (/^\d{5}(\.\d+)?$/.test(t)) {
    // an Excel day number (a date cell a CSV export left unformatted): day 1 is 1900-01-01, with 1900's leap-day bug
    const serial = Math.floor(Number(t));
    const day = DateTime.fromObject({ year: 1899, month: 12, day: 30 }, { zone: "UTC" }).plus({ days: serial });
    [y, m, d] = [day.year, day.month, day.day];
  } else return undefined;
  if (y < 1950 || y > 2100) return undefined;
  const day = DateTime.fromObject({ year: y, month: m, day: d }, { zone });
  return day.isValid ? day.toJSDate() : undefined;
}

/** Column lengths a row may not exceed (a cell pasted with a whole document is not a name). */
const MAX_NAME = 200;
const MAX_TEXT = 500;

/**
 * The header row and the rows below it as staff rows and the rows that cannot be read. Refusals of the
 * whole file: `staff-empty`, `staff-no-name-column` ({ found }), `staff-no-school-column` ({ found }).
 */
export function parseStaffRows(rows: TableRow[], zone: string): { rows: StaffRow[]; errors: RowError[]; total: number } {
  if (rows.length < 2) throw new DomainError("staff-empty");
  const [head, ...body] = rows as [TableRow, ...TableRow[]];
  const at = findColumns(head.cells);
  const found = head.cells.filter(Boolean).join(", ");
  const shown = { found: found.length > 200 ? `${found.slice(0, 200)}…` : found };
  if (at.fullName < 0 && at.surname < 0) throw new DomainError("staff-no-name-column", shown);
  if (at.school < 0) throw new DomainError("staff-no-school-column", shown);
  const cell = (cells: string[], i: number) => (i >= 0 ? cleanText(cells[i] ?? "") : "");
  const out: StaffRow[] = [];
  const errors: RowError[] = [];
  for (const { line, cells } of body) {
    const fullName = at.fullName >= 0 ? cell(cells, at.fullName) : cleanText([at.surname, at.firstName, at.patronymic].map((i) => cell(cells, i)).join(" "));
    const school = cell(cells, at.school);
    if (!fullName || !nameKey(fullName)) {
      errors.push({ line, problem: "no-name" });
      continue;
    }
    const key = nameKey(fullName);
    if (!school) {
      errors.push({ line, problem: "no-school", nameKey: key });
      continue;
    }
    const position = cell(cells, at.position) || null;
    const subjects = cell(cells, at.subjects) || null;
    if (fullName.length > MAX_NAME || school.length > MAX_NAME || (position?.length ?? 0) > MAX_TEXT || (subjects?.length ?? 0) > MAX_TEXT) {
      errors.push({ line, problem: "too-long", nameKey: key });
      continue;
    }
    const category = parseCategory(cell(cells, at.category));
    if (category === undefined) {
      errors.push({ line, problem: "bad-category", nameKey: key });
      continue;
    }
    let categoryUntil: Date | null | undefined = null;
    if (at.categoryUntil >= 0 && cell(cells, at.categoryUntil)) categoryUntil = parseDay(cell(cells, at.categoryUntil), zone);
    else if (at.categoryDate >= 0 && cell(cells, at.categoryDate)) {
      const awarded = parseDay(cell(cells, at.categoryDate), zone);
      categoryUntil = awarded ? DateTime.fromJSDate(awarded, { zone }).plus({ years: CATEGORY_YEARS }).toJSDate() : awarded;
    }
    if (categoryUntil === undefined) {
      errors.push({ line, problem: "bad-category-date", nameKey: key });
      continue;
    }
    const lastCourseAt = parseDay(cell(cells, at.lastCourse), zone);
    if (lastCourseAt === undefined) {
      errors.push({ line, problem: "bad-course-date", nameKey: key });
      continue;
    }
    out.push({
      line,
      fullName,
      nameKey: key,
      school,
      district: cell(cells, at.district) || null,
      position,
      subjects,
      category,
      // "без категории" has no day
      categoryUntil: category === "none" ? null : categoryUntil,
      lastCourseAt,
    });
  }
  return { rows: out, errors, total: body.length };
}

// The directory: schools (with their cluster and, in a regional deployment, their district) and
// subjects. Loaded from tables (CSV in any encoding Excel writes, or .xlsx: see tabular.ts) that an admin
// sends to the bot or imports with `npm run directory:import`; a sample district is seeded on first start
// so that a fresh install can be tried at once.
import fs from "node:fs";
import path from "node:path";
import type { Db } from "../db/client.js";
import type { District, Prisma, School, Subject } from "../generated/sqlite/client.js";
import { projectRoot } from "../paths.js";
import { DomainError } from "./errors.js";
import { parseDelimited, readTable, type TableRow } from "./tabular.js";
import { cleanText, normalizeSearch, searchWords } from "./text.js";

export type { District, School, Subject };

export interface ImportReport {
  kind: "schools" | "subjects";
  added: number;
  updated: number;
  /** rows that could not be read: 1-based line in the file and what was wrong */
  errors: { line: number; problem: string }[];
  /** schools files with a district column: how many districts the file names */
  districts?: number;
  /** schools files with a district column: the schools of the file it leaves in no district (a blank cell) */
  withoutDistrict?: number;
  /**
   * The sample entries a fresh install was seeded with, on the first real file of their kind: how many
   * were removed, and those kept because someone is attached to them (their names; removed once nobody is).
   */
  samples?: { removed: number; kept: string[] };
  /**
   * Entries whose names were garbled by a file read in the wrong encoding before (a "�" in the name), on
   * the next good file of their kind: how many were removed, and how many kept because someone is attached.
   */
  garbled?: { removed: number; kept: number };
  /**
   * Schools files with a district column, imported without `moves`: the rows that name a school of
   * another district (see SchoolMove). Nothing was written: the file goes again with `moves` said.
   */
  pendingMoves?: SchoolMove[];
  /** the schools moved to another district (`moves: "move"`) */
  moved?: SchoolMove[];
}

/**
 * A row of a file with districts that names, in district `to`, a school the directory has in district
 * `from` only (and that the file does not list there): the same school moving, or another school of the
 * same name (a region has a «СОШ № 1» in most districts). Only the admin can tell which.
 */
export interface SchoolMove {
  name: string;
  /** null: no district */
  from: string | null;
  to: string | null;
  /** people registered at the school: they move with it */
  people: number;
}

interface ImportOptions {
  /** the sample district of a fresh install: its rows are marked so that a real file replaces them */
  sample?: boolean;
  /** what the rows of `ImportReport.pendingMoves` are: the same schools moving, or new schools of the same name */
  moves?: "move" | "new";
}

/** Accepted column names (lower case): English or Russian headers as people export them from Excel. */
const COLUMNS = {
  name: ["name", "название", "наименование", "школа", "school"],
  cluster: ["cluster", "округ", "школьный округ", "кластер", "поселение"],
  district: [
    "district",
    "район",
    "муниципалитет",
    "municipality",
    "муниципальный район",
    "муниципальный округ",
    "городской округ",
    "муниципальное образование",
  ],
  code: ["code", "код"],
  nameRu: ["name_ru", "название", "наименование", "предмет"],
  nameEn: ["name_en", "english", "англ", "английское название", "название на английском", "название (англ.)"],
  order: ["order", "sort", "порядок", "№", "№ п/п"],
} as const;

/** what a garbled name has: the replacement character an earlier wrong decoding left */
const GARBLED = "\uFFFD";

const MAX_FILE_ROWS = 5000;

/** A header cell as it is compared with the names above: lower case, ё→е, spaces collapsed. */
const headerOf = (cell: string) => cleanText(cell).toLowerCase().replace(/ё/g, "е");

/** The column whose header is one of `names` (a whole header: «округ» is not «городской округ»). */
function pick(header: string[], names: readonly string[]): number {
  return header.findIndex((h) => names.includes(h));
}

/** a school as the import matches it: by district (its name; null: none) and name */
interface KnownSchool {
  id: number;
  name: string;
  cluster: string | null;
  sample: boolean;
  districtId: number | null;
  district: string | null;
  people: number;
}

interface SchoolRow {
  line: number;
  name: string;
  cluster: string | null;
  /** null: a blank cell, or no district column */
  district: string | null;
}

export function createDirectoryService(db: Db) {
  /**
   * Which stored school each row is (none: a new school). With a district column a row is the school of
   * that district and name; else the school of that name with no district, which the file gives a district;
   * else, if exactly one school of that name is elsewhere and the file does not list it there, a pending
   * move (taken as the same school only with `moves: "move"`). Without the column a row is the school
   * of that name, and a name several districts have is an error: which one is not guessed.
   */
  function matchSchools(rows: SchoolRow[], known: KnownSchool[], byDistrictColumn: boolean, moves: ImportOptions["moves"]) {
    const key = (district: string | null, name: string) => `${district ?? ""}\n${name}`;
    const byName = new Map<string, KnownSchool[]>();
    for (const s of known) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
    const listed = new Set(rows.map((r) => key(r.district, r.name)));
    const taken = new Set<number>();
    const matched: { row: SchoolRow; school: KnownSchool | null }[] = [];
    const errors: ImportReport["errors"] = [];
    const candidates: SchoolMove[] = [];
    for (const row of rows) {
      const same = (byName.get(row.name) ?? []).filter((s) => !taken.has(s.id));
      let school: KnownSchool | null;
      if (!byDistrictColumn) {
        if (same.length > 1) {
          errors.push({ line: row.line, problem: "ambiguous" });
          continue;
        }
        school = same[0] ?? null;
      } else {
        school =
          same.find((s) => s.district === row.district) ??
          (row.district !== null && !listed.has(key(null, row.name)) ? same.find((s) => s.district === null) : undefined) ??
          null;
        const elsewhere = same.filter((s) => !listed.has(key(s.district, s.name)));
        if (!school && elsewhere.length === 1) {
          const [s] = elsewhere as [KnownSchool];
          candidates.push({ name: row.name, from: s.district, to: row.district, people: s.people });
          taken.add(s.id);
          if (moves === "move") school = s;
        }
      }
      if (school) taken.add(school.id);
      matched.push({ row, school });
    }
    return { matched, errors, candidates };
  }

  async function importSchools(records: TableRow[], header: string[], { sample = false, moves }: ImportOptions): Promise<ImportReport> {
    const iName = pick(header, COLUMNS.name),
      iCluster = pick(header, COLUMNS.cluster),
      iDistrict = pick(header, COLUMNS.district);
    const byDistrictColumn = iDistrict >= 0;
    const report: ImportReport = { kind: "schools", added: 0, updated: 0, errors: [] };
    const seen = new Set<string>();
    const rows: SchoolRow[] = [];
    for (const { line, cells: record } of records) {
      const name = cleanText(record[iName] ?? "");
      const cluster = iCluster >= 0 ? cleanText(record[iCluster] ?? "") || null : null;
      const district = byDistrictColumn ? cleanText(record[iDistrict] ?? "") || null : null;
      if (!name) {
        report.errors.push({ line, problem: "empty-name" });
        continue;
      }
      if (name.length > 200 || (district?.length ?? 0) > 200) {
        report.errors.push({ line, problem: "too-long" });
        continue;
      }
      // one school a line: the same name twice in one district (or, in a file without districts, at all)
      const id = `${district ?? ""}\n${name}`;
      if (seen.has(id)) {
        report.errors.push({ line, problem: "duplicate" });
        continue;
      }
      seen.add(id);
      rows.push({ line, name, cluster, district });
    }
    const known = (
      await db.school.findMany({
        select: {
          id: true,
          name: true,
          cluster: true,
          sample: true,
          districtId: true,
          district: { select: { name: true } },
          _count: { select: { users: true } },
        },
      })
    ).map(({ district, _count, ...s }) => ({ ...s, district: district?.name ?? null, people: _count.users }));
    const { matched, errors, candidates } = matchSchools(rows, known, byDistrictColumn, moves);
    report.errors.push(...errors);
    report.errors.sort((a, b) => a.line - b.line);
    if (candidates.length && !moves) return { ...report, pendingMoves: candidates };

    const districtIds = new Map<string, number>();
    /** the district's id, the district created on first mention */
    const districtId = async (name: string | null): Promise<number | null> => {
      if (!name) return null;
      let id = districtIds.get(name);
      if (id === undefined) {
        id = (await db.district.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } })).id;
        districtIds.set(name, id);
      }
      return id;
    };
    let withoutDistrict = 0;
    for (const { row, school } of matched) {
      // a column the file does not have leaves what is stored as it is (a file of districts keeps the clusters)
      const data = {
        ...(iCluster >= 0 ? { cluster: row.cluster } : {}),
        ...(byDistrictColumn ? { districtId: await districtId(row.district) } : {}),
      };
      if (byDistrictColumn && row.district === null) withoutDistrict++;
      if (school) {
        // a real file naming a sample school makes it real
        const madeReal = school.sample && !sample;
        const changed =
          (data.cluster !== undefined && school.cluster !== data.cluster) || (data.districtId !== undefined && school.districtId !== data.districtId);
        if (changed || madeReal) await db.school.update({ where: { id: school.id }, data: { ...data, ...(madeReal ? { sample: false } : {}) } });
        report.updated++;
      } else {
        await db.school.create({ data: { name: row.name, ...data, searchText: normalizeSearch(row.name), sample } });
        report.added++;
      }
    }
    if (byDistrictColumn) {
      report.districts = districtIds.size;
      report.withoutDistrict = withoutDistrict;
    }
    if (moves === "move" && candidates.length) report.moved = candidates;
    if (!sample && report.added + report.updated > 0) {
      // the sample district goes; a school someone works at, gives lessons at or invited to a meeting stays
      const { count } = await db.school.deleteMany({ where: { sample: true, users: { none: {} }, lessons: { none: {} }, meetings: { none: {} } } });
      const kept = await db.school.findMany({ where: { sample: true }, select: { name: true }, orderBy: { name: "asc" } });
      if (count || kept.length) report.samples = { removed: count, kept: kept.map((k) => k.name) };
      // what a file in the wrong encoding left goes too, unless someone is attached to it
      const garbled = { name: { contains: GARBLED } };
      const removed = (await db.school.deleteMany({ where: { ...garbled, users: { none: {} }, lessons: { none: {} }, meetings: { none: {} } } })).count;
      const left = await db.school.count({ where: garbled });
      if (removed || left) report.garbled = { removed, kept: left };
    }
    return report;
  }

  async function importSubjects(rows: TableRow[], header: string[], sample: boolean): Promise<ImportReport> {
    const iCode = pick(header, COLUMNS.code),
      iRu = pick(header, COLUMNS.nameRu),
      iEn = pick(header, COLUMNS.nameEn);
    const iOrder = pick(header, COLUMNS.order);
    const report: ImportReport = { kind: "subjects", added: 0, updated: 0, errors: [] };
    const seen = new Set<string>();
    for (const [n, { line, cells: row }] of rows.entries()) {
      const code = cleanText(row[iCode] ?? "").toLowerCase();
      const nameRu = cleanText(row[iRu] ?? "");
      const nameEn = iEn >= 0 ? cleanText(row[iEn] ?? "") || nameRu : nameRu;
      const sortOrder = iOrder >= 0 && /^\d+$/.test(row[iOrder] ?? "") ? Number(row[iOrder]) : n;
      if (!/^[a-z0-9_-]{1,40}$/.test(code)) {
        report.errors.push({ line, problem: "bad-code" });
        continue;
      }
      if (!nameRu) {
        report.errors.push({ line, problem: "empty-name" });
        continue;
      }
      if (seen.has(code)) {
        report.errors.push({ line, problem: "duplicate" });
        continue;
      }
      seen.add(code);
      const existing = await db.subject.findUnique({ where: { code } });
      if (existing) {
        await db.subject.update({ where: { id: existing.id }, data: { nameRu, nameEn, sortOrder, sample: existing.sample && sample } });
        report.updated++;
      } else {
        await db.subject.create({ data: { code, nameRu, nameEn, sortOrder, sample } });
        report.added++;
      }
    }
    if (!sample && report.added + report.updated > 0) {
      const unattached = { teachers: { none: {} }, courses: { none: {} }, lessons: { none: {} }, materials: { none: {} }, meetings: { none: {} } };
      const { count } = await db.subject.deleteMany({ where: { sample: true, ...unattached } });
      const kept = await db.subject.findMany({ where: { sample: true }, select: { nameRu: true }, orderBy: { sortOrder: "asc" } });
      if (count || kept.length) report.samples = { removed: count, kept: kept.map((k) => k.nameRu) };
      const garbled = { nameRu: { contains: GARBLED } };
      const removed = (await db.subject.deleteMany({ where: { ...garbled, ...unattached } })).count;
      const left = await db.subject.count({ where: garbled });
      if (removed || left) report.garbled = { removed, kept: left };
    }
    return report;
  }

  /** The rows of a table (its header first) as schools or subjects, by the columns its header names. */
  function importRows(rows: TableRow[], options: ImportOptions): Promise<ImportReport> {
    if (rows.length < 2) throw new DomainError("csv-empty");
    const [head, ...body] = rows as [TableRow, ...TableRow[]];
    const header = head.cells.map(headerOf);
    if (pick(header, COLUMNS.code) >= 0 && pick(header, COLUMNS.nameRu) >= 0) return importSubjects(body, header, options.sample ?? false);
    if (pick(header, COLUMNS.name) >= 0) return importSchools(body, header, options);
    // the headers it has: a garbled or unexpected header is seen at once
    const found = head.cells.filter(Boolean).join(", ");
    throw new DomainError("csv-unknown-columns", { found: found.length > 200 ? `${found.slice(0, 200)}…` : found });
  }

  const service = {
    /**
     * Imports a table of schools (a name column — «Название» or `name` —, optional cluster — «Округ» — and
     * district — «Район»; see COLUMNS) or of subjects («Код»/`code`, «Название»/`name_ru`, optional
     * `name_en`). Existing entries (the same school: see matchSchools; the same subject code) are
     * updated. Nothing real is deleted; the first real file of a kind removes the sample entries of that
     * kind nobody is attached to (see `ImportReport.samples`), and any good file the entries a file in a
     * wrong encoding garbled before (`ImportReport.garbled`). A school is never moved to another district
     * unless `moves` says so: a file that would move one is not imported but answered with `pendingMoves`.
     */
    async importFile(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportReport> {
      return importRows((await readTable(bytes, fileName, { maxRows: MAX_FILE_ROWS + 1 })).rows, options);
    },

    /** The same from CSV text already decoded (the sample files, tests). */
    async importCsv(text: string, options: ImportOptions = {}): Promise<ImportReport> {
      return importRows(parseDelimited(text, { maxRows: MAX_FILE_ROWS + 1 }).rows, options);
    },

    /** Loads the sample district from directory/ when the directory is empty (a fresh install). */
    async seedSampleIfEmpty(): Promise<boolean> {
      if ((await db.school.count()) > 0 || (await db.subject.count()) > 0) return false;
      for (const file of ["sample-subjects.csv", "sample-schools.csv"]) {
        await service.importCsv(fs.readFileSync(path.join(projectRoot, "directory", file), "utf8"), { sample: true });
      }
      return true;
    },

    subjects(): Promise<Subject[]> {
      return db.subject.findMany({ orderBy: [{ sortOrder: "asc" }, { nameRu: "asc" }] });
    },

    /** A page of the schools `where` selects (all by default), by name, with their district. */
    async schoolPage(
      page: number,
      pageSize: number,
      where: Prisma.SchoolWhereInput = {},
    ): Promise<{ items: (School & { district: { name: string } | null })[]; total: number }> {
      const [items, total] = await Promise.all([
        db.school.findMany({
          where,
          orderBy: [{ name: "asc" }, { id: "asc" }],
          skip: page * pageSize,
          take: pageSize,
          include: { district: { select: { name: true } } },
        }),
        db.school.count({ where }),
      ]);
      return { items, total };
    },

    /**
     * Schools (among those `where` selects: all by default) whose name contains every word of the query
     * (case and ё/е insensitive), with their district.
     */
    async searchSchools(query: string, where: Prisma.SchoolWhereInput = {}, limit = 8): Promise<(School & { district: { name: string } | null })[]> {
      const words = searchWords(query);
      if (!words.length) return [];
      const found = await db.school.findMany({
        where: { AND: [where, ...words.map((w) => ({ searchText: { contains: w } }))] },
        orderBy: { name: "asc" },
        take: 50,
        include: { district: { select: { name: true } } },
      });
      // whole-word matches first: "5" finds "СОШ № 5" before "СОШ № 15"
      const whole = (s: School) => words.filter((w) => ` ${s.searchText} `.includes(` ${w} `)).length;
      return found.sort((a, b) => whole(b) - whole(a)).slice(0, limit);
    },

    school(id: number): Promise<School | null> {
      return db.school.findUnique({ where: { id } });
    },

    /**
     * The districts of a regional deployment that have schools, by name; none in a deployment for one
     * district. (A district renamed in a later file stays behind with no schools; it is not offered.)
     */
    districts(): Promise<District[]> {
      return db.district.findMany({ where: { schools: { some: {} } }, orderBy: { name: "asc" } });
    },

    /** How many schools have no district (in a regional deployment: those the file left without one). */
    schoolsWithoutDistrict(): Promise<number> {
      return db.school.count({ where: { districtId: null } });
    },

    district(id: number): Promise<District | null> {
      return db.district.findUnique({ where: { id } });
    },
  };
  return service;
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;

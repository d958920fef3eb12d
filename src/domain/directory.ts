// The directory: schools (with their cluster and, in a regional deployment, their district) and
// subjects. Loaded from CSV files that an admin sends to the bot or imports with `npm run
// directory:import`; a sample district is seeded on first start so that a fresh install can be tried at once.
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Db } from "../db/client.js";
import type { District, Prisma, School, Subject } from "../generated/sqlite/client.js";
import { projectRoot } from "../paths.js";
import { DomainError } from "./errors.js";
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
  /**
   * The sample entries a fresh install was seeded with, on the first real file of their kind: how many
   * were removed, and those kept because someone is attached to them (their names; removed once nobody is).
   */
  samples?: { removed: number; kept: string[] };
}

interface ImportOptions {
  /** the sample district of a fresh install: its rows are marked so that a real file replaces them */
  sample?: boolean;
}

/** Accepted column names (lower case): English or Russian headers as people export them from Excel. */
const COLUMNS = {
  name: ["name", "название", "наименование", "школа", "school"],
  cluster: ["cluster", "округ", "школьный округ", "кластер", "поселение"],
  district: ["district", "район", "муниципалитет", "municipality", "муниципальный район", "муниципальное образование"],
  code: ["code", "код"],
  nameRu: ["name_ru", "название", "наименование", "предмет"],
  nameEn: ["name_en", "english", "англ"],
  order: ["order", "sort", "порядок", "№"],
} as const;

const MAX_FILE_ROWS = 5000;

function pick(header: string[], names: readonly string[]): number {
  return header.findIndex((h) => names.includes(h));
}

export function createDirectoryService(db: Db) {
  async function importSchools(rows: string[][], header: string[], sample: boolean): Promise<ImportReport> {
    const iName = pick(header, COLUMNS.name), iCluster = pick(header, COLUMNS.cluster), iDistrict = pick(header, COLUMNS.district);
    const report: ImportReport = { kind: "schools", added: 0, updated: 0, errors: [] };
    const seen = new Set<string>();
    const districtIds = new Map<string, number>();
    /** the district's id, the district created on first mention; a file without the column leaves schools' districts as they are */
    const districtId = async (name: string): Promise<number | null> => {
      if (!name) return null;
      let id = districtIds.get(name);
      if (id === undefined) {
        id = (await db.district.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } })).id;
        districtIds.set(name, id);
      }
      return id;
    };
    for (const [n, row] of rows.entries()) {
      const line = n + 2;
      const name = cleanText(row[iName] ?? "");
      const cluster = iCluster >= 0 ? cleanText(row[iCluster] ?? "") || null : null;
      const district = iDistrict >= 0 ? cleanText(row[iDistrict] ?? "") : "";
      if (!name) { report.errors.push({ line, problem: "empty-name" }); continue; }
      if (name.length > 200 || district.length > 200) { report.errors.push({ line, problem: "too-long" }); continue; }
      if (seen.has(name)) { report.errors.push({ line, problem: "duplicate" }); continue; }
      seen.add(name);
      // a column the file does not have leaves what is stored as it is (a file of districts keeps the clusters)
      const data = {
        ...(iCluster >= 0 ? { cluster } : {}),
        ...(iDistrict >= 0 ? { districtId: await districtId(district) } : {}),
      };
      const existing = await db.school.findUnique({ where: { name } });
      if (existing) {
        // a real file naming a sample school makes it real
        const madeReal = existing.sample && !sample;
        const changed = (data.cluster !== undefined && existing.cluster !== data.cluster) || (data.districtId !== undefined && existing.districtId !== data.districtId);
        if (changed || madeReal) await db.school.update({ where: { id: existing.id }, data: { ...data, ...(madeReal ? { sample: false } : {}) } });
        report.updated++;
      } else {
        await db.school.create({ data: { name, ...data, searchText: normalizeSearch(name), sample } });
        report.added++;
      }
    }
    if (iDistrict >= 0) report.districts = districtIds.size;
    if (!sample && report.added + report.updated > 0) {
      // the sample district goes; a school someone works at, gives lessons at or invited to a meeting stays
      const { count } = await db.school.deleteMany({ where: { sample: true, users: { none: {} }, lessons: { none: {} }, meetings: { none: {} } } });
      const kept = await db.school.findMany({ where: { sample: true }, select: { name: true }, orderBy: { name: "asc" } });
      if (count || kept.length) report.samples = { removed: count, kept: kept.map((k) => k.name) };
    }
    return report;
  }

  async function importSubjects(rows: string[][], header: string[], sample: boolean): Promise<ImportReport> {
    const iCode = pick(header, COLUMNS.code), iRu = pick(header, COLUMNS.nameRu), iEn = pick(header, COLUMNS.nameEn);
    const iOrder = pick(header, COLUMNS.order);
    const report: ImportReport = { kind: "subjects", added: 0, updated: 0, errors: [] };
    const seen = new Set<string>();
    for (const [n, row] of rows.entries()) {
      const line = n + 2;
      const code = cleanText(row[iCode] ?? "").toLowerCase();
      const nameRu = cleanText(row[iRu] ?? "");
      const nameEn = iEn >= 0 ? cleanText(row[iEn] ?? "") || nameRu : nameRu;
      const sortOrder = iOrder >= 0 && /^\d+$/.test(row[iOrder] ?? "") ? Number(row[iOrder]) : n;
      if (!/^[a-z0-9_-]{1,40}$/.test(code)) { report.errors.push({ line, problem: "bad-code" }); continue; }
      if (!nameRu) { report.errors.push({ line, problem: "empty-name" }); continue; }
      if (seen.has(code)) { report.errors.push({ line, problem: "duplicate" }); continue; }
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
      const unused = { sample: true, teachers: { none: {} }, courses: { none: {} }, lessons: { none: {} }, materials: { none: {} }, meetings: { none: {} } };
      const { count } = await db.subject.deleteMany({ where: unused });
      const kept = await db.subject.findMany({ where: { sample: true }, select: { nameRu: true }, orderBy: { sortOrder: "asc" } });
      if (count || kept.length) report.samples = { removed: count, kept: kept.map((k) => k.nameRu) };
    }
    return report;
  }

  const service = {
    /**
     * Imports a CSV of schools (a `name` column, optional `cluster` and `district`) or of subjects (`code`, `name_ru`,
     * optional `name_en`), comma- or semicolon-separated, UTF-8 with or without BOM. Existing entries
     * (same school name / subject code) are updated. Nothing real is deleted; the first real file of a
     * kind removes the sample entries of that kind nobody is attached to (see `ImportReport.samples`).
     */
    async importCsv(text: string, { sample = false }: ImportOptions = {}): Promise<ImportReport> {
      let records: string[][];
      try {
        records = parse(text, { bom: true, delimiter: [",", ";"], relax_column_count: true, skip_empty_lines: true, trim: true });
      } catch {
        throw new DomainError("csv-unreadable");
      }
      if (records.length < 2) throw new DomainError("csv-empty");
      if (records.length > MAX_FILE_ROWS + 1) throw new DomainError("csv-too-long", { max: MAX_FILE_ROWS });
      const [head, ...rows] = records as [string[], ...string[][]];
      const header = head.map((h) => h.trim().toLowerCase());
      if (pick(header, COLUMNS.code) >= 0 && pick(header, COLUMNS.nameRu) >= 0) return importSubjects(rows, header, sample);
      if (pick(header, COLUMNS.name) >= 0) return importSchools(rows, header, sample);
      throw new DomainError("csv-unknown-columns");
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

    /** A page of the schools `where` selects (all by default), by name. */
    async schoolPage(page: number, pageSize: number, where: Prisma.SchoolWhereInput = {}): Promise<{ items: School[]; total: number }> {
      const [items, total] = await Promise.all([
        db.school.findMany({ where, orderBy: { name: "asc" }, skip: page * pageSize, take: pageSize }),
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

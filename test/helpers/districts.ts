// A regional deployment in tests: the sample schools split between two districts, and methodists of one
// district or of all of them.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../../src/paths.js";
import { insertTeacher, registerAdmin, registerViaBot, type Person } from "./flows.js";
import type { TestApp } from "./test-app.js";

export interface TestDistrict {
  id: number;
  name: string;
  schoolIds: number[];
  /** a school of the district, by name (for registerViaBot's `school`) */
  schoolName: string;
}

/** «МБОУ «СОШ № 1»» and the rest of the first 12 sample schools */
export const NORTH = "Северный район";
/** «МБОУ «Покровская СОШ»» and the other 12 (NOT «Никольская»: that one is the 11th, in NORTH) */
export const SOUTH = "Южный район";

/** Splits the 24 sample schools between two districts through the directory import, as an admin would. */
export async function loadTwoDistricts(app: TestApp): Promise<{ north: TestDistrict; south: TestDistrict }> {
  const sample = fs
    .readFileSync(path.join(projectRoot, "directory", "sample-schools.csv"), "utf8")
    .trim()
    .split("\n")
    .slice(1);
  const names = sample.map((line) => line.split(",")[0]!);
  const csv = ["name,district", ...names.map((n, i) => `${n},${i < 12 ? NORTH : SOUTH}`)].join("\n");
  const report = await app.services.directory.importCsv(csv);
  if (report.errors.length) throw new Error(`districts not loaded: ${JSON.stringify(report.errors)}`);
  const district = async (name: string, schoolName: string): Promise<TestDistrict> => {
    const d = await app.db.prisma.district.findUniqueOrThrow({ where: { name }, include: { schools: { select: { id: true }, orderBy: { id: "asc" } } } });
    return { id: d.id, name, schoolIds: d.schools.map((s) => s.id), schoolName };
  };
  return { north: await district(NORTH, "МБОУ «СОШ № 1»"), south: await district(SOUTH, "МБОУ «Покровская СОШ»") };
}

/**
 * A methodist of one district (or, with `districtId` null, of all of them), registered through the bot
 * at a school of `school` and raised in the database (the /role flow has its own tests).
 */
export async function registerDistrictMethodist(
  app: TestApp,
  telegramId: number,
  district: TestDistrict | null,
  opts: { name?: string; school?: string } = {},
): Promise<Person> {
  const school = opts.school ?? district?.schoolName;
  const p = await registerViaBot(app, telegramId, { name: opts.name ?? "Сидорова Елена Викторовна", ...(school ? { school } : {}) });
  await app.db.prisma.user.update({ where: { id: p.userId }, data: { role: "methodist", districtId: district?.id ?? null } });
  return p;
}

/** The people of a regional deployment's tests: staff of each district and of all, a teacher of each district and one of a school in no district. */
export interface DistrictPeople {
  north: TestDistrict;
  south: TestDistrict;
  /** the methodists of NORTH, of SOUTH and of all districts, and the admin */
  northM: Person;
  southM: Person;
  regional: Person;
  admin: Person;
  /** a teacher of NORTH and of SOUTH (registered through the bot) */
  northT: Person;
  southT: Person;
  /** a teacher of a school in no district (user id) */
  loneT: number;
}

/** Two districts, their methodists, a regional one, the admin and three teachers; Telegram ids from `base` (base+1.., base+101..). */
export async function districtPeople(app: TestApp, base: number): Promise<DistrictPeople> {
  const { north, south } = await loadTwoDistricts(app);
  const lone = await app.db.prisma.school.create({ data: { name: "МБОУ «Школа вне районов»", searchText: "мбоу школа вне районов" } });
  return {
    north,
    south,
    northM: await registerDistrictMethodist(app, base + 1, north, { name: "Северова Анна" }),
    southM: await registerDistrictMethodist(app, base + 2, south, { name: "Южакова Вера" }),
    regional: await registerDistrictMethodist(app, base + 3, null, { name: "Областная Галина" }),
    admin: await registerAdmin(app),
    northT: await registerViaBot(app, base + 101, { name: "Волкова Дарья", school: north.schoolName }),
    southT: await registerViaBot(app, base + 102, { name: "Орлова Нина", school: south.schoolName }),
    loneT: await insertTeacher(app, base + 103, { name: "Одинокова Елена", schoolId: lone.id }),
  };
}

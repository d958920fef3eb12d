// The monitoring reports read their people on the database's own connection (SQLite: the one
// connection; PostgreSQL: the pool, src/db/pg-rows.ts), not through Prisma. What they read must be what
// Prisma reads: above all the dates, which Prisma keeps as UTC in `timestamp(3)` columns without time
// zone, and node-postgres would read as the process's local time. The process runs here in a zone far
// from UTC, so a date read as local time is hours off.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { reportPeople } from "../../src/domain/people.js";
import { providers } from "../helpers/databases.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

const zoneBefore = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "America/New_York";
});
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

describe.each(providers)("report people read directly on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("reads dates, enums, flags and subjects as Prisma reads them, in a process zone that is not UTC", async () => {
    // the zone is in effect: a local midnight is not a UTC one
    expect(new Date(2026, 0, 15).getTimezoneOffset()).not.toBe(0);
    const db = app.db.prisma;
    const district = await db.district.create({ data: { name: "Заречный район" } });
    const school = await db.school.create({ data: { name: "СОШ № 7", searchText: "сош 7", districtId: district.id, cluster: "Север" } });
    const chemistry = await db.subject.create({ data: { code: "t-chemistry", nameRu: "Химия", nameEn: "Chemistry", sortOrder: 2 } });
    const biology = await db.subject.create({ data: { code: "t-biology", nameRu: "Биология", nameEn: "Biology", sortOrder: 1 } });
    const registeredAt = new Date("2026-03-05T22:30:15.123Z");
    const attestationUntil = new Date("2027-01-31T19:00:00.000Z");
    const user = await db.user.create({
      data: {
        telegramId: 77001n,
        fullName: "Иванова Анна",
        role: "teacher",
        registeredAt,
        schoolId: school.id,
        attestationCategory: "first",
        attestationUntil,
        subjects: { create: [{ subjectId: chemistry.id }, { subjectId: biology.id }] },
      },
    });
    const direct = app.db.hot?.sql ?? app.db.pgRows;
    expect(direct).toBeDefined();
    const [person] = await reportPeople(db, direct, { districtId: district.id }, { teachersOnly: true, activeOnly: true }, "ru");
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(person?.registeredAt?.toISOString()).toBe("2026-03-05T22:30:15.123Z");
    expect(person?.registeredAt?.getTime()).toBe(stored.registeredAt?.getTime());
    expect(person?.attestationUntil?.toISOString()).toBe("2027-01-31T19:00:00.000Z");
    expect(person?.attestationUntil?.getTime()).toBe(stored.attestationUntil?.getTime());
    expect(person).toMatchObject({
      id: user.id,
      fullName: "Иванова Анна",
      role: "teacher",
      language: "ru",
      isActive: true,
      schoolId: school.id,
      attestationCategory: "first",
      place: { id: school.id, name: "СОШ № 7", cluster: "Север", district: "Заречный район" },
      subjects: ["Биология", "Химия"],
    });
    expect(typeof person?.id).toBe("number");
  });
});

// A regional deployment for broadcast tests: two districts, a methodist of each, an admin and a few
// teachers in each district, at T0.
import { loadTwoDistricts, registerDistrictMethodist, type TestDistrict } from "../helpers/districts.js";
import type { Provider } from "../helpers/databases.js";
import { insertTeacher, registerAdmin, type Person } from "../helpers/flows.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { T0 } from "./helpers.js";

export interface Region {
  north: TestDistrict;
  south: TestDistrict;
  /** methodist of the north (math, «СОШ № 1») */
  nm: Person;
  /** methodist of the south (math, «Покровская СОШ») */
  sm: Person;
  /** admin (math, «СОШ № 1»: a person of the north) */
  admin: Person;
  /** north teachers: math at «СОШ № 1», physics at «СОШ № 2», math at «СОШ № 5» */
  n1: number;
  n2: number;
  n3: number;
  /** south teachers: math at «Покровская СОШ», russian at «Каменская ООШ», math at «СОШ № 15» */
  s1: number;
  s2: number;
  s3: number;
}

export const SOUTH_SCHOOL = "МБОУ «Покровская СОШ»";

export async function regionApp(provider: Provider): Promise<{ app: TestApp; r: Region }> {
  const app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
  app.clock.set(T0);
  const { north, south } = await loadTwoDistricts(app);
  const nm = await registerDistrictMethodist(app, 7001, north, { name: "Северова Нина Петровна" });
  const sm = await registerDistrictMethodist(app, 7002, south, { name: "Южина Ольга Ивановна", school: SOUTH_SCHOOL });
  const admin = await registerAdmin(app);
  const [a, b, , , c] = north.schoolIds as [number, number, number, number, number];
  const [x, y, , z] = south.schoolIds as [number, number, number, number];
  return {
    app,
    r: {
      north,
      south,
      nm,
      sm,
      admin,
      n1: await insertTeacher(app, 7101, { name: "Андреева Анна", schoolId: a, subjectCodes: ["math"] }),
      n2: await insertTeacher(app, 7102, { name: "Борисова Вера", schoolId: b, subjectCodes: ["physics"] }),
      n3: await insertTeacher(app, 7103, { name: "Васильева Галина", schoolId: c, subjectCodes: ["math"] }),
      s1: await insertTeacher(app, 7201, { name: "Григорьева Дина", schoolId: x, subjectCodes: ["math"] }),
      s2: await insertTeacher(app, 7202, { name: "Денисова Елена", schoolId: y, subjectCodes: ["russian"] }),
      s3: await insertTeacher(app, 7203, { name: "Егорова Жанна", schoolId: z, subjectCodes: ["math"] }),
    },
  };
}

/** Whom a broadcast's messages were queued for, by user id, sorted. */
export async function enqueuedFor(app: TestApp, broadcastId: number): Promise<number[]> {
  const rows = await app.db.prisma.outboxMessage.findMany({ where: { groupId: `broadcast-${broadcastId}` }, select: { userId: true } });
  return rows.map((r) => r.userId!).sort((a, b) => a - b);
}

export const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

// A regional deployment for meeting tests: two districts, a methodist of each, a methodist of all
// districts, the admin, and teachers in each district.
import { loadTwoDistricts, registerDistrictMethodist, type TestDistrict } from "../helpers/districts.js";
import type { Provider } from "../helpers/databases.js";
import { insertTeacher, registerAdmin, type Person } from "../helpers/flows.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

export interface Region {
  north: TestDistrict;
  south: TestDistrict;
  /** methodist of the north (math, «СОШ № 1») */
  nm: Person;
  /** methodist of the south (math, «Покровская СОШ») */
  sm: Person;
  /** methodist of all districts (math, «СОШ № 1») */
  rm: Person;
  /** the admin (math, «СОШ № 1») */
  admin: Person;
  /** north teachers: math at «СОШ № 1» (tg 7101), physics at «СОШ № 2» (7102) */
  n1: number;
  n2: number;
  /** south teachers: math at «Покровская СОШ» (7201), russian at «Каменская ООШ» (7202) */
  s1: number;
  s2: number;
}

export async function regionApp(provider: Provider): Promise<{ app: TestApp; r: Region }> {
  const app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
  const { north, south } = await loadTwoDistricts(app);
  const nm = await registerDistrictMethodist(app, 7001, north, { name: "Северова Нина Петровна" });
  const sm = await registerDistrictMethodist(app, 7002, south, { name: "Южина Ольга Ивановна", school: "МБОУ «Покровская СОШ»" });
  const rm = await registerDistrictMethodist(app, 7003, null, { name: "Регионова Мария Львовна" });
  const admin = await registerAdmin(app);
  return {
    app,
    r: {
      north,
      south,
      nm,
      sm,
      rm,
      admin,
      n1: await insertTeacher(app, 7101, { name: "Андреева Анна", schoolId: north.schoolIds[0], subjectCodes: ["math"] }),
      n2: await insertTeacher(app, 7102, { name: "Борисова Вера", schoolId: north.schoolIds[1], subjectCodes: ["physics"] }),
      s1: await insertTeacher(app, 7201, { name: "Григорьева Дина", schoolId: south.schoolIds[0], subjectCodes: ["math"] }),
      s2: await insertTeacher(app, 7202, { name: "Денисова Елена", schoolId: south.schoolIds[1], subjectCodes: ["russian"] }),
    },
  };
}

export const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

/** Whom the messages of one outbox group were queued for, by user id, sorted. */
export async function queuedFor(app: TestApp, groupId: string): Promise<number[]> {
  const rows = await app.db.prisma.outboxMessage.findMany({ where: { groupId }, select: { userId: true } });
  return sorted(rows.map((r) => r.userId!));
}

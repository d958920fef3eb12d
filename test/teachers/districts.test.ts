// /teachers in a regional deployment: a district's methodist counts and lists her district's schools and
// people only (the title and the caption name it); staff of the whole region see everyone and which
// district has the most schools still to join.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { loadTwoDistricts, NORTH, registerDistrictMethodist, SOUTH } from "../helpers/districts.js";
import { insertTeacher, registerAdmin } from "../helpers/flows.js";
import { ADMIN_ID, closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { parseBook } from "../helpers/workbook.js";

describe.each(providers)("/teachers by district on %s", (provider) => {
  let app: TestApp;

  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  /**
   * NORTH: 2 teachers at its first school (one blocked the bot), 1 at its second (joined on 17 November,
   * Moscow); SOUTH: 1 at its first school; a school of no district with nobody. The clock: 23 November.
   */
  async function region() {
    const { north, south } = await loadTwoDistricts(app);
    const school = (id: number) => app.db.prisma.school.findUniqueOrThrow({ where: { id } });
    const [n1, n2, s1] = [await school(north.schoolIds[0]!), await school(north.schoolIds[1]!), await school(south.schoolIds[0]!)];
    const lone = await app.db.prisma.school.create({ data: { name: "МБОУ «Школа вне районов»", searchText: "мбоу школа вне районов" } });
    app.clock.set("2026-11-02T09:00:00Z");
    await insertTeacher(app, 8101, { name: "Абрамова Анна", schoolId: n1.id });
    const blocked = await insertTeacher(app, 8102, { name: "Борисова Вера", schoolId: n1.id });
    await app.db.prisma.user.update({ where: { id: blocked }, data: { isActive: false } });
    await insertTeacher(app, 8201, { name: "Грачёва Дарья", schoolId: s1.id });
    app.clock.set("2026-11-17T07:00:00Z");
    await insertTeacher(app, 8103, { name: "Васильева Галина", schoolId: n2.id });
    app.clock.set("2026-11-23T09:00:00Z");
    return { north, south, n1, n2, s1, lone };
  }

  it("a district's methodist sees her district's schools and people only, and the last 7 days move with the clock", async () => {
    const { north, south, n1, n2, s1 } = await region();
    const northM = await registerDistrictMethodist(app, 8001, north);
    await registerDistrictMethodist(app, 8002, south, { name: "Кузнецова Ольга" });

    await northM.chat.send("/teachers");
    const [summary, file] = app.tg.transcript(8001).slice(-2);
    const text = summary!.text;
    expect(text).toContain(`👥 <b>Педагоги в боте — ${NORTH}</b>`);
    expect(text).toContain(
      "Зарегистрировано педагогов: <b>3</b>\n🆕 За последние 7 дней (с 17 ноября 2026): 1\n🚫 Заблокировали бота (сообщения до них не доходят): 1",
    );
    expect(text).toContain("Ещё в боте методистов и администраторов: 1"); // she herself, not the south's methodist
    expect(text).toContain("<b>17%</b> школ — педагоги есть в 2 из 12; ни одного: 10.");
    expect(text).not.toContain("По районам");
    expect(text).not.toContain(s1.name);
    expect(text).not.toContain("Школа вне районов");
    expect(text).not.toContain("в файле"); // 12 schools: all in the chat
    const lines = text.split("\n").filter((l) => l.includes(" · "));
    expect(lines).toHaveLength(12);
    expect(lines.slice(-2)).toEqual([`👤 1 · ${n2.name}`, `👤 2 · ${n1.name}`]);
    expect(file!.text).toContain(`📎 Педагоги в боте на 23 ноября 2026 — ${NORTH}:`);

    const book = await parseBook(file!);
    const bySchool = book.rows("По школам");
    expect(bySchool[0]).toEqual(["Школа", "Школьный округ", "Педагогов в боте", "За 7 дней", "Заблокировали бота"]);
    const northSchools = await app.db.prisma.school.findMany({ where: { districtId: north.id } });
    expect(
      bySchool
        .slice(1, -1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(northSchools.map((s) => s.name).sort());
    expect(bySchool.slice(-3)).toEqual([
      [n2.name, n2.cluster ?? undefined, 1, 1, 0],
      [n1.name, n1.cluster ?? undefined, 2, 0, 1],
      ["Итого", undefined, 3, 1, 1],
    ]);
    const people = book.rows("Педагоги");
    expect(
      people
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(["Абрамова Анна", "Борисова Вера", "Васильева Галина", "Сидорова Елена Викторовна"]);
    expect(people.find((r) => r[1] === "Борисова Вера")!.at(-1)).toBe("нет");

    // a day later, 17 November is no longer among the last 7 days
    app.clock.set("2026-11-24T09:00:00Z");
    await northM.chat.send("/teachers");
    expect(app.tg.transcript(8001).at(-2)!.text).toContain("🆕 За последние 7 дней (с 18 ноября 2026): 0");

    const southM = app.user(8002);
    await southM.send("/teachers");
    const southText = app.tg.transcript(8002).at(-2)!.text;
    expect(southText).toContain(`Педагоги в боте — ${SOUTH}`);
    expect(southText).toContain("Зарегистрировано педагогов: <b>1</b>");
    expect(southText).not.toContain(n1.name);
  });

  it("a district with no registered teacher says so, naming it", async () => {
    const { north, south } = await loadTwoDistricts(app);
    await insertTeacher(app, 8101, { schoolId: north.schoolIds[0]! });
    const southM = await registerDistrictMethodist(app, 8002, south);
    await southM.chat.send("/teachers");
    expect(southM.chat.lastText()).toBe(
      `В боте пока не зарегистрировался ни один педагог из школ района «${SOUTH}». Приглашать предстоит все школы района: 12.`,
    );
    expect(app.tg.callsOf("sendDocument")).toHaveLength(0);
  });

  it("an admin sees everyone, by district (the fewest schools reached first), and the district of each row", async () => {
    const { n1, n2, s1, lone } = await region();
    const admin = await registerAdmin(app); // at «СОШ № 1», in NORTH
    await admin.chat.send("/teachers");
    const [summary, file] = app.tg.transcript(ADMIN_ID).slice(-2);
    const text = summary!.text;
    expect(text).toContain("👥 <b>Педагоги в боте</b>");
    expect(text).toContain("Зарегистрировано педагогов: <b>4</b>");
    expect(text).toContain("<b>12%</b> школ — педагоги есть в 3 из 25; ни одного: 22.");
    const lines = text.split("\n");
    const at = lines.indexOf("<b>По районам</b> (доля школ, где уже есть педагоги, сначала с наименьшей):");
    expect(lines.slice(at + 1, at + 5)).toEqual([
      `▓░░░░░░░░░ 8% · ${SOUTH} (школ: 1 из 12, педагогов: 1)`,
      `▓▓░░░░░░░░ 17% · ${NORTH} (школ: 2 из 12, педагогов: 3)`,
      "░░░░░░░░░░ 0% · Без района (школ: 0 из 1, педагогов: 0)",
      "",
    ]);
    expect(file!.text).toContain("📎 Педагоги в боте на 23 ноября 2026:");

    const book = await parseBook(file!);
    const bySchool = book.rows("По школам");
    expect(bySchool[0]).toEqual(["Школа", "Школьный округ", "Район", "Педагогов в боте", "За 7 дней", "Заблокировали бота"]);
    expect(bySchool).toHaveLength(1 + 25 + 1);
    expect(bySchool.find((r) => r[0] === lone.name)).toEqual([lone.name, undefined, "Без района", 0, 0, 0]);
    expect(bySchool.slice(-4)).toEqual([
      // one teacher each: by district, then name
      [n2.name, n2.cluster ?? undefined, NORTH, 1, 1, 0],
      [s1.name, s1.cluster ?? undefined, SOUTH, 1, 0, 0],
      [n1.name, n1.cluster ?? undefined, NORTH, 2, 0, 1],
      ["Итого", undefined, undefined, 4, 1, 1],
    ]);
    const people = book.rows("Педагоги");
    expect(people[0]).toEqual(["№", "ФИО", "Школа", "Школьный округ", "Район", "Предметы", "Роль", "Дата регистрации", "Язык", "Доступен"]);
    expect(people.find((r) => r[1] === "Грачёва Дарья")!.slice(2, 7)).toEqual([s1.name, s1.cluster ?? undefined, SOUTH, "Математика", "педагог"]);
    expect(people.find((r) => r[1] === "Админова Ольга Ивановна")![6]).toBe("администратор");

    // a methodist of all districts sees the same, in English here
    const regional = await registerDistrictMethodist(app, 8003, null, { name: "Орлова Нина" });
    await app.db.prisma.user.update({ where: { id: regional.userId }, data: { language: "en" } });
    await regional.chat.send("/teachers");
    const en = app.tg.transcript(8003).at(-2)!.text;
    expect(en).toContain(
      `<b>By district</b> (share of schools with teachers in the bot, smallest first):\n▓░░░░░░░░░ 8% · ${SOUTH} (schools: 1 of 12, teachers: 1)`,
    );
    expect(en).toContain("0% · No district (schools: 0 of 1, teachers: 0)");
  });
});

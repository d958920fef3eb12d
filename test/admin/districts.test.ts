// A regional deployment: the directory carries districts, and the admin makes a methodist one of a
// district or of all of them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { loadTwoDistricts, NORTH, registerDistrictMethodist, SOUTH } from "../helpers/districts.js";
import { insertTeacher, registerAdmin, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(providers)("districts on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("a school list with a district column creates the districts; one without it leaves them as they are", async () => {
    const admin = await registerAdmin(app);
    expect(await app.services.directory.districts()).toEqual([]);
    await admin.chat.send("/directory");
    expect(admin.chat.lastText()).toContain("district");
    const csv = "Название;Школьный округ;Район\nМБОУ «СОШ № 1»;Центральный округ;Северный район\nМБОУ «СОШ № 40»;;Южный район\nМБОУ «СОШ № 41»;;\n";
    await admin.chat.sendDocument({ file_name: "школы.csv", mime_type: "text/csv", content: csv });
    expect(admin.chat.lastText()).toContain("Добавлено: 2, обновлено: 1, строк с ошибками: 0");
    expect(admin.chat.lastText()).toContain("Районов в файле: 2");
    expect((await app.services.directory.districts()).map((d) => d.name)).toEqual(["Северный район", "Южный район"]);
    const school = (name: string) => app.db.prisma.school.findFirstOrThrow({ where: { name }, include: { district: true } });
    expect((await school("МБОУ «СОШ № 1»")).district?.name).toBe("Северный район");
    expect((await school("МБОУ «СОШ № 1»")).cluster).toBe("Центральный округ");
    expect((await school("МБОУ «СОШ № 40»")).district?.name).toBe("Южный район");
    expect((await school("МБОУ «СОШ № 41»")).districtId).toBeNull();

    // a file of districts only keeps the clusters; a later file of clusters only keeps the districts
    await app.services.directory.importCsv("name,district\nМБОУ «СОШ № 1»,Северный район\n");
    expect((await school("МБОУ «СОШ № 1»")).cluster).toBe("Центральный округ");
    await app.services.directory.importCsv("name,cluster\nМБОУ «СОШ № 1»,Новый округ\n");
    expect((await school("МБОУ «СОШ № 1»")).district?.name).toBe("Северный район");
    expect((await school("МБОУ «СОШ № 1»")).cluster).toBe("Новый округ");
  });

  it("the admin makes a teacher the methodist of a district, moves her to all districts, and back to a teacher", async () => {
    const { north } = await loadTwoDistricts(app);
    const admin = await registerAdmin(app);
    const teacher = await registerViaBot(app, 5101, { name: "Волкова Дарья" });

    await admin.chat.send("/role");
    await admin.chat.send("волкова");
    await admin.chat.press("Волкова Дарья · педагог");
    await admin.chat.press("Сделать методистом");
    expect(admin.chat.lastText()).toContain("Волкова Дарья — методист какого района?");
    expect(admin.chat.buttons().map((b) => b.text)).toEqual([NORTH, SOUTH, "Все районы", "Отмена"]);
    // a typed answer is not a district: the question stays
    await admin.chat.send("Северный");
    expect(admin.chat.lastText()).toContain("нажмите одну из кнопок");
    await admin.chat.press(NORTH);
    expect(admin.chat.lastText()).toContain("Волкова Дарья теперь методист");
    expect(admin.chat.lastText()).toContain(`Район: ${NORTH}`);
    let stored = (await app.services.users.byId(teacher.userId))!;
    expect([stored.role, stored.districtId]).toEqual(["methodist", north.id]);
    await deliverAll(app);
    expect(teacher.chat.lastText()).toContain(`методиста района «${NORTH}»`);

    await admin.chat.send("/methodists");
    expect(admin.chat.lastText()).toContain(`Волкова Дарья — методист, ${NORTH}`);
    expect(admin.chat.lastText()).toContain("Админова Ольга Ивановна — администратор");

    await admin.chat.send("/role");
    await admin.chat.send("волкова");
    await admin.chat.press("Волкова Дарья · методист");
    expect(admin.chat.lastText()).toContain(`Район: ${NORTH}`);
    await admin.chat.press("Сменить район");
    await admin.chat.press("Все районы");
    expect(admin.chat.lastText()).toContain("Район: Все районы");
    stored = (await app.services.users.byId(teacher.userId))!;
    expect([stored.role, stored.districtId]).toEqual(["methodist", null]);
    await deliverAll(app);
    expect(teacher.chat.lastText()).toContain("Теперь вы методист региона");

    await admin.chat.send("/role");
    await admin.chat.send("волкова");
    await admin.chat.press("Волкова Дарья · методист");
    await admin.chat.press("Сменить район");
    await admin.chat.press("Отмена");
    expect(admin.chat.lastText()).toContain("отменено");
    expect((await app.services.users.byId(teacher.userId))!.districtId).toBeNull();

    await app.db.prisma.user.update({ where: { id: teacher.userId }, data: { districtId: north.id } });
    await admin.chat.send("/role");
    await admin.chat.send("волкова");
    await admin.chat.press("Волкова Дарья · методист");
    await admin.chat.press("Сделать педагогом");
    stored = (await app.services.users.byId(teacher.userId))!;
    expect([stored.role, stored.districtId]).toEqual(["teacher", null]);
  });

  it("/role tells namesakes apart by school and district, and asks to narrow a search that found more than it shows", async () => {
    const { north, south } = await loadTwoDistricts(app);
    const admin = await registerAdmin(app);
    const northT = await registerViaBot(app, 5111, { name: "Волкова Дарья", school: north.schoolName });
    const southT = await registerViaBot(app, 5112, { name: "Волкова Дарья", school: south.schoolName });
    await admin.chat.send("/role");
    await admin.chat.send("волкова дарья");
    const buttons = admin.chat.buttons().map((b) => b.text);
    expect(buttons).toEqual([`Волкова Дарья · педагог · МБОУ «СОШ № 1», ${NORTH}`, `Волкова Дарья · педагог · МБОУ «Покровская СОШ», ${SOUTH}`]);
    expect(admin.chat.lastText()).not.toContain("уточните");
    await admin.chat.press(`МБОУ «Покровская СОШ», ${SOUTH}`);
    await admin.chat.press("Сделать методистом");
    await admin.chat.press(SOUTH);
    expect((await app.services.users.byId(southT.userId))!.role).toBe("methodist");
    expect((await app.services.users.byId(northT.userId))!.role).toBe("teacher");

    // a long official school name is cut short on the button
    await app.db.prisma.school.update({
      where: { id: north.schoolIds[0]! },
      data: { name: "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1»" },
    });
    for (let i = 0; i < 11; i++) await insertTeacher(app, 5120 + i, { name: `Иванова ${"АБВГДЕЖЗИКЛ"[i]}нна`, schoolId: north.schoolIds[0]! });
    await admin.chat.send("/role");
    await admin.chat.send("иванова");
    expect(admin.chat.buttons()).toHaveLength(10);
    expect(admin.chat.buttons()[0]!.text).toBe(`Иванова Анна · педагог · Муниципальное бюджетное …, ${NORTH}`);
    expect(admin.chat.lastText()).toContain("Нашлось 11, показаны первые 10 — уточните запрос");
  });

  it("the methodist panel names a district methodist's district; an all-districts one sees no such line", async () => {
    const { north } = await loadTwoDistricts(app);
    const scoped = await registerDistrictMethodist(app, 5103, north);
    await scoped.chat.send("🛠 Методисту");
    expect(scoped.chat.lastText()).toContain(`Ваш район: ${NORTH}`);
    const regional = await registerDistrictMethodist(app, 5104, null, { name: "Кузнецова Мария" });
    await regional.chat.send("🛠 Методисту");
    expect(regional.chat.lastText()).toContain("Инструменты методиста");
    expect(regional.chat.lastText()).not.toContain("Ваш район");
  });

  it("a district renamed in a later file: the new name is offered, the old one (no schools left) is not; a district a methodist works for cannot be deleted", async () => {
    const { north } = await loadTwoDistricts(app);
    const admin = await registerAdmin(app);
    const scoped = await registerDistrictMethodist(app, 5105, north, { name: "Кузнецова Мария" });
    const northSchools = await app.db.prisma.school.findMany({ where: { districtId: north.id }, select: { name: true } });
    // the schools moving to the new name are the same schools: the admin says so, and they move
    await admin.chat.send("/directory");
    await admin.chat.sendDocument({
      file_name: "север.csv",
      content: ["name,district", ...northSchools.map((s) => `"${s.name}",Северный муниципальный округ`)].join("\n"),
    });
    expect(admin.chat.lastText()).toContain("Школ в файле, названных как школа, которая сейчас в другом районе: 12 (людей в них: 2)");
    await admin.chat.press("Те же — перенести");
    expect(admin.chat.lastText()).toContain("Перенесены в другой район: 12, педагогов и методистов в них: 2.");
    expect(admin.chat.lastText()).toContain(`• МБОУ «СОШ № 1»: ${NORTH} → Северный муниципальный округ (людей: 2)`);
    expect((await app.services.directory.districts()).map((d) => d.name)).toEqual(["Северный муниципальный округ", SOUTH]);

    // the admin moves her to the new name
    await admin.chat.send("/role");
    await admin.chat.send("кузнецова");
    await admin.chat.press("Кузнецова Мария · методист");
    expect(admin.chat.lastText()).toContain(`Район: ${NORTH}`);
    await admin.chat.press("Сменить район");
    expect(admin.chat.buttons().map((b) => b.text)).toEqual(["Северный муниципальный округ", SOUTH, "Все районы", "Отмена"]);

    // deleting the district she still works for would make her a methodist of everyone: refused
    await expect(app.db.prisma.district.delete({ where: { id: north.id } })).rejects.toThrow();
    expect((await app.services.users.byId(scoped.userId))!.districtId).toBe(north.id);
    await admin.chat.press("Северный муниципальный округ");
    await app.db.prisma.district.delete({ where: { id: north.id } });
  });

  it("a district that disappeared between the question and the answer is refused, nothing changes", async () => {
    const { south } = await loadTwoDistricts(app);
    const admin = await registerAdmin(app);
    const teacher = await registerViaBot(app, 5102, { name: "Волкова Дарья" });
    await admin.chat.send("/role");
    await admin.chat.send("волкова");
    await admin.chat.press("Волкова Дарья · педагог");
    await admin.chat.press("Сделать методистом");
    await app.db.prisma.district.delete({ where: { id: south.id } });
    await admin.chat.press(SOUTH);
    expect(admin.chat.lastText()).toContain("Такого района нет в справочнике");
    expect((await app.services.users.byId(teacher.userId))!.role).toBe("teacher");
  });
});

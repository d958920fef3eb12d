// The academic year /coverage counts runs from 1 September to 31 August in the deployment's zone, not in
// UTC nor in Moscow: in Barnaul (UTC+7) a course starting at 23:30 on 31 August is last year's, one
// starting at 00:30 on 1 September (still 31 August in UTC and in Moscow) is this year's.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/domain/clock.js";
import { providers } from "../helpers/databases.js";
import { insertTeacher, registerMethodist } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { parseBook } from "../helpers/workbook.js";
import { createCourse, enrol } from "./helpers.js";

describe.each(providers)("the academic year of /coverage in Asia/Barnaul on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider, { env: { TIMEZONE: "Asia/Barnaul" }, clock: new ManualClock("2026-11-23T09:00:00Z") });
  });
  afterEach(() => closeTestApp(app));

  /** a course starting at `start` (an instant with its offset) that `userId` completed */
  const signedUp = async (userId: number, title: string, start: string) => enrol(app, await createCourse(app, title, start), userId, "completed");

  it("a course starting late on 31 August local time is last year's; one starting just after midnight on 1 September is this year's", async () => {
    const methodist = await registerMethodist(app, 7501);
    const lastYear = await insertTeacher(app, 7601, { name: "Абрамова Анна" });
    const thisYear = await insertTeacher(app, 7602, { name: "Борисова Вера" });
    const yearEnd = await insertTeacher(app, 7603, { name: "Васильева Галина" });
    const nextYear = await insertTeacher(app, 7604, { name: "Григорьева Дарья" });
    await signedUp(lastYear, "Летняя школа", "2026-08-31T23:30:00+07:00");
    await signedUp(thisYear, "Осенний курс", "2026-09-01T00:30:00+07:00"); // 31.08 17:30 UTC, 20:30 in Moscow
    await signedUp(yearEnd, "Курс в последний день года", "2027-08-31T23:30:00+07:00");
    await signedUp(nextYear, "Курс следующего года", "2027-09-01T00:10:00+07:00");

    await methodist.chat.send("/coverage");
    const [chart, file] = app.tg.transcript(7501).slice(-2);
    expect(chart!.text).toContain("Охват курсами ПК, 2026/2027 учебный год");
    expect(chart!.text).toContain("прошли или проходят курсы 2 из 4 педагогов; без курсов: 2.");
    expect(
      (await parseBook(file!))
        .rows("Без курсов")
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(["Абрамова Анна", "Григорьева Дарья"]);

    // half an hour into 1 September in Barnaul (still 31 August in UTC and in Moscow): the new year has begun
    app.clock.set("2027-08-31T17:30:00Z");
    await methodist.chat.send("/coverage");
    const [next, nextFile] = app.tg.transcript(7501).slice(-2);
    expect(next!.text).toContain("Охват курсами ПК, 2027/2028 учебный год");
    expect(next!.text).toContain("прошли или проходят курсы 1 из 4 педагогов; без курсов: 3.");
    expect(nextFile!.file?.name).toBe("coverage-2027-2028.xlsx");
    expect(
      (await parseBook(nextFile!))
        .rows("Без курсов")
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(["Абрамова Анна", "Борисова Вера", "Васильева Галина"]);
  });
});

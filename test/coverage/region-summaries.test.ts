// The three reports of a region (/coverage, /attestation, /teachers) seen by staff of the whole region:
// 21 district lines and 15 schools of long official names do not fit in one Telegram message, so the
// summary comes in parts, each under the limit, and the file still follows; two districts' schools of
// the same name are two lines, each naming its district.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { registerDistrictMethodist } from "../helpers/districts.js";
import { visibleLength } from "../helpers/fake-telegram.js";
import { insertTeacher } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { parseBook } from "../helpers/workbook.js";

const DISTRICTS = 20;

describe.each(providers)("a region's summaries on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  /** 20 districts of long names, each with a school of a ~150-character name and two teachers */
  async function region() {
    for (let d = 1; d <= DISTRICTS; d++) {
      const district = await app.db.prisma.district.create({ data: { name: `Муниципальный округ «Верхне-Каменский район № ${d}»` } });
      const name = `Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № ${d} с углублённым изучением отдельных предметов имени Героя»`;
      const school = await app.db.prisma.school.create({ data: { name, districtId: district.id, searchText: name.toLowerCase() } });
      const letter = "АБВГДЕЖЗИКЛМНОПРСТУФ"[d - 1];
      await insertTeacher(app, 9_100 + d, { name: `Учитель${letter}ова Анна`, schoolId: school.id });
      await insertTeacher(app, 9_200 + d, { name: `Учитель${letter}ова Вера`, schoolId: school.id });
    }
  }

  for (const [command, file] of [
    ["/coverage", "coverage-2026-2027.xlsx"],
    ["/attestation", "attestation-2026-11-23.xlsx"],
    ["/teachers", "teachers-2026-11-23.xlsx"],
  ] as const) {
    it(`${command}: the summary comes in parts under Telegram's limit, then the file`, async () => {
      await region();
      const regional = await registerDistrictMethodist(app, 9001, null);
      // the sample schools nobody works at go (/teachers lists every school, the empty ones first)
      await app.db.prisma.school.deleteMany({ where: { sample: true, users: { none: {} } } });
      const from = regional.chat.mark();
      await regional.chat.send(command);
      const sent = regional.chat.messages().slice(from);
      const texts = sent.filter((m) => m.kind !== "document").map((m) => m.text);
      expect(texts.length).toBeGreaterThan(1);
      // one message would not have gone
      expect(visibleLength(texts.join("\n"))).toBeGreaterThan(4096);
      for (const t of texts) expect(visibleLength(t)).toBeLessThanOrEqual(4096);
      const all = texts.join("\n");
      expect(all).toContain("Верхне-Каменский район № 20");
      expect(all).toMatch(/…и ещё [56]/);
      expect(all).not.toContain("Извините");
      expect(sent.at(-1)!.kind).toBe("document");
      expect(sent.at(-1)!.file?.name).toBe(file);
    });
  }

  it("two districts' schools of the same name are two rows, each with its district", async () => {
    const [north, south] = await Promise.all(["Северный район", "Южный район"].map((name) => app.db.prisma.district.create({ data: { name } })));
    const name = "МБОУ «СОШ № 1»";
    for (const [i, district] of [north!, south!].entries()) {
      const school = await app.db.prisma.school.create({ data: { name, districtId: district.id, searchText: "мбоу сош 1" } });
      await insertTeacher(app, 9_300 + i, { schoolId: school.id });
      if (i === 0) await insertTeacher(app, 9_310, { schoolId: school.id });
    }
    const regional = await registerDistrictMethodist(app, 9002, null, { school: "МБОУ «Покровская СОШ»" });
    // as above
    await app.db.prisma.school.deleteMany({ where: { sample: true, users: { none: {} } } });
    for (const command of ["/coverage", "/attestation"]) {
      await regional.chat.send(command);
      const chart = regional.chat.messages().at(-2)!.text;
      const lines = chart.split("\n").filter((l) => l.includes(name));
      expect(lines).toEqual([expect.stringContaining(`${name} · Северный район (0/2)`), expect.stringContaining(`${name} · Южный район (0/1)`)]);
      const book = await parseBook(regional.chat.messages().at(-1)!);
      const rows = book.rows("По школам").filter((r) => r[0] === name);
      expect(rows.map((r) => [r[2], r[3]])).toEqual([
        ["Северный район", 2],
        ["Южный район", 1],
      ]);
    }
    await regional.chat.send("/teachers");
    const lines = regional.chat
      .messages()
      .at(-2)!
      .text.split("\n")
      .filter((l) => l.includes(name));
    expect(lines).toHaveLength(2);
    expect(lines.join("\n")).toContain(`${name} · Южный район`);
  });
});

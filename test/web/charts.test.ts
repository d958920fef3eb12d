// The one chart renderer (src/charts): the SVG the site shows and the PNG /coverage, /attestation and
// /teachers send above their text summary, in the reader's language, with PT Sans from npm.
// CHART_DUMP=<dir> writes the PNGs there to look at.
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { barChartSvg } from "../../src/charts/bars.js";
import { svgToPng } from "../../src/charts/png.js";
import { providers } from "../helpers/databases.js";
import { districtPeople } from "../helpers/districts.js";
import { insertTeacher } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

/** width and height from a PNG's header */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("the bar chart", () => {
  it("escapes names, clips long ones, keeps shares within 0–100 and draws a PNG at twice its size", async () => {
    const svg = barChartSvg({
      title: "Охват <курсами> & «всё»",
      rows: [
        { label: "МБОУ «Гимназия № 2 имени А. С. Пушкина с углублённым изучением иностранных языков и математики»", percent: 140, note: "140 %" },
        { label: 'School "<b>"', percent: -5, note: "0 %" },
      ],
    });
    expect(svg).toContain("Охват &lt;курсами&gt; &amp; «всё»");
    expect(svg).toContain("School &quot;&lt;b&gt;&quot;");
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("…</text>");
    expect(svg).not.toMatch(/width="-/);
    const { width, height } = pngSize(await svgToPng(svg));
    expect(width).toBe(1440);
    expect(height).toBeGreaterThan(100);
  });
});

describe.each(providers)("the chat's report pictures on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  it("/coverage, /attestation and /teachers send a picture above the summary, in Russian and in English", async () => {
    const people = await districtPeople(app, 8000);
    for (const [i, id] of people.north.schoolIds.slice(0, 6).entries())
      await insertTeacher(app, 8500 + i, { schoolId: id, name: `Педагог Номер${"АБВГДЕ"[i]}` });
    await app.db.prisma.user.update({ where: { id: people.regional.userId }, data: { language: "en" } });
    const dump = process.env.CHART_DUMP;
    for (const [who, lang] of [
      [people.northM, "ru"],
      [people.regional, "en"],
    ] as const) {
      for (const command of ["/coverage", "/attestation", "/teachers"]) {
        await who.chat.send(command);
        const transcript = app.tg.transcript(who.chat.id);
        const photoAt = transcript.findLastIndex((m) => m.kind === "photo");
        const photo = transcript[photoAt]!;
        // the picture, then the text summary, then the file
        expect(transcript[photoAt + 1]!.kind).toBe("text");
        expect(transcript.at(-1)!.kind).toBe("document");
        const png = Buffer.from(photo.file!.bytes as Uint8Array);
        const { width } = pngSize(png);
        expect(width).toBe(1440);
        if (dump) fs.writeFileSync(path.join(dump, `${command.slice(1)}-${lang}.png`), png);
      }
    }
  });
});

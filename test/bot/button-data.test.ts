// Button data that is malformed or out of range (a forged, truncated or ancient payload) is answered
// like a stale button, "this button is out of date", logged at most as a warning: never the apology
// for an internal error, never an error-level line. One codec decides (src/callback-data.ts).
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ButtonDataError, createCallbackData, SignedNumber } from "../../src/callback-data.js";
import { createLogger } from "../../src/logger.js";
import { projectRoot } from "../../src/paths.js";
import { providers } from "../helpers/databases.js";
import { registerMethodist, registerViaBot, toSchoolStep } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

const STALE = "Эта кнопка устарела. Откройте раздел заново из меню.";
const FORTY_DIGITS = "1".repeat(40);

/** Across features: empty, too many values, not a number, 40 digits, beyond INTEGER, a negative page or id. */
const MALFORMED = [
  "courseS:",
  "courseS:1:2:3",
  "meeting-c:abc",
  `material-o:${FORTY_DIGITS}`,
  "material-o:9999999999",
  `lesson-card:${FORTY_DIGITS}`,
  "courseA:-5",
  "material-my:-2147483647",
  "lesson-list:x:-5:1",
  "broadcast-l:-1",
  "meeting-r:2:1",
  "courseC:1.5:1",
  "material-v:1:2147483648",
  "prof:a:b",
];

describe("the button-data codec", () => {
  const codec = createCallbackData("demo", { id: Number, delta: SignedNumber, ok: Boolean, q: String });

  it("round-trips what it packs and refuses anything it would not have packed", () => {
    const packed = codec.pack({ id: 2147483647, delta: -1, ok: true, q: "дроби" });
    expect(packed).toBe("demo:-1:2147483647:1:дроби");
    expect(codec.unpack(packed)).toEqual({ id: 2147483647, delta: -1, ok: true, q: "дроби" });
    expect(codec.filter().test(packed)).toBe(true);
    expect(codec.filter({ ok: true }).test(packed)).toBe(true);
    expect(codec.filter({ ok: false }).test(packed)).toBe(false);
    for (const bad of [
      "demo:",
      "demo:1:2:1",
      "demo:1:2:1:x:y",
      "demo:1:abc:1:x",
      "demo:1:-2:1:x",
      "demo:1:1.5:1:x",
      "demo:1:2:2:x",
      "demo:1:2147483648:1:x",
      "other:1:2:1:x",
    ]) {
      expect(() => codec.unpack(bad), bad).toThrow(ButtonDataError);
    }
    for (const shapeless of ["demo:", "demo:1:2:1", "demo:1:abc:1:x", "demo:1:-2:1:x", `demo:1:${FORTY_DIGITS}:1:x`, "demo:1:2:2:x"]) {
      expect(codec.filter().test(shapeless), shapeless).toBe(false);
    }
    // a button that could not be pressed is a bug, found when it is made
    expect(() => codec.pack({ id: -1, delta: 0, ok: false, q: "" })).toThrow(/cannot pack/);
  });

  it("a renamed prefix keeps the buttons already in chats working: old data decodes, new data is packed", () => {
    const codec = createCallbackData("course-offer", { reg: Number, yes: Boolean }, { formerly: "courseF" });
    expect(codec.pack({ reg: 7, yes: true })).toBe("course-offer:7:1");
    expect(codec.unpack("courseF:7:1")).toEqual({ reg: 7, yes: true });
    expect(codec.filter().test("courseF:7:1")).toBe(true);
    expect(codec.filter({ yes: false }).test("courseF:7:1")).toBe(false);
    expect(codec.filter().test("courseX:7:1")).toBe(false);
    expect(() => codec.unpack("courseF:7")).toThrow(ButtonDataError);
  });

  it("is the only way the bot makes button data: nothing imports callback-data itself", () => {
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));
    const direct = files(path.join(projectRoot, "src"))
      .filter((f) => f.endsWith(".ts") && !f.endsWith(`${path.sep}callback-data.ts`))
      .filter((f) => /from "callback-data"/.test(fs.readFileSync(f, "utf8")));
    expect(direct).toEqual([]);
  });
});

describe.each(providers)("malformed button data on %s", (provider) => {
  let app: TestApp;
  const lines: string[] = [];
  beforeEach(async () => {
    lines.length = 0;
    app = await createTestApp(provider, { logger: createLogger("debug", { destination: { write: (l: string) => void lines.push(l) } }) });
  });
  afterEach(() => closeTestApp(app));

  const levels = () => lines.map((l) => (JSON.parse(l) as { level: number }).level);

  it("a teacher's and a methodist's presses across features: each answered as a stale button, no error logged", async () => {
    const teacher = await registerViaBot(app, 6001);
    const methodist = await registerMethodist(app, 6002);
    for (const person of [teacher, methodist]) {
      for (const data of MALFORMED) {
        const before = app.tg.callsOf("answerCallbackQuery").length;
        const messages = person.chat.messages().length;
        await person.chat.pressData(data);
        const answers = app.tg.callsOf("answerCallbackQuery").slice(before);
        expect(
          answers.map((a) => a.payload.text),
          data,
        ).toEqual([STALE]);
        // nothing else: no apology in the chat
        expect(person.chat.messages().length, data).toBe(messages);
      }
    }
    expect(levels().filter((l) => l >= 50)).toEqual([]);
    // what matched a button's shape but not its range was noted, as a warning
    expect(lines.some((l) => l.includes("button data that does not decode") && l.includes('"level":40'))).toBe(true);
  });

  it("inside a flow: a malformed press on the school step is answered as stale, and the flow goes on", async () => {
    const chat = await toSchoolStep(app, 6003);
    await chat.send("СОШ 1");
    for (const data of ["school:", "school:abc", `school:${FORTY_DIGITS}`, "school:1:2", "schools:-1:x"]) {
      const before = app.tg.callsOf("answerCallbackQuery").length;
      await chat.pressData(data);
      expect(
        app.tg
          .callsOf("answerCallbackQuery")
          .slice(before)
          .map((a) => a.payload.text),
        data,
      ).toEqual([STALE]);
    }
    await chat.press("МБОУ «СОШ № 1»");
    await chat.press("Математика");
    await chat.press("Готово");
    expect(chat.lastText()).toContain("Вы зарегистрированы");
    expect(levels().filter((l) => l >= 50)).toEqual([]);
  });
});

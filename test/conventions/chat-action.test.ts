// While a report's chart and file are being built, the chat shows "sending a photo…" / "sending a
// file…" (sendChatAction), not a silent pause.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { insertTeacher, registerMethodist, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { createCourse, enrol } from "../coverage/helpers.js";

describe.each(providers)("chat actions on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  /** The calls to one chat from `from` on: method names, a chat action as `action:<what>`. */
  const callsTo = (chatId: number, from: number) =>
    app.tg.calls
      .slice(from)
      .filter((c) => Number(c.payload.chat_id) === chatId)
      .map((c) => (c.method === "sendChatAction" ? `action:${c.payload.action}` : c.method));

  it("a report shows 'sending a photo' before its chart and 'sending a file' before its spreadsheet", async () => {
    const methodist = await registerMethodist(app, 8001);
    const school = await app.db.prisma.school.findFirstOrThrow({ orderBy: { id: "asc" } });
    const teacher = await insertTeacher(app, 8101, { name: "Абрамова Анна", schoolId: school.id });
    await enrol(app, await createCourse(app, "Формирующее оценивание", "2026-12-01T06:00:00Z"), teacher, "completed");

    const from = app.tg.calls.length;
    await methodist.chat.send("/coverage");
    const calls = callsTo(8001, from);
    const photo = calls.indexOf("sendPhoto");
    const document = calls.indexOf("sendDocument");
    expect(photo).toBeGreaterThan(0);
    expect(document).toBeGreaterThan(photo);
    // one action when the building starts, one more from the upload itself (the plugin adds that to any file)
    const count = (list: string[], action: string) => list.filter((c) => c === `action:${action}`).length;
    expect(count(calls.slice(0, photo), "upload_photo")).toBeGreaterThanOrEqual(2);
    expect(calls[0]).toBe("action:upload_photo");
    expect(count(calls.slice(photo, document), "upload_document")).toBeGreaterThanOrEqual(2);
  });

  it("a refusal builds nothing and shows no action", async () => {
    const teacher = await registerViaBot(app, 5001);
    const from = app.tg.calls.length;
    await teacher.chat.send("/coverage");
    expect(teacher.chat.lastText()).toContain("только методисты");
    expect(callsTo(5001, from)).toEqual(["sendMessage"]);
  });
});

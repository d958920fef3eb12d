// parse_mode HTML is set once (src/bot/api/parse-mode.ts): a handler's and a conversation's messages
// that no longer pass it are still HTML; a message that brings its own entities is left exactly as written.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { htmlByDefault } from "../../src/bot/api/parse-mode.js";
import { providers } from "../helpers/databases.js";
import { registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(providers)("parse mode on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  const lastTo = (chatId: number, method: string) =>
    app.tg
      .callsOf(method)
      .filter((c) => Number(c.payload.chat_id) === chatId)
      .at(-1)!.payload;

  it("a handler's message and a conversation's question and edit are sent as HTML without saying so", async () => {
    const anna = await registerViaBot(app, 5001);
    await anna.chat.send("🏫 Открытые уроки");
    expect(lastTo(5001, "sendMessage").parse_mode).toBe("HTML");
    // the offer is a conversation: its own Api gets HTML through the conversations' plugins
    await anna.chat.press("Предложить урок");
    expect(lastTo(5001, "sendMessage").text).toContain("По какому предмету");
    expect(lastTo(5001, "sendMessage").parse_mode).toBe("HTML");
    await anna.chat.press("Математика");
    expect(lastTo(5001, "editMessageText").parse_mode).toBe("HTML");
    // what people read has its markup applied, not shown as tags
    expect(anna.chat.messages().some((m) => m.text.includes("<b>"))).toBe(true);
  });

  it("leaves a call with its own parse mode or entities as it is", async () => {
    const seen: Record<string, unknown>[] = [];
    const prev = (async (_m: string, p: Record<string, unknown>) => {
      seen.push(p);
      return { ok: true, result: true };
    }) as never;
    await htmlByDefault(prev, "sendMessage", { chat_id: 1, text: "a < b", entities: [] } as never);
    await htmlByDefault(prev, "sendMessage", { chat_id: 1, text: "*b*", parse_mode: "MarkdownV2" } as never);
    await htmlByDefault(prev, "sendPhoto", { chat_id: 1, photo: "x", caption: "c", caption_entities: [] } as never);
    await htmlByDefault(prev, "sendChatAction", { chat_id: 1, action: "typing" } as never);
    await htmlByDefault(prev, "sendDocument", { chat_id: 1, document: "x", caption: "<b>c</b>" } as never);
    expect(seen.map((p) => p.parse_mode)).toEqual([undefined, "MarkdownV2", undefined, undefined, "HTML"]);
  });
});

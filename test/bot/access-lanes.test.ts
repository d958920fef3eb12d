// The access lanes (src/bot/middlewares/guards.ts): a handler behind `members` / `methodists` /
// `admins` is reached only by whom the rule admits; anyone else whose update that handler would have
// answered is told why (an alert on the button, a reply to a command), never passed on to the fallback
// ("this button is out of date") and never let in.
import { Composer } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LESSON_QUEUE, lessonList } from "../../src/bot/features/lessons/callbacks.js";
import type { BotContext } from "../../src/bot/context.js";
import { adminOnly, only } from "../../src/bot/middlewares/guards.js";
import { providers } from "../helpers/databases.js";
import { registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

const NEED_REGISTRATION = "Сначала зарегистрируйтесь";

describe.each(providers)("access lanes on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  const alerts = () => app.tg.callsOf("answerCallbackQuery").filter((c) => c.payload.show_alert);

  it("a stranger's press on a members' or a methodists' button is refused with an alert, and nothing is stored", async () => {
    const s = app.user(2201);
    await s.pressData(lessonList.pack({ s: 0, g: "", p: 0 }));
    await s.pressData(LESSON_QUEUE);
    expect(s.toasts()).toHaveLength(2);
    for (const text of s.toasts()) expect(text).toContain(NEED_REGISTRATION);
    expect(alerts()).toHaveLength(2);
    expect(await app.db.prisma.user.count()).toBe(0);
  });

  it("a stranger's methodist and admin commands get the registration refusal and open no conversation", async () => {
    const s = app.user(2202);
    for (const command of ["moderate_lessons", "newcourse", "broadcast", "role", "directory", "courses", "mycourses", "documents"]) {
      await s.send(`/${command}`);
      expect(s.lastText(), `/${command}`).toContain(NEED_REGISTRATION);
    }
    expect(await app.db.prisma.conversationState.count()).toBe(0);
    expect(await app.db.prisma.user.count()).toBe(0);
  });

  it("a teacher's press on a methodists' button is refused in words, the list a teacher may open is shown", async () => {
    const teacher = await registerViaBot(app, 2203);
    await teacher.chat.pressData(LESSON_QUEUE);
    expect(teacher.chat.toasts().at(-1)).toContain("только методисты");
    const before = app.tg.callsOf("editMessageText").length + app.tg.callsOf("sendMessage").length;
    await teacher.chat.pressData(lessonList.pack({ s: 0, g: "", p: 0 }));
    expect(teacher.chat.toasts()).toHaveLength(1);
    expect(app.tg.callsOf("editMessageText").length + app.tg.callsOf("sendMessage").length).toBe(before + 1);
    expect(teacher.chat.lastText()).not.toContain(NEED_REGISTRATION);
  });

  it("a lane takes handlers behind a trigger only: middleware for every update is refused when written", () => {
    const admins = only(new Composer<BotContext>(), adminOnly);
    expect(() => admins.use(() => undefined)).toThrow(/behind a trigger/);
  });
});

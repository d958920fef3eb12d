// A teacher turns announcements off in her profile: ordinary broadcasts pass her by, urgent ones and
// meeting reminders still reach her; turned on again, ordinary ones reach her again.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { registerMethodist, registerViaBot, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { publishMeeting } from "../meetings/helpers.js";

describe.each(providers)("muting announcements on %s", (provider) => {
  let app: TestApp;
  let m: Person;
  let teacher: Person;
  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
    m = await registerMethodist(app, 8700);
    teacher = await registerViaBot(app, 8701, { name: "Тихонова Мария" });
  });
  afterEach(() => closeTestApp(app));

  /** Composes and sends a broadcast to everyone through the bot; returns the recipient count the preview showed. */
  async function broadcast(text: string, urgent: boolean): Promise<string> {
    await m.chat.send("/broadcast");
    await m.chat.sendRaw({ text });
    if (urgent) await m.chat.press("Срочное: нет");
    await m.chat.press("Далее");
    const count = /Получателей: <b>(\d+)<\/b>/.exec(m.chat.lastText())![1]!;
    await m.chat.press("Отправить");
    await deliverAll(app);
    return count;
  }

  it("ordinary broadcasts pass her by; urgent ones and meeting reminders do not", async () => {
    await publishMeeting(app, m.userId, { startsAt: new Date("2026-11-26T12:00:00Z") });
    await deliverAll(app);
    await teacher.chat.press("Приду");

    await teacher.chat.send("/profile");
    await teacher.chat.press("Объявления");
    expect(teacher.chat.lastText()).toContain("Несрочные объявления: выкл.");

    // the preview's count already leaves her out: only the methodist herself
    expect(await broadcast("Обычное объявление", false)).toBe("1");
    expect(await broadcast("Срочное объявление", true)).toBe("2");
    expect(receivedTexts(app, 8701)).not.toContain("Обычное объявление");
    expect(receivedTexts(app, 8701)).toContain("Срочное объявление");
    expect(receivedTexts(app, 8700)).toEqual(expect.arrayContaining(["Обычное объявление", "Срочное объявление"]));

    // the meeting reminder a day before is not an announcement: it comes
    app.clock.set("2026-11-25T12:00:00Z");
    await app.scheduler.tick();
    await deliverAll(app);
    expect(receivedTexts(app, 8701).filter((t) => t.includes("Напоминание"))).toHaveLength(1);

    // on again
    await teacher.chat.send("/profile");
    await teacher.chat.press("Объявления");
    expect(teacher.chat.lastText()).toContain("Несрочные объявления: вкл.");
    expect(await broadcast("Снова обычное", false)).toBe("2");
    expect(receivedTexts(app, 8701)).toContain("Снова обычное");
  });
});

// Open lessons for an English-speaking teacher: the offer conversation and the rating flow ask, explain
// and answer in English, wrong inputs included; the notices she gets are English too.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lessonRate } from "../../src/bot/features/lessons/callbacks.js";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { registerMethodist, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { approvedLesson, insertMethodist } from "./helpers.js";

describe.each(providers)("open lessons in English on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
  });
  afterEach(() => closeTestApp(app));

  /** Russian words a person was shown since `from`: in texts and on buttons. */
  const russian = (p: { chat: { messages(): { text: string; reply_markup?: any }[] } }, from: number) =>
    p.chat
      .messages()
      .slice(from)
      .flatMap((m) => [m.text, ...(m.reply_markup?.inline_keyboard ?? []).flat().map((b: { text: string }) => b.text)])
      .filter((x) => /[а-яё]/i.test(x));

  it("offering a lesson: every question, explanation, the preview and the answers are English", async () => {
    const m = await registerMethodist(app, 6700);
    const t = await registerViaBot(app, 6701, { name: "Smith Anna", locale: "en" });
    const start = t.chat.mark();
    await t.chat.send("🏫 Open lessons");
    expect(t.chat.lastText()).toContain("No upcoming lessons yet");
    await t.chat.press("Offer a lesson");
    expect(t.chat.textsSince(t.chat.mark() - 2)).toEqual([
      "➕ <b>New open lesson</b>. Answer a few questions; at the end you will see the lesson as colleagues will. To leave: /cancel.",
      "📚 Which subject is the lesson?",
    ]);
    expect(t.chat.buttons().map((b) => b.text)).toEqual(["Mathematics", "Another subject…"]);
    await t.chat.press("Another subject…");
    expect(t.chat.buttons().map((b) => b.text)).toContain("Physics");
    await t.chat.press("Mathematics");
    expect(t.chat.textsSince(t.chat.mark() - 2)).toEqual(["📚 Subject: Mathematics", "🎓 Which grade (or group) is it for?"]);
    expect(t.chat.buttons()[0]!.text).toBe("Preschool group");
    await t.chat.send("5");
    expect(t.chat.lastText()).toContain("Please press one of the buttons above");
    await t.chat.press("5");
    // the grade's question is edited into the answer; the next question follows
    expect(t.chat.textsSince(0)).toContain("🎓 grade 5");

    expect(t.chat.lastText()).toContain("The lesson's topic?");
    await t.chat.send("ab");
    expect(t.chat.lastText()).toContain("The topic must be 3 to 200 characters long.");
    expect(t.chat.lastText()).toContain("The lesson's topic?");
    await t.chat.send("Adding fractions");
    expect(t.chat.lastText()).toContain("which method or technology will you show?");
    await t.chat.send("Group work");

    expect(t.chat.lastText()).toContain("When is the lesson?");
    await t.chat.send("tomorrow at two");
    expect(t.chat.lastText()).toContain("I could not read the date.");
    await t.chat.send("01.11.2026 10:00");
    expect(t.chat.lastText()).toContain("That time has already passed.");
    await t.chat.send("31.02 10:00");
    expect(t.chat.lastText()).toContain("There is no such date or time.");
    await t.chat.send("10.12 14:30");

    expect(t.chat.lastText()).toContain("How many minutes does the lesson last?");
    await t.chat.send("forty");
    expect(t.chat.lastText()).toContain("Type the duration in minutes, from 10 to 300.");
    await t.chat.send("45");

    expect(t.chat.lastText()).toContain("Where will the lesson take place?");
    expect(t.chat.buttons().map((b) => b.text)).toEqual(["🏫 At my school", "💻 Online"]);
    await t.chat.press("Online");
    expect(t.chat.lastText()).toContain("Send the link to the online lesson");
    await t.chat.send("sferum");
    expect(t.chat.lastText()).toContain("That does not look like a link.");
    await t.chat.send("https://sferum.ru/room/7");

    expect(t.chat.lastText()).toContain("How many guests can you take?");
    await t.chat.send("0");
    expect(t.chat.lastText()).toContain("Type the number of seats in digits, from 1 to 200.");
    await t.chat.send("3");

    const preview = t.chat.lastText();
    expect(preview).toContain("Check the lesson");
    expect(preview).toContain("Adding fractions");
    expect(preview).toContain("Mathematics, grade 5");
    expect(preview).toContain("Teacher: Smith Anna");
    expect(preview).toContain("10 December 2026, 14:30 (45 min)");
    expect(preview).toContain("Online: https://sferum.ru/room/7");
    expect(preview).toContain("Guests: 0 of 3");
    expect(preview).toContain("No ratings yet");
    expect(t.chat.buttons().map((b) => b.text)).toEqual(["✅ Send for review", "✖️ Don't send"]);
    await t.chat.press("Send for review");
    expect(t.chat.lastText()).toBe("📨 The lesson is sent to a methodologist for review. We will tell you when it is approved.");
    const stored = await app.db.prisma.openLesson.findFirstOrThrow();
    expect(stored).toMatchObject({ topic: "Adding fractions", grade: "5", status: "pending", seats: 3, onlineUrl: "https://sferum.ru/room/7" });

    // "My lessons" and the notices in English; the Russian methodist gets hers in Russian
    await t.chat.send("🏫 Open lessons");
    await t.chat.press("My lessons");
    expect(t.chat.lastText()).toContain("My open lessons</b>: 1");
    expect(t.chat.lastText()).toContain("⏳ under review");
    await app.services.lessons.approve(m.userId, stored.id);
    await deliverAll(app);
    expect(m.chat.messages().some((x) => x.text.includes("Новый открытый урок на проверке"))).toBe(true);
    expect(t.chat.lastText()).toBe(
      "✅ Your open lesson “Adding fractions” (10 December 2026, 14:30) was approved by a methodologist. Colleagues can sign up now.",
    );

    // discarding answers in English too
    await t.chat.send("🏫 Open lessons");
    await t.chat.press("Offer a lesson");
    await t.chat.send("/cancel");
    expect(russian(t, start)).toEqual([]);
  });

  it("rating a lesson: the questions, the nudges, the refusals and the thanks are English; so is the author's summary", async () => {
    const methodistId = await insertMethodist(app, 6710);
    const author = await registerViaBot(app, 6711, { name: "Smith Anna", locale: "en" });
    const guest = await registerViaBot(app, 6712, { name: "Brown Mary", locale: "en" });
    const stranger = await registerViaBot(app, 6713, { name: "Jones Kate", locale: "en" });
    // 10.12 14:30 Moscow, 45 min; online, so that no Russian school name is on its card
    const id = await approvedLesson(app, author.userId, methodistId, {
      topic: "Adding fractions",
      method: "Group work",
      place: { kind: "online", url: "https://sferum.ru/room/7" },
    });
    const start = guest.chat.mark();
    await guest.chat.send("🏫 Open lessons");
    await guest.chat.press(/Adding fractions/);
    await guest.chat.press("Sign up");

    await guest.chat.pressData(lessonRate.pack({ id }));
    expect(guest.chat.lastText()).toBe("The lesson is not over yet; you can rate it once it ends.");

    app.clock.set("2026-12-10T12:15:30Z"); // the lesson ended
    await app.scheduler.tick();
    await deliverAll(app);
    expect(guest.chat.lastText()).toContain("Thank you for attending the open lesson “Adding fractions” (Smith Anna)!");
    expect(guest.chat.lastText()).toContain("You can change your rating within 7 days.");
    await stranger.chat.pressData(lessonRate.pack({ id }));
    expect(stranger.chat.lastText()).toBe("Only colleagues who signed up for the lesson can rate it.");

    await guest.chat.press("Rate the lesson");
    expect(guest.chat.textsSince(guest.chat.mark() - 2)).toEqual([
      "📝 Rating the lesson “Adding fractions”: each point from 1 (weak) to 5 (excellent).",
      "🎯 How clearly was the lesson's goal set?",
    ]);
    await guest.chat.send("5");
    expect(guest.chat.lastText()).toBe("Please press one of the buttons above. To leave, send /cancel.");
    await guest.chat.press("5");
    // the question is edited into the answer; the next one follows
    expect(guest.chat.textsSince(0)).toContain("🎯 How clearly was the lesson's goal set? — <b>5</b>");
    expect(guest.chat.lastText()).toBe("🧩 How well was the method used?");
    await guest.chat.press("4");
    expect(guest.chat.lastText()).toBe("🙋 How active were the pupils?");
    await guest.chat.press("5");
    expect(guest.chat.lastText()).toBe("💬 Write a short comment or advice for the author, or press “Skip”.");
    expect(guest.chat.buttons().map((b) => b.text)).toEqual(["Skip"]);
    await guest.chat.send("x".repeat(1001));
    expect(guest.chat.lastText()).toContain("The comment must be at most 1,000 characters long.");
    expect(guest.chat.lastText()).toContain("Write a short comment");
    await guest.chat.send("Clear and lively");
    expect(guest.chat.lastText()).toBe("🙏 Thank you! Your rating is saved.");
    const fb = await app.db.prisma.lessonFeedback.findMany();
    expect(fb.map((f) => [f.userId, f.goalClarity, f.methodUse, f.pupilActivity, f.comment])).toEqual([[guest.userId, 5, 4, 5, "Clear and lively"]]);

    // again: a change, announced in English
    await guest.chat.press("Rate the lesson");
    expect(guest.chat.textsSince(guest.chat.mark() - 2)[0]).toBe(
      "📝 You already rated the lesson “Adding fractions”. Your new answers will replace the old ones.",
    );
    await guest.chat.send("/cancel");

    // the window closes; the author's summary
    app.clock.set("2026-12-17T12:16:00Z");
    await guest.chat.pressData(lessonRate.pack({ id }));
    expect(guest.chat.lastText()).toBe("Ratings are accepted for 7 days after the lesson; that time is over.");
    await app.scheduler.tick();
    await deliverAll(app);
    const summary = author.chat.lastText();
    expect(summary).toContain("Feedback on your open lesson “Adding fractions”");
    expect(summary).toContain("Clarity of the goal: 5.0");
    expect(summary).toContain("Use of the method: 4.0");
    expect(summary).toContain("Overall: ⭐ 4.7");
    expect(summary).toContain("— Clear and lively");
    expect(russian(guest, start)).toEqual([]);
  });
});

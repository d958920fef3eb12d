// A card's "Share" button carries t.me/<bot>?start=<kind>-<id>; the colleague who taps it sees that card,
// after registering first if she is new. Another district's card is refused; a cut link gets a calm answer.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { loadTwoDistricts, registerDistrictMethodist } from "../helpers/districts.js";
import { registerMethodist, registerViaBot, type Person } from "../helpers/flows.js";
import { BOT_INFO, type TestUser } from "../helpers/fake-telegram.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { makeCourse } from "../courses/helpers.js";
import { approvedLesson } from "../lessons/helpers.js";
import { publishMeeting } from "../meetings/helpers.js";

/** The link inside the last "Share" button: the t.me link and the text Telegram's share sheet gets. */
function shared(chat: TestUser): { link: string; text: string } {
  const message = [...chat.messages()].reverse().find((m) => (m.reply_markup?.inline_keyboard ?? []).flat().some((b: any) => b.url));
  const button = (message?.reply_markup?.inline_keyboard ?? []).flat().find((b: any) => b.url);
  if (!button) throw new Error(`no share button:\n${chat.dump()}`);
  expect(button.text).toBe("📤 Поделиться");
  const url = new URL(button.url);
  expect(`${url.origin}${url.pathname}`).toBe("https://t.me/share/url");
  return { link: url.searchParams.get("url")!, text: url.searchParams.get("text")! };
}

/** What /start carries for a t.me link of this bot. */
function payloadOf(link: string): string {
  const url = new URL(link);
  expect(`${url.origin}${url.pathname}`).toBe(`https://t.me/${BOT_INFO.username}`);
  return url.searchParams.get("start")!;
}

describe.each(providers)("links to cards on %s", (provider) => {
  let app: TestApp;
  let methodist: Person;
  beforeEach(async () => {
    app = await createTestApp(provider);
    methodist = await registerMethodist(app, 8001);
  });
  afterEach(() => closeTestApp(app));

  it("a course card's Share button gives a link that opens the card for a registered colleague", async () => {
    const course = await makeCourse(app, methodist.userId, { title: "Формирующее оценивание" });
    const anna = await registerViaBot(app, 5001);
    await anna.chat.send("/courses");
    await anna.chat.press("1. Формирующее оценивание");
    const { link, text } = shared(anna.chat);
    expect(text).toBe("Курс «Формирующее оценивание» — посмотрите и запишитесь в Методсети:");
    expect(payloadOf(link)).toBe(`course-${course.id}`);

    const vera = await registerViaBot(app, 5002, { name: "Белова Вера Олеговна" });
    await vera.chat.send(`/start ${payloadOf(link)}`);
    expect(vera.chat.lastText()).toContain("Формирующее оценивание");
    await vera.chat.press("Записаться");
    expect(vera.chat.lastText()).toContain("Вы записаны на курс «Формирующее оценивание»");
    expect(await app.db.prisma.courseRegistration.count({ where: { courseId: course.id, userId: vera.userId, status: "registered" } })).toBe(1);
  });

  it("someone new registers first, then sees the card the link pointed at", async () => {
    const course = await makeCourse(app, methodist.userId, { title: "Формирующее оценивание" });
    const chat = app.user(5003);
    await chat.send(`/start course-${course.id}`);
    await chat.press("Русский");
    await chat.press("Даю согласие");
    await chat.send("Новикова Ольга Петровна");
    await chat.send("СОШ 1");
    await chat.press("МБОУ «СОШ № 1»");
    await chat.press("Математика");
    await chat.press("Готово");
    const [registered, card] = chat.textsSince(chat.mark() - 2);
    expect(registered).toContain("Новикова Ольга Петровна");
    expect(card).toContain("Формирующее оценивание");
    expect(chat.buttons().map((b) => b.text)).toContain("✍️ Записаться");
    expect((await app.services.users.byTelegramId(5003))?.registeredAt).toBeTruthy();
  });

  it("an open lesson's and a meeting's links open their cards, each with its own Share button", async () => {
    const lesson = await approvedLesson(app, methodist.userId, methodist.userId, { topic: "Сложение дробей" });
    const meeting = await publishMeeting(app, methodist.userId, { title: "Заседание РМО математиков" });
    const anna = await registerViaBot(app, 5001);

    await anna.chat.send(`/start lesson-${lesson}`);
    expect(anna.chat.lastText()).toContain("Сложение дробей");
    expect(anna.chat.buttons().map((b) => b.text)).toContain("✍️ Записаться");
    expect(payloadOf(shared(anna.chat).link)).toBe(`lesson-${lesson}`);

    await anna.chat.send(`/start meeting-${meeting.id}`);
    expect(anna.chat.lastText()).toContain("Заседание РМО математиков");
    expect(payloadOf(shared(anna.chat).link)).toBe(`meeting-${meeting.id}`);
    await anna.chat.press("✅ Приду");
    expect(await app.services.meetings.answerOf(anna.userId, meeting.id)).toBe("going");
  });

  it("a cut or unknown link and a card that is gone get a calm answer, never an error", async () => {
    const anna = await registerViaBot(app, 5001);
    for (const payload of ["course-abc", "course-", "something", "lesson-12-13"]) {
      await anna.chat.send(`/start ${payload}`);
      expect(anna.chat.lastText(), payload).toBe("Эта ссылка неполная или устарела, открыть по ней нечего. Выберите раздел в меню внизу 👇");
    }
    await anna.chat.send("/start course-999999");
    expect(anna.chat.lastText()).toBe("Курс не найден: возможно, его удалили.");
    await anna.chat.send("/start lesson-999999");
    expect(anna.chat.lastText()).toBe("Этот урок не найден — возможно, его удалили.");
    await anna.chat.send("/start meeting-999999");
    expect(anna.chat.lastText()).toBe("Этой встречи больше нет.");
    // plain /start is still the greeting
    await anna.chat.send("/start");
    expect(anna.chat.lastText()).toContain("С возвращением");
  });

  it("another district's course is refused, not shown; its own district's teacher sees it", async () => {
    const { north, south } = await loadTwoDistricts(app);
    const northM = await registerDistrictMethodist(app, 8100, north);
    const course = await makeCourse(app, northM.userId, { title: "Курс Северного района" });
    expect(course.districtId).toBe(north.id);
    const southT = await registerViaBot(app, 5101, { school: south.schoolName });
    await southT.chat.send(`/start course-${course.id}`);
    expect(southT.chat.lastText()).toBe("Этот курс — для педагогов другого района: открыть его и записаться на него нельзя.");
    expect(southT.chat.lastText()).not.toContain("Курс Северного района");
    const northT = await registerViaBot(app, 5102, { school: north.schoolName });
    await northT.chat.send(`/start course-${course.id}`);
    expect(northT.chat.lastText()).toContain("Курс Северного района");
  });
});

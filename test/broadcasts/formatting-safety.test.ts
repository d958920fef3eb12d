// Teachers' text (names, topics, titles) shown to other people never breaks or injects formatting:
// every HTML message carries it escaped exactly once, buttons (plain text) carry it as written.
// Registration refuses such a name, so it is put in the database directly: the screens must hold anyway
// (a name can come from elsewhere: an import, an older version of the rules).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emptyAudience } from "../../src/domain/broadcasts/index.js";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { insertTeacher, registerMethodist, registerViaBot, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { makeCourse } from "../courses/helpers.js";
import { approvedLesson } from "../lessons/helpers.js";
import { insertMaterial } from "../materials/helpers.js";
import { publishMeeting } from "../meetings/helpers.js";
import { expectAllHtmlValid } from "./helpers.js";

const NAME = "<b>Ann</b> & Co";
const NAME_HTML = "&lt;b&gt;Ann&lt;/b&gt; &amp; Co";
const TOPIC = 'Дроби <i>и</i> доли & <a href="x">проценты';
const TOPIC_HTML = 'Дроби &lt;i&gt;и&lt;/i&gt; доли &amp; &lt;a href="x"&gt;проценты';
const TITLE = "Лист <u>1</u> & ответы";
const TITLE_HTML = "Лист &lt;u&gt;1&lt;/u&gt; &amp; ответы";

describe.each(providers)("teachers' text in other people's screens on %s", (provider) => {
  let app: TestApp;
  let m: Person;
  let ann: number;
  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
    m = await registerMethodist(app, 8500);
    ann = await insertTeacher(app, 8501);
    await app.db.prisma.user.update({ where: { id: ann }, data: { fullName: NAME } });
  });
  afterEach(() => closeTestApp(app));

  it("her name, topic and title stay text in the lesson card, the material card, the course participants and the meeting answers", async () => {
    const colleague = await registerViaBot(app, 8502, { name: "Коллегова Вера" });

    // her open lesson, as a colleague sees it
    await approvedLesson(app, ann, m.userId, { topic: TOPIC, method: "<script>alert(1)</script> & co" });
    await colleague.chat.send("🏫 Открытые уроки");
    expect(colleague.chat.buttons().some((b) => b.text.includes("Дроби <i>и</i> доли &"))).toBe(true);
    await colleague.chat.press(/Дроби <i>и<\/i>/);
    const lesson = colleague.chat.lastText();
    expect(lesson).toContain(`<b>${TOPIC_HTML}</b>`);
    expect(lesson).toContain(`Ведёт: ${NAME_HTML}`);
    await colleague.chat.press("Записаться");
    expect(colleague.chat.lastText()).toContain(`Ведёт: ${NAME_HTML}`);

    // her material, found by a colleague
    await insertMaterial(app, ann, { title: TITLE, description: "Описание с <b>тегами</b> & амперсандом, как есть." }, m.userId);
    await colleague.chat.send("📂 Материалы");
    await colleague.chat.press("Поиск");
    await colleague.chat.send("ответы");
    expect(colleague.chat.lastText()).toContain(TITLE_HTML);
    await colleague.chat.press(`1. ${TITLE}`);
    const material = colleague.chat.lastText();
    expect(material).toContain(`<b>${TITLE_HTML}</b>`);
    expect(material).toContain(`Автор: ${NAME_HTML}`);
    expect(material).toContain("Описание с &lt;b&gt;тегами&lt;/b&gt; &amp; амперсандом, как есть.");

    // the participants of a course she signed up for, as the methodist sees them
    const course = await makeCourse(app, m.userId, { title: "Курс <b>ПК</b> & Co" });
    await app.services.courses.signUp(ann, course.id);
    await m.chat.send("/courses_admin");
    await m.chat.press("Курс <b>ПК</b> & Co");
    expect(m.chat.lastText()).toContain("Курс &lt;b&gt;ПК&lt;/b&gt; &amp; Co");
    await m.chat.press("👥 Участники");
    expect(m.chat.lastText()).toContain(`1. ${NAME_HTML}, МБОУ «СОШ № 1»`);
    // after the start the mark buttons carry her name as written
    app.clock.set("2026-12-12T10:00:00Z");
    await m.chat.press("👥 Участники");
    expect(m.chat.buttons().map((b) => b.text)).toContain(`✅ ${NAME}`);
    app.clock.set("2026-11-23T09:00:00Z");

    // her answer to a meeting, as the methodist sees the answers
    await publishMeeting(app, m.userId, { title: "Семинар <b>РМО</b> & Co" });
    await deliverAll(app);
    await app.user(8501).press("Приду");
    await m.chat.send("/meetings_admin");
    await m.chat.press(/Семинар <b>РМО<\/b> & Co/);
    expect(m.chat.lastText()).toContain("Семинар &lt;b&gt;РМО&lt;/b&gt; &amp; Co");
    await m.chat.press("Ответы");
    expect(m.chat.lastText()).toContain(`✅ ${NAME_HTML}`);

    // her (unvalidated) name as the author of a broadcast in /broadcasts
    await app.db.prisma.user.update({ where: { id: m.userId }, data: { fullName: NAME } });
    const { id } = await app.services.broadcasts.saveDraft(
      { id: m.userId, role: "methodist" },
      { text: "<b>как есть</b> &", entities: [], attachment: null, audience: emptyAudience(), urgent: false },
    );
    await app.services.broadcasts.confirm(id, { id: m.userId, role: "methodist" });
    await m.chat.send("/broadcasts");
    expect(m.chat.lastText()).toContain(`${NAME_HTML}: «&lt;b&gt;как есть&lt;/b&gt; &amp;»`);

    // and the notices the outbox sent meanwhile (approval, sign-up, invitation ...) are valid HTML too
    await deliverAll(app);
    expect(expectAllHtmlValid(app)).toBeGreaterThan(20);
  });
});

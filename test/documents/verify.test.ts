// Checking a certificate as a commission member does: scanning the QR code (the bot's deep link, or the
// site's page), /verify with the number, or the number alone. A genuine one says to whom and for what;
// a forged or mistyped number fails; a removed material, a withdrawn attendance mark and an erased
// holder are said so.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatNumber, newCertificateNumber } from "../../src/domain/documents/number.js";
import { createVerifyPage } from "../../src/web/verify/page.js";
import { providers } from "../helpers/databases.js";
import { registerMethodist, registerViaBot, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { insertMaterial } from "../materials/helpers.js";
import { publishMeeting } from "../meetings/helpers.js";

describe.each(providers)("checking certificates on %s", (provider) => {
  let app: TestApp;
  let nina: Person;
  let methodist: Person;
  let materialId: number;
  /** the genuine certificate's number, formatted */
  let number: string;
  beforeEach(async () => {
    app = await createTestApp(provider);
    nina = await registerViaBot(app, 7401, { name: "Орлова Нина Павловна" });
    methodist = await registerMethodist(app, 7402, "Сидорова Елена Викторовна");
    materialId = await insertMaterial(app, nina.userId, { title: "Карточки <по> дробям & делению" }, methodist.userId);
    number = (await app.services.documents.certificate((await app.services.users.byId(nina.userId))!, "material", materialId)).number;
  });
  afterEach(() => closeTestApp(app));

  const stored = async () => ({ users: await app.db.prisma.user.count(), sessions: await app.db.prisma.session.count() });

  it("a stranger scanning the QR code (the bot's deep link), sending /verify or the number alone learns that it is genuine, to whom and for what; nothing is stored about her", async () => {
    const before = await stored();
    const stranger = app.user(7450, { language_code: "ru" });
    await stranger.send(`/start verify-${number}`);
    const answer = stranger.lastText();
    expect(answer).toContain(`✅ <b>Свидетельство № ${number} подлинное.</b>`);
    expect(answer).toContain("Свидетельство о публикации методического материала, выдано 23.11.2026: Информационно-методический центр.");
    expect(answer).toContain(
      "<b>Орлова Нина Павловна</b> (МБОУ «СОШ № 1») является автором методического материала «Карточки &lt;по&gt; дробям &amp; делению» (рабочий лист; математика, 5 класс), опубликованного 23 ноября 2026 г.",
    );
    expect(answer).toContain("Материал проверен и одобрен методистом: Сидорова Елена Викторовна.");
    // she did not start registering
    expect(answer).not.toContain("Выберите язык");

    await stranger.send(`/verify ${number.toLowerCase().replace(/-/g, " ")}`);
    expect(stranger.lastText()).toBe(answer);
    await stranger.send(number);
    expect(stranger.lastText()).toBe(answer);
    expect(await stored()).toEqual(before);

    const english = app.user(7451, { language_code: "en" });
    await english.send(`/verify ${number}`);
    expect(english.lastText()).toContain(`✅ <b>Certificate No. ${number} is genuine.</b>`);
    expect(english.lastText()).toContain("<b>Орлова Нина Павловна</b> (МБОУ «СОШ № 1») is the author of the teaching material");

    // a registered teacher checks one too (and is not sent to the menu)
    await nina.chat.send(`/start verify-${number}`);
    expect(nina.chat.lastText()).toBe(answer);
  });

  it("a forged number fails, a mistyped one is said to be no number, /verify alone asks for one", async () => {
    const stranger = app.user(7460);
    let forged = newCertificateNumber();
    while (formatNumber(forged) === number) forged = newCertificateNumber();
    await stranger.send(`/verify ${formatNumber(forged)}`);
    expect(stranger.lastText()).toContain(`❌ <b>Свидетельство № ${formatNumber(forged)} не найдено.</b>`);
    expect(stranger.lastText()).toContain("не подлинный");
    expect(stranger.lastText()).not.toContain("Орлова");

    // one symbol changed: the check symbol no longer matches
    const typo = number.slice(0, 2) + (number[2] === "7" ? "8" : "7") + number.slice(3);
    await stranger.send(`/verify ${typo}`);
    expect(stranger.lastText()).toContain(`❌ «${typo}» — не номер свидетельства сети`);
    await stranger.send("/verify <b>нет</b>");
    expect(stranger.lastText()).toContain("«&lt;b&gt;нет&lt;/b&gt;» — не номер");
    await stranger.send("/verify");
    expect(stranger.lastText()).toContain("Пришлите номер с документа");
    await stranger.send(`/start verify-${formatNumber(forged)}`);
    expect(stranger.lastText()).toContain("не найдено");
  });

  it("a certificate whose material was removed says so; one whose attendance mark was taken back says so; one whose holder erased her data is withdrawn", async () => {
    const stranger = app.user(7470);
    await app.services.materials.remove(materialId, nina.userId);
    await stranger.send(`/verify ${number}`);
    expect(stranger.lastText()).toContain("подлинное");
    expect(stranger.lastText()).toContain("⚠️ Материал с тех пор удалён из банка материалов.");

    const meeting = await publishMeeting(app, methodist.userId);
    app.clock.set("2026-11-26T14:00:00Z");
    const me = (await app.services.users.byId(methodist.userId))!;
    await app.services.meetings.markAttendance(me, meeting.id, nina.userId, true);
    const participation = await app.services.documents.certificate((await app.services.users.byId(nina.userId))!, "meeting", meeting.id);
    await stranger.send(`/verify ${participation.number}`);
    expect(stranger.lastText()).toContain("является участником заседания районного методического объединения");
    expect(stranger.lastText()).not.toContain("⚠️");
    await app.services.meetings.markAttendance(me, meeting.id, nina.userId, false);
    await stranger.send(`/verify ${participation.number}`);
    expect(stranger.lastText()).toContain("⚠️ Отметку об участии методист с тех пор снял.");

    // 152-ФЗ: erased, she is named nowhere; the number says the certificate was withdrawn
    await nina.chat.send("/deleteme");
    await nina.chat.press("Да, удалить всё");
    for (const n of [number, participation.number]) {
      await stranger.send(`/verify ${n}`);
      expect(stranger.lastText()).toContain(`⚠️ <b>Свидетельство № ${n} отозвано.</b>`);
      expect(stranger.lastText()).not.toContain("Орлова");
    }
    const rows = await app.db.prisma.certificate.findMany();
    expect(rows.map((r) => [r.holderId, r.holderName, r.title, r.schoolName])).toEqual([
      [null, "", "", null],
      [null, "", "", null],
    ]);
    expect(JSON.stringify(rows)).not.toContain("Орлова");
  });

  it("the site's check page: the same answer as a page, in Russian or English, 404 for a number never issued, nothing cached or indexed", async () => {
    const page = createVerifyPage({
      documents: app.services.documents,
      messages: app.messages,
      zone: app.config.TIMEZONE,
      defaultLocale: "ru",
      issuer: { ru: "ИМЦ Северного района", en: "Northern District Methodological Centre" },
    });
    const get = (path: string, headers: Record<string, string> = {}) => page(new Request(`https://metod.example.org${path}`, { headers }));

    const ok = await get(`/verify/${number}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(ok.headers.get("x-robots-tag")).toContain("noindex");
    expect(ok.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await ok.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain("ИМЦ Северного района");
    expect(html).toContain(`✅ <b>Свидетельство № ${number} подлинное.</b>`);
    expect(html).toContain("<b>Орлова Нина Павловна</b> (МБОУ «СОШ № 1») является автором методического материала «Карточки &lt;по&gt; дробям &amp; делению»");
    expect(html).not.toContain("<по>");
    expect(html).not.toMatch(/<script|https?:\/\/(?!metod\.example\.org)[a-z]/i);

    // the form's answer, in the browser's language
    const en = await get(`/verify?number=${encodeURIComponent(number.toLowerCase())}`, { "accept-language": "en-GB,en;q=0.9,ru;q=0.5" });
    const enHtml = await en.text();
    expect(en.status).toBe(200);
    expect(enHtml).toContain('<html lang="en">');
    expect(enHtml).toContain(`Certificate No. ${number} is genuine.`);
    expect(enHtml).toContain("Northern District Methodological Centre");
    expect(await (await get(`/verify/${number}?lang=en`)).text()).toContain("is genuine");

    const forged = await get("/verify/AAAA-BBBB-CCCC");
    expect([forged.status, await forged.text()]).toEqual([404, expect.stringContaining("не номер свидетельства")]);
    let unknown = newCertificateNumber();
    while (formatNumber(unknown) === number) unknown = newCertificateNumber();
    const missing = await get(`/verify/${formatNumber(unknown)}`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("не найдено");

    const form = await get("/verify");
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('<form method="get" action="/verify">');
    expect(formHtml).not.toContain('class="answer"');
    expect(await get(`/verify/"><script>alert(1)</script>`).then((r) => r.text())).not.toContain("<script>");
    expect((await page(new Request(`https://metod.example.org/verify/${number}`, { method: "POST" }))).status).toBe(405);
  });
});

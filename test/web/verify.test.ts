// The public certificate check mounted in the site: the QR code on a certificate points at
// <PUBLIC_URL>/verify/<number>. Through the real HTTP server, as a stranger (no session): a genuine number
// says to whom and for what, a forged one is not found, a removed material is said so; the page keeps its
// own strict headers (no script, nothing cached or indexed). Both databases.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatNumber, newCertificateNumber } from "../../src/domain/documents/number.js";
import { providers } from "../helpers/databases.js";
import { registerMethodist, registerViaBot, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { serveSite, type Site, signedIn, WebClient } from "../helpers/web.js";
import { insertMaterial } from "../materials/helpers.js";

describe.each(providers)("the certificate check on the site on %s", (provider) => {
  let app: TestApp;
  let site: Site;
  let nina: Person;
  let materialId: number;
  let number: string;
  beforeEach(async () => {
    app = await createTestApp(provider, { env: { ISSUER_NAME: "ИМЦ Северного района", ISSUER_NAME_EN: "Northern District Methodological Centre" } });
    site = await serveSite(app);
    nina = await registerViaBot(app, 7401, { name: "Орлова Нина Павловна" });
    const methodist = await registerMethodist(app, 7402, "Сидорова Елена Викторовна");
    materialId = await insertMaterial(app, nina.userId, { title: "Карточки <по> дробям" }, methodist.userId);
    number = (await app.services.documents.certificate((await app.services.users.byId(nina.userId))!, "material", materialId)).number;
  });
  afterEach(async () => {
    await site.close();
    await closeTestApp(app);
  });

  it("a genuine number: who, for what, issued by whom; in English on asking; the page's own strict headers; nothing stored", async () => {
    const stranger = new WebClient(site);
    const sessions = await app.db.prisma.webSession.count();
    const res = await stranger.get(`/verify/${number}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-robots-tag")).toContain("noindex");
    // its own policy, not the site's (which would refuse its inline style)
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res.text).toContain("ИМЦ Северного района");
    expect(res.text).toContain(`✅ <b>Свидетельство № ${number} подлинное.</b>`);
    expect(res.text).toContain("<b>Орлова Нина Павловна</b>");
    expect(res.text).toContain("Карточки &lt;по&gt; дробям");
    expect(res.text).not.toMatch(/<script/i);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await app.db.prisma.webSession.count()).toBe(sessions);

    const en = await stranger.get(`/verify/${number.toLowerCase()}?lang=en`);
    expect(en.status).toBe(200);
    expect(en.text).toContain(`Certificate No. ${number} is genuine.`);
    expect(en.text).toContain("Northern District Methodological Centre");
    // the form's answer
    const form = await stranger.get(`/verify?number=${encodeURIComponent(number)}`);
    expect(form.text).toContain(`Свидетельство № ${number} подлинное.`);
    // a signed-in person sees the same page
    const signed = await signedIn(app, site, nina.userId);
    expect((await signed.get(`/verify/${number}`)).text).toContain(`Свидетельство № ${number} подлинное.`);
  });

  it("a forged number is not found and names nobody; a mistyped one is not a number", async () => {
    const stranger = new WebClient(site);
    let forged = formatNumber(newCertificateNumber());
    while (forged === number) forged = formatNumber(newCertificateNumber());
    const res = await stranger.get(`/verify/${forged}`);
    expect(res.status).toBe(404);
    expect(res.text).toContain(`Свидетельство № ${forged} не найдено.`);
    expect(res.text).not.toContain("Орлова");
    const typo = number.slice(0, 2) + (number[2] === "7" ? "8" : "7") + number.slice(3);
    const mistyped = await stranger.get(`/verify/${typo}`);
    expect(mistyped.status).toBe(404);
    expect(mistyped.text).toContain("не номер свидетельства");
    expect(mistyped.text).not.toContain("Орлова");
  });

  it("a certificate whose material was removed is still genuine and says the material is gone", async () => {
    await app.services.materials.remove(materialId, nina.userId);
    const res = await new WebClient(site).get(`/verify/${number}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain("подлинное");
    expect(res.text).toContain("⚠️ Материал с тех пор удалён из банка материалов.");
  });
});

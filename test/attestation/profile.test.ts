// Attestation in the teacher's profile: the category (buttons) and the day it expires (typed, validated),
// shown on the card; one reminder 3 months before that day, re-scheduled when it changes, dropped when
// it is cleared or she erases her data.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseAttestationUntil } from "../../src/domain/attestation/validate.js";
import { providers } from "../helpers/databases.js";
import { deliverAll, receivedTexts } from "../helpers/delivery.js";
import { insertTeacher, registerViaBot, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";

const ZONE = "Europe/Moscow";
const NOW = new Date("2026-11-23T09:00:00Z");

describe("parseAttestationUntil", () => {
  const parse = (s: string) => parseAttestationUntil(s, ZONE, NOW).toISOString();
  it("takes a day or a month (its last day), as the start of that day in the zone", () => {
    expect(parse("15.05.2028")).toBe("2028-05-14T21:00:00.000Z");
    expect(parse("15.05.28")).toBe("2028-05-14T21:00:00.000Z");
    expect(parse("05.2028")).toBe("2028-05-30T21:00:00.000Z");
    expect(parse("2.2028")).toBe("2028-02-28T21:00:00.000Z"); // a leap year
    expect(parse("01.03.2020")).toBe("2020-02-29T21:00:00.000Z"); // an expired category is a fact
    expect(parse("23.11.2031")).toBe("2031-11-22T21:00:00.000Z"); // exactly 5 years ahead
  });
  it("refuses what is not such a date, days that do not exist, and more than 5 years ahead", () => {
    const code = (s: string) => {
      try {
        parseAttestationUntil(s, ZONE, NOW);
        return "ok";
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    expect(code("завтра")).toBe("attestation-date-format");
    expect(code("15.05")).toBe("attestation-date-format"); // the year is needed
    expect(code("31.02.2028")).toBe("attestation-date-invalid");
    expect(code("13.2028")).toBe("attestation-date-invalid");
    expect(code("24.11.2031")).toBe("attestation-date-too-far");
    expect(code("12.2031")).toBe("attestation-date-too-far");
  });
});

describe.each(providers)("attestation in the profile on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  const stored = async (userId: number) => {
    const u = await app.db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    return { category: u.attestationCategory, until: u.attestationUntil?.toISOString() ?? null };
  };
  const task = (userId: number) => app.db.prisma.scheduledTask.findUnique({ where: { dedupeKey: `attestation:${userId}:remind` } });

  async function setVia(p: Person, category: string, date?: string) {
    await p.chat.send("/profile");
    await p.chat.press("🎓 Аттестация");
    await p.chat.press(category);
    if (date) await p.chat.send(date);
  }

  it("the card says 'не указана' until she tells; a category with a day, then with a month", async () => {
    const p = await registerViaBot(app, 6001);
    await p.chat.send("/profile");
    expect(p.chat.lastText()).toContain("🎓 Аттестация: не указана");

    await p.chat.press("🎓 Аттестация");
    expect(p.chat.lastText()).toBe("🎓 Какая у вас квалификационная категория?");
    expect(p.chat.buttons().map((b) => b.text)).toEqual(["без категории", "соответствие занимаемой должности", "первая категория", "высшая категория"]);
    await p.chat.press("первая категория");
    expect(p.chat.lastText()).toContain("До какой даты действует категория?");
    await p.chat.send("15.05.2028");
    expect(p.chat.lastText()).toContain("✅ Сохранено: первая категория, до 15.05.2028.");
    expect(await stored(p.userId)).toEqual({ category: "first", until: "2028-05-14T21:00:00.000Z" });
    await p.chat.send("/profile");
    expect(p.chat.lastText()).toContain("🎓 Аттестация: первая категория, до 15.05.2028");
    // the reminder: 3 months before, at 10:00 Moscow time
    expect((await task(p.userId))!.dueAt.toISOString()).toBe("2028-02-15T07:00:00.000Z");

    await setVia(p, "высшая категория", "02.2028");
    expect(p.chat.lastText()).toContain("✅ Сохранено: высшая категория, до 29.02.2028.");
    expect(await stored(p.userId)).toEqual({ category: "highest", until: "2028-02-28T21:00:00.000Z" });
    await p.chat.send("/profile");
    expect(p.chat.lastText()).toContain("🎓 Аттестация: высшая категория, до 29.02.2028");
  });

  it("a wrong date is explained and asked again; text at the buttons gets a nudge; /cancel changes nothing", async () => {
    const p = await registerViaBot(app, 6002);
    await setVia(p, "первая категория", "15.05.2028");

    await p.chat.send("/profile");
    await p.chat.press("🎓 Аттестация");
    await p.chat.send("высшая");
    expect(p.chat.lastText()).toContain("Пожалуйста, нажмите одну из кнопок выше");
    await p.chat.press("соответствие занимаемой должности");
    await p.chat.send("в мае");
    expect(p.chat.lastText()).toContain("Не понял дату");
    expect(p.chat.lastText()).toContain("До какой даты действует категория?");
    await p.chat.send("31.02.2028");
    expect(p.chat.lastText()).toContain("Такой даты не бывает");
    await p.chat.send("15.05.2032");
    expect(p.chat.lastText()).toContain("дата не может быть позже 23.11.2031");
    expect(p.chat.lastText()).toContain("До какой даты действует категория?");
    await p.chat.send("/cancel");
    expect(p.chat.lastText()).toContain("Действие отменено");
    expect(await stored(p.userId)).toEqual({ category: "first", until: "2028-05-14T21:00:00.000Z" });
    expect((await task(p.userId))!.status).toBe("pending");

    // /cancel at the buttons too
    await p.chat.send("/profile");
    await p.chat.press("🎓 Аттестация");
    await p.chat.send("/cancel");
    expect(await stored(p.userId)).toEqual({ category: "first", until: "2028-05-14T21:00:00.000Z" });
    expect(await app.db.prisma.conversationState.count()).toBe(0);
  });

  it("'без категории' clears the day and drops the reminder; an expired day is kept without a reminder", async () => {
    const p = await registerViaBot(app, 6003);
    await setVia(p, "первая категория", "15.05.2028");
    await setVia(p, "без категории");
    expect(p.chat.lastText()).toContain("✅ Сохранено: без категории.");
    expect(await stored(p.userId)).toEqual({ category: "none", until: null });
    expect((await task(p.userId))!.status).toBe("cancelled");
    await p.chat.send("/profile");
    expect(p.chat.lastText()).toContain("🎓 Аттестация: без категории\n");

    await setVia(p, "первая категория", "01.09.2026");
    expect(await stored(p.userId)).toEqual({ category: "first", until: "2026-08-31T21:00:00.000Z" });
    expect((await task(p.userId))!.status).toBe("cancelled");
    await p.chat.send("/profile");
    expect(p.chat.lastText()).toContain("🎓 Аттестация: первая категория, до 01.09.2026");
  });

  it("reminds once, 3 months before, in her language", async () => {
    const p = await registerViaBot(app, 6004);
    await setVia(p, "первая категория", "15.05.2028");
    app.clock.set("2028-02-15T06:59:00Z");
    expect(await app.scheduler.tick()).toBe(0);
    app.clock.set("2028-02-15T07:00:00Z");
    expect(await app.scheduler.tick()).toBe(1);
    await deliverAll(app);
    const reminders = receivedTexts(app, 6004).filter((t) => t.includes("Срок аттестации"));
    expect(reminders).toEqual([
      "🎓 <b>Срок аттестации</b>\nВаша первая квалификационная категория действует до 15 мая 2028. Пора подать заявление на аттестацию, чтобы не остаться без категории.",
    ]);
    app.clock.set("2028-03-15T07:00:00Z");
    expect(await app.scheduler.tick()).toBe(0);
    await deliverAll(app);
    expect(receivedTexts(app, 6004).filter((t) => t.includes("Срок аттестации"))).toHaveLength(1);

    app.clock.set("2026-11-23T09:00:00Z");
    const en = await insertTeacher(app, 6005, { language: "en" });
    await app.services.attestation.set(en, "highest", app.services.attestation.parseUntil("05.2028"));
    app.clock.set("2028-02-29T07:00:00Z"); // 31 May minus 3 months is the last day of February
    expect(await app.scheduler.tick()).toBe(1);
    await deliverAll(app);
    expect(receivedTexts(app, 6005)).toEqual([
      "🎓 <b>Certification is due</b>\nYour highest qualification category is valid until 31 May 2028. Time to apply for certification, so as not to be left without a category.",
    ]);

    // fitness for the post is attested by the school, not applied for
    app.clock.set("2026-11-23T09:00:00Z");
    const fit = await insertTeacher(app, 6007);
    await app.services.attestation.set(fit, "compliance", app.services.attestation.parseUntil("10.04.2028"));
    app.clock.set("2028-01-10T07:00:00Z");
    expect(await app.scheduler.tick()).toBe(1);
    await deliverAll(app);
    expect(receivedTexts(app, 6007)).toEqual([
      "🎓 <b>Срок аттестации</b>\nВаша аттестация на соответствие занимаемой должности действует до 10 апреля 2028. Аттестацию на соответствие проводит школа: уточните у администрации, когда она назначена.",
    ]);
  });

  it("a changed day re-schedules the reminder; a cleared one drops it; a day already near sets none", async () => {
    const p = await registerViaBot(app, 6006);
    await setVia(p, "первая категория", "15.05.2028");
    await setVia(p, "первая категория", "30.06.2028");
    expect((await task(p.userId))!.dueAt.toISOString()).toBe("2028-03-30T07:00:00.000Z");
    app.clock.set("2028-02-15T08:00:00Z");
    expect(await app.scheduler.tick()).toBe(0);
    app.clock.set("2028-03-30T07:00:00Z");
    expect(await app.scheduler.tick()).toBe(1);
    await deliverAll(app);
    expect(receivedTexts(app, 6006).filter((t) => t.includes("Срок аттестации"))).toEqual([expect.stringContaining("действует до 30 июня 2028")]);

    app.clock.set("2026-11-23T09:00:00Z");
    const q = await registerViaBot(app, 6007);
    await setVia(q, "высшая категория", "15.05.2028");
    await setVia(q, "без категории");
    app.clock.set("2028-02-15T07:00:00Z");
    expect(await app.scheduler.tick()).toBe(0);

    // within 3 months when she tells: no reminder (she knows)
    app.clock.set("2026-11-23T09:00:00Z");
    const r = await registerViaBot(app, 6008);
    await setVia(r, "первая категория", "01.2027");
    expect(await stored(r.userId)).toEqual({ category: "first", until: "2027-01-30T21:00:00.000Z" });
    expect(await task(r.userId)).toBeNull();
    await deliverAll(app);
    expect(receivedTexts(app, 6007).filter((t) => t.includes("Срок аттестации"))).toEqual([]);
  });

  it("/deleteme erases the attestation with the row and drops the reminder", async () => {
    const p = await registerViaBot(app, 6009);
    await setVia(p, "первая категория", "15.05.2028");
    await p.chat.send("/deleteme");
    await p.chat.press("Да, удалить всё");
    expect(await app.db.prisma.user.count()).toBe(0);
    expect((await task(p.userId))!.status).toBe("cancelled");
    app.clock.set("2028-02-15T07:00:00Z");
    expect(await app.scheduler.tick()).toBe(0);
  });
});

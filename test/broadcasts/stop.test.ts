// Stopping a running broadcast: who may (the author and admins), and what "the rest is cancelled" means
// for messages the sender has already claimed or is sending at that very moment.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { broadcastData } from "../../src/bot/features/broadcasts/callbacks.js";
import { emptyAudience } from "../../src/domain/broadcasts/index.js";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { registerAdmin, registerMethodist, type Person } from "../helpers/flows.js";
import type { TestApp } from "../helpers/test-app.js";
import { districtApp, expectAllHtmlValid, type District } from "./helpers.js";

const TEACHERS = [8001, 8002, 8003, 8004];

describe.each(providers)("stopping broadcasts on %s", (provider) => {
  let app: TestApp;
  let d: District;
  let m: Person;
  beforeEach(async () => {
    ({ app, d } = await districtApp(provider));
    m = d.methodist;
  });
  afterEach(async () => {
    app.tg.onCall = null;
    expect(app.missing).toEqual([]);
    expectAllHtmlValid(app);
    await app.destroy();
  });

  const received = (chatId: number, text: string) =>
    app.tg.calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId && c.payload.text === text && !c.payload.__failed);
  const attempts = (chatId: number, text: string) =>
    app.tg.calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId && c.payload.text === text);

  /** The methodist's urgent broadcast to the four teachers, confirmed through the bot; returns its id. */
  async function launchToTeachers(text: string): Promise<number> {
    const staff = { id: m.userId, role: "methodist" as const };
    const { id } = await app.services.broadcasts.saveDraft(staff, {
      text,
      entities: [],
      attachment: null,
      audience: { ...emptyAudience(), roles: ["teacher"] },
      urgent: true,
    });
    await m.chat.pressData(broadcastData.pack({ action: "confirm", id }));
    expect(m.chat.lastText()).toContain("В очереди: 4");
    return id;
  }

  /** Presses Stop (in the report) while the first teacher's copy is on its way; `then` decides Telegram's answer. */
  function stopWhileSendingTo(chatId: number, text: string, then: () => unknown) {
    app.tg.onCall = async (method, payload) => {
      if (method !== "sendMessage" || Number(payload.chat_id) !== chatId || payload.text !== text) return;
      app.tg.onCall = null;
      await m.chat.press("Остановить рассылку");
      await then();
    };
  }

  it("stopped while the sender holds the messages: the claimed ones are not sent, the one Telegram refused with 429 is not retried", async () => {
    const id = await launchToTeachers("Срочно: отмена семинара");
    stopWhileSendingTo(8001, "Срочно: отмена семинара", () =>
      app.tg.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }),
    );
    await app.sender.runUntilIdle();
    expect(m.chat.toasts().at(-1)).toContain("Рассылка остановлена");
    // it went out to nobody: the 429 did not put it back in the queue, the other three were skipped
    expect(attempts(8001, "Срочно: отмена семинара")).toHaveLength(1);
    for (const chat of [8002, 8003, 8004]) expect(attempts(chat, "Срочно: отмена семинара"), `chat ${chat}`).toEqual([]);
    const rows = await app.db.prisma.outboxMessage.findMany({ where: { groupId: `broadcast-${id}` } });
    expect(rows.map((r) => [r.status, r.claimedUntil])).toEqual(TEACHERS.map(() => ["cancelled", null]));

    // time passes, retries would be due: still nothing
    app.clock.advance(60_000);
    await deliverAll(app);
    for (const chat of TEACHERS) expect(received(chat, "Срочно: отмена семинара"), `chat ${chat}`).toEqual([]);
    await app.scheduler.tick();
    await deliverAll(app);
    const report = m.chat.messages().find((x) => x.text.includes(`Рассылка №\u00a0${id}</b>`))!;
    expect(report.text).toContain("остановлена");
    expect(report.text).toContain("✅ Доставлено: 0");
    expect(report.text).toContain("✖️ Отменено: 4");
    expect(report.text).toContain("⏳ В очереди: 0");
    expect(m.chat.textsSince(0).filter((t) => t.includes(`Рассылка №\u00a0${id} остановлена.`))).toHaveLength(1);
    expect(m.chat.lastText()).toContain("Доставлено 0 из 4, отменено 4");
  });

  it("a copy Telegram accepts at the moment of the stop counts as delivered; the report waits for its answer", async () => {
    const id = await launchToTeachers("Срочно: перенос");
    let duringStop: unknown;
    let reportDuringStop = "";
    let sentByTwin = -1;
    const twin = await app.twin();
    // what the counts and the report say while that copy is still on its way (the other three are claimed)
    stopWhileSendingTo(8001, "Срочно: перенос", async () => {
      duringStop = await app.services.outbox.groupStatus(`broadcast-${id}`);
      reportDuringStop = m.chat.messages().find((x) => x.text.includes(`Рассылка №\u00a0${id}</b>`))!.text;
      // meanwhile a second process does not send her anything else: her chat still has a message in flight
      await app.services.outbox.notify([{ userId: d.t1, key: "cancelled", dedupeKey: "during-stop" }]);
      sentByTwin = await twin.sender.runUntilIdle();
    });
    try {
      await app.sender.runUntilIdle();
    } finally {
      await twin.close();
    }
    expect(sentByTwin).toBe(0);
    expect(duringStop).toMatchObject({ sending: 4, cancelled: 0, sent: 0 });
    expect(reportDuringStop).toContain("остановлена");
    expect(reportDuringStop).toContain("⏳ В очереди: 4");
    expect(received(8001, "Срочно: перенос")).toHaveLength(1);
    for (const chat of [8002, 8003, 8004]) expect(attempts(chat, "Срочно: перенос"), `chat ${chat}`).toEqual([]);
    expect(await app.services.outbox.groupStatus(`broadcast-${id}`)).toMatchObject({ sent: 1, cancelled: 3, sending: 0, queued: 0 });

    app.clock.advance(10_000);
    await app.scheduler.tick();
    await deliverAll(app);
    const report = m.chat.messages().find((x) => x.text.includes(`Рассылка №\u00a0${id}</b>`))!;
    expect(report.text).toContain("✅ Доставлено: 1");
    expect(report.text).toContain("✖️ Отменено: 3");
    expect(m.chat.lastText()).toContain("Доставлено 1 из 4, отменено 3");
    expect(await app.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "stopped" });
  });

  it("only the author or an admin stops it; a colleague can neither stop it nor confirm or drop her drafts", async () => {
    const colleague = await registerMethodist(app, 8020, "Коллегова Ирина Петровна");
    const admin = await registerAdmin(app);
    const draft = await app.services.broadcasts.saveDraft(
      { id: m.userId, role: "methodist" },
      { text: "Черновик", entities: [], attachment: null, audience: emptyAudience(), urgent: false },
    );
    const id = await launchToTeachers("Про олимпиаду");

    // the colleague: a crafted Stop, Confirm and Cancel are all refused, nothing changes
    await colleague.chat.pressData(broadcastData.pack({ action: "stop", id }));
    expect(colleague.chat.toasts().at(-1)).toContain("только её автор или администратор");
    await colleague.chat.pressData(broadcastData.pack({ action: "confirm", id: draft.id }));
    expect(colleague.chat.toasts().at(-1)).toContain("Рассылка не найдена");
    await colleague.chat.pressData(broadcastData.pack({ action: "cancel", id: draft.id }));
    expect(colleague.chat.toasts().at(-1)).toContain("Рассылка не найдена");
    expect(colleague.chat.lastText()).not.toContain("Рассылка отменена");
    expect(await app.db.prisma.broadcast.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "draft" });
    expect(await app.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "sending" });
    // her list shows the broadcast but offers no Stop
    await colleague.chat.send("/broadcasts");
    expect(colleague.chat.lastText()).toContain(`№\u00a0${id}</b>`);
    expect(colleague.chat.buttons().map((b) => b.text)).toEqual([]);
    // the author's list offers it
    await m.chat.send("/broadcasts");
    expect(m.chat.buttons().map((b) => b.text)).toEqual([`⏹ Остановить рассылку №\u00a0${id}`]);

    // the admin stops it from the list: the list is shown again in place, the author's report says so
    await admin.chat.send("/broadcasts");
    const list = admin.chat.messages().at(-1)!;
    await admin.chat.press(`Остановить рассылку №\u00a0${id}`);
    expect(admin.chat.toasts().at(-1)).toContain("Не отправлено: 4");
    expect(admin.chat.messages().at(-1)!.message_id).toBe(list.message_id);
    expect(list.text).toContain("остановлена");
    expect(admin.chat.buttons()).toEqual([]);
    const report = m.chat.messages().find((x) => x.text.includes(`Рассылка №\u00a0${id}</b>`))!;
    expect(report.text).toContain("остановлена");
    expect(report.reply_markup).toBeUndefined();
    await deliverAll(app);
    for (const chat of TEACHERS) expect(received(chat, "Про олимпиаду"), `chat ${chat}`).toEqual([]);
    // the summary goes to the author, not to the admin
    expect(m.chat.textsSince(0).filter((t) => t.includes(`Рассылка №\u00a0${id} остановлена.`))).toHaveLength(1);
    expect(admin.chat.textsSince(0).filter((t) => t.includes(`Рассылка №\u00a0${id} остановлена.`))).toEqual([]);
    // the author's own Stop now finds it over
    await m.chat.pressData(broadcastData.pack({ action: "stop", id }));
    expect(m.chat.toasts().at(-1)).toContain("уже завершена или остановлена");
    // her draft is still hers to cancel
    await m.chat.pressData(broadcastData.pack({ action: "cancel", id: draft.id }));
    expect(m.chat.lastText()).toContain("Рассылка отменена");
    expect(await app.db.prisma.broadcast.count({ where: { id: draft.id } })).toBe(0);
  });
});

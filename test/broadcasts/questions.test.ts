// Composing a survey in /broadcast: the answer options (typed one per line; every wrong input explained
// and asked again), one answer or several, the preview with the very buttons recipients get, changing
// and removing the options, and what goes out.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { broadcastAnswerData } from "../../src/bot/features/broadcasts/callbacks.js";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import type { Person } from "../helpers/flows.js";
import { closeTestApp, type TestApp } from "../helpers/test-app.js";
import { districtApp, expectAllHtmlValid, type District } from "./helpers.js";
import { copyButtons, reportOf } from "./survey-helpers.js";

const QUESTION = "Пойдёте на семинар РМО 10 декабря?";

describe.each(providers)("composing a survey on %s", (provider) => {
  let app: TestApp;
  let d: District;
  let m: Person;
  beforeEach(async () => {
    ({ app, d } = await districtApp(provider));
    m = d.methodist;
  });
  afterEach(async () => {
    expectAllHtmlValid(app);
    await closeTestApp(app);
  });

  const lastCopy = (chatId: number) =>
    app.tg
      .callsOf("sendMessage")
      .filter((c) => Number(c.payload.chat_id) === chatId && c.payload.text === QUESTION)
      .at(-1)!;
  const labels = (payload: Record<string, any>) => (payload.reply_markup?.inline_keyboard ?? []).flat().map((b: { text: string }) => b.text);

  it("wrong options are explained and asked again; the preview shows the buttons; every copy carries them", async () => {
    await m.chat.send("/broadcast");
    await m.chat.send(QUESTION);
    expect(m.chat.buttons().map((b) => b.text)).toContain("📊 Варианты ответа (опрос)");
    expect(m.chat.lastText()).not.toContain("Опрос");
    await m.chat.press("Варианты ответа");
    const ask = m.chat.lastText();
    expect(ask).toContain("каждый с новой строки: от 2 до 8 вариантов, каждый не длиннее 60 символов");

    const wrong: [string, string][] = [
      ["Да", "Нужно от 2 до 8 вариантов, каждый с новой строки, а в сообщении 1."],
      [Array.from({ length: 9 }, (_, i) => `Вариант ${i + 1}`).join("\n"), "а в сообщении 9."],
      ["Да\n\nНет", "Вариант №\u00a02 пустой"],
      [`Да\n${"я".repeat(61)}`, "Вариант №\u00a02 слишком длинный: 61 символ, а на кнопке помещается не больше 60."],
      ["Да\nНет\n  да  ", "Вариант «да» повторяется."],
      ["Всё\nвсе", "Вариант «все» повторяется."],
    ];
    for (const [input, explanation] of wrong) {
      await m.chat.send(input);
      expect(m.chat.lastText(), input).toContain(explanation);
      // the question again, with its button
      expect(m.chat.lastText(), input).toContain("каждый с новой строки: от 2 до 8 вариантов");
      expect(m.chat.buttons().map((b) => b.text)).toEqual(["⬅️ Без вариантов ответа"]);
    }
    await m.chat.sendRaw({ sticker: { file_id: "st", file_unique_id: "st", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } });
    expect(m.chat.lastText()).toContain("Напишите варианты ответа текстом");
    expect(await app.db.prisma.broadcast.count()).toBe(0);

    // blank lines around the options and spaces around each are not her words
    await m.chat.send("\n  Да, приду \nНет,   не смогу\n😊 Пока не знаю\n");
    expect(m.chat.lastText()).toContain("Сколько вариантов может выбрать каждый?");
    expect(m.chat.buttons().map((b) => b.text)).toEqual(["🔘 Один", "☑️ Несколько"]);
    await m.chat.press("Один");
    expect(m.chat.lastText()).toContain("📊 <b>Опрос</b>: 3 варианта ответа кнопками под сообщением, выбрать можно один.");
    expect(m.chat.lastText()).toContain("Получателей: <b>4</b>");
    expect(m.chat.buttons().map((b) => b.text)).toContain("✅ 📊 Варианты ответа (опрос)");
    await m.chat.press("Далее");

    // the preview: the message as recipients get it, with the option buttons; the count as before
    const options = ["Да, приду", "Нет, не смогу", "😊 Пока не знаю"];
    expect(labels(lastCopy(8000).payload)).toEqual(options);
    expect(m.chat.lastText()).toContain("📊 <b>Опрос</b>: 3 варианта");
    expect(m.chat.lastText()).toContain("Получателей: <b>4</b>");
    expect(m.chat.buttons().map((b) => b.text)).toEqual(["✅ Отправить", "✏️ Изменить", "✖️ Отменить"]);
    // an option under the preview answers nothing; the flow waits for her decision
    const preview = m.chat.findButton("Нет, не смогу")!;
    await m.chat.pressData(preview.data, preview.message_id);
    expect(m.chat.toasts().at(-1)).toBe("Это предпросмотр: так педагоги будут выбирать ответ.");
    const b = await app.db.prisma.broadcast.findFirstOrThrow();
    expect(b).toMatchObject({ status: "draft", text: QUESTION, options: JSON.stringify(options), multipleChoice: false, recipientCount: 4 });

    await m.chat.press("Отправить");
    const report = reportOf(app, 8000, b.id);
    expect(report.text).toContain("📊 <b>Ответы</b>: 0 из 0 получивших");
    expect(report.text).toContain("1. Да, приду — 0 (0%)");
    expect(report.buttons).toEqual(["⏹ Остановить рассылку", "🔒 Закрыть опрос", "📊 Ответы (.xlsx)"]);
    await deliverAll(app);
    // every recipient (the methodist too: "everyone") gets the same buttons, each naming the broadcast and the option
    for (const chat of [8000, 8001, 8002, 8003]) {
      const copy = lastCopy(chat);
      expect(labels(copy.payload), `chat ${chat}`).toEqual(options);
      expect(copy.payload.reply_markup.inline_keyboard.flat().map((x: { callback_data: string }) => x.callback_data)).toEqual(
        [0, 1, 2].map((option) => broadcastAnswerData.pack({ id: b.id, option })),
      );
    }
    expect(app.tg.callsOf("sendMessage").filter((c) => c.payload.text === QUESTION && [8004, 8005].includes(Number(c.payload.chat_id)))).toEqual([]);
  });

  it("Edit → options: keep them and allow several, then remove them: a plain announcement again", async () => {
    await m.chat.send("/broadcast");
    await m.chat.send(QUESTION);
    await m.chat.press("Варианты ответа");
    await m.chat.send("Математика\nФизика\nИнформатика");
    await m.chat.press("Несколько");
    expect(m.chat.lastText()).toContain("можно отметить несколько");
    await m.chat.press("Далее");
    expect(labels(lastCopy(8000).payload)).toEqual(["☐ Математика", "☐ Физика", "☐ Информатика"]);

    await m.chat.press("Изменить");
    expect(m.chat.buttons().map((b) => b.text)).toEqual(["✏️ Текст", "👥 Получателей", "📊 Варианты ответа"]);
    await m.chat.press("📊 Варианты ответа");
    expect(m.chat.lastText()).toContain("Сейчас: Математика · Физика · Информатика");
    expect(m.chat.buttons().map((b) => b.text)).toEqual(["↩️ Оставить эти варианты", "🗑 Убрать варианты (обычное объявление)"]);
    await m.chat.press("Оставить эти варианты");
    // her current choice is marked
    expect(m.chat.buttons().map((b) => b.text)).toEqual(["🔘 Один", "✅ ☑️ Несколько"]);
    await m.chat.press("Один");
    // straight back to the preview
    expect(labels(lastCopy(8000).payload)).toEqual(["Математика", "Физика", "Информатика"]);
    expect(await app.db.prisma.broadcast.findFirstOrThrow()).toMatchObject({ multipleChoice: false, options: '["Математика","Физика","Информатика"]' });

    // new options replace the old ones
    await m.chat.press("Изменить");
    await m.chat.press("📊 Варианты ответа");
    await m.chat.send("Да\nНет");
    await m.chat.press("Несколько");
    expect(labels(lastCopy(8000).payload)).toEqual(["☐ Да", "☐ Нет"]);

    await m.chat.press("Изменить");
    await m.chat.press("📊 Варианты ответа");
    await m.chat.press("Убрать варианты");
    expect(m.chat.textsSince(m.chat.mark() - 4).join("\n")).toContain("Варианты ответа убраны — это снова обычное объявление.");
    expect(lastCopy(8000).payload.reply_markup).toBeUndefined();
    expect(m.chat.lastText()).not.toContain("Опрос");
    const b = await app.db.prisma.broadcast.findFirstOrThrow();
    expect(b).toMatchObject({ options: null, multipleChoice: false });
    await m.chat.press("Отправить");
    expect(reportOf(app, 8000, b.id).buttons).toEqual(["⏹ Остановить рассылку"]);
    await deliverAll(app);
    expect(copyButtons(app, 8001, QUESTION)).toEqual([]);
    expect(await app.db.prisma.outboxMessage.count({ where: { groupId: `broadcast-${b.id}`, replyMarkup: { not: null } } })).toBe(0);
  });

  it("a photo without a caption asks nothing: options are refused, and dropped when the text goes", async () => {
    await m.chat.send("/broadcast");
    await m.chat.sendRaw({ photo: [{ file_id: "poster", file_unique_id: "p", width: 900, height: 900 }] });
    await m.chat.press("Варианты ответа");
    expect(m.chat.textsSince(m.chat.mark() - 2).join("\n")).toContain("Для опроса нужен текст вопроса");
    expect(m.chat.lastText()).toContain("Кому отправить?");
    expect(m.chat.buttons().map((b) => b.text)).toContain("📊 Варианты ответа (опрос)");

    // a captioned photo may ask; its caption is the question and the buttons go under the photo
    await m.chat.send("/broadcast");
    await m.chat.sendRaw({ photo: [{ file_id: "poster", file_unique_id: "p", width: 900, height: 900 }], caption: "Придёте на выставку?" });
    await m.chat.press("Варианты ответа");
    await m.chat.send("Да\nНет");
    await m.chat.press("Один");
    await m.chat.press("Далее");
    const photo = app.tg.callsOf("sendPhoto").at(-1)!;
    expect(photo.payload.caption).toBe("Придёте на выставку?");
    expect(labels(photo.payload)).toEqual(["Да", "Нет"]);
    // the text changed to a photo alone: saving it as a survey is refused and explained, the panel comes back
    await m.chat.press("Изменить");
    await m.chat.press("Текст");
    await m.chat.sendRaw({ photo: [{ file_id: "poster2", file_unique_id: "p2", width: 900, height: 900 }] });
    expect(m.chat.textsSince(m.chat.mark() - 2).join("\n")).toContain("Для опроса нужен текст вопроса");
    expect(m.chat.lastText()).toContain("Кому отправить?");
    await m.chat.press("✅ 📊 Варианты ответа");
    expect(m.chat.textsSince(m.chat.mark() - 2).join("\n")).toContain("Варианты ответа убраны");
    await m.chat.press("Далее");
    expect(app.tg.callsOf("sendPhoto").at(-1)!.payload).toMatchObject({ photo: "poster2" });
    expect(app.tg.callsOf("sendPhoto").at(-1)!.payload.reply_markup).toBeUndefined();
    expect(await app.db.prisma.broadcast.findFirstOrThrow()).toMatchObject({ options: null, attachmentId: "poster2" });
  });

  it("in English", async () => {
    await app.db.prisma.user.update({ where: { id: m.userId }, data: { language: "en" } });
    await m.chat.send("/broadcast");
    await m.chat.send(QUESTION);
    await m.chat.press("Answer options (survey)");
    expect(m.chat.lastText()).toContain("Send the options in one message, one per line");
    await m.chat.send("Yes");
    expect(m.chat.lastText()).toContain("You need 2 to 8 options, one per line; your message has 1.");
    await m.chat.send(`Yes\n${"x".repeat(70)}`);
    expect(m.chat.lastText()).toContain("Option 2 is too long: 70 characters, and a button holds at most 60.");
    await m.chat.send("Yes\nNo\nyes");
    expect(m.chat.lastText()).toContain("The option “yes” is repeated.");
    await m.chat.send("Yes\nNo");
    await m.chat.press("Several");
    expect(m.chat.lastText()).toContain("📊 <b>Survey</b>: 2 answer options as buttons under the message, several may be ticked.");
    await m.chat.press("Next");
    expect(labels(lastCopy(8000).payload)).toEqual(["☐ Yes", "☐ No"]);
    await m.chat.press("Send");
    const b = await app.db.prisma.broadcast.findFirstOrThrow();
    const report = reportOf(app, 8000, b.id);
    expect(report.text).toContain("📊 <b>Answers</b>: 0 of 0 recipients answered");
    expect(report.text).toContain("may add up to more than 100");
    expect(report.buttons).toEqual(["⏹ Stop the broadcast", "🔒 Close the survey", "📊 Answers (.xlsx)"]);
    expect(d.t1).toBeGreaterThan(0);
  });
});

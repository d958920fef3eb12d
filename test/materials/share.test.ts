import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { registerMethodist, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { pdf } from "./helpers.js";

describe.each(providers)("sharing a material on %s", (provider) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(provider);
  });
  afterEach(() => closeTestApp(app));

  async function startSharing(telegramId = 7001) {
    const p = await registerViaBot(app, telegramId, { name: "Кузнецова Ирина Олеговна" });
    await p.chat.send("📂 Материалы");
    expect(p.chat.lastText()).toContain("Банк материалов");
    await p.chat.press("Поделиться материалом");
    expect(p.chat.lastText()).toContain("Новый материал");
    return p;
  }

  it("a document, title, type, subject, grades, description, preview, then the moderation queue; methodists are told", async () => {
    const methodist = await registerMethodist(app, 7900);
    const p = await startSharing();
    await p.chat.sendRaw(pdf("Дроби 5 класс.pdf"));
    expect(p.chat.lastText()).toContain("Как называется материал");
    await p.chat.send("  Сложение   дробей  ");
    await p.chat.press("Рабочий лист");
    expect(p.chat.textsSince(0).some((t) => t.includes("Тип: Рабочий лист"))).toBe(true);
    // the teacher's own subject comes first
    expect(p.chat.buttons()[0]!.text).toBe("Математика");
    await p.chat.press("Математика");
    await p.chat.press("5");
    await p.chat.press("6");
    await p.chat.press("✅ 6"); // untick
    await p.chat.press("дошкольники");
    await p.chat.press("Готово");
    expect(p.chat.textsSince(0).some((t) => t.includes("Классы: дошкольники, 5"))).toBe(true);
    await p.chat.send("Рабочий лист на сложение дробей с разными знаменателями, 20 заданий.");
    const preview = p.chat.lastText();
    expect(preview).toContain("Так материал увидят коллеги");
    expect(preview).toContain("Сложение дробей");
    expect(preview).toContain("Автор: Кузнецова Ирина Олеговна (МБОУ «СОШ № 1»)");
    expect(await app.db.prisma.material.count()).toBe(0);
    await p.chat.press("Отправить на проверку");
    expect(p.chat.lastText()).toContain("отправлен на проверку");

    const m = await app.db.prisma.material.findFirstOrThrow();
    expect(m).toMatchObject({
      title: "Сложение дробей",
      type: "worksheet",
      grades: "preschool,5",
      status: "pending",
      fileKind: "document",
      fileId: "tg-Дроби 5 класс.pdf",
      fileName: "Дроби 5 класс.pdf",
      mimeType: "application/pdf",
      fileSize: 120_000,
      url: null,
      authorId: p.userId,
      searchText: "сложение дробей рабочий лист на сложение дробей с разными знаменателями 20 заданий",
    });
    await deliverAll(app);
    expect(methodist.chat.lastText()).toContain("Новый материал на проверке: «Сложение дробей» (Кузнецова Ирина Олеговна)");
    await methodist.chat.press("Открыть очередь");
    expect(methodist.chat.lastText()).toContain("Материалы на проверке");
  });

  it("a link works as the material; photos and videos are kept by their Telegram file id", async () => {
    const p = await startSharing();
    await p.chat.send("disk.yandex.ru/d/abc");
    await p.chat.send("Презентация к уроку");
    await p.chat.press("Презентация");
    await p.chat.press("Математика");
    await p.chat.press("7");
    await p.chat.press("Готово");
    await p.chat.send("Слайды к уроку о подобии треугольников.");
    await p.chat.press("Отправить на проверку");
    expect(await app.db.prisma.material.findFirstOrThrow()).toMatchObject({ url: "https://disk.yandex.ru/d/abc", fileId: null });

    await p.chat.send("📂 Материалы");
    await p.chat.press("Поделиться материалом");
    await p.chat.sendRaw({
      photo: [
        { file_id: "small", file_unique_id: "us", width: 90, height: 90 },
        { file_id: "big", file_unique_id: "ub", width: 1280, height: 960, file_size: 300_000 },
      ],
    });
    expect(p.chat.lastText()).toContain("Как называется материал");
    await p.chat.send("Схема: сложение дробей");
    await p.chat.press("Рабочий лист");
    await p.chat.press("Математика");
    await p.chat.press("5");
    await p.chat.press("Готово");
    await p.chat.send("Схема на доску: сложение дробей в картинках.");
    await p.chat.press("Отправить на проверку");
    // the largest size of the photo is kept
    expect(await app.db.prisma.material.findFirstOrThrow({ where: { title: "Схема: сложение дробей" } })).toMatchObject({
      fileKind: "photo",
      fileId: "big",
      fileSize: 300_000,
    });

    await p.chat.send("📂 Материалы");
    await p.chat.press("Поделиться материалом");
    await p.chat.sendRaw({ video: { file_id: "vid", file_unique_id: "uv", width: 1, height: 1, duration: 60, file_size: 40_000_000 } });
    await p.chat.send("Видеоурок про дроби");
    await p.chat.press("Видеоурок");
    await p.chat.press("Математика");
    await p.chat.press("5");
    await p.chat.press("Готово");
    await p.chat.send("Запись открытого урока, 40 минут.");
    await p.chat.press("Отправить на проверку");
    // a 40 MB video is fine: the bot never downloads it, it sends it again by its id
    expect(await app.db.prisma.material.findFirstOrThrow({ where: { fileKind: "video" } })).toMatchObject({ fileId: "vid", fileSize: 40_000_000 });

    // a tap on the file button sends each back as what it is, by its Telegram file id
    const tapFile = async (title: string, button: string) => {
      await p.chat.send("📂 Материалы");
      await p.chat.press("Мои материалы");
      await p.chat.press(title);
      await p.chat.press(button);
      return p.chat.messages().at(-1)!;
    };
    const photo = await tapFile("Схема: сложение дробей", "🖼 Получить изображение");
    expect(app.tg.calls.at(-1)).toMatchObject({ method: "sendPhoto", payload: { photo: "big" } });
    expect(photo).toMatchObject({ kind: "photo", file: { file_id: "big" } });
    expect(photo.text).toContain("Схема: сложение дробей");
    const video = await tapFile("Видеоурок про дроби", "🎬 Получить видео");
    expect(app.tg.calls.at(-1)).toMatchObject({ method: "sendVideo", payload: { video: "vid" } });
    expect(video).toMatchObject({ kind: "video", file: { file_id: "vid" } });
  });

  it("refuses what cannot be a material and asks again", async () => {
    const p = await startSharing();
    /** the refusal explains, then asks the question again */
    const refused = (why: string | RegExp, question = "Новый материал") => {
      const text = p.chat.lastText();
      if (typeof why === "string") expect(text).toContain(why);
      else expect(text).toMatch(why);
      expect(text).toContain(question);
    };
    await p.chat.sendRaw({ sticker: { file_id: "st", file_unique_id: "ust", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } });
    refused("стикеры, голосовые, аудио");
    await p.chat.sendRaw({ voice: { file_id: "v", file_unique_id: "uv", duration: 3 } });
    refused("не может быть материалом");
    await p.chat.sendRaw({ audio: { file_id: "a", file_unique_id: "ua", duration: 3 } });
    refused("не может быть материалом");
    await p.chat.sendRaw({
      animation: { file_id: "g", file_unique_id: "ug", width: 1, height: 1, duration: 1 },
      document: { file_id: "g", file_unique_id: "ug", file_name: "a.gif.mp4" },
    });
    refused("не может быть материалом");
    await p.chat.sendRaw(pdf("setup.exe", { mime_type: "application/x-msdownload" }));
    refused("Файл «setup.exe» в таком формате не подходит");
    await p.chat.sendRaw({ document: { file_id: "x", file_unique_id: "ux", mime_type: "application/octet-stream" } });
    refused("в таком формате не подходит");
    await p.chat.send("просто текст");
    refused("Нужен файл или ссылка");
    await p.chat.send("https://localhost");
    refused("не похоже на ссылку");
    await p.chat.send("ftp://files.example.org/a.pdf");
    refused("Нужен файл или ссылка");

    // an album (two photos of one media group): one explanation, nothing accepted
    const before = p.chat.mark();
    const photo = (id: string) => ({ media_group_id: "album1", photo: [{ file_id: id, file_unique_id: `u${id}`, width: 1, height: 1 }] });
    await p.chat.sendRaw(photo("p1"));
    await p.chat.sendRaw(photo("p2"));
    expect(p.chat.textsSince(before)).toHaveLength(1);
    refused("один файл, а не альбом");

    await p.chat.sendRaw(pdf());
    await p.chat.send("   ");
    refused("Название не может быть пустым", "Как называется материал");
    await p.chat.send("Ок");
    refused("не короче 3 символов", "Как называется материал");
    await p.chat.send("Д".repeat(151));
    refused("не больше 150 символов", "Как называется материал");
    await p.chat.send("Дроби");
    await p.chat.send("не кнопка");
    expect(p.chat.lastText()).toContain("нажмите одну из кнопок");
    await p.chat.press("Конспект урока");
    await p.chat.press("Физика");
    await p.chat.press("Готово");
    expect(p.chat.toasts().at(-1)).toContain("Отметьте хотя бы один класс");
    await p.chat.press("11");
    await p.chat.press("Готово");
    await p.chat.send("Коротко");
    refused("хотя бы 10 символов", "Коротко опишите");
    await p.chat.send("Я".repeat(1001));
    refused(/не больше 1\s000 символов/, "Коротко опишите");
    await p.chat.send("Конспект урока физики <b>для 11 класса</b>");
    // teachers' text never breaks the formatting
    expect(p.chat.lastText()).toContain("&lt;b&gt;для 11 класса&lt;/b&gt;");
    await p.chat.press("Отмена");
    expect(p.chat.lastText()).toContain("материал не отправлен");
    expect(await app.db.prisma.material.count()).toBe(0);
  });

  it("a flow left in the middle stores nothing; menu buttons and /cancel leave it", async () => {
    const p = await startSharing();
    // each way out, in the middle of the flow: what it shows, and then the title-to-be answers nothing
    const ways = [
      // another section's menu button does what it always does
      ["👤 Профиль", "Кузнецова Ирина Олеговна"],
      // the section's own button opens the section again
      ["📂 Материалы", "Банк материалов"],
      ["/cancel", "Действие отменено"],
    ];
    for (const [i, [way, shows]] of ways.entries()) {
      if (i > 0) {
        await p.chat.send("📂 Материалы");
        await p.chat.press("Поделиться материалом");
      }
      await p.chat.sendRaw(pdf());
      expect(p.chat.lastText()).toContain("Как называется материал");
      await p.chat.send(way!);
      expect(p.chat.lastText(), way).toContain(shows);
      await p.chat.send("Сложение дробей");
      expect(p.chat.lastText(), way).toContain("Я не понял сообщение");
    }
    expect(await app.db.prisma.material.count()).toBe(0);
  });

  it("a restart in the middle of sharing loses nothing", async () => {
    const p = await startSharing();
    await p.chat.sendRaw(pdf("План.docx", { mime_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }));
    await p.chat.send("План урока по дробям");
    const next = await app.restart();
    const chat = next.user(p.chat.id);
    await chat.press("План урока");
    await chat.press("Математика");
    await chat.press("5");
    await chat.press("Готово");
    await chat.send("Подробный план урока с этапами и заданиями.");
    await chat.press("Отправить на проверку");
    expect(await next.db.prisma.material.findFirstOrThrow()).toMatchObject({ title: "План урока по дробям", type: "lesson_plan", fileName: "План.docx" });
    expect(next.missing).toEqual([]);
    app = next;
  });

  it("speaks English to an English-speaking teacher", async () => {
    const p = await registerViaBot(app, 7050, { locale: "en", name: "Smith Anna" });
    await p.chat.send("📂 Materials");
    expect(p.chat.lastText()).toContain("Materials bank");
    await p.chat.press("Share a material");
    await p.chat.sendRaw({ voice: { file_id: "v", file_unique_id: "uv", duration: 3 } });
    expect(p.chat.lastText()).toContain("This cannot be a material");
    await p.chat.send("https://drive.google.com/file/d/1");
    await p.chat.send("Fractions quiz");
    await p.chat.press("Worksheet");
    await p.chat.press("Mathematics");
    await p.chat.press("preschool");
    await p.chat.press("Done");
    await p.chat.send("Ten questions on adding fractions.");
    expect(p.chat.lastText()).toContain("Worksheet · Mathematics · grades: preschool");
    expect(p.chat.lastText()).toContain("🔗 https://drive.google.com/file/d/1");
    await p.chat.press("Send for review");
    expect(p.chat.lastText()).toContain("has been sent for review");
  });
});

// The real bot, as `npm start` runs it, against telegram-test-api: a new teacher registers in Russian
// over HTTP, /help answers, the user is in the SQLite file, she signs up for a course, and SIGTERM
// stops the process cleanly.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT_MS, ensureBuilt } from "../helpers/built.js";
import { EmulatedUser, logLines, spawnBot, startEmulator, waitFor, type BotProcess, type Emulator, type WaitOptions } from "./harness.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PORT = Number(process.env.E2E_EMULATOR_PORT ?? 9311);
const TOKEN = "123456:ABC-e2e_onboarding_token";
const USER_ID = 700_001;

describe("a teacher end to end: onboarding and a course (bot process + telegram-test-api)", () => {
  let dir: string | undefined;
  let emulator: Emulator | undefined;
  let bot: BotProcess | undefined;
  let user: EmulatedUser;
  let dbFile: string;

  const alive: WaitOptions = {
    timeoutMs: 15_000,
    failIf: () => {
      const exit = bot?.exited();
      return exit ? `the bot exited (code ${exit.code}, signal ${exit.signal})` : undefined;
    },
    context: () => bot?.tail() ?? "",
  };

  beforeAll(async () => {
    ensureBuilt(); // the compiled bot, as `npm start` runs it
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "metodset-e2e-"));
    dbFile = path.join(dir, "e2e.db");
    emulator = await startEmulator({ port: PORT });
    bot = spawnBot({
      cwd: ROOT,
      env: {
        ...process.env,
        BOT_TOKEN: TOKEN,
        BOT_API_ROOT: emulator.apiRoot,
        DATABASE_URL: `file:${dbFile}`,
        BOT_MODE: "polling",
        LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
        // set here so that a developer's .env cannot change the run (main.ts loads it without overriding)
        ADMIN_TELEGRAM_IDS: "",
        DEFAULT_LOCALE: "ru",
        TIMEZONE: "Europe/Moscow",
        // the site: any free port of this machine, so that nothing else listening on 8080 matters
        PORT: "0",
        HOST: "127.0.0.1",
      },
    });
    // ready: migrations applied, getMe answered, the runner asks for updates
    await waitFor(() => emulator!.getUpdatesCalls() > 0, { ...alive, timeoutMs: 45_000, what: "the bot to start polling" });
    user = new EmulatedUser(emulator.server, TOKEN, USER_ID, alive, { firstName: "Мария", userName: "ivanova" });
  }, 60_000 + BUILD_TIMEOUT_MS);

  afterAll(async () => {
    try {
      await bot?.stop();
    } finally {
      try {
        await emulator?.stop();
      } finally {
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }, 60_000);

  it("registers a teacher in Russian and shows the main menu", async () => {
    let mark = await user.mark();
    await user.command("/start");
    const hello = await user.waitForText("Выберите язык", mark);
    expect(hello.buttons.map((b) => b.text)).toEqual(["🇷🇺 Русский", "🇬🇧 English"]);

    mark = await user.mark();
    await user.press("Русский");
    await user.waitForText("Согласие на обработку персональных данных", mark);
    // the language question became a note of the answer
    expect((await user.messages()).find((m) => m.id === hello.id)!.text).toContain("Язык: русский");

    mark = await user.mark();
    await user.press("Даю согласие");
    await user.waitForText("Как вас зовут", mark);

    mark = await user.mark();
    await user.send("Иванова Мария Петровна");
    await user.waitForText("В какой школе", mark);

    mark = await user.mark();
    await user.send("5");
    const results = await user.waitForText("Выберите вашу школу", mark);
    expect(results.buttons[0]!.text).toBe("МБОУ «СОШ № 5»");

    mark = await user.mark();
    await user.press("МБОУ «СОШ № 5»");
    const subjects = await user.waitForText("Какие предметы", mark);
    expect((await user.messages()).find((m) => m.id === results.id)!.text).toContain("Школа: МБОУ «СОШ № 5»");

    await user.press("Математика");
    // a toggle edits the keyboard in place
    await user.waitForMessage((m) => m.id === subjects.id && m.buttons.some((b) => b.text === "✅ Математика"), "Математика ticked");

    mark = await user.mark();
    await user.press("Готово");
    const done = await user.waitForText("Вы зарегистрированы", mark);
    expect(done.text).toContain("Иванова Мария Петровна");
    expect(done.keyboard).toContain("📚 Курсы");
    expect((await user.messages()).find((m) => m.id === subjects.id)!.text).toContain("Предметы: Математика");
  });

  it("answers /help as to a registered user", async () => {
    const mark = await user.mark();
    await user.command("/help");
    const help = await user.waitForText("Методическая сеть района", mark);
    expect(help.text).toContain("/profile");
    expect(help.text).not.toContain("зарегистрируйтесь");
    expect(help.keyboard).toContain("📚 Курсы");
  });

  it("stored the teacher in the SQLite file", () => {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      const row = db
        .prepare(
          `SELECT u.full_name, u.username, u.language, u.role, u.consent_at, u.registered_at, s.name AS school
           FROM users u LEFT JOIN schools s ON s.id = u.school_id WHERE u.telegram_id = ?`,
        )
        .get(USER_ID) as Record<string, unknown> | undefined;
      expect(row).toMatchObject({ full_name: "Иванова Мария Петровна", username: "ivanova", language: "ru", role: "teacher", school: "МБОУ «СОШ № 5»" });
      expect(row!.consent_at).not.toBeNull();
      expect(row!.registered_at).not.toBeNull();
      const subjects = db
        .prepare(
          `SELECT s.name_ru FROM teacher_subjects ts JOIN subjects s ON s.id = ts.subject_id
           JOIN users u ON u.id = ts.user_id WHERE u.telegram_id = ?`,
        )
        .pluck()
        .all(USER_ID);
      expect(subjects).toEqual(["Математика"]);
    } finally {
      db.close();
    }
  });

  it("signs up for a course the district published, and the seat is stored", async () => {
    // a course as a methodist would have published it, written into the bot's own database file
    const db = new Database(dbFile, { fileMustExist: true });
    let courseId: number;
    try {
      const now = new Date().toISOString();
      const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
      courseId = Number(
        db
          .prepare(
            `INSERT INTO courses (title, description, provider, format, place, start_date, end_date, hours, seats, registration_deadline, status, created_at, updated_at)
             VALUES (?, ?, ?, 'in_person', ?, ?, ?, 36, 2, ?, 'open', ?, ?)`,
          )
          .run("Формирующее оценивание", "Приёмы обратной связи на уроке.", "ИРО", "ИРО, ауд. 12", inDays(30), inDays(34), inDays(20), now, now)
          .lastInsertRowid,
      );
      db.prepare(`INSERT INTO course_subjects (course_id, subject_id) SELECT ?, id FROM subjects WHERE code = 'math'`).run(courseId);
    } finally {
      db.close();
    }

    let mark = await user.mark();
    await user.send("📚 Курсы");
    await user.waitForText("Курсы повышения квалификации", mark);
    mark = await user.mark();
    await user.press("Формирующее оценивание");
    const card = await user.waitForText("Приёмы обратной связи", mark);
    expect(card.buttons.map((b) => b.text)).toContain("✍️ Записаться");
    mark = await user.mark();
    await user.press("✍️ Записаться");
    await user.waitForText("Вы записаны на курс «Формирующее оценивание»", mark);

    const check = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      const row = check
        .prepare(
          `SELECT r.status, c.seats_taken FROM course_registrations r JOIN courses c ON c.id = r.course_id JOIN users u ON u.id = r.user_id WHERE u.telegram_id = ? AND c.id = ?`,
        )
        .get(USER_ID, courseId) as Record<string, unknown> | undefined;
      expect(row).toEqual({ status: "registered", seats_taken: 1 });
    } finally {
      check.close();
    }
  });

  it("logged no errors and polled without spinning", () => {
    expect(logLines(bot!.stdout(), 50)).toEqual([]);
    // the only expected warnings: the emulator knows neither setMyCommands, setChatMenuButton nor setMyDescription
    const emulatorGaps: unknown[] = ["could not set the command menus", "could not set the menu button", "could not set the bot's description"];
    const warnings = logLines(bot!.stdout(), 40).map((l) => l.msg);
    expect(warnings.filter((m) => !emulatorGaps.includes(m))).toEqual([]);
    expect(
      bot!
        .stderr()
        .split("\n")
        .filter((l) => l.trim() && !/ExperimentalWarning|--trace-warnings/.test(l)),
    ).toEqual([]);
    // long polling: about one getUpdates per batch of updates, not thousands a second
    expect(emulator!.getUpdatesCalls()).toBeLessThan(100);
  });

  it("stops on SIGTERM with exit code 0", async () => {
    const exit = await bot!.stop();
    expect(exit).toEqual({ code: 0, signal: null });
  });
});

// "The bot never goes silent and never crashes on an update", checked by a random walk: four people (a
// teacher, a methodist (of one district, on odd seeds: a regional deployment), an admin and a newcomer)
// press whatever buttons they see (also old ones), type commands, menu labels, dates, garbage and HTML,
// send stickers, photos and files, while time passes and the outbox delivers notices and reminders (with
// their own buttons) in between. After every update the bot must have answered it (a message, an edit
// or a callback answer), never with the apology of its error boundary, and nothing anywhere (handlers,
// sender, scheduler) may have logged an error. A failure prints the seed and the last steps, so that a
// found case can be replayed.
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/bot/commands.js";
import { makeCourse } from "../courses/helpers.js";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import { loadTwoDistricts, registerDistrictMethodist } from "../helpers/districts.js";
import type { TestUser } from "../helpers/fake-telegram.js";
import { registerAdmin, registerMethodist, registerViaBot } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { approvedLesson } from "../lessons/helpers.js";
import { insertMaterial } from "../materials/helpers.js";
import { publishMeeting } from "../meetings/helpers.js";
import { mulberry32 } from "../helpers/random.js";

// (Telegram delivers no empty text; the bot copes anyway)
const TEXTS = [
  "",
  "привет",
  "Иванова Анна Петровна",
  "СОШ 5",
  "Математика",
  "25.12 14:30",
  "25.12.2026 14:30",
  "31.02.2027 25:61",
  "вчера",
  "0",
  "-5",
  "3",
  "100000",
  "1,5",
  "https://example.org/lesson",
  "javascript:alert(1)",
  "<b>жирный</b> & <i>x</i>",
  "а".repeat(5000),
  "😀",
  "/unknown_command",
  "да",
  "Готово",
  "Отмена",
  "5-7, 9",
  "дроби",
  "ёлка ЕЛКА",
];
const EXTRA_COMMANDS = ["start", "cancel", "help", "menu", "profile", "language", "deleteme"];
const MENU_LABELS = ["📚 Курсы", "🏫 Открытые уроки", "📂 Материалы", "📅 Встречи", "👤 Профиль", "🛠 Методисту"];
const APOLOGY = /Что-то пошло не так|Something went wrong/;

const STEPS = Number(process.env.MONKEY_STEPS ?? 400);
const SEEDS = (process.env.MONKEY_SEEDS ?? "1,2,3").split(",").map(Number);
/** odd seeds walk a regional deployment (two districts, the methodist of one) */
const regional = (seed: number) => seed % 2 === 1;

describe.each(providers)("a random walk through the bot on %s", (provider) => {
  let app: TestApp;
  /** what the app logged at level error or above (an exception caught anywhere: handlers, sender, scheduler) */
  let errors: string[];
  beforeEach(async () => {
    errors = [];
    const logger = pino({ level: "error" }, { write: (line: string) => void errors.push(line) });
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" }, logger });
  });
  afterEach(() => closeTestApp(app));

  it.each(SEEDS)(
    "seed %i: every update is answered, none with the error apology",
    async (seed) => {
      const random = mulberry32(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

      const north = regional(seed) ? (await loadTwoDistricts(app)).north : null;
      const teacher = await registerViaBot(app, 6001, { name: "Учительница Анна" });
      const methodist = north
        ? await registerDistrictMethodist(app, 6002, north, { name: "Методистова Елена" })
        : await registerMethodist(app, 6002, "Методистова Елена");
      const admin = await registerAdmin(app);
      const newcomer = app.user(6004);
      const author = await registerViaBot(app, 6005, { name: "Авторова Ирина" });
      // something in every section, so that lists and cards have buttons to press
      await makeCourse(app, methodist.userId, { seats: 1 });
      await publishMeeting(app, methodist.userId);
      await approvedLesson(app, author.userId, methodist.userId);
      await insertMaterial(app, author.userId, { title: "Дроби: рабочий лист" }, methodist.userId);
      await deliverAll(app);
      const people: TestUser[] = [teacher.chat, methodist.chat, admin.chat, newcomer];

      const log: string[] = [];
      for (let step = 0; step < STEPS; step++) {
        const who = pick(people);
        const roll = random();
        let action: string;
        let run: () => Promise<void>;
        if (roll < 0.04) {
          await deliverAll(app);
          log.push(`${step}: outbox delivered`);
          continue;
        } else if (roll < 0.06) {
          // time passes: reminders, offers that expire, lessons that end and ask for feedback
          const hours = 1 + Math.floor(random() * 48);
          app.clock.advance(hours * 3_600_000);
          await app.scheduler.tick();
          await deliverAll(app);
          log.push(`${step}: ${hours} h later, scheduler ran, outbox delivered`);
          continue;
        } else if (roll < 0.4) {
          // a button of one of the last three messages: the newest, or an outdated one
          const buttons = [-1, -2, -3].flatMap((i) => {
            const m = who.messages().at(i);
            return who
              .buttons(i)
              .filter((b) => b.data)
              .map((b) => ({ ...b, messageId: m!.message_id }));
          });
          if (!buttons.length) continue;
          const b = pick(buttons);
          action = `press "${b.text}" (${b.data})`;
          run = () => who.pressData(b.data, b.messageId);
        } else if (roll < 0.55) {
          const command = pick([...COMMANDS.map((c) => c.command), ...EXTRA_COMMANDS]);
          action = `/${command}`;
          run = () => who.send(`/${command}`);
        } else if (roll < 0.65) {
          const label = pick([...who.keyboard(), ...MENU_LABELS]);
          action = `menu "${label}"`;
          run = () => who.send(label);
        } else if (roll < 0.9) {
          const text = pick(TEXTS);
          action = `text "${text.slice(0, 30)}"`;
          run = () => who.send(text);
        } else {
          const kind = pick(["sticker", "photo", "csv", "pdf", "location"] as const);
          action = `send a ${kind}`;
          run = () =>
            kind === "csv"
              ? who.sendDocument({ file_name: "школы.csv", mime_type: "text/csv", content: "name\nМБОУ «СОШ № 77»\n" })
              : kind === "pdf"
                ? who.sendDocument({ file_name: "план.pdf", mime_type: "application/pdf", content: "%PDF-1.4" })
                : kind === "photo"
                  ? who.sendRaw({ photo: [{ file_id: `ph${step}`, file_unique_id: `uph${step}`, width: 100, height: 100, file_size: 1000 }] })
                  : kind === "sticker"
                    ? who.sendRaw({ sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } })
                    : who.sendRaw({ location: { latitude: 55.75, longitude: 37.61 } });
        }
        log.push(`${step}: ${who.id} ${action}`);
        const callsBefore = app.tg.calls.length;
        const toastsBefore = who.toasts().length;
        const messagesBefore = who.messages().map((m) => `${m.message_id}:${m.text}`);
        await run();
        const context = () => `seed ${seed}, step ${step}: ${who.id} ${action}\nlast steps:\n${log.slice(-12).join("\n")}\nchat:\n${who.dump(5)}`;
        const answered = app.tg.calls.slice(callsBefore).some((c) => Number(c.payload.chat_id) === who.id || c.method === "answerCallbackQuery");
        expect(answered, `no answer: ${context()}`).toBe(true);
        const changed = who
          .messages()
          .map((m) => `${m.message_id}:${m.text}`)
          .filter((m) => !messagesBefore.includes(m));
        const said = [...changed, ...who.toasts().slice(toastsBefore)];
        expect(
          said.filter((t) => APOLOGY.test(t)),
          `the error apology: ${context()}`,
        ).toEqual([]);
        expect(errors, `logged as an error: ${context()}`).toEqual([]);
      }
    },
    120_000,
  );
});

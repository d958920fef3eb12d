// "📥 Таблица (.xlsx)" on a meeting's card: everyone invited or who answered, their answer and whether
// they came, parsed back from the document the bot sent; in English for an English methodist; refused
// to a teacher.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { meetingAdminData } from "../../src/bot/features/meetings/callbacks.js";
import { providers } from "../helpers/databases.js";
import { deliverAll } from "../helpers/delivery.js";
import type { ChatMessage } from "../helpers/fake-telegram.js";
import { insertTeacher, registerMethodist, type Person } from "../helpers/flows.js";
import { closeTestApp, createTestApp, type TestApp } from "../helpers/test-app.js";
import { actor, publishMeeting } from "./helpers.js";
import { parseBook } from "../helpers/workbook.js";

async function rowsOf(file: ChatMessage) {
  const book = await parseBook(file);
  return { sheet: book.sheet(), rows: book.rows() };
}

describe.each(providers)("a meeting's spreadsheet on %s", (provider) => {
  let app: TestApp;
  let m: Person;
  let meetingId: number;
  let s1: { name: string; cluster: string | null };
  let s2: { id: number; name: string; cluster: string | null };
  // Anna and Vera will come, Galina (another school) will not, Dina never answers
  const ANNA = 9201,
    VERA = 9202,
    GALINA = 9203,
    DINA = 9204;

  beforeEach(async () => {
    app = await createTestApp(provider, { env: { SEND_RATE_PER_SECOND: "1000" } });
    m = await registerMethodist(app, 9200);
    const schools = await app.db.prisma.school.findMany({ orderBy: { id: "asc" } });
    s1 = schools[0]!;
    s2 = schools.find((s) => s.cluster && s.cluster !== s1.cluster)!;
    await insertTeacher(app, ANNA, { name: "Алексеева Анна" });
    await insertTeacher(app, VERA, { name: "Борисова Вера" });
    await insertTeacher(app, GALINA, { name: "Васильева Галина", schoolId: s2.id });
    await insertTeacher(app, DINA, { name: "Горина Дина" });
    meetingId = (await publishMeeting(app, m.userId)).id;
    await deliverAll(app);
    await app.user(ANNA).press("Приду");
    await app.user(VERA).press("Приду");
    await app.user(GALINA).press("Не смогу");
  });
  afterEach(() => closeTestApp(app));

  async function download(label = "📥 Таблица (.xlsx)") {
    await m.chat.send("/meetings_admin");
    await m.chat.press(/Заседание РМО учителей математики/);
    await m.chat.press(label);
    return m.chat.messages().at(-1)!;
  }

  it("after the meeting: everyone invited with school, cluster, answer and attendance as marked", async () => {
    app.clock.set("2026-11-26T14:00:00Z");
    const me = await actor(app, m.userId);
    const idOf = async (tg: number) => (await app.services.users.byTelegramId(tg))!.id;
    await app.services.meetings.markAllGoing(me, meetingId);
    await app.services.meetings.markAttendance(me, meetingId, await idOf(VERA), false); // said Going, did not come
    await app.services.meetings.markAttendance(me, meetingId, await idOf(GALINA), true); // said Not going, came

    const file = await download();
    expect(file.kind).toBe("document");
    expect(file.file?.name).toBe(`meeting-${meetingId}.xlsx`);
    expect(file.text).toBe("📎 Заседание РМО: «Заседание РМО учителей математики», 26 ноября 2026, 15:00. Приглашённые, их ответы и посещение.");
    const { sheet, rows } = await rowsOf(file);
    expect(sheet.name).toBe("Приглашённые");
    // Going first, then Not going, then no answer (the methodist too: maths); not marked: an empty cell
    expect(rows).toEqual([
      ["№", "ФИО", "Школа", "Школьный округ", "Ответ", "Посещение"],
      [1, "Алексеева Анна", s1.name, s1.cluster, "придёт", "да"],
      [2, "Борисова Вера", s1.name, s1.cluster, "придёт", "нет"],
      [3, "Васильева Галина", s2.name, s2.cluster, "не сможет", "да"],
      [4, "Горина Дина", s1.name, s1.cluster, "нет ответа"],
      [5, "Сидорова Елена Викторовна", s1.name, s1.cluster, "нет ответа"],
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("is in English for an English methodist, before the meeting with no attendance yet", async () => {
    await app.db.prisma.user.update({ where: { id: m.userId }, data: { language: "en" } });
    const file = await download("📥 Spreadsheet (.xlsx)");
    expect(file.text).toBe(
      "📎 Subject association meeting: “Заседание РМО учителей математики”, 26 November 2026, 15:00. Who was invited, their answers and attendance.",
    );
    const { sheet, rows } = await rowsOf(file);
    expect(sheet.name).toBe("Invited");
    expect(rows).toEqual([
      ["No.", "Full name", "School", "School cluster", "Answer", "Attended"],
      [1, "Алексеева Анна", s1.name, s1.cluster, "going"],
      [2, "Борисова Вера", s1.name, s1.cluster, "going"],
      [3, "Васильева Галина", s2.name, s2.cluster, "not going"],
      [4, "Горина Дина", s1.name, s1.cluster, "no answer"],
      [5, "Сидорова Елена Викторовна", s1.name, s1.cluster, "no answer"],
    ]);
  });

  it("a meeting nobody is invited to and nobody answered: a clear answer instead of an empty file", async () => {
    const history = (await app.db.prisma.subject.findUniqueOrThrow({ where: { code: "history" } })).id;
    const empty = await publishMeeting(app, m.userId, { title: "Семинар историков", subjectIds: [history] });
    await m.chat.pressData(meetingAdminData.pack({ id: empty.id, action: "xlsx" }));
    expect(m.chat.lastText()).toContain("никого не пригласили");
    expect(app.tg.callsOf("sendDocument")).toHaveLength(0);
  });

  it("is refused to a teacher pressing a forged button, and nothing is sent", async () => {
    const teacher = app.user(ANNA);
    await teacher.pressData(meetingAdminData.pack({ id: meetingId, action: "xlsx" }));
    expect(teacher.toasts().at(-1)).toBe("⛔ Это могут делать только методисты.");
    expect(app.tg.callsOf("sendDocument")).toHaveLength(0);
    const anna = (await app.services.users.byTelegramId(ANNA))!;
    await expect(app.services.meetings.attendanceList(anna, meetingId)).rejects.toMatchObject({ code: "forbidden" });
  });
});

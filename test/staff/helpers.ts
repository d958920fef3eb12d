// The staff list in tests: files as school information systems export them, and loading one through /staff.
import type { TestUser } from "../helpers/fake-telegram.js";
import type { TestApp } from "../helpers/test-app.js";

export const HEADER = "ФИО;Школа;Должность;Предметы;Категория;Дата присвоения категории;Дата последних курсов;Табельный номер";

/**
 * The hand-counted fixture (today: 23.11.2026, the academic year from 01.09.2026; "attention" within 6 months):
 * Петрова: highest until 10.01.2027 (expiring), course 15.10.2026 (this year);
 * Соколова: first until 01.06.2029 (valid), course 12.03.2025 (last year);
 * Кузнецова: nothing (the school without quotes: the same school);
 * Морозов: compliance until 05.05.2025 (expired), course 2026-09-20 (this year);
 * Волкова: none;
 * Ёлкина: highest until 01.02.2028 (valid), course 01.12.2025 (last year).
 */
export const STAFF = [
  "Петрова Анна Сергеевна;МБОУ «СОШ № 1»;учитель;Математика;высшая;10.01.2022;15.10.2026;001",
  "Соколова Ирина Павловна;МБОУ «СОШ № 1»;учитель;Русский язык;первая;01.06.2024;12.03.2025;002",
  "Кузнецова Ольга Ивановна;МБОУ СОШ №1;учитель;История;;;;003",
  "Морозов Пётр Алексеевич;МБОУ «СОШ № 2»;учитель;Физика;соответствие;05.05.2020;2026-09-20;004",
  "Волкова Елена Андреевна;МБОУ «СОШ № 2»;учитель;Химия;без категории;;;005",
  "Ёлкина Мария Петровна;МБОУ «Гимназия № 3»;учитель;Английский язык;Высшая;01.02.2023;01.12.2025;006",
];

export const csv = (rows: string[], header = HEADER) => [header, ...rows].join("\n");

/** /staff → «Загрузить список» → the file; the dry run's text (or the refusal). */
export async function sendStaffFile(chat: TestUser, content: string | Buffer, fileName = "staff.csv"): Promise<string> {
  await chat.send("/staff");
  await chat.press("📥 Загрузить список");
  await chat.sendDocument({ file_name: fileName, content });
  return chat.lastText();
}

/** Loads the file and applies it; the report's text. */
export async function loadStaff(chat: TestUser, content: string | Buffer, fileName = "staff.csv"): Promise<string> {
  const plan = await sendStaffFile(chat, content, fileName);
  if (!plan.includes("Применить?")) throw new Error(`no plan to apply:\n${plan}`);
  await chat.press("✅ Применить");
  return chat.lastText();
}

export const schoolId = async (app: TestApp, name: string) => (await app.db.prisma.school.findFirstOrThrow({ where: { name } })).id;

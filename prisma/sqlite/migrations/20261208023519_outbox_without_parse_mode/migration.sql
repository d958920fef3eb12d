-- AlterTable (SQLite ≥ 3.35 drops a column in place; nothing refers to it)
ALTER TABLE "outbox_messages" DROP COLUMN "parse_mode";

-- AlterTable
ALTER TABLE "outbox_messages" DROP COLUMN "parse_mode";

-- CreateTable
CREATE TABLE "sender_pauses" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "until" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_outbox_messages" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dedupe_key" TEXT NOT NULL,
    "group_id" TEXT,
    "user_id" INTEGER,
    "chat_id" BIGINT NOT NULL,
    "text" TEXT NOT NULL,
    "entities" TEXT,
    "parse_mode" TEXT,
    "reply_markup" TEXT,
    "attach_kind" TEXT,
    "attach_file_id" TEXT,
    "not_before" DATETIME NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "expires_at" DATETIME,
    "retry_at" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimed_by" TEXT,
    "claimed_until" DATETIME,
    "sent_at" DATETIME,
    "tg_message_id" INTEGER,
    "last_error" TEXT,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "outbox_messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_outbox_messages" ("attach_file_id", "attach_kind", "attempts", "chat_id", "claimed_by", "claimed_until", "created_at", "dedupe_key", "entities", "group_id", "id", "last_error", "not_before", "parse_mode", "reply_markup", "retry_at", "sent_at", "status", "text", "tg_message_id", "updated_at", "user_id") SELECT "attach_file_id", "attach_kind", "attempts", "chat_id", "claimed_by", "claimed_until", "created_at", "dedupe_key", "entities", "group_id", "id", "last_error", "not_before", "parse_mode", "reply_markup", "retry_at", "sent_at", "status", "text", "tg_message_id", "updated_at", "user_id" FROM "outbox_messages";
DROP TABLE "outbox_messages";
ALTER TABLE "new_outbox_messages" RENAME TO "outbox_messages";
CREATE UNIQUE INDEX "outbox_messages_dedupe_key_key" ON "outbox_messages"("dedupe_key");
CREATE INDEX "outbox_messages_status_not_before_idx" ON "outbox_messages"("status", "not_before");
CREATE INDEX "outbox_messages_status_priority_id_idx" ON "outbox_messages"("status", "priority", "id");
CREATE INDEX "outbox_messages_status_expires_at_idx" ON "outbox_messages"("status", "expires_at");
CREATE INDEX "outbox_messages_group_id_status_idx" ON "outbox_messages"("group_id", "status");
CREATE INDEX "outbox_messages_chat_id_status_id_idx" ON "outbox_messages"("chat_id", "status", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

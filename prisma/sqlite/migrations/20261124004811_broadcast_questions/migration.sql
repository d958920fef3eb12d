-- CreateTable
CREATE TABLE "broadcast_answers" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "broadcast_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "choices" INTEGER NOT NULL,
    "answered_at" DATETIME NOT NULL,
    "changed_at" DATETIME NOT NULL,
    CONSTRAINT "broadcast_answers_broadcast_id_fkey" FOREIGN KEY ("broadcast_id") REFERENCES "broadcasts" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "broadcast_answers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_broadcasts" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "author_id" INTEGER,
    "text" TEXT NOT NULL,
    "entities" TEXT,
    "attachment_kind" TEXT,
    "attachment_id" TEXT,
    "audience" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "recipient_count" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "report_chat_id" BIGINT,
    "report_message_id" INTEGER,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_at" DATETIME,
    "finished_at" DATETIME,
    "options" TEXT,
    "multiple_choice" BOOLEAN NOT NULL DEFAULT false,
    "closed_at" DATETIME,
    CONSTRAINT "broadcasts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_broadcasts" ("attachment_id", "attachment_kind", "audience", "author_id", "confirmed_at", "created_at", "entities", "finished_at", "id", "recipient_count", "report_chat_id", "report_message_id", "status", "text", "urgent") SELECT "attachment_id", "attachment_kind", "audience", "author_id", "confirmed_at", "created_at", "entities", "finished_at", "id", "recipient_count", "report_chat_id", "report_message_id", "status", "text", "urgent" FROM "broadcasts";
DROP TABLE "broadcasts";
ALTER TABLE "new_broadcasts" RENAME TO "broadcasts";
CREATE INDEX "broadcasts_created_at_idx" ON "broadcasts"("created_at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "broadcast_answers_user_id_idx" ON "broadcast_answers"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "broadcast_answers_broadcast_id_user_id_key" ON "broadcast_answers"("broadcast_id", "user_id");

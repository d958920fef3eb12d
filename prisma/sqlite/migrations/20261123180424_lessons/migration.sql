-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_open_lessons" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "author_id" INTEGER NOT NULL,
    "subject_id" INTEGER NOT NULL,
    "grade" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "starts_at" DATETIME NOT NULL,
    "duration_min" INTEGER NOT NULL,
    "school_id" INTEGER,
    "room" TEXT,
    "online_url" TEXT,
    "seats" INTEGER NOT NULL,
    "seats_taken" INTEGER NOT NULL DEFAULT 0,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reject_reason" TEXT,
    "moderated_by_id" INTEGER,
    "moderated_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "open_lessons_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "open_lessons_moderated_by_id_fkey" FOREIGN KEY ("moderated_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "open_lessons_subject_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "subjects" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "open_lessons_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "schools" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_open_lessons" ("author_id", "created_at", "duration_min", "grade", "id", "method", "moderated_at", "moderated_by_id", "online_url", "reject_reason", "room", "school_id", "seats", "seats_taken", "starts_at", "status", "subject_id", "topic", "updated_at") SELECT "author_id", "created_at", "duration_min", "grade", "id", "method", "moderated_at", "moderated_by_id", "online_url", "reject_reason", "room", "school_id", "seats", "seats_taken", "starts_at", "status", "subject_id", "topic", "updated_at" FROM "open_lessons";
DROP TABLE "open_lessons";
ALTER TABLE "new_open_lessons" RENAME TO "open_lessons";
CREATE INDEX "open_lessons_status_starts_at_idx" ON "open_lessons"("status", "starts_at");
CREATE INDEX "open_lessons_subject_id_status_idx" ON "open_lessons"("subject_id", "status");
CREATE INDEX "open_lessons_author_id_idx" ON "open_lessons"("author_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

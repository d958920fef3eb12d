-- CreateTable
CREATE TABLE "certificates" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source_key" TEXT NOT NULL,
    "holder_id" INTEGER,
    "material_id" INTEGER,
    "lesson_id" INTEGER,
    "meeting_id" INTEGER,
    "holder_name" TEXT NOT NULL,
    "school_name" TEXT,
    "title" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '{}',
    "event_at" DATETIME NOT NULL,
    "approved_by_id" INTEGER,
    "approved_by_name" TEXT,
    "issuer" TEXT NOT NULL,
    "issuer_en" TEXT NOT NULL,
    "issued_at" DATETIME NOT NULL,
    "erased_at" DATETIME,
    CONSTRAINT "certificates_holder_id_fkey" FOREIGN KEY ("holder_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "certificates_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "certificates_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "materials" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "certificates_lesson_id_fkey" FOREIGN KEY ("lesson_id") REFERENCES "open_lessons" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "certificates_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_meeting_rsvps" (
    "meeting_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "answer" TEXT,
    "answered_at" DATETIME,
    "attended" BOOLEAN,
    "marked_by_id" INTEGER,
    "marked_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,

    PRIMARY KEY ("meeting_id", "user_id"),
    CONSTRAINT "meeting_rsvps_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "meeting_rsvps_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "meeting_rsvps_marked_by_id_fkey" FOREIGN KEY ("marked_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_meeting_rsvps" ("answer", "answered_at", "attended", "created_at", "meeting_id", "updated_at", "user_id") SELECT "answer", "answered_at", "attended", "created_at", "meeting_id", "updated_at", "user_id" FROM "meeting_rsvps";
DROP TABLE "meeting_rsvps";
ALTER TABLE "new_meeting_rsvps" RENAME TO "meeting_rsvps";
CREATE INDEX "meeting_rsvps_user_id_idx" ON "meeting_rsvps"("user_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "certificates_number_key" ON "certificates"("number");

-- CreateIndex
CREATE UNIQUE INDEX "certificates_source_key_key" ON "certificates"("source_key");

-- CreateIndex
CREATE INDEX "certificates_holder_id_idx" ON "certificates"("holder_id");

-- CreateIndex
CREATE INDEX "certificates_approved_by_id_idx" ON "certificates"("approved_by_id");

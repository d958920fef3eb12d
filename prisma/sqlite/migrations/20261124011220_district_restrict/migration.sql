-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_courses" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "place" TEXT,
    "start_date" DATETIME NOT NULL,
    "end_date" DATETIME NOT NULL,
    "hours" INTEGER NOT NULL,
    "seats" INTEGER NOT NULL,
    "seats_taken" INTEGER NOT NULL DEFAULT 0,
    "registration_deadline" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "district_id" INTEGER,
    "created_by_id" INTEGER,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "courses_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "courses_district_id_fkey" FOREIGN KEY ("district_id") REFERENCES "districts" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_courses" ("created_at", "created_by_id", "description", "district_id", "end_date", "format", "hours", "id", "place", "provider", "registration_deadline", "seats", "seats_taken", "start_date", "status", "title", "updated_at") SELECT "created_at", "created_by_id", "description", "district_id", "end_date", "format", "hours", "id", "place", "provider", "registration_deadline", "seats", "seats_taken", "start_date", "status", "title", "updated_at" FROM "courses";
DROP TABLE "courses";
ALTER TABLE "new_courses" RENAME TO "courses";
CREATE INDEX "courses_status_start_date_idx" ON "courses"("status", "start_date");
CREATE TABLE "new_meetings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "agenda" TEXT NOT NULL DEFAULT '',
    "starts_at" DATETIME NOT NULL,
    "duration_min" INTEGER NOT NULL,
    "place" TEXT,
    "online_url" TEXT,
    "audience" TEXT NOT NULL,
    "rsvp_deadline" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "district_id" INTEGER,
    "created_by_id" INTEGER,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "meetings_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "meetings_district_id_fkey" FOREIGN KEY ("district_id") REFERENCES "districts" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_meetings" ("agenda", "audience", "created_at", "created_by_id", "district_id", "duration_min", "id", "kind", "online_url", "place", "rsvp_deadline", "sequence", "starts_at", "status", "title", "updated_at") SELECT "agenda", "audience", "created_at", "created_by_id", "district_id", "duration_min", "id", "kind", "online_url", "place", "rsvp_deadline", "sequence", "starts_at", "status", "title", "updated_at" FROM "meetings";
DROP TABLE "meetings";
ALTER TABLE "new_meetings" RENAME TO "meetings";
CREATE INDEX "meetings_status_starts_at_idx" ON "meetings"("status", "starts_at");
CREATE TABLE "new_users" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "telegram_id" BIGINT NOT NULL,
    "username" TEXT,
    "full_name" TEXT,
    "search_name" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL DEFAULT 'ru',
    "role" TEXT NOT NULL DEFAULT 'teacher',
    "consent_at" DATETIME,
    "registered_at" DATETIME,
    "school_id" INTEGER,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "blocked_at" DATETIME,
    "mute_announcements" BOOLEAN NOT NULL DEFAULT false,
    "notify_new_courses" BOOLEAN NOT NULL DEFAULT true,
    "attestation_category" TEXT,
    "attestation_until" DATETIME,
    "district_id" INTEGER,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "users_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "schools" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "users_district_id_fkey" FOREIGN KEY ("district_id") REFERENCES "districts" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_users" ("attestation_category", "attestation_until", "blocked_at", "consent_at", "created_at", "district_id", "full_name", "id", "is_active", "language", "mute_announcements", "notify_new_courses", "registered_at", "role", "school_id", "search_name", "telegram_id", "updated_at", "username") SELECT "attestation_category", "attestation_until", "blocked_at", "consent_at", "created_at", "district_id", "full_name", "id", "is_active", "language", "mute_announcements", "notify_new_courses", "registered_at", "role", "school_id", "search_name", "telegram_id", "updated_at", "username" FROM "users";
DROP TABLE "users";
ALTER TABLE "new_users" RENAME TO "users";
CREATE UNIQUE INDEX "users_telegram_id_key" ON "users"("telegram_id");
CREATE INDEX "users_role_idx" ON "users"("role");
CREATE INDEX "users_school_id_idx" ON "users"("school_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

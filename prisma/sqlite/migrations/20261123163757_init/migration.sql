-- CreateTable
CREATE TABLE "users" (
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
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "users_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "schools" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "schools" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "cluster" TEXT,
    "search_text" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "subjects" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "teacher_subjects" (
    "user_id" INTEGER NOT NULL,
    "subject_id" INTEGER NOT NULL,

    PRIMARY KEY ("user_id", "subject_id"),
    CONSTRAINT "teacher_subjects_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "teacher_subjects_subject_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "subjects" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "courses" (
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
    "created_by_id" INTEGER,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "courses_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "course_subjects" (
    "course_id" INTEGER NOT NULL,
    "subject_id" INTEGER NOT NULL,

    PRIMARY KEY ("course_id", "subject_id"),
    CONSTRAINT "course_subjects_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "course_subjects_subject_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "subjects" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "course_registrations" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "course_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "queued_at" DATETIME NOT NULL,
    "offered_at" DATETIME,
    "offer_expires_at" DATETIME,
    "completed_at" DATETIME,
    "cancelled_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "course_registrations_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "course_registrations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "open_lessons" (
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

-- CreateTable
CREATE TABLE "lesson_visits" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "lesson_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'going',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "lesson_visits_lesson_id_fkey" FOREIGN KEY ("lesson_id") REFERENCES "open_lessons" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "lesson_visits_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "lesson_feedback" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "lesson_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "goal_clarity" INTEGER NOT NULL,
    "method_use" INTEGER NOT NULL,
    "pupil_activity" INTEGER NOT NULL,
    "comment" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "lesson_feedback_lesson_id_fkey" FOREIGN KEY ("lesson_id") REFERENCES "open_lessons" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "lesson_feedback_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "materials" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "author_id" INTEGER NOT NULL,
    "subject_id" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "grades" TEXT NOT NULL DEFAULT '',
    "file_id" TEXT,
    "file_unique_id" TEXT,
    "file_kind" TEXT,
    "file_name" TEXT,
    "mime_type" TEXT,
    "file_size" INTEGER,
    "url" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reject_reason" TEXT,
    "moderated_by_id" INTEGER,
    "moderated_at" DATETIME,
    "search_text" TEXT NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "up_votes" INTEGER NOT NULL DEFAULT 0,
    "down_votes" INTEGER NOT NULL DEFAULT 0,
    "score" REAL NOT NULL DEFAULT 0,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "materials_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "materials_moderated_by_id_fkey" FOREIGN KEY ("moderated_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "materials_subject_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "subjects" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "material_votes" (
    "material_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,

    PRIMARY KEY ("material_id", "user_id"),
    CONSTRAINT "material_votes_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "materials" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "material_votes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "meetings" (
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
    "created_by_id" INTEGER,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "meetings_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "meeting_subjects" (
    "meeting_id" INTEGER NOT NULL,
    "subject_id" INTEGER NOT NULL,

    PRIMARY KEY ("meeting_id", "subject_id"),
    CONSTRAINT "meeting_subjects_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "meeting_subjects_subject_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "subjects" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "meeting_schools" (
    "meeting_id" INTEGER NOT NULL,
    "school_id" INTEGER NOT NULL,

    PRIMARY KEY ("meeting_id", "school_id"),
    CONSTRAINT "meeting_schools_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "meeting_schools_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "schools" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "meeting_rsvps" (
    "meeting_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "answer" TEXT,
    "answered_at" DATETIME,
    "attended" BOOLEAN,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,

    PRIMARY KEY ("meeting_id", "user_id"),
    CONSTRAINT "meeting_rsvps_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "meeting_rsvps_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "broadcasts" (
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
    CONSTRAINT "broadcasts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "outbox_messages" (
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

-- CreateTable
CREATE TABLE "delivery_attempts" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "message_id" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "outcome" TEXT NOT NULL,
    "error_code" INTEGER,
    "detail" TEXT,
    "duration_ms" INTEGER NOT NULL,
    CONSTRAINT "delivery_attempts_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "outbox_messages" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "scheduled_tasks" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "due_at" DATETIME NOT NULL,
    "event_at" DATETIME,
    "dedupe_key" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "locked_by" TEXT,
    "locked_until" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "done_at" DATETIME,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "bot_sessions" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "bot_conversations" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updated_at" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "users_telegram_id_key" ON "users"("telegram_id");

-- CreateIndex
CREATE INDEX "users_role_idx" ON "users"("role");

-- CreateIndex
CREATE INDEX "users_school_id_idx" ON "users"("school_id");

-- CreateIndex
CREATE UNIQUE INDEX "schools_name_key" ON "schools"("name");

-- CreateIndex
CREATE UNIQUE INDEX "subjects_code_key" ON "subjects"("code");

-- CreateIndex
CREATE INDEX "teacher_subjects_subject_id_idx" ON "teacher_subjects"("subject_id");

-- CreateIndex
CREATE INDEX "courses_status_start_date_idx" ON "courses"("status", "start_date");

-- CreateIndex
CREATE INDEX "course_subjects_subject_id_idx" ON "course_subjects"("subject_id");

-- CreateIndex
CREATE INDEX "course_registrations_course_id_status_queued_at_idx" ON "course_registrations"("course_id", "status", "queued_at");

-- CreateIndex
CREATE INDEX "course_registrations_user_id_status_idx" ON "course_registrations"("user_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "course_registrations_course_id_user_id_key" ON "course_registrations"("course_id", "user_id");

-- CreateIndex
CREATE INDEX "open_lessons_status_starts_at_idx" ON "open_lessons"("status", "starts_at");

-- CreateIndex
CREATE INDEX "open_lessons_subject_id_status_idx" ON "open_lessons"("subject_id", "status");

-- CreateIndex
CREATE INDEX "open_lessons_author_id_idx" ON "open_lessons"("author_id");

-- CreateIndex
CREATE INDEX "lesson_visits_user_id_idx" ON "lesson_visits"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "lesson_visits_lesson_id_user_id_key" ON "lesson_visits"("lesson_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "lesson_feedback_lesson_id_user_id_key" ON "lesson_feedback"("lesson_id", "user_id");

-- CreateIndex
CREATE INDEX "materials_status_subject_id_score_idx" ON "materials"("status", "subject_id", "score");

-- CreateIndex
CREATE INDEX "materials_author_id_idx" ON "materials"("author_id");

-- CreateIndex
CREATE INDEX "material_votes_user_id_idx" ON "material_votes"("user_id");

-- CreateIndex
CREATE INDEX "meetings_status_starts_at_idx" ON "meetings"("status", "starts_at");

-- CreateIndex
CREATE INDEX "meeting_rsvps_user_id_idx" ON "meeting_rsvps"("user_id");

-- CreateIndex
CREATE INDEX "broadcasts_created_at_idx" ON "broadcasts"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_messages_dedupe_key_key" ON "outbox_messages"("dedupe_key");

-- CreateIndex
CREATE INDEX "outbox_messages_status_not_before_idx" ON "outbox_messages"("status", "not_before");

-- CreateIndex
CREATE INDEX "outbox_messages_group_id_status_idx" ON "outbox_messages"("group_id", "status");

-- CreateIndex
CREATE INDEX "outbox_messages_chat_id_status_id_idx" ON "outbox_messages"("chat_id", "status", "id");

-- CreateIndex
CREATE INDEX "delivery_attempts_message_id_idx" ON "delivery_attempts"("message_id");

-- CreateIndex
CREATE UNIQUE INDEX "scheduled_tasks_dedupe_key_key" ON "scheduled_tasks"("dedupe_key");

-- CreateIndex
CREATE INDEX "scheduled_tasks_status_due_at_idx" ON "scheduled_tasks"("status", "due_at");

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_schools" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "cluster" TEXT,
    "search_text" TEXT NOT NULL,
    "district_id" INTEGER,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sample" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "schools_district_id_fkey" FOREIGN KEY ("district_id") REFERENCES "districts" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_schools" ("cluster", "created_at", "district_id", "id", "name", "search_text") SELECT "cluster", "created_at", "district_id", "id", "name", "search_text" FROM "schools";
DROP TABLE "schools";
ALTER TABLE "new_schools" RENAME TO "schools";
CREATE UNIQUE INDEX "schools_name_key" ON "schools"("name");
CREATE INDEX "schools_district_id_idx" ON "schools"("district_id");
CREATE TABLE "new_subjects" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sample" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_subjects" ("code", "created_at", "id", "name_en", "name_ru", "sort_order") SELECT "code", "created_at", "id", "name_en", "name_ru", "sort_order" FROM "subjects";
DROP TABLE "subjects";
ALTER TABLE "new_subjects" RENAME TO "subjects";
CREATE UNIQUE INDEX "subjects_code_key" ON "subjects"("code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

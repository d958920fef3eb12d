-- AlterTable
ALTER TABLE "open_lessons" ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0;

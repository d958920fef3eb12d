-- AlterTable
ALTER TABLE "schools" ADD COLUMN     "sample" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "subjects" ADD COLUMN     "sample" BOOLEAN NOT NULL DEFAULT false;

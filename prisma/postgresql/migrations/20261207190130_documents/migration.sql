-- CreateEnum
CREATE TYPE "CertificateKind" AS ENUM ('material', 'lesson', 'meeting');

-- AlterTable
ALTER TABLE "meeting_rsvps" ADD COLUMN     "marked_at" TIMESTAMP(3),
ADD COLUMN     "marked_by_id" INTEGER;

-- CreateTable
CREATE TABLE "certificates" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "kind" "CertificateKind" NOT NULL,
    "source_key" TEXT NOT NULL,
    "holder_id" INTEGER,
    "material_id" INTEGER,
    "lesson_id" INTEGER,
    "meeting_id" INTEGER,
    "holder_name" TEXT NOT NULL,
    "school_name" TEXT,
    "title" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '{}',
    "event_at" TIMESTAMP(3) NOT NULL,
    "approved_by_id" INTEGER,
    "approved_by_name" TEXT,
    "issuer" TEXT NOT NULL,
    "issuer_en" TEXT NOT NULL,
    "issued_at" TIMESTAMP(3) NOT NULL,
    "erased_at" TIMESTAMP(3),

    CONSTRAINT "certificates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "certificates_number_key" ON "certificates"("number");

-- CreateIndex
CREATE UNIQUE INDEX "certificates_source_key_key" ON "certificates"("source_key");

-- CreateIndex
CREATE INDEX "certificates_holder_id_idx" ON "certificates"("holder_id");

-- CreateIndex
CREATE INDEX "certificates_approved_by_id_idx" ON "certificates"("approved_by_id");

-- AddForeignKey
ALTER TABLE "meeting_rsvps" ADD CONSTRAINT "meeting_rsvps_marked_by_id_fkey" FOREIGN KEY ("marked_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_holder_id_fkey" FOREIGN KEY ("holder_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "materials"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_lesson_id_fkey" FOREIGN KEY ("lesson_id") REFERENCES "open_lessons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterEnum
ALTER TYPE "MeetingAudience" ADD VALUE 'districts';

-- CreateTable
CREATE TABLE "meeting_districts" (
    "meeting_id" INTEGER NOT NULL,
    "district_id" INTEGER NOT NULL,

    CONSTRAINT "meeting_districts_pkey" PRIMARY KEY ("meeting_id","district_id")
);

-- AddForeignKey
ALTER TABLE "meeting_districts" ADD CONSTRAINT "meeting_districts_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_districts" ADD CONSTRAINT "meeting_districts_district_id_fkey" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

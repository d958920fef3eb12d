-- CreateTable
CREATE TABLE "meeting_districts" (
    "meeting_id" INTEGER NOT NULL,
    "district_id" INTEGER NOT NULL,

    PRIMARY KEY ("meeting_id", "district_id"),
    CONSTRAINT "meeting_districts_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "meeting_districts_district_id_fkey" FOREIGN KEY ("district_id") REFERENCES "districts" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

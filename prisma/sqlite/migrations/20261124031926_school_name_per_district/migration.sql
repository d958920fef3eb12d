-- DropIndex
DROP INDEX "schools_district_id_idx";

-- DropIndex
DROP INDEX "schools_name_key";

-- CreateIndex
CREATE UNIQUE INDEX "schools_district_id_name_key" ON "schools"("district_id", "name");

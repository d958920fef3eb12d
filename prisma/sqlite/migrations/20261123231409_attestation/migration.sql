-- AlterTable
ALTER TABLE "users" ADD COLUMN "attestation_category" TEXT;
ALTER TABLE "users" ADD COLUMN "attestation_until" DATETIME;

-- CreateEnum
CREATE TYPE "AttestationCategory" AS ENUM ('none', 'compliance', 'first', 'highest');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "attestation_category" "AttestationCategory",
ADD COLUMN     "attestation_until" TIMESTAMP(3);

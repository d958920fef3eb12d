-- AlterTable
ALTER TABLE "outbox_messages" ADD COLUMN     "expires_at" TIMESTAMP(3),
ADD COLUMN     "priority" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "sender_pauses" (
    "id" INTEGER NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sender_pauses_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_messages_status_priority_id_idx" ON "outbox_messages"("status", "priority", "id");

-- CreateIndex
CREATE INDEX "outbox_messages_status_expires_at_idx" ON "outbox_messages"("status", "expires_at");

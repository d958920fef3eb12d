-- AlterTable
ALTER TABLE "broadcasts" ADD COLUMN     "closed_at" TIMESTAMP(3),
ADD COLUMN     "multiple_choice" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "options" TEXT;

-- CreateTable
CREATE TABLE "broadcast_answers" (
    "id" SERIAL NOT NULL,
    "broadcast_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "choices" INTEGER NOT NULL,
    "answered_at" TIMESTAMP(3) NOT NULL,
    "changed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "broadcast_answers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "broadcast_answers_user_id_idx" ON "broadcast_answers"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "broadcast_answers_broadcast_id_user_id_key" ON "broadcast_answers"("broadcast_id", "user_id");

-- AddForeignKey
ALTER TABLE "broadcast_answers" ADD CONSTRAINT "broadcast_answers_broadcast_id_fkey" FOREIGN KEY ("broadcast_id") REFERENCES "broadcasts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "broadcast_answers" ADD CONSTRAINT "broadcast_answers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Buyer questions (issue #23): the new_question notification type with its switch (on by
-- default, like every type), the questions sync source, and wb_questions beside wb_reviews.
-- The enum values are added, not used, here: PostgreSQL allows that inside a transaction.

-- AlterEnum
ALTER TYPE "sync_source" ADD VALUE 'questions';

-- AlterEnum
ALTER TYPE "notification_type" ADD VALUE 'new_question';

-- AlterTable
ALTER TABLE "notification_settings" ADD COLUMN     "new_questions_enabled" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "wb_questions" (
    "id" BIGSERIAL NOT NULL,
    "cabinet_id" UUID NOT NULL,
    "question_id" TEXT NOT NULL,
    "nm_id" INTEGER NOT NULL,
    "imt_id" INTEGER,
    "product_name" TEXT,
    "supplier_article" TEXT,
    "brand_name" TEXT,
    "text" TEXT NOT NULL DEFAULT '',
    "created_date" TIMESTAMPTZ(3) NOT NULL,
    "is_answered" BOOLEAN NOT NULL DEFAULT false,
    "answer_text" TEXT,
    "state" TEXT,
    "was_viewed" BOOLEAN,
    "is_warned" BOOLEAN,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wb_questions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "wb_questions_cabinet_id_created_date_idx" ON "wb_questions"("cabinet_id", "created_date" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "wb_questions_cabinet_id_question_id_key" ON "wb_questions"("cabinet_id", "question_id");

-- AddForeignKey
ALTER TABLE "wb_questions" ADD CONSTRAINT "wb_questions_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

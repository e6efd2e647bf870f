-- Answers to buyers (issue #23): one row per answer slot (cabinet, review or question,
-- revision 0 or its one edit), claimed before WB is called, and per-cabinet reply templates.

-- CreateEnum
CREATE TYPE "buyer_text_kind" AS ENUM ('review', 'question');

-- CreateEnum
CREATE TYPE "buyer_answer_status" AS ENUM ('sending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "buyer_answers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "cabinet_id" UUID NOT NULL,
    "kind" "buyer_text_kind" NOT NULL,
    "target_id" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "author_user_id" UUID,
    "source" TEXT NOT NULL,
    "status" "buyer_answer_status" NOT NULL,
    "error_code" TEXT,
    "attempted_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "buyer_answers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "answer_templates" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "cabinet_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answer_templates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "buyer_answers_cabinet_id_kind_target_id_revision_key" ON "buyer_answers"("cabinet_id", "kind", "target_id", "revision");

-- CreateIndex
CREATE INDEX "answer_templates_cabinet_id_idx" ON "answer_templates"("cabinet_id");

-- AddForeignKey
ALTER TABLE "buyer_answers" ADD CONSTRAINT "buyer_answers_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "buyer_answers" ADD CONSTRAINT "buyer_answers_author_user_id_fkey" FOREIGN KEY ("author_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_templates" ADD CONSTRAINT "answer_templates_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_templates" ADD CONSTRAINT "answer_templates_created_by_user_id_fkey" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

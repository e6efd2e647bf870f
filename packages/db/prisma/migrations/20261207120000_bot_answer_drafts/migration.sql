-- Answering buyers from Telegram (issue #23): the bot's drafts, so a restart mid-conversation
-- loses nothing, and the notification messages that carry «Ответить», so every member's copy
-- can be redrawn with the answer once it is sent.

-- CreateTable
CREATE TABLE "bot_answer_drafts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "cabinet_id" UUID NOT NULL,
    "kind" "buyer_text_kind" NOT NULL,
    "target_id" TEXT NOT NULL,
    "chat_id" BIGINT NOT NULL,
    "stage" TEXT NOT NULL,
    "text" TEXT,
    "screen_message_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bot_answer_drafts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bot_answer_messages" (
    "chat_id" BIGINT NOT NULL,
    "message_id" INTEGER NOT NULL,
    "cabinet_id" UUID NOT NULL,
    "kind" "buyer_text_kind" NOT NULL,
    "target_id" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "with_photo" BOOLEAN NOT NULL,
    "keyboard" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bot_answer_messages_pkey" PRIMARY KEY ("chat_id","message_id")
);

-- CreateIndex
CREATE INDEX "bot_answer_drafts_user_id_stage_updated_at_idx" ON "bot_answer_drafts"("user_id", "stage", "updated_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "bot_answer_drafts_user_id_cabinet_id_kind_target_id_key" ON "bot_answer_drafts"("user_id", "cabinet_id", "kind", "target_id");

-- CreateIndex
CREATE INDEX "bot_answer_messages_cabinet_id_kind_target_id_idx" ON "bot_answer_messages"("cabinet_id", "kind", "target_id");

-- AddForeignKey
ALTER TABLE "bot_answer_drafts" ADD CONSTRAINT "bot_answer_drafts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bot_answer_drafts" ADD CONSTRAINT "bot_answer_drafts_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bot_answer_messages" ADD CONSTRAINT "bot_answer_messages_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

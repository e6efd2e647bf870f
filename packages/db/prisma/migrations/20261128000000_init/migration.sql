-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "cabinet_status" AS ENUM ('initial_sync', 'ready', 'key_invalid', 'paused');

-- CreateEnum
CREATE TYPE "wb_token_type" AS ENUM ('base', 'test', 'personal', 'service');

-- CreateEnum
CREATE TYPE "cabinet_role" AS ENUM ('owner', 'member');

-- CreateEnum
CREATE TYPE "sale_type" AS ENUM ('buyout', 'return');

-- CreateEnum
CREATE TYPE "sync_source" AS ENUM ('orders', 'sales', 'stocks', 'reviews', 'products', 'order_feed');

-- CreateEnum
CREATE TYPE "sync_kind" AS ENUM ('initial', 'periodic', 'manual');

-- CreateEnum
CREATE TYPE "sync_status" AS ENUM ('running', 'success', 'partial', 'failed');

-- CreateEnum
CREATE TYPE "notification_type" AS ENUM ('new_order', 'buyout', 'cancellation', 'return', 'negative_review', 'critical_stock');

-- CreateEnum
CREATE TYPE "notification_status" AS ENUM ('pending', 'sent', 'failed', 'suppressed');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "telegram_id" BIGINT NOT NULL,
    "username" TEXT,
    "first_name" TEXT,
    "last_name" TEXT,
    "language_code" TEXT,
    "time_zone" TEXT NOT NULL DEFAULT 'Europe/Moscow',
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "blocked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cabinets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "seller_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "trade_mark" TEXT,
    "token_encrypted" TEXT NOT NULL,
    "token_fingerprint" TEXT NOT NULL,
    "token_type" "wb_token_type" NOT NULL,
    "token_scopes" INTEGER NOT NULL,
    "token_read_only" BOOLEAN NOT NULL DEFAULT false,
    "token_expires_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "cabinet_status" NOT NULL DEFAULT 'initial_sync',
    "status_reason" TEXT,
    "critical_stock_threshold" INTEGER NOT NULL DEFAULT 2,
    "sync_progress" JSONB,
    "initial_sync_started_at" TIMESTAMPTZ(3),
    "initial_sync_completed_at" TIMESTAMPTZ(3),
    "last_sync_at" TIMESTAMPTZ(3),
    "next_sync_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cabinets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cabinet_users" (
    "cabinet_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "cabinet_role" NOT NULL DEFAULT 'member',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cabinet_users_pkey" PRIMARY KEY ("cabinet_id","user_id")
);

-- CreateTable
CREATE TABLE "cabinet_invites" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "cabinet_id" UUID NOT NULL,
    "created_by_user_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "accepted_by_user_id" UUID,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cabinet_invites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_links" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "token_prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wb_orders" (
    "id" BIGSERIAL NOT NULL,
    "cabinet_id" UUID NOT NULL,
    "srid" TEXT NOT NULL,
    "order_date" TIMESTAMPTZ(3) NOT NULL,
    "last_change_date" TIMESTAMPTZ(3) NOT NULL,
    "warehouse_name" TEXT NOT NULL,
    "warehouse_type" TEXT,
    "country_name" TEXT,
    "oblast_okrug_name" TEXT,
    "region_name" TEXT,
    "supplier_article" TEXT NOT NULL,
    "nm_id" INTEGER NOT NULL,
    "barcode" TEXT NOT NULL,
    "category" TEXT,
    "subject" TEXT,
    "brand" TEXT,
    "tech_size" TEXT NOT NULL,
    "income_id" BIGINT,
    "is_supply" BOOLEAN,
    "is_realization" BOOLEAN,
    "total_price" DECIMAL(14,2) NOT NULL,
    "discount_percent" INTEGER NOT NULL,
    "spp" DECIMAL(7,2) NOT NULL,
    "finished_price" DECIMAL(14,2) NOT NULL,
    "price_with_disc" DECIMAL(14,2) NOT NULL,
    "is_cancel" BOOLEAN NOT NULL,
    "cancel_date" TIMESTAMPTZ(3),
    "sticker" TEXT,
    "g_number" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wb_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wb_sales" (
    "id" BIGSERIAL NOT NULL,
    "cabinet_id" UUID NOT NULL,
    "sale_id" TEXT NOT NULL,
    "type" "sale_type" NOT NULL,
    "srid" TEXT NOT NULL,
    "sale_date" TIMESTAMPTZ(3) NOT NULL,
    "last_change_date" TIMESTAMPTZ(3) NOT NULL,
    "warehouse_name" TEXT NOT NULL,
    "warehouse_type" TEXT,
    "country_name" TEXT,
    "oblast_okrug_name" TEXT,
    "region_name" TEXT,
    "supplier_article" TEXT NOT NULL,
    "nm_id" INTEGER NOT NULL,
    "barcode" TEXT NOT NULL,
    "category" TEXT,
    "subject" TEXT,
    "brand" TEXT,
    "tech_size" TEXT NOT NULL,
    "income_id" BIGINT,
    "is_supply" BOOLEAN,
    "is_realization" BOOLEAN,
    "total_price" DECIMAL(14,2) NOT NULL,
    "discount_percent" INTEGER NOT NULL,
    "spp" DECIMAL(7,2) NOT NULL,
    "payment_sale_amount" DECIMAL(14,2) NOT NULL,
    "for_pay" DECIMAL(14,2) NOT NULL,
    "finished_price" DECIMAL(14,2) NOT NULL,
    "price_with_disc" DECIMAL(14,2) NOT NULL,
    "sticker" TEXT,
    "g_number" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wb_sales_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wb_products" (
    "id" BIGSERIAL NOT NULL,
    "cabinet_id" UUID NOT NULL,
    "nm_id" INTEGER NOT NULL,
    "imt_id" INTEGER,
    "vendor_code" TEXT NOT NULL,
    "brand" TEXT,
    "title" TEXT NOT NULL,
    "subject_name" TEXT,
    "image_url" TEXT,
    "photos" JSONB NOT NULL DEFAULT '[]',
    "sizes" JSONB NOT NULL DEFAULT '[]',
    "wb_created_at" TIMESTAMPTZ(3),
    "wb_updated_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wb_products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wb_stocks" (
    "id" BIGSERIAL NOT NULL,
    "cabinet_id" UUID NOT NULL,
    "nm_id" INTEGER NOT NULL,
    "size_key" TEXT NOT NULL,
    "warehouse_key" TEXT NOT NULL,
    "chrt_id" BIGINT,
    "tech_size" TEXT,
    "barcode" TEXT,
    "vendor_code" TEXT,
    "warehouse_id" BIGINT,
    "warehouse_name" TEXT NOT NULL,
    "region_name" TEXT,
    "quantity" INTEGER NOT NULL,
    "in_way_to_client" INTEGER NOT NULL DEFAULT 0,
    "in_way_from_client" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wb_stocks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wb_reviews" (
    "id" BIGSERIAL NOT NULL,
    "cabinet_id" UUID NOT NULL,
    "review_id" TEXT NOT NULL,
    "nm_id" INTEGER NOT NULL,
    "imt_id" INTEGER,
    "product_name" TEXT,
    "supplier_article" TEXT,
    "brand_name" TEXT,
    "size" TEXT,
    "subject_name" TEXT,
    "rating" INTEGER NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "pros" TEXT NOT NULL DEFAULT '',
    "cons" TEXT NOT NULL DEFAULT '',
    "user_name" TEXT,
    "created_date" TIMESTAMPTZ(3) NOT NULL,
    "is_answered" BOOLEAN NOT NULL DEFAULT false,
    "answer_text" TEXT,
    "state" TEXT,
    "was_viewed" BOOLEAN,
    "order_status" TEXT,
    "matching_size" TEXT,
    "photo_links" JSONB,
    "has_video" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wb_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wb_sync_watermarks" (
    "cabinet_id" UUID NOT NULL,
    "source" "sync_source" NOT NULL,
    "watermark" TIMESTAMPTZ(3),
    "cursor" JSONB,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wb_sync_watermarks_pkey" PRIMARY KEY ("cabinet_id","source")
);

-- CreateTable
CREATE TABLE "wb_sync_logs" (
    "id" BIGSERIAL NOT NULL,
    "cabinet_id" UUID NOT NULL,
    "kind" "sync_kind" NOT NULL,
    "status" "sync_status" NOT NULL DEFAULT 'running',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,
    "counts" JSONB NOT NULL DEFAULT '{}',
    "skipped_rows" INTEGER NOT NULL DEFAULT 0,
    "events_created" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB,
    "job_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wb_sync_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wb_rate_limits" (
    "seller_id" TEXT NOT NULL,
    "token_type" "wb_token_type" NOT NULL,
    "method_group" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "blocked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wb_rate_limits_pkey" PRIMARY KEY ("seller_id","token_type","method_group")
);

-- CreateTable
CREATE TABLE "notification_settings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "cabinet_id" UUID NOT NULL,
    "notifications_enabled" BOOLEAN NOT NULL DEFAULT true,
    "new_orders_enabled" BOOLEAN NOT NULL DEFAULT true,
    "order_buyouts_enabled" BOOLEAN NOT NULL DEFAULT true,
    "order_cancellations_enabled" BOOLEAN NOT NULL DEFAULT true,
    "order_returns_enabled" BOOLEAN NOT NULL DEFAULT true,
    "negative_reviews_enabled" BOOLEAN NOT NULL DEFAULT true,
    "critical_stocks_enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_events" (
    "id" BIGSERIAL NOT NULL,
    "cabinet_id" UUID NOT NULL,
    "type" "notification_type" NOT NULL,
    "event_key" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "sync_log_id" BIGINT,
    "fanned_out_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_history" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "cabinet_id" UUID NOT NULL,
    "outbox_event_id" BIGINT NOT NULL,
    "event_key" TEXT NOT NULL,
    "type" "notification_type" NOT NULL,
    "status" "notification_status" NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_history_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_telegram_id_key" ON "users"("telegram_id");

-- CreateIndex
CREATE UNIQUE INDEX "cabinets_seller_id_key" ON "cabinets"("seller_id");

-- CreateIndex
CREATE INDEX "cabinets_status_next_sync_at_idx" ON "cabinets"("status", "next_sync_at");

-- CreateIndex
CREATE INDEX "cabinet_users_user_id_idx" ON "cabinet_users"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "cabinet_invites_code_hash_key" ON "cabinet_invites"("code_hash");

-- CreateIndex
CREATE INDEX "cabinet_invites_cabinet_id_idx" ON "cabinet_invites"("cabinet_id");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "sessions_expires_at_idx" ON "sessions"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "login_links_token_hash_key" ON "login_links"("token_hash");

-- CreateIndex
CREATE INDEX "login_links_user_id_idx" ON "login_links"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- CreateIndex
CREATE INDEX "wb_orders_cabinet_id_order_date_idx" ON "wb_orders"("cabinet_id", "order_date" DESC);

-- CreateIndex
CREATE INDEX "wb_orders_cabinet_id_last_change_date_idx" ON "wb_orders"("cabinet_id", "last_change_date");

-- CreateIndex
CREATE INDEX "wb_orders_cabinet_id_nm_id_idx" ON "wb_orders"("cabinet_id", "nm_id");

-- CreateIndex
CREATE UNIQUE INDEX "wb_orders_cabinet_id_srid_key" ON "wb_orders"("cabinet_id", "srid");

-- CreateIndex
CREATE INDEX "wb_sales_cabinet_id_sale_date_idx" ON "wb_sales"("cabinet_id", "sale_date" DESC);

-- CreateIndex
CREATE INDEX "wb_sales_cabinet_id_type_sale_date_idx" ON "wb_sales"("cabinet_id", "type", "sale_date" DESC);

-- CreateIndex
CREATE INDEX "wb_sales_cabinet_id_last_change_date_idx" ON "wb_sales"("cabinet_id", "last_change_date");

-- CreateIndex
CREATE INDEX "wb_sales_cabinet_id_srid_idx" ON "wb_sales"("cabinet_id", "srid");

-- CreateIndex
CREATE UNIQUE INDEX "wb_sales_cabinet_id_sale_id_key" ON "wb_sales"("cabinet_id", "sale_id");

-- CreateIndex
CREATE INDEX "wb_products_cabinet_id_vendor_code_idx" ON "wb_products"("cabinet_id", "vendor_code");

-- CreateIndex
CREATE UNIQUE INDEX "wb_products_cabinet_id_nm_id_key" ON "wb_products"("cabinet_id", "nm_id");

-- CreateIndex
CREATE INDEX "wb_stocks_cabinet_id_quantity_idx" ON "wb_stocks"("cabinet_id", "quantity");

-- CreateIndex
CREATE UNIQUE INDEX "wb_stocks_cabinet_id_nm_id_size_key_warehouse_key_key" ON "wb_stocks"("cabinet_id", "nm_id", "size_key", "warehouse_key");

-- CreateIndex
CREATE INDEX "wb_reviews_cabinet_id_created_date_idx" ON "wb_reviews"("cabinet_id", "created_date" DESC);

-- CreateIndex
CREATE INDEX "wb_reviews_cabinet_id_rating_created_date_idx" ON "wb_reviews"("cabinet_id", "rating", "created_date" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "wb_reviews_cabinet_id_review_id_key" ON "wb_reviews"("cabinet_id", "review_id");

-- CreateIndex
CREATE INDEX "wb_sync_logs_cabinet_id_started_at_idx" ON "wb_sync_logs"("cabinet_id", "started_at" DESC);

-- CreateIndex
CREATE INDEX "wb_sync_logs_status_started_at_idx" ON "wb_sync_logs"("status", "started_at");

-- CreateIndex
CREATE INDEX "notification_settings_cabinet_id_idx" ON "notification_settings"("cabinet_id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_settings_user_id_cabinet_id_key" ON "notification_settings"("user_id", "cabinet_id");

-- CreateIndex
CREATE INDEX "outbox_events_fanned_out_at_id_idx" ON "outbox_events"("fanned_out_at", "id");

-- CreateIndex
CREATE INDEX "outbox_events_cabinet_id_created_at_idx" ON "outbox_events"("cabinet_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_events_event_key_key" ON "outbox_events"("event_key");

-- CreateIndex
CREATE INDEX "notification_history_status_next_attempt_at_idx" ON "notification_history"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "notification_history_user_id_created_at_idx" ON "notification_history"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "notification_history_cabinet_id_created_at_idx" ON "notification_history"("cabinet_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "notification_history_outbox_event_id_idx" ON "notification_history"("outbox_event_id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_history_user_id_event_key_key" ON "notification_history"("user_id", "event_key");

-- AddForeignKey
ALTER TABLE "cabinet_users" ADD CONSTRAINT "cabinet_users_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cabinet_users" ADD CONSTRAINT "cabinet_users_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cabinet_invites" ADD CONSTRAINT "cabinet_invites_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cabinet_invites" ADD CONSTRAINT "cabinet_invites_created_by_user_id_fkey" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cabinet_invites" ADD CONSTRAINT "cabinet_invites_accepted_by_user_id_fkey" FOREIGN KEY ("accepted_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "login_links" ADD CONSTRAINT "login_links_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wb_orders" ADD CONSTRAINT "wb_orders_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wb_sales" ADD CONSTRAINT "wb_sales_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wb_products" ADD CONSTRAINT "wb_products_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wb_stocks" ADD CONSTRAINT "wb_stocks_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wb_reviews" ADD CONSTRAINT "wb_reviews_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wb_sync_watermarks" ADD CONSTRAINT "wb_sync_watermarks_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wb_sync_logs" ADD CONSTRAINT "wb_sync_logs_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_events" ADD CONSTRAINT "outbox_events_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_history" ADD CONSTRAINT "notification_history_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_history" ADD CONSTRAINT "notification_history_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_history" ADD CONSTRAINT "notification_history_outbox_event_id_fkey" FOREIGN KEY ("outbox_event_id") REFERENCES "outbox_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

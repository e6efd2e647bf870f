-- AlterTable
ALTER TABLE "cabinets" ADD COLUMN     "next_feed_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "wb_order_feed" (
    "id" BIGSERIAL NOT NULL,
    "cabinet_id" UUID NOT NULL,
    "srid" TEXT NOT NULL,
    "nm_id" INTEGER NOT NULL,
    "chrt_id" BIGINT,
    "order_date" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "status_date" TIMESTAMPTZ(3) NOT NULL,
    "cancel_type" TEXT,
    "warehouse_name" TEXT,
    "warehouse_region" TEXT,
    "is_mp" BOOLEAN,
    "destination_city" TEXT,
    "destination_district" TEXT,
    "seller_price" DECIMAL(14,2),
    "is_b2b" BOOLEAN,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wb_order_feed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "wb_order_feed_cabinet_id_order_date_idx" ON "wb_order_feed"("cabinet_id", "order_date" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "wb_order_feed_cabinet_id_srid_key" ON "wb_order_feed"("cabinet_id", "srid");

-- CreateIndex
CREATE INDEX "cabinets_status_next_feed_at_idx" ON "cabinets"("status", "next_feed_at");

-- AddForeignKey
ALTER TABLE "wb_order_feed" ADD CONSTRAINT "wb_order_feed_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

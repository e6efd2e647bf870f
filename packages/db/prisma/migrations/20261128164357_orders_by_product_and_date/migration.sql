-- DropIndex
DROP INDEX "wb_orders_cabinet_id_nm_id_idx";

-- CreateIndex
CREATE INDEX "wb_orders_cabinet_id_nm_id_order_date_idx" ON "wb_orders"("cabinet_id", "nm_id", "order_date" DESC);

-- Seller intelligence (issue #22, items 4-6): the stock_forecast, anomaly and key_health
-- notification types with their switches (on by default, like every type), the user's
-- days-of-cover threshold, which forecasts were sent, an index for a day's cancellations,
-- and stock_days_of_cover(): the one definition of days of cover, for the worker's forecast
-- and later the dashboard.
-- The enum values are added, not used, here: PostgreSQL allows that inside a transaction.

-- AlterEnum
ALTER TYPE "notification_type" ADD VALUE 'stock_forecast';
ALTER TYPE "notification_type" ADD VALUE 'anomaly';
ALTER TYPE "notification_type" ADD VALUE 'key_health';

-- AlterTable
ALTER TABLE "notification_settings" ADD COLUMN     "anomalies_enabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "key_health_enabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "stock_forecast_days" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "stock_forecasts_enabled" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "stock_forecast_alerts" (
    "cabinet_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "nm_id" INTEGER NOT NULL,
    "size_key" TEXT NOT NULL,
    "lowest_available" INTEGER NOT NULL,
    "alerted_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stock_forecast_alerts_pkey" PRIMARY KEY ("cabinet_id","user_id","nm_id","size_key")
);

-- CreateIndex
CREATE INDEX "stock_forecast_alerts_user_id_idx" ON "stock_forecast_alerts"("user_id");

-- CreateIndex
CREATE INDEX "wb_orders_cabinet_id_cancel_date_idx" ON "wb_orders"("cabinet_id", "cancel_date");

-- AddForeignKey
ALTER TABLE "stock_forecast_alerts" ADD CONSTRAINT "stock_forecast_alerts_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_forecast_alerts" ADD CONSTRAINT "stock_forecast_alerts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Days of cover per product size at p_at: units available for sale summed over every
-- warehouse (so a move between warehouses changes nothing) ÷ the size's average daily orders
-- over the p_days days before p_at (cancelled orders left out: their units come back).
-- Statistics name an order's size by techSize, the stocks report by chrtId: a chrt size is
-- named through the product card's sizes. days_of_cover is NULL for a size nobody ordered.
CREATE OR REPLACE FUNCTION stock_days_of_cover(p_cabinet_id uuid, p_at timestamptz, p_days int DEFAULT 14)
RETURNS TABLE (
  nm_id int,
  size_key text,
  tech_size text,
  available int,
  orders int,
  avg_daily_orders numeric,
  days_of_cover numeric
)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH stock AS (
    SELECT s.nm_id, s.size_key, max(s.chrt_id) AS chrt_id, max(s.tech_size) AS tech_size,
           sum(s.quantity)::int AS available
    FROM wb_stocks s
    WHERE s.cabinet_id = p_cabinet_id
    GROUP BY s.nm_id, s.size_key
  ),
  named AS (
    SELECT st.nm_id, st.size_key, st.available,
           coalesce(st.tech_size, (
             SELECT z->>'techSize'
             FROM wb_products p CROSS JOIN LATERAL jsonb_array_elements(p.sizes) z
             WHERE p.cabinet_id = p_cabinet_id AND p.nm_id = st.nm_id AND (z->>'chrtID')::bigint = st.chrt_id
             LIMIT 1)) AS tech_size
    FROM stock st
  ),
  demand AS (
    SELECT o.nm_id, o.tech_size, count(*)::int AS n
    FROM wb_orders o
    WHERE o.cabinet_id = p_cabinet_id AND NOT o.is_cancel
      AND o.order_date >= p_at - make_interval(days => p_days) AND o.order_date < p_at
    GROUP BY o.nm_id, o.tech_size
  )
  SELECT n.nm_id, n.size_key, n.tech_size, n.available, coalesce(d.n, 0),
         round(coalesce(d.n, 0)::numeric / p_days, 3),
         CASE WHEN coalesce(d.n, 0) = 0 THEN NULL ELSE round(n.available * p_days::numeric / d.n, 2) END
  FROM named n
  LEFT JOIN demand d ON d.nm_id = n.nm_id AND d.tech_size = n.tech_size
$$;

-- The day's orders and their amount now count the same orders: every order placed that day,
-- cancelled ones included, as WB's own statistics do. The amount used to leave cancelled orders
-- out while the count kept them, so a message could read «1 заказ на 0 ₽». Cancellations keep
-- their own count and amount.
CREATE OR REPLACE FUNCTION wb_daily_totals(p_cabinet_id uuid, p_from date, p_to date, p_zone text, p_until time DEFAULT NULL)
RETURNS TABLE (
  day date,
  orders int,
  orders_amount numeric,
  cancellations int,
  cancellations_amount numeric,
  buyouts int,
  buyouts_amount numeric,
  returns int,
  returns_amount numeric,
  revenue numeric
)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH bounds AS (
    SELECT p_from::timestamp AT TIME ZONE p_zone AS lo, (p_to + 1)::timestamp AT TIME ZONE p_zone AS hi
  ),
  feed AS (
    SELECT f.* FROM wb_order_feed f
    WHERE f.cabinet_id = p_cabinet_id
      AND NOT EXISTS (SELECT 1 FROM wb_orders w WHERE w.cabinet_id = f.cabinet_id AND w.srid = f.srid)
  ),
  -- Cancellations the feed has reported and statistics not yet, on orders statistics may hold.
  feed_cancels AS (
    SELECT f.* FROM wb_order_feed f
    WHERE f.cabinet_id = p_cabinet_id AND f.status = 'cancel'
      AND NOT EXISTS (SELECT 1 FROM wb_orders w WHERE w.cabinet_id = f.cabinet_id AND w.srid = f.srid AND w.is_cancel)
  ),
  placed AS (
    SELECT w.order_date, w.price_with_disc AS price
    FROM wb_orders w, bounds
    WHERE w.cabinet_id = p_cabinet_id AND w.order_date >= bounds.lo AND w.order_date < bounds.hi
    UNION ALL
    SELECT f.order_date, f.seller_price
    FROM feed f, bounds
    WHERE f.order_date >= bounds.lo AND f.order_date < bounds.hi
  ),
  o AS (
    SELECT (p.order_date AT TIME ZONE p_zone)::date AS d, count(*)::int AS n,
           coalesce(sum(p.price), 0) AS amount
    FROM placed p
    WHERE p_until IS NULL OR (p.order_date AT TIME ZONE p_zone)::time < p_until
    GROUP BY 1
  ),
  cancelled AS (
    SELECT w.cancel_date AS at, w.price_with_disc AS price
    FROM wb_orders w, bounds
    WHERE w.cabinet_id = p_cabinet_id AND w.is_cancel AND w.cancel_date >= bounds.lo AND w.cancel_date < bounds.hi
    UNION ALL
    SELECT f.status_date, coalesce(w.price_with_disc, f.seller_price)
    FROM feed_cancels f
    CROSS JOIN bounds
    LEFT JOIN wb_orders w ON w.cabinet_id = f.cabinet_id AND w.srid = f.srid
    WHERE f.status_date >= bounds.lo AND f.status_date < bounds.hi
  ),
  c AS (
    SELECT (x.at AT TIME ZONE p_zone)::date AS d, count(*)::int AS n, coalesce(sum(x.price), 0) AS amount
    FROM cancelled x
    WHERE p_until IS NULL OR (x.at AT TIME ZONE p_zone)::time < p_until
    GROUP BY 1
  ),
  sold AS (
    SELECT w.sale_date AS at, w.type::text AS kind, w.price_with_disc AS price
    FROM wb_sales w, bounds
    WHERE w.cabinet_id = p_cabinet_id AND w.sale_date >= bounds.lo AND w.sale_date < bounds.hi
    UNION ALL
    -- Returns carry negative money in statistics; the feed's seller price is positive.
    SELECT f.status_date,
           CASE WHEN f.status = 'buyout' THEN 'buyout' ELSE 'return' END,
           CASE WHEN f.status = 'buyout' THEN f.seller_price ELSE -f.seller_price END
    FROM wb_order_feed f, bounds
    WHERE f.cabinet_id = p_cabinet_id
      AND f.status IN ('buyout', 'return', 'returnDefective')
      AND f.status_date >= bounds.lo AND f.status_date < bounds.hi
      AND NOT EXISTS (
        SELECT 1 FROM wb_sales s
        WHERE s.cabinet_id = f.cabinet_id AND s.srid = f.srid
          AND s.type::text = CASE WHEN f.status = 'buyout' THEN 'buyout' ELSE 'return' END
      )
  ),
  s AS (
    SELECT (x.at AT TIME ZONE p_zone)::date AS d,
           count(*) FILTER (WHERE x.kind = 'buyout')::int AS buyouts,
           coalesce(sum(x.price) FILTER (WHERE x.kind = 'buyout'), 0) AS buyouts_amount,
           count(*) FILTER (WHERE x.kind = 'return')::int AS returns,
           coalesce(sum(x.price) FILTER (WHERE x.kind = 'return'), 0) AS returns_amount
    FROM sold x
    WHERE p_until IS NULL OR (x.at AT TIME ZONE p_zone)::time < p_until
    GROUP BY 1
  )
  SELECT g.d::date,
         coalesce(o.n, 0), coalesce(o.amount, 0),
         coalesce(c.n, 0), coalesce(c.amount, 0),
         coalesce(s.buyouts, 0), coalesce(s.buyouts_amount, 0),
         coalesce(s.returns, 0), coalesce(s.returns_amount, 0),
         coalesce(s.buyouts_amount, 0) + coalesce(s.returns_amount, 0)
  FROM generate_series(p_from::timestamp, p_to::timestamp, interval '1 day') AS g(d)
  LEFT JOIN o ON o.d = g.d::date
  LEFT JOIN c ON c.d = g.d::date
  LEFT JOIN s ON s.d = g.d::date
  ORDER BY g.d
$$;

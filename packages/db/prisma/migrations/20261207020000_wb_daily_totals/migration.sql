-- The cabinet's totals per calendar day in a time zone, from the synced WB rows: what the
-- dashboard's KPIs show (GraphQL Cabinet.dailyStats) and what a notification's context line
-- quotes («Сегодня: 12 заказов на 34 560 ₽»). One definition both read, so the two figures
-- cannot drift apart. Prisma does not model functions: change it only in a new migration
-- (CREATE OR REPLACE FUNCTION).
--
-- orders: placed that day, cancelled ones included; orders_amount: priceWithDisc of those not
-- cancelled. cancellations: cancelled that day (by cancel date), with their priceWithDisc.
-- buyouts, returns: by sale date, with their priceWithDisc (returns carry negative money);
-- revenue: buyouts plus returns.
CREATE FUNCTION wb_daily_totals(p_cabinet_id uuid, p_from date, p_to date, p_zone text)
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
  o AS (
    SELECT (w.order_date AT TIME ZONE p_zone)::date AS d, count(*)::int AS n,
           coalesce(sum(w.price_with_disc) FILTER (WHERE NOT w.is_cancel), 0) AS amount
    FROM wb_orders w, bounds
    WHERE w.cabinet_id = p_cabinet_id AND w.order_date >= bounds.lo AND w.order_date < bounds.hi
    GROUP BY 1
  ),
  c AS (
    SELECT (w.cancel_date AT TIME ZONE p_zone)::date AS d, count(*)::int AS n,
           coalesce(sum(w.price_with_disc), 0) AS amount
    FROM wb_orders w, bounds
    WHERE w.cabinet_id = p_cabinet_id AND w.is_cancel AND w.cancel_date >= bounds.lo AND w.cancel_date < bounds.hi
    GROUP BY 1
  ),
  s AS (
    SELECT (w.sale_date AT TIME ZONE p_zone)::date AS d,
           count(*) FILTER (WHERE w.type = 'buyout')::int AS buyouts,
           coalesce(sum(w.price_with_disc) FILTER (WHERE w.type = 'buyout'), 0) AS buyouts_amount,
           count(*) FILTER (WHERE w.type = 'return')::int AS returns,
           coalesce(sum(w.price_with_disc) FILTER (WHERE w.type = 'return'), 0) AS returns_amount
    FROM wb_sales w, bounds
    WHERE w.cabinet_id = p_cabinet_id AND w.sale_date >= bounds.lo AND w.sale_date < bounds.hi
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

-- A buyout and a return were identified by WB's saleID, which only statistics know. The order
-- feed reports the same buyout or return by the order's srid, up to 30 minutes earlier. Both
-- sources now name a buyout and a return by the srid (an order line is bought out once and
-- returned once), so the event one source notified is the one the other finds already there.
-- This rewrites the keys of the events already stored, and of their history rows, so that an
-- upgrade notifies nothing again. Should two stored events of one type share a srid (WB is not
-- expected to send that), the oldest takes the new key and the others keep theirs: they were
-- notified already and nothing produces their old key any more. Running it twice changes nothing.
WITH renamed AS (
  SELECT DISTINCT ON (cabinet_id, type, payload->>'srid')
         id, cabinet_id::text || ':' || type::text || ':' || (payload->>'srid') AS new_key
  FROM outbox_events
  WHERE type IN ('buyout', 'return') AND coalesce(payload->>'srid', '') <> ''
  ORDER BY cabinet_id, type, payload->>'srid', id
), free AS (
  SELECT r.id, r.new_key FROM renamed r
  WHERE NOT EXISTS (SELECT 1 FROM outbox_events o WHERE o.event_key = r.new_key)
), outbox AS (
  UPDATE outbox_events o SET event_key = free.new_key FROM free WHERE o.id = free.id
  RETURNING o.id, o.event_key
)
UPDATE notification_history h SET event_key = outbox.event_key FROM outbox WHERE h.outbox_event_id = outbox.id;

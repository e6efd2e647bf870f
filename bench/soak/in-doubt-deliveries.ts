import type pg from 'pg';

/**
 * The deliveries the bot sent again after a send whose outcome it could not know (marked
 * in_doubt), named as compareDeliveries expects them (deliveryKey: chat and outbox key).
 */
export async function inDoubtDeliveries(pool: pg.Pool): Promise<Set<string>> {
  const { rows } = await pool.query<{ key: string }>(
    `SELECT u.telegram_id::text || ' ' || o.event_key AS key
     FROM notification_history h
     JOIN outbox_events o ON o.id = h.outbox_event_id
     JOIN users u ON u.id = h.user_id
     WHERE h.in_doubt`,
  );
  return new Set(rows.map((row) => row.key));
}

import type pg from 'pg';
import { deliveryKey } from './expected-event.ts';

/**
 * The deliveries the bot sent again after a send whose outcome it could not know (marked
 * in_doubt), named as compareDeliveries expects them (deliveryKey: chat and outbox key).
 */
export async function inDoubtDeliveries(pool: pg.Pool): Promise<Set<string>> {
  const { rows } = await pool.query<{ chat_id: string; event_key: string }>(
    `SELECT u.telegram_id::text AS chat_id, o.event_key
     FROM notification_history h
     JOIN outbox_events o ON o.id = h.outbox_event_id
     JOIN users u ON u.id = h.user_id
     WHERE h.in_doubt`,
  );
  return new Set(rows.map((row) => deliveryKey(row.chat_id, row.event_key)));
}

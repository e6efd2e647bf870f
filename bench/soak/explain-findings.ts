import type pg from 'pg';
import type { Comparison } from './compare-deliveries.ts';
import { outboxKey, type ExpectedEvent } from './expected-event.ts';

const SHOWN = 10;

/**
 * Evidence for each finding, from the database: whether the sync detected the event at all
 * (an outbox row) and what became of the chat's notification (status, attempts, last error).
 * A lost event with no outbox row was never detected; one whose notification says "sent" was
 * lost between the bot and Telegram; a duplicate with one "sent" row was sent twice for it.
 */
export async function explainFindings(
  pool: pg.Pool,
  comparison: Comparison,
  events: ExpectedEvent[],
): Promise<string[]> {
  const lines: string[] = [];
  const describe = async (event: ExpectedEvent, chatId: number) => {
    const { rows } = await pool.query<{
      outbox: string | null;
      status: string | null;
      attempts: number | null;
      error: string | null;
      sent_at: Date | null;
      sync_log_id: string | null;
      in_doubt: boolean | null;
    }>(
      `SELECT o.id::text AS outbox, o.sync_log_id::text, h.status::text, h.attempts, coalesce(h.last_error, h.reason) AS error, h.sent_at,
              h.in_doubt
       FROM (SELECT 1) one
       LEFT JOIN outbox_events o ON o.event_key = $1
       LEFT JOIN users u ON u.telegram_id = $2
       LEFT JOIN notification_history h ON h.outbox_event_id = o.id AND h.user_id = u.id`,
      [outboxKey(event), chatId],
    );
    const row = rows[0];
    const state = !row?.outbox
      ? 'not in the outbox (never detected)'
      : `outbox #${row.outbox} (sync log ${row.sync_log_id}), notification ${row.status ?? 'missing'}` +
        `${row.attempts ? ` after ${row.attempts} attempts` : ''}${row.sent_at ? ` at ${row.sent_at.toISOString()}` : ''}` +
        `${row.error ? `, ${row.error}` : ''}${row.in_doubt ? ', sent again after a send with unknown outcome' : ''}`;
    return `${event.type} ${event.identity} of shop ${event.sid} for chat ${chatId} [${event.fingerprint}]: ${state}`;
  };
  for (const { event, chatId } of comparison.lost.slice(0, SHOWN)) lines.push(`lost: ${await describe(event, chatId)}`);
  if (comparison.lost.length > SHOWN) lines.push(`lost: … and ${comparison.lost.length - SHOWN} more`);
  for (const [label, list] of [
    ['duplicated', comparison.duplicated],
    ['in doubt, shown twice', comparison.resentInDoubt],
  ] as const) {
    for (const { chatId, fingerprint, extra } of list.slice(0, SHOWN)) {
      const owed = events.filter((event) => event.fingerprint === fingerprint && event.chatIds.includes(chatId));
      lines.push(`${label} ×${extra + 1} in chat ${chatId}: ${fingerprint}`);
      for (const event of owed) lines.push(`  ${await describe(event, chatId)}`);
    }
    if (list.length > SHOWN) lines.push(`${label}: … and ${list.length - SHOWN} more`);
  }
  for (const { chatId, fingerprint, count } of comparison.unexpected.slice(0, SHOWN))
    lines.push(`unexpected ×${count} in chat ${chatId}: ${fingerprint}`);
  if (comparison.unexpected.length > SHOWN)
    lines.push(`unexpected: … and ${comparison.unexpected.length - SHOWN} more`);
  return lines;
}

import type pg from 'pg';
import { inTransaction } from '@wb-assist/db';
import type { WbTokenType } from '@wb-assist/wb-api';
import { writeEvents } from '../events/outbox.ts';
import { publishCabinetEvent } from '../progress.ts';
import { keyRefusedEvent } from './key-health-events.ts';

export interface MarkKeyRefusedOptions {
  pool: pg.Pool;
  cabinetId: string;
  /** Why, in Russian, for the seller. */
  reason: string;
  /** The sync that heard it; null for a read of the order feed. */
  syncLogId: string | null;
  now: Date;
}

/**
 * WB refused the cabinet's key (a full sync or the order feed, whichever heard it first): the
 * cabinet pauses until a new key, and in the same transaction every member gets one
 * key_health notification of it through the outbox (one per key: its identity is the key's
 * fingerprint). The cabinetEvent NOTIFY lets the bot take the next key pasted as this one's.
 */
export async function markKeyRefused(options: MarkKeyRefusedOptions): Promise<void> {
  const { pool, cabinetId, reason } = options;
  await inTransaction(pool, async (client) => {
    const { rows } = await client.query<{
      name: string;
      token_fingerprint: string;
      token_expires_at: Date;
      token_scopes: number;
      token_type: WbTokenType;
    }>(
      `UPDATE cabinets SET status = 'key_invalid', status_reason = $2, updated_at = now() WHERE id = $1
       RETURNING name, token_fingerprint, token_expires_at, token_scopes, token_type`,
      [cabinetId, reason],
    );
    const cabinet = rows[0];
    if (!cabinet) return;
    const key = {
      cabinetName: cabinet.name,
      fingerprint: cabinet.token_fingerprint,
      expiresAt: cabinet.token_expires_at,
      scopes: cabinet.token_scopes,
      tokenType: cabinet.token_type,
    };
    await writeEvents(client, cabinetId, options.syncLogId, [keyRefusedEvent(key, reason, options.now)]);
  });
  await publishCabinetEvent(pool, { cabinetId, event: 'key_invalid' });
}

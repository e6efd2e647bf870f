import { executeSql, type SqlExecutor } from '../raw-sql.ts';
import { CHANNELS, type Channel, type ChannelPayloads } from './channels.ts';

/**
 * Sends one NOTIFY. Inside a transaction (a pg client after BEGIN, or Prisma's transaction
 * client) PostgreSQL delivers it on commit, so a listener that reloads on the signal reads the
 * committed rows and nothing rolled back is ever announced. The payload is checked against the
 * channel's schema first: a sender must never write what every listener would drop.
 */
export async function notify<C extends Channel>(
  db: SqlExecutor,
  channel: C,
  payload: ChannelPayloads[C],
): Promise<void> {
  CHANNELS[channel].schema.parse(payload);
  await executeSql(db, 'SELECT pg_notify($1, $2)', [CHANNELS[channel].name, JSON.stringify(payload)]);
}

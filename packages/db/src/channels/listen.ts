import type pg from 'pg';
import { CHANNEL_KEYS, CHANNELS, type Channel, type ChannelMessage } from './channels.ts';

/** Where a dropped payload is reported; a pino logger fits. */
export interface NotificationLogger {
  warn(entry: Record<string, unknown>, message: string): void;
}

export type ParsedNotification<C extends Channel = Channel> =
  { ok: true; message: ChannelMessage<C> } | { ok: false; channel: C; problem: string };

/** Longest payload quoted in a warning: enough to see what was wrong, not a log flood. */
const QUOTE_LIMIT = 200;

const byName = new Map<string, Channel>(CHANNEL_KEYS.map((key) => [CHANNELS[key].name, key]));

/** `LISTEN a; LISTEN b` for these channels, one round trip. */
export function listenSql(channels: readonly Channel[]): string {
  return channels.map((channel) => `LISTEN ${CHANNELS[channel].name}`).join('; ');
}

/**
 * Checks one received notification against its channel's schema. Null for a channel outside
 * `channels` (a connection may hear others); a payload that is not JSON or not the channel's
 * shape comes back with the problem, so a bad sender is seen in the log and skipped.
 */
export function parseNotification<C extends Channel>(
  notification: Pick<pg.Notification, 'channel' | 'payload'>,
  channels: readonly C[] = CHANNEL_KEYS as C[],
): ParsedNotification<C> | null {
  const channel = byName.get(notification.channel) as C | undefined;
  if (channel === undefined || !channels.includes(channel)) return null;
  let json: unknown;
  try {
    json = JSON.parse(notification.payload ?? '');
  } catch {
    return { ok: false, channel, problem: 'not JSON' };
  }
  const result = CHANNELS[channel].schema.safeParse(json);
  if (!result.success)
    return {
      ok: false,
      channel,
      problem: result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    };
  return { ok: true, message: { channel, payload: result.data } as ChannelMessage<C> };
}

/**
 * Listens on `channels` over a connected client and hands each valid payload to `onMessage`,
 * typed by its channel. A malformed one is logged and dropped: one bad NOTIFY must neither
 * reach a subscriber nor throw inside pg's event handler. Returns once LISTEN is in place.
 */
export async function listen<C extends Channel>(
  client: pg.ClientBase,
  channels: readonly C[],
  options: { onMessage: (message: ChannelMessage<C>) => void; logger: NotificationLogger },
): Promise<void> {
  client.on('notification', (notification) => {
    const parsed = parseNotification(notification, channels);
    if (!parsed) return;
    if (parsed.ok) options.onMessage(parsed.message);
    else
      options.logger.warn(
        {
          channel: notification.channel,
          payload: notification.payload?.slice(0, QUOTE_LIMIT),
          problem: parsed.problem,
        },
        'malformed NOTIFY payload skipped',
      );
  });
  await client.query(listenSql(channels));
}

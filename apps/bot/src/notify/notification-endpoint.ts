import type pg from 'pg';
import { z } from 'zod';
import { ReplayGuard, verify, type BotAnswer, type BotDelivery } from '@wb-assist/delivery';
import type { Logger } from '@wb-assist/logger';
import type { Metrics } from '@wb-assist/metrics';
import { TelegramCallError } from '../telegram/port.ts';
import type { ThrottledTelegram } from '../telegram/throttle.ts';
import { sendRendered } from './send-rendered.ts';

export interface NotificationEndpointOptions {
  pool: pg.Pool;
  telegram: ThrottledTelegram;
  secret: string;
  logger: Logger;
  metrics: Metrics;
  /** The worker gives up on a request after 10 s: answer "retry" rather than queue longer than this. */
  maxQueueWaitMs?: number;
}

export type EndpointResult = { status: number; body: BotAnswer | { error: string; message: string } };

const deliverySchema = z.object({
  attemptId: z.string().min(1),
  notificationIds: z.array(z.string().regex(/^\d+$/)).min(1),
  userId: z.string(),
  chatId: z.string().regex(/^-?\d+$/),
  messages: z
    .array(
      z.object({
        text: z.string().min(1),
        photoUrl: z.string().nullable(),
        parseMode: z.literal('HTML'),
        buttons: z.array(
          z.array(z.object({ text: z.string(), url: z.string().optional(), callbackData: z.string().optional() })),
        ),
      }),
    )
    .min(1),
  events: z.array(z.object({ type: z.string() }).loose()),
});

const PART_MEMORY_MS = 60 * 60_000;

/**
 * The worker's signed webhook: verify, refuse replays, send each message within Telegram's
 * limits, and answer sent / blocked / retry. Delivery is at least once, so a notification the
 * bot already sent is answered "sent" again without a second message: the database says so
 * (the bot marks rows sent the moment Telegram accepts them) and, for a request still in
 * flight, the in-memory map does.
 */
export function createNotificationEndpoint(options: NotificationEndpointOptions) {
  const replays = new ReplayGuard();
  const inFlight = new Map<string, Promise<EndpointResult>>();
  // Parts of a multi-message delivery already sent, so a retry after a 429 on part 2 does not repeat part 1.
  const sentParts = new Map<string, number>();
  const maxWait = options.maxQueueWaitMs ?? 5_000;

  async function alreadySent(ids: string[]): Promise<boolean> {
    const { rows } = await options.pool.query<{ pending: number }>(
      `SELECT count(*) FILTER (WHERE status <> 'sent')::int AS pending FROM notification_history WHERE id = ANY($1::bigint[])`,
      [ids],
    );
    return rows[0]?.pending === 0;
  }

  async function markSent(ids: string[]): Promise<void> {
    await options.pool.query(
      `UPDATE notification_history SET status = 'sent', sent_at = now(), reason = NULL, last_error = NULL, updated_at = now()
       WHERE id = ANY($1::bigint[]) AND status = 'pending'`,
      [ids],
    );
  }

  function forgetOldParts(now: number) {
    for (const [key, at] of sentParts) {
      if (at > now - PART_MEMORY_MS) break;
      sentParts.delete(key);
    }
  }

  async function deliver(delivery: BotDelivery): Promise<EndpointResult> {
    const ids = delivery.notificationIds;
    const types = [...new Set(delivery.events.map((event) => event.type))];
    const count = (status: string) => {
      for (const type of types) options.metrics.notifications.inc({ type, status });
    };
    if (await alreadySent(ids)) return { status: 200, body: { status: 'sent' } };

    const chatId = Number(delivery.chatId);
    const wait = options.telegram.expectedWaitMs(chatId);
    if (wait > maxWait) {
      count('retry');
      return { status: 200, body: { status: 'retry', retryAfter: Math.ceil(wait / 1000) } };
    }
    const started = Date.now();
    const key = [...ids].sort().join(',');
    try {
      for (const [index, message] of delivery.messages.entries()) {
        const partKey = `${key}#${index}`;
        if (sentParts.has(partKey)) continue;
        await sendRendered(options.telegram.notifyPort, chatId, message);
        sentParts.set(partKey, Date.now());
      }
    } catch (error) {
      if (error instanceof TelegramCallError && error.code === 403) {
        count('blocked');
        options.logger.info({ userId: delivery.userId }, 'user blocked the bot: stopping their notifications');
        return { status: 200, body: { status: 'blocked' } };
      }
      if (error instanceof TelegramCallError && error.code === 429) {
        count('retry');
        return { status: 200, body: { status: 'retry', retryAfter: error.retryAfter ?? 1 } };
      }
      count('failed');
      options.logger.error({ err: error, userId: delivery.userId, notificationIds: ids }, 'notification not sent');
      const message = error instanceof Error ? error.message : String(error);
      return { status: 502, body: { error: 'telegram_failed', message } };
    }
    await markSent(ids);
    for (let i = 0; i < delivery.messages.length; i++) sentParts.delete(`${key}#${i}`);
    forgetOldParts(Date.now());
    count('sent');
    options.metrics.webhookDuration.observe((Date.now() - started) / 1000);
    return { status: 200, body: { status: 'sent' } };
  }

  return async function handle(body: string, signature: string | undefined): Promise<EndpointResult> {
    const verdict = verify(options.secret, body, signature);
    if (!verdict.ok) {
      options.logger.warn({ reason: verdict.reason }, 'refused an unsigned or badly signed notification');
      return { status: 401, body: { error: 'bad_signature', message: `signature ${verdict.reason}` } };
    }
    if (!replays.accept(signature ?? '')) {
      options.logger.warn('refused a replayed notification request');
      return { status: 409, body: { error: 'replay', message: 'this exact request was already accepted' } };
    }
    let parsed: BotDelivery;
    try {
      parsed = deliverySchema.parse(JSON.parse(body)) as BotDelivery;
    } catch (error) {
      const message = error instanceof z.ZodError ? z.prettifyError(error) : 'body is not JSON';
      return { status: 400, body: { error: 'bad_request', message } };
    }
    const key = [...parsed.notificationIds].sort().join(',');
    const running = inFlight.get(key);
    if (running) return running;
    const result = deliver(parsed).finally(() => inFlight.delete(key));
    inFlight.set(key, result);
    return result;
  };
}

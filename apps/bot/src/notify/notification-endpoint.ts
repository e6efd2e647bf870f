import type pg from 'pg';
import { z } from 'zod';
import {
  botDeliverySchema,
  ReplayGuard,
  verify,
  type BotAnswer,
  type BotDelivery,
  type BotError,
} from '@wb-assist/delivery';
import { markInDoubt, markSending, markSent, readSendState, releaseSending } from '@wb-assist/delivery/history';
import type { Logger } from '@wb-assist/logger';
import type { Metrics } from '@wb-assist/metrics';
import { recordAnswerableMessage } from '../answers/record-answerable-message.ts';
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

export type EndpointResult = { status: number; body: BotAnswer | BotError };

/** The send never left: its mark could not be written first. */
class NotSentError extends Error {
  constructor(cause: unknown) {
    super(`not sent: the send mark could not be stored (${cause instanceof Error ? cause.message : String(cause)})`, {
      cause,
    });
    this.name = 'NotSentError';
  }
}

const PROGRESS_MEMORY_MS = 60 * 60_000;

/** What this process knows of one delivery it started: the parts Telegram took, and whether a call's outcome is unknown. */
interface Progress {
  sent: Set<number>;
  unsure: boolean;
  at: number;
}

/**
 * The worker's signed webhook: verify, refuse replays, send each message within Telegram's
 * limits, and answer sent / blocked / retry. Delivery is at least once, so a notification the
 * bot already sent is answered "sent" again without a second message: the database says so
 * (the bot marks rows sent the moment Telegram accepts them) and, for a request still in
 * flight, the in-memory map does.
 *
 * One gap no bot can close: Telegram has no idempotency key, so when the bot dies (or the
 * connection breaks) after Telegram took a message and before the bot heard so, nobody knows
 * whether the chat has it. The bot then sends again rather than risk a lost notification, and
 * says so: a send marks its rows `sending_since` as it leaves, and a retry that finds the mark
 * without knowing how that send ended marks the rows `in_doubt` and logs a warning.
 */
export function createNotificationEndpoint(options: NotificationEndpointOptions) {
  const replays = new ReplayGuard();
  const inFlight = new Map<string, Promise<EndpointResult>>();
  // Deliveries this process started and has not finished, so a retry after a 429 on part 2 does not repeat part 1.
  const progress = new Map<string, Progress>();
  const maxWait = options.maxQueueWaitMs ?? 5_000;

  /**
   * Runs in the send's turn, right before it leaves for Telegram: a kill while the message only
   * waited in the queue leaves no doubt. When the mark cannot be written, nothing is sent.
   */
  async function markSendingOrRefuse(ids: string[]): Promise<void> {
    try {
      await markSending(options.pool, ids);
    } catch (error) {
      throw new NotSentError(error);
    }
  }

  /** Telegram definitely took none of it: a retry may send it without doubt. */
  async function nothingSent(ids: string[]): Promise<void> {
    await releaseSending(options.pool, ids)
      // Left set, the next attempt only calls itself in doubt; the delivery itself is unharmed.
      .catch((error: unknown) => options.logger.warn({ err: error }, 'could not clear a notification’s send mark'));
  }

  function remember(key: string, entry: Progress) {
    // Re-inserted so the map stays in order of last use, and forgetting stops at the first recent one.
    progress.delete(key);
    entry.at = Date.now();
    progress.set(key, entry);
    for (const [old, { at }] of progress) {
      if (at > entry.at - PROGRESS_MEMORY_MS) break;
      progress.delete(old);
    }
  }

  /** The chat has the message whatever happens here: a copy that cannot be kept only stays unredrawn. */
  async function keepAnswerable(
    delivery: BotDelivery,
    chatId: number,
    message: BotDelivery['messages'][number],
    sent: { messageId: number; withPhoto: boolean },
  ): Promise<void> {
    const cabinetId = delivery.events[0]?.cabinetId;
    if (!cabinetId) return;
    await recordAnswerableMessage(options.pool, { chatId, cabinetId, message, ...sent }).catch((error: unknown) =>
      options.logger.warn({ err: error, userId: delivery.userId }, 'could not keep an answerable notification message'),
    );
  }

  async function deliver(delivery: BotDelivery): Promise<EndpointResult> {
    const ids = delivery.notificationIds;
    const types = [...new Set(delivery.events.map((event) => event.type))];
    const count = (status: string) => {
      for (const type of types) options.metrics.notifications.inc({ type, status });
    };
    const { allSent, marked } = await readSendState(options.pool, ids);
    if (allSent) return { status: 200, body: { status: 'sent' } };

    const chatId = Number(delivery.chatId);
    const key = [...ids].sort().join(',');
    const known = progress.get(key);
    const state: Progress = known ?? { sent: new Set(), unsure: false, at: 0 };
    // Marked, and this process does not know how that send ended: it died, or its answer was lost.
    if (marked && (!known || known.unsure)) {
      await markInDoubt(options.pool, ids);
      // The doubt is on the rows now: a later refusal of this resend is no new doubt.
      state.unsure = false;
      count('in_doubt');
      options.logger.warn(
        { userId: delivery.userId, notificationIds: ids },
        'sending again a notification whose earlier send may have reached Telegram: the chat may see it twice',
      );
    }
    remember(key, state);
    // Checked after the last await before the sends, so concurrent requests see each other's place in the queue.
    const wait = options.telegram.expectedWaitMs(chatId);
    if (wait > maxWait) {
      if (marked && state.sent.size === 0 && !state.unsure) await nothingSent(ids);
      count('retry');
      return { status: 200, body: { status: 'retry', retryAfter: Math.ceil(wait / 1000) } };
    }
    const started = Date.now();
    try {
      for (const [index, message] of delivery.messages.entries()) {
        if (state.sent.has(index)) continue;
        let sent;
        try {
          sent = await sendRendered(
            options.telegram.notifyPort(() => markSendingOrRefuse(ids)),
            chatId,
            message,
            { silent: delivery.silent },
          );
        } catch (error) {
          // An answer from Telegram (4xx) means it did not take the message; anything else may have.
          const refused = (error instanceof TelegramCallError && error.code < 500) || error instanceof NotSentError;
          if (!refused) state.unsure = true;
          throw error;
        }
        state.sent.add(index);
        await keepAnswerable(delivery, chatId, message, sent);
      }
    } catch (error) {
      if (state.sent.size === 0 && !state.unsure) await nothingSent(ids);
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
    await markSent(options.pool, ids);
    progress.delete(key);
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
    if (!replays.accept(verdict.signature)) {
      options.logger.warn('refused a replayed notification request');
      return { status: 409, body: { error: 'replay', message: 'this exact request was already accepted' } };
    }
    let parsed: BotDelivery;
    try {
      parsed = botDeliverySchema.parse(JSON.parse(body));
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

import { z } from 'zod';

/**
 * The worker→bot delivery, one schema for both sides: the worker builds its body from these
 * types, the bot parses the body with the schema. Changing a field here changes it for both,
 * and the wire stays what it was: plain JSON, these field names, ids as strings.
 */

export const renderedMessageSchema = z.object({
  text: z.string().min(1),
  photoUrl: z.string().nullable(),
  parseMode: z.literal('HTML'),
  buttons: z.array(
    z.array(z.object({ text: z.string(), url: z.string().optional(), callbackData: z.string().optional() })),
  ),
});

export type RenderedMessage = z.infer<typeof renderedMessageSchema>;

export const deliveredEventSchema = z.object({
  // Any string, not the known types: a bot older than the worker only counts the type in its
  // metrics, and must not refuse an event type added meanwhile.
  type: z.string(),
  eventKey: z.string(),
  cabinetId: z.string(),
  occurredAt: z.string(),
  payload: z.record(z.string(), z.unknown()),
});

/** What the worker POSTs to the bot, signed. */
export const botDeliverySchema = z.object({
  /** Unique per POST, so each attempt's signature is unique and an exact replay can be refused. */
  attemptId: z.string().min(1),
  /** The notification_history ids this message covers (one, or a group). */
  notificationIds: z.array(z.string().regex(/^\d+$/)).min(1),
  userId: z.string(),
  chatId: z.string().regex(/^-?\d+$/),
  messages: z.array(renderedMessageSchema).min(1),
  events: z.array(deliveredEventSchema),
  /** Quiet hours in silent mode: Telegram delivers without sound. Absent from an older worker. */
  silent: z.boolean().optional(),
});

export type BotDelivery = z.infer<typeof botDeliverySchema>;

/** The bot's answer: sent, the user blocked the bot, or Telegram asked to wait (seconds). */
export const botAnswerSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('sent') }),
  z.object({ status: z.literal('blocked') }),
  z.object({ status: z.literal('retry'), retryAfter: z.number() }),
]);

export type BotAnswer = z.infer<typeof botAnswerSchema>;

/** What the bot answers instead when it refuses or fails a delivery (4xx, 5xx). */
export const botErrorSchema = z.object({ error: z.string(), message: z.string() });

export type BotError = z.infer<typeof botErrorSchema>;

export { backoffMs, deliverDue, type DeliveryOptions } from './deliver-due.ts';
export { startDeliveryLoop, type DeliveryLoop } from './loop.ts';
export { ReplayGuard } from './replay-guard.ts';
export {
  botAnswerSchema,
  botDeliverySchema,
  botErrorSchema,
  deliveredEventSchema,
  renderedMessageSchema,
  type BotError,
} from './wire.ts';
export {
  sign,
  SIGNATURE_HEADER,
  SIGNATURE_TOLERANCE_SECONDS,
  verify,
  type Signature,
  type VerifyResult,
} from './signature.ts';
export {
  BOT_NOTIFY_PATH,
  BURST_SIZE,
  MAX_DELIVERY_BYTES,
  MAX_DIGEST,
  MAX_GROUP,
  SETTING_COLUMN,
  type BotAnswer,
  type BotDelivery,
  type DeliverableEvent,
  type NotificationType,
  type Renderer,
  type RenderedMessage,
} from './types.ts';

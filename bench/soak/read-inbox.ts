import type { RecordedCall, TelegramFake } from '@wb-assist/telegram-fake';

/** One message Telegram accepted from the bot: what a user saw arrive, and when. */
export interface SentMessage {
  chatId: number;
  /** When the fake Telegram answered the send (epoch ms). */
  at: number;
  /** The text, or a photo's caption (Telegram HTML as the bot sent it). */
  text: string;
}

const isAcceptedSend = (call: RecordedCall) =>
  call.response.ok && (call.method === 'sendMessage' || call.method === 'sendPhoto');

/**
 * Every message the fake Telegram accepted, from its record of calls rather than its chats:
 * the record keeps each send's time to the millisecond (a message's `date` has whole seconds)
 * and a message stays there even if the bot later edited or deleted it.
 */
export function readInbox(telegram: TelegramFake): SentMessage[] {
  return telegram.control
    .calls()
    .filter(isAcceptedSend)
    .map((call) => ({
      chatId: Number(call.params.chat_id),
      at: call.at,
      text: String(call.params.text ?? call.params.caption ?? ''),
    }));
}

export function countSends(telegram: TelegramFake): number {
  return telegram.control.calls().filter(isAcceptedSend).length;
}

/** Sends Telegram refused with 429 (its limits and the injected refusals alike). */
export function countRefusedSends(telegram: TelegramFake): number {
  return telegram.control
    .calls()
    .filter((call) => !call.response.ok && call.response.error_code === 429 && call.method.startsWith('send')).length;
}

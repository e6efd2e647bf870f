import type { Metrics } from '@wb-assist/metrics';
import { TelegramCallError, type TelegramPort } from './port.ts';

/** Counts every Bot API call by method and outcome (telegram_requests_total). */
export function instrumentTelegram(port: TelegramPort, metrics: Metrics): TelegramPort {
  const counted =
    <A extends unknown[], R>(method: string, run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        const result = await run(...args);
        metrics.telegramRequests.inc({ method, status: 'ok' });
        return result;
      } catch (error) {
        metrics.telegramRequests.inc({
          method,
          status: error instanceof TelegramCallError ? String(error.code) : 'network',
        });
        throw error;
      }
    };
  return {
    sendMessage: counted('sendMessage', port.sendMessage),
    sendPhoto: counted('sendPhoto', port.sendPhoto),
    editMessageText: counted('editMessageText', port.editMessageText),
    editMessageCaption: counted('editMessageCaption', port.editMessageCaption),
    deleteMessage: counted('deleteMessage', port.deleteMessage),
    answerCallback: counted('answerCallbackQuery', port.answerCallback),
  };
}

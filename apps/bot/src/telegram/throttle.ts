import Bottleneck from 'bottleneck';
import { TelegramCallError, type TelegramPort } from './port.ts';

export interface ThrottleOptions {
  /** Telegram allows 1 message per second in one chat. */
  perChatPerSecond?: number;
  /** And about 30 per second across all chats of a bot. */
  globalPerSecond?: number;
  /** Length of a "second" in real seconds: tests against a time-scaled fake shrink it. */
  timeScale?: number;
}

export interface ThrottledTelegram {
  /** For replies to the user: waits its turn and, on a 429, waits retry_after and tries again. */
  port: TelegramPort;
  /** For notifications: waits its turn but hands a 429 back, so the worker reschedules. */
  notifyPort: TelegramPort;
  /** How long a new message to this chat would wait for its turn right now, in ms. */
  expectedWaitMs(chatId: number): number;
  stop(): Promise<void>;
}

// Spacing sends a little wider than the limit: requests leave evenly but may arrive a few
// milliseconds closer together, and Telegram counts arrivals.
const SAFETY = 1.06;
const INTERACTIVE_RETRIES = 3;

/**
 * Keeps the bot within Telegram's limits (Bottleneck: one limiter per chat chained into one
 * for the whole bot). Sends and edits count; deleting a message and answering a button press
 * do not send anything a user sees and go straight through.
 */
export function throttleTelegram(port: TelegramPort, options: ThrottleOptions = {}): ThrottledTelegram {
  const scale = options.timeScale ?? 1;
  const chatInterval = Math.ceil(((1000 * SAFETY) / (options.perChatPerSecond ?? 1)) * scale);
  const globalInterval = Math.ceil(((1000 * SAFETY) / (options.globalPerSecond ?? 30)) * scale);
  const global = new Bottleneck({ minTime: globalInterval, maxConcurrent: null });
  const chats = new Map<number, { limiter: Bottleneck; usedAt: number }>();
  const chat = (chatId: number) => {
    let entry = chats.get(chatId);
    if (!entry) {
      entry = { limiter: new Bottleneck({ minTime: chatInterval, maxConcurrent: 1 }).chain(global), usedAt: 0 };
      chats.set(chatId, entry);
    }
    entry.usedAt = Date.now();
    return entry.limiter;
  };
  // A chat's limiter must outlive its last send by the interval (or the next message would go
  // out too soon); well after that it is only memory.
  const sweep = setInterval(() => {
    const horizon = Date.now() - Math.max(60_000, chatInterval * 10);
    for (const [chatId, entry] of chats) {
      const counts = entry.limiter.counts();
      if (entry.usedAt < horizon && counts.QUEUED + counts.RUNNING + counts.EXECUTING + counts.RECEIVED === 0) {
        chats.delete(chatId);
      }
    }
  }, 60_000);
  sweep.unref();

  const inChat = <T>(chatId: number, run: () => Promise<T>) => chat(chatId).schedule(run);
  const overall = <T>(run: () => Promise<T>) => global.schedule(run);

  const withRetries = async <T>(run: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        if (!(error instanceof TelegramCallError) || error.code !== 429 || attempt >= INTERACTIVE_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, (error.retryAfter ?? 1) * 1000 * scale));
      }
    }
  };

  const build = (retry: boolean): TelegramPort => {
    const guard = retry ? withRetries : <T>(run: () => Promise<T>) => run();
    return {
      sendMessage: (chatId, text, keyboard) =>
        guard(() => inChat(chatId, () => port.sendMessage(chatId, text, keyboard))),
      sendPhoto: (chatId, photoUrl, caption, keyboard) =>
        guard(() => inChat(chatId, () => port.sendPhoto(chatId, photoUrl, caption, keyboard))),
      editMessageText: (chatId, messageId, text, keyboard) =>
        guard(() => overall(() => port.editMessageText(chatId, messageId, text, keyboard))),
      deleteMessage: (chatId, messageId) => port.deleteMessage(chatId, messageId),
      answerCallback: (queryId, text) => port.answerCallback(queryId, text),
    };
  };

  return {
    port: build(true),
    notifyPort: build(false),
    expectedWaitMs(chatId) {
      const mine = chats.get(chatId)?.limiter.counts();
      const all = global.counts();
      const chatAhead = mine ? mine.RECEIVED + mine.QUEUED + mine.RUNNING + mine.EXECUTING : 0;
      const allAhead = all.RECEIVED + all.QUEUED + all.RUNNING;
      return Math.max(chatAhead * chatInterval, allAhead * globalInterval);
    },
    async stop() {
      clearInterval(sweep);
      await global.stop({ dropWaitingJobs: false });
    },
  };
}

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
  /**
   * For notifications: waits its turn but hands a 429 back, so the worker reschedules.
   * `beforeSend` runs when a send's turn has come, right before it leaves for Telegram.
   */
  notifyPort(beforeSend?: () => Promise<void>): TelegramPort;
  /** How long a new message to this chat would wait for its turn right now, in ms. */
  expectedWaitMs(chatId: number): number;
  stop(): Promise<void>;
}

// A send holds its slot a window after Telegram answered (see `held`), and the window is this
// much longer than Telegram's, for clocks read at a millisecond's granularity.
const SAFETY = 1.02;
const INTERACTIVE_RETRIES = 3;

/**
 * Keeps the bot within Telegram's limits (Bottleneck: one limiter per chat chained into one
 * for the whole bot). Sends and edits count; deleting a message and answering a button press
 * do not send anything a user sees and go straight through.
 *
 * Telegram counts requests when they arrive, and on a loaded machine a request may arrive
 * hundreds of milliseconds after it left while the next one arrives at once: spacing the
 * starts (Bottleneck's minTime) then lets two arrivals fall into one second. So a send keeps
 * its slot (one per chat, 30 for the bot) until a full window after its answer came back: by
 * then its arrival is more than a window in the past, whatever the network did, and no window
 * can ever hold more arrivals than the limit. The caller has its answer as soon as Telegram
 * gives it; only the slot waits.
 */
export function throttleTelegram(port: TelegramPort, options: ThrottleOptions = {}): ThrottledTelegram {
  const scale = options.timeScale ?? 1;
  const perChat = options.perChatPerSecond ?? 1;
  const perBot = options.globalPerSecond ?? 30;
  const windowMs = Math.ceil(1000 * SAFETY * scale);
  const chatInterval = Math.ceil(windowMs / perChat);
  const globalInterval = Math.ceil(windowMs / perBot);
  // minTime as well as the slots: sends leave evenly instead of 30 at once at the top of a window.
  const global = new Bottleneck({ maxConcurrent: perBot, minTime: globalInterval });
  const chats = new Map<number, { limiter: Bottleneck; usedAt: number }>();
  const chat = (chatId: number) => {
    let entry = chats.get(chatId);
    if (!entry) {
      entry = { limiter: new Bottleneck({ maxConcurrent: perChat }).chain(global), usedAt: 0 };
      chats.set(chatId, entry);
    }
    entry.usedAt = Date.now();
    return entry.limiter;
  };
  // A chat's limiter lives while it holds a slot; well after that it is only memory.
  const sweep = setInterval(() => {
    const horizon = Date.now() - Math.max(60_000, windowMs * 10);
    for (const [chatId, entry] of chats) {
      const counts = entry.limiter.counts();
      if (entry.usedAt < horizon && counts.QUEUED + counts.RUNNING + counts.EXECUTING + counts.RECEIVED === 0) {
        chats.delete(chatId);
      }
    }
  }, 60_000);
  sweep.unref();

  /** Runs `run` in a slot of `limiter` and keeps the slot a window after it settles. */
  const held = <T>(limiter: Bottleneck, run: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      limiter
        .schedule(async () => {
          try {
            resolve(await run());
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
          await new Promise((wait) => setTimeout(wait, windowMs));
        })
        .catch(reject);
    });
  const inChat = <T>(chatId: number, run: () => Promise<T>) => held(chat(chatId), run);
  const overall = <T>(run: () => Promise<T>) => held(global, run);

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

  const build = (retry: boolean, beforeSend: () => Promise<void> = async () => {}): TelegramPort => {
    const guard = retry ? withRetries : <T>(run: () => Promise<T>) => run();
    const send = <T>(chatId: number, run: () => Promise<T>) =>
      guard(() =>
        inChat(chatId, async () => {
          await beforeSend();
          return run();
        }),
      );
    return {
      sendMessage: (chatId, text, keyboard, options) =>
        send(chatId, () => port.sendMessage(chatId, text, keyboard, options)),
      sendPhoto: (chatId, photoUrl, caption, keyboard, options) =>
        send(chatId, () => port.sendPhoto(chatId, photoUrl, caption, keyboard, options)),
      editMessageText: (chatId, messageId, text, keyboard) =>
        guard(() => overall(() => port.editMessageText(chatId, messageId, text, keyboard))),
      editMessageCaption: (chatId, messageId, caption, keyboard) =>
        guard(() => overall(() => port.editMessageCaption(chatId, messageId, caption, keyboard))),
      deleteMessage: (chatId, messageId) => port.deleteMessage(chatId, messageId),
      answerCallback: (queryId, text) => port.answerCallback(queryId, text),
    };
  };

  return {
    port: build(true),
    notifyPort: (beforeSend) => build(false, beforeSend),
    expectedWaitMs(chatId) {
      const mine = chats.get(chatId)?.limiter.counts();
      const all = global.counts();
      // A chat's own slot stays taken a window after its last send (EXECUTING), so it counts.
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

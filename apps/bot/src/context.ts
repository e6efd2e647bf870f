import type pg from 'pg';
import type { PrismaClient } from '@wb-assist/db';
import type { Logger } from '@wb-assist/logger';
import type { RateLimiter, WbHosts } from '@wb-assist/wb-api';
import type { TelegramPort } from './telegram/port.ts';

/** Per chat, what the conversation is waiting for. Memory only: after a restart the database decides. */
export interface ChatState {
  /** The cabinet the menu shows; the first ready one when unset. */
  cabinetId?: string;
  /** The user asked to add another cabinet: the next text is a key. */
  awaitingKey?: boolean;
  /** «Заменить ключ» (or WB refusing the key): the next key is for this cabinet. */
  replacingKeyOf?: string;
}

/** What every handler needs, built once by the app. */
export interface BotContext {
  prisma: PrismaClient;
  pool: pg.Pool;
  telegram: TelegramPort;
  logger: Logger;
  wb: { hosts: WbHosts; limiter: RateLimiter; timeoutMs?: number; rateLimitScale?: number };
  encryptionKey: Buffer;
  publicWebUrl: string;
  initialSyncDays: number;
  botUsername: () => string;
  chats: Map<number, ChatState>;
}

export function chatState(ctx: BotContext, chatId: number): ChatState {
  let state = ctx.chats.get(chatId);
  if (!state) {
    state = {};
    ctx.chats.set(chatId, state);
  }
  return state;
}

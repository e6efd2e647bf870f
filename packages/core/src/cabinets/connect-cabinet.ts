import type { PrismaClient } from '@wb-assist/db';
import { DEFAULT_TIME_ZONE } from '@wb-assist/domain';
import {
  createWbClient,
  decodeWbToken,
  hasCategory,
  WbApiError,
  WbTokenFormatError,
  WB_READ_ONLY_BIT,
  type RateLimiter,
  type WbHosts,
} from '@wb-assist/wb-api';
import { answerWriteAccess, type AnswerWriteAccess } from '../answers/answer-write-access.ts';
import { isUuid } from '../auth/uuid.ts';
import { encryptSecret, fingerprint } from '../crypto/secret-box.ts';
import { notificationCoverage, type NotificationTypeName } from './notification-coverage.ts';

export type ConnectCabinetError =
  | 'not_a_token'
  | 'expired'
  | 'test_token'
  | 'no_statistics'
  | 'rejected'
  | 'wb_unavailable'
  | 'rate_limited'
  | 'other_seller';

export type ConnectCabinetResult =
  | {
      ok: true;
      cabinetId: string;
      sellerName: string;
      /** The seller was already connected by someone else: the user joined that cabinet. */
      joined: boolean;
      /** The user was already a member: nothing changed but, maybe, a fresher key. */
      alreadyMember: boolean;
      available: NotificationTypeName[];
      warnings: string[];
      /** Whether the cabinet's key (the one kept after this connect) can answer buyers. */
      answerAccess: AnswerWriteAccess;
    }
  | { ok: false; error: ConnectCabinetError; message: string };

export interface ConnectCabinetOptions {
  prisma: PrismaClient;
  userId: string;
  /** The key as the user sent it. */
  key: string;
  /** rateLimitScale: WB_RATE_LIMIT_SCALE, as the worker's client has it (1 against WB). */
  wb: { hosts: WbHosts; limiter: RateLimiter; timeoutMs?: number; rateLimitScale?: number };
  encryptionKey: Buffer;
  now?: Date;
  /**
   * «Заменить ключ»: the user's cabinet the key is meant for. Only a key of that cabinet's
   * seller is taken, and it is taken even where a plain connect would keep the stored one:
   * the user asked for it. The cabinet, its history and its members stay.
   */
  replaceKeyOf?: string;
}

/** Every bit of the `s` claim but read-only, which is a restriction, not a category. */
const CATEGORIES = ~(1 << WB_READ_ONLY_BIT);

const fail = (error: ConnectCabinetError, message: string): ConnectCabinetResult => ({ ok: false, error, message });

/** "04.12.2026" in the user's own zone: the day they will recognise. */
async function userDate(options: ConnectCabinetOptions, date: Date): Promise<string> {
  const user = await options.prisma.user.findUnique({ where: { id: options.userId }, select: { timeZone: true } });
  return date.toLocaleDateString('ru-RU', { timeZone: user?.timeZone ?? DEFAULT_TIME_ZONE });
}

/**
 * Connects a WB key for a user: checked locally (shape, expiry, type, categories), then by one
 * real call (seller-info), stored encrypted, and attached to the seller's cabinet — created,
 * or joined when another user already connected the same seller. A new cabinet is due for its
 * initial sync at once; the worker picks it up.
 */
export async function connectCabinet(options: ConnectCabinetOptions): Promise<ConnectCabinetResult> {
  const now = options.now ?? new Date();
  const key = options.key.trim().replace(/^Bearer\s+/i, '');
  let token;
  try {
    token = decodeWbToken(key);
  } catch (error) {
    if (!(error instanceof WbTokenFormatError)) throw error;
    return fail(
      'not_a_token',
      'Это не похоже на ключ WB API. Создайте ключ в личном кабинете продавца (Настройки → Доступ к API) и пришлите его целиком.',
    );
  }
  if (token.expiresAt <= now) {
    return fail(
      'expired',
      `Срок действия ключа истёк ${await userDate(options, token.expiresAt)}. Создайте новый ключ в личном кабинете WB и пришлите его.`,
    );
  }
  if (token.type === 'test') {
    return fail(
      'test_token',
      'Это тестовый ключ для песочницы WB: он не видит настоящих заказов. Пришлите обычный ключ.',
    );
  }
  if (!hasCategory(token.scopes, 'statistics')) {
    return fail(
      'no_statistics',
      'У ключа нет категории «Статистика»: без неё не узнать о заказах, выкупах, отменах и возвратах. Создайте ключ с этой категорией.',
    );
  }

  if (options.replaceKeyOf !== undefined) {
    const target = isUuid(options.replaceKeyOf)
      ? await options.prisma.cabinet.findFirst({
          where: { id: options.replaceKeyOf, members: { some: { userId: options.userId } } },
          select: { sellerId: true, name: true },
        })
      : null;
    if (!target) return fail('other_seller', 'Этот кабинет недоступен: вы не его участник.');
    if (target.sellerId !== token.sellerId) {
      return fail(
        'other_seller',
        `Это ключ другого магазина, а не «${target.name}». Создайте ключ в личном кабинете этого продавца и пришлите его.`,
      );
    }
  }

  const client = createWbClient({
    token: key,
    sellerId: token.sellerId,
    tokenType: token.type,
    hosts: options.wb.hosts,
    limiter: options.wb.limiter,
    rateLimitScale: options.wb.rateLimitScale,
    timeoutMs: options.wb.timeoutMs ?? 15_000,
    maxWaitMs: 5_000,
    retries: 1,
    minBackoffMs: 500,
  });
  let seller;
  try {
    seller = await client.sellerInfo();
  } catch (error) {
    if (!(error instanceof WbApiError)) throw error;
    if (error.code === 'rate_limited') {
      const minutes = Math.max(1, Math.ceil((error.retryAfterMs ?? 60_000) / 60_000));
      return fail('rate_limited', `WB временно ограничил запросы этого продавца. Попробуйте через ${minutes} мин.`);
    }
    if (error.code === 'unavailable' || error.code === 'timeout' || error.code === 'bad_response') {
      return fail('wb_unavailable', 'WB сейчас не отвечает. Попробуйте ещё раз через несколько минут.');
    }
    if (error.code === 'token_expired') {
      return fail('expired', 'WB сообщает, что срок действия ключа истёк. Создайте новый ключ в личном кабинете WB.');
    }
    return fail(
      'rejected',
      'WB не принял ключ: он отозван или недействителен. Создайте новый ключ в личном кабинете WB.',
    );
  }
  if (seller.sid !== token.sellerId) {
    return fail('rejected', 'WB не принял ключ: он выдан другому продавцу. Создайте новый ключ в личном кабинете WB.');
  }

  const keyFields = {
    tokenEncrypted: encryptSecret(key, options.encryptionKey),
    tokenFingerprint: fingerprint(key),
    tokenType: token.type,
    tokenScopes: token.scopes,
    tokenReadOnly: token.readOnly,
    tokenExpiresAt: token.expiresAt,
  };
  const coverage = notificationCoverage(token.scopes, token.type);

  const outcome = await options.prisma.$transaction(async (tx) => {
    const existing = await tx.cabinet.findUnique({ where: { sellerId: token.sellerId } });
    if (!existing) {
      const created = await tx.cabinet.create({
        data: {
          sellerId: token.sellerId,
          name: seller.name,
          tradeMark: seller.tradeMark,
          ...keyFields,
          status: 'initial_sync',
          nextSyncAt: now,
          members: { create: { userId: options.userId, role: 'owner' } },
          notificationSettings: { create: { userId: options.userId } },
        },
      });
      return { cabinetId: created.id, joined: false, alreadyMember: false, keptScopes: token.scopes };
    }
    // Keep the stored key unless the new one is better: the old one stopped working, or the
    // new one loses no category and no right to write, and lives longer or may write where
    // the old one could only read (the fix the seller is told to make to answer buyers).
    const losesCategories = (existing.tokenScopes & ~token.scopes & CATEGORIES) !== 0;
    const losesWrite = token.readOnly && !existing.tokenReadOnly;
    const gainsWrite = existing.tokenReadOnly && !token.readOnly;
    const replaceKey =
      options.replaceKeyOf === existing.id ||
      existing.status === 'key_invalid' ||
      existing.tokenExpiresAt <= now ||
      (!losesCategories && !losesWrite && (token.expiresAt > existing.tokenExpiresAt || gainsWrite));
    await tx.cabinet.update({
      where: { id: existing.id },
      data: {
        name: seller.name,
        tradeMark: seller.tradeMark,
        ...(replaceKey ? keyFields : {}),
        ...(existing.status === 'key_invalid' && replaceKey
          ? { status: existing.initialSyncCompletedAt ? 'ready' : 'initial_sync', statusReason: null, nextSyncAt: now }
          : {}),
      },
    });
    const membership = await tx.cabinetUser.findUnique({
      where: { cabinetId_userId: { cabinetId: existing.id, userId: options.userId } },
    });
    if (!membership) {
      await tx.cabinetUser.create({ data: { cabinetId: existing.id, userId: options.userId, role: 'member' } });
      await tx.notificationSettings.upsert({
        where: { userId_cabinetId: { userId: options.userId, cabinetId: existing.id } },
        create: { userId: options.userId, cabinetId: existing.id },
        update: {},
      });
    }
    return {
      cabinetId: existing.id,
      joined: true,
      alreadyMember: Boolean(membership),
      keptScopes: replaceKey ? token.scopes : existing.tokenScopes,
    };
  });

  const { keptScopes, ...joined } = outcome;
  return {
    ok: true,
    sellerName: seller.name,
    ...joined,
    available: coverage.available,
    warnings: coverage.warnings,
    answerAccess: answerWriteAccess({ scopes: keptScopes }),
  };
}

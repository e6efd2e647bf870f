import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { startEmulator, type RunningEmulator } from '@wb-assist/wb-emulator';
import { MemoryRateLimiter, type WbHosts } from '@wb-assist/wb-api';
import { decryptSecret } from '../crypto/secret-box.ts';
import { connectCabinet } from './connect-cabinet.ts';

const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 2 });
const encryptionKey = randomBytes(32);
let emulator: RunningEmulator;
let hosts: WbHosts;
let telegramId = 700_000_000n;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 7, profile: 'fast', publishIntervalMinutes: 0 });
  hosts = emulator.hosts;
});
afterAll(async () => {
  await prisma.$disconnect();
  await emulator.close();
});

async function newUser() {
  telegramId += 1n;
  return prisma.user.create({ data: { telegramId } });
}

const connect = async (userId: string, key: string) =>
  connectCabinet({ prisma, userId, key, wb: { hosts, limiter: new MemoryRateLimiter() }, encryptionKey });

describe('connectCabinet', () => {
  it('connects a good key: the seller’s cabinet, due for its initial sync, key stored encrypted', async () => {
    const seller = await emulator.control.createSeller({ name: 'ИП Соколова' });
    const { token } = await emulator.control.createToken({
      sid: seller.sid,
      categories: ['statistics', 'analytics', 'feedbacks', 'content'],
    });
    const user = await newUser();
    const result = await connect(user.id, ` Bearer ${token}\n`);
    expect(result).toMatchObject({
      ok: true,
      sellerName: 'ИП Соколова',
      joined: false,
      alreadyMember: false,
      warnings: [],
    });
    expect(result.ok && result.available).toEqual([
      'new_order',
      'buyout',
      'cancellation',
      'return',
      'negative_review',
      'new_question',
      'critical_stock',
      'stock_forecast',
      'anomaly',
      'key_health',
      'morning_summary',
    ]);
    const cabinet = await prisma.cabinet.findUniqueOrThrow({
      where: { sellerId: seller.sid },
      include: { members: true, notificationSettings: true },
    });
    expect(cabinet.status).toBe('initial_sync');
    expect(cabinet.nextSyncAt).not.toBeNull();
    expect(cabinet.tokenEncrypted).not.toContain(token.slice(20, 60));
    expect(decryptSecret(cabinet.tokenEncrypted, encryptionKey)).toBe(token);
    expect(cabinet.members).toEqual([expect.objectContaining({ userId: user.id, role: 'owner' })]);
    expect(cabinet.notificationSettings).toHaveLength(1);
  });

  it('lets a second user with another key of the same seller join the same cabinet', async () => {
    const seller = await emulator.control.createSeller();
    const first = await emulator.control.createToken({ sid: seller.sid, categories: ['statistics'] });
    const second = await emulator.control.createToken({ sid: seller.sid, categories: ['statistics', 'feedbacks'] });
    const [anna, boris] = [await newUser(), await newUser()];
    const a = await connect(anna.id, first.token);
    const b = await connect(boris.id, second.token);
    expect(b).toMatchObject({ ok: true, joined: true, alreadyMember: false });
    expect(a.ok && b.ok && a.cabinetId === b.cabinetId).toBe(true);
    expect(await prisma.cabinetUser.count({ where: { cabinet: { sellerId: seller.sid } } })).toBe(2);
    expect(await connect(anna.id, first.token)).toMatchObject({ ok: true, alreadyMember: true });
  });

  it('says what will not work when categories are missing', async () => {
    const seller = await emulator.control.createSeller();
    const { token } = await emulator.control.createToken({ sid: seller.sid, categories: ['statistics'] });
    const result = await connect((await newUser()).id, token);
    expect(result).toMatchObject({
      ok: true,
      available: ['new_order', 'buyout', 'cancellation', 'return', 'anomaly', 'key_health', 'morning_summary'],
      warnings: [
        'У ключа нет категории «Вопросы и отзывы»: уведомлений о негативных отзывах, вопросах покупателей не будет.',
        'У ключа нет категории «Аналитика»: уведомлений о критических остатках, товарах, которые скоро закончатся не будет.',
        'У ключа нет категории «Контент»: в уведомлениях не будет фото и названий товаров.',
      ],
    });
  });

  it('says when the key cannot answer buyers, and takes a writable key in place of a read-only one', async () => {
    const seller = await emulator.control.createSeller();
    const categories = ['statistics', 'feedbacks'] as const;
    const readOnly = await emulator.control.createToken({
      sid: seller.sid,
      categories: [...categories],
      readOnly: true,
    });
    const user = await newUser();
    expect(await connect(user.id, readOnly.token)).toMatchObject({
      ok: true,
      answerAccess: { ok: false, code: 'read_only_key', message: expect.stringContaining('только для чтения') },
    });
    const writable = await emulator.control.createToken({ sid: seller.sid, categories: [...categories] });
    expect(await connect(user.id, writable.token)).toMatchObject({
      ok: true,
      alreadyMember: true,
      answerAccess: { ok: true },
    });
    const stored = await prisma.cabinet.findUniqueOrThrow({ where: { sellerId: seller.sid } });
    expect(decryptSecret(stored.tokenEncrypted, encryptionKey)).toBe(writable.token);
    expect(stored.tokenReadOnly).toBe(false);

    // A longer-lived key that may only read does not take the writable key's place.
    const laterReadOnly = await emulator.control.createToken({
      sid: seller.sid,
      categories: [...categories],
      readOnly: true,
      expiresInSeconds: 200 * 86_400,
    });
    expect(await connect(user.id, laterReadOnly.token)).toMatchObject({ ok: true, answerAccess: { ok: true } });
    const kept = await prisma.cabinet.findUniqueOrThrow({ where: { sellerId: seller.sid } });
    expect(decryptSecret(kept.tokenEncrypted, encryptionKey)).toBe(writable.token);
  });

  it('refuses each kind of bad key with its own message and stores nothing', async () => {
    const seller = await emulator.control.createSeller();
    const user = await newUser();
    const expired = await emulator.control.createToken({
      sid: seller.sid,
      categories: ['statistics'],
      exp: Math.floor(Date.now() / 1000) - 3600,
    });
    const test = await emulator.control.createToken({ sid: seller.sid, type: 'test', categories: ['statistics'] });
    const noStats = await emulator.control.createToken({ sid: seller.sid, categories: ['feedbacks'] });
    const revoked = await emulator.control.createToken({ sid: seller.sid, categories: ['statistics'] });
    await emulator.control.revokeToken({ id: revoked.id });

    expect(await connect(user.id, 'привет, вот мой ключ')).toMatchObject({
      ok: false,
      error: 'not_a_token',
      message: expect.stringMatching(/^Это не похоже на ключ WB API/),
    });
    expect(await connect(user.id, expired.token)).toMatchObject({
      ok: false,
      error: 'expired',
      message: expect.stringMatching(/^Срок действия ключа истёк \d\d\.\d\d\.\d{4}/),
    });
    // The date is the user's own: 23:00 on 1 January in Moscow is already the 2nd in Vladivostok.
    const lateNewYear = await emulator.control.createToken({
      sid: seller.sid,
      categories: ['statistics'],
      exp: Date.parse('2026-01-01T20:00:00Z') / 1000,
    });
    await prisma.user.update({ where: { id: user.id }, data: { timeZone: 'Asia/Vladivostok' } });
    expect(await connect(user.id, lateNewYear.token)).toMatchObject({
      message: expect.stringMatching(/^Срок действия ключа истёк 02\.01\.2026/),
    });
    await prisma.user.update({ where: { id: user.id }, data: { timeZone: 'Europe/Moscow' } });
    expect(await connect(user.id, test.token)).toMatchObject({ ok: false, error: 'test_token' });
    expect(await connect(user.id, noStats.token)).toMatchObject({
      ok: false,
      error: 'no_statistics',
      message: expect.stringContaining('«Статистика»'),
    });
    expect(await connect(user.id, revoked.token)).toMatchObject({
      ok: false,
      error: 'rejected',
      message: expect.stringMatching(/^WB не принял ключ/),
    });
    expect(await prisma.cabinet.count({ where: { sellerId: seller.sid } })).toBe(0);
  });

  it('tells the seller to try later when WB is down', async () => {
    const seller = await emulator.control.createSeller();
    const { token } = await emulator.control.createToken({ sid: seller.sid, categories: ['statistics'] });
    await emulator.control.injectFault({ method: 'seller-info', kind: '5xx', status: 503, count: 5 });
    expect(await connect((await newUser()).id, token)).toMatchObject({
      ok: false,
      error: 'wb_unavailable',
      message: 'WB сейчас не отвечает. Попробуйте ещё раз через несколько минут.',
    });
  });
});

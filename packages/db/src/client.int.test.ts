import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from './client.ts';
import { testDatabaseUrl } from './testing/index.ts';

const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 2 });
afterAll(() => prisma.$disconnect());

let nextTelegramId = 1_000_000_000_100n;

/** A user who owns a fresh cabinet; each call is independent of the others. */
async function cabinetWithMember() {
  nextTelegramId += 1n;
  const user = await prisma.user.create({ data: { telegramId: nextTelegramId, firstName: 'Анна' } });
  const cabinet = await prisma.cabinet.create({
    data: {
      sellerId: crypto.randomUUID(),
      name: 'ИП Петрова',
      tokenEncrypted: 'v1:iv:tag:data',
      tokenFingerprint: 'f'.repeat(64),
      tokenType: 'personal',
      tokenScopes: 0b1010_0110,
      tokenExpiresAt: new Date('2027-05-01T00:00:00Z'),
      members: { create: { userId: user.id, role: 'owner' } },
      notificationSettings: { create: { userId: user.id } },
    },
  });
  return { user, cabinet };
}

describe('the Prisma client over @prisma/adapter-pg on the migrated schema', () => {
  it('stores a cabinet with its member, default settings and a new cabinet awaiting its initial sync', async () => {
    const { user, cabinet } = await cabinetWithMember();
    expect(cabinet.status).toBe('initial_sync');
    expect(cabinet.criticalStockThreshold).toBe(2);
    const settings = await prisma.notificationSettings.findUniqueOrThrow({
      where: { userId_cabinetId: { userId: user.id, cabinetId: cabinet.id } },
    });
    expect(settings).toMatchObject({
      notificationsEnabled: true,
      newOrdersEnabled: true,
      orderBuyoutsEnabled: true,
      orderCancellationsEnabled: true,
      orderReturnsEnabled: true,
      negativeReviewsEnabled: true,
      criticalStocksEnabled: true,
      newQuestionsEnabled: true,
    });
    expect(user.timeZone).toBe('Europe/Moscow');
  });

  it('keeps WB money exact and times as instants, and refuses a second order with the same srid', async () => {
    const { cabinet } = await cabinetWithMember();
    const order = {
      cabinetId: cabinet.id,
      srid: '11.rf9ef11fce1684117b0nhj96222488bf.0.0',
      orderDate: new Date('2026-11-27T11:05:00.500Z'),
      lastChangeDate: new Date('2026-11-27T11:06:00Z'),
      warehouseName: 'Коледино',
      supplierArticle: 'PLATE-01',
      nmId: 123456789,
      barcode: '2037401340280',
      techSize: '0',
      totalPrice: '1234.56',
      discountPercent: 15,
      spp: '23.5',
      finishedPrice: '805.12',
      priceWithDisc: '1049.38',
      isCancel: false,
    };
    const stored = await prisma.wbOrder.create({ data: order });
    expect(stored.totalPrice.toString()).toBe('1234.56');
    expect(stored.orderDate.toISOString()).toBe('2026-11-27T11:05:00.500Z');
    expect(stored.cancelDate).toBeNull();
    await expect(prisma.wbOrder.create({ data: order })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('allows one notification history row per user and event key', async () => {
    const { user, cabinet } = await cabinetWithMember();
    const userId = user.id;
    const event = await prisma.outboxEvent.create({
      data: {
        cabinetId: cabinet.id,
        type: 'new_order',
        eventKey: `${cabinet.id}:new_order:srid-1`,
        occurredAt: new Date(),
        payload: { srid: 'srid-1' },
      },
    });
    const row = {
      userId,
      cabinetId: cabinet.id,
      outboxEventId: event.id,
      eventKey: event.eventKey,
      type: event.type,
      occurredAt: event.occurredAt,
    };
    const first = await prisma.notificationHistory.create({ data: row });
    expect(first.status).toBe('pending');
    await expect(prisma.notificationHistory.create({ data: row })).rejects.toMatchObject({ code: 'P2002' });
    const sameEvent = {
      cabinetId: cabinet.id,
      type: event.type,
      eventKey: event.eventKey,
      occurredAt: new Date(),
      payload: {},
    };
    await expect(prisma.outboxEvent.create({ data: sameEvent })).rejects.toMatchObject({ code: 'P2002' });
  });
});

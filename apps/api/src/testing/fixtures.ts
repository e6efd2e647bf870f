import type { PrismaClient } from '@wb-assist/db';
import { SAMPLE_PAYLOADS } from '@wb-assist/domain/testing';

const money = (value: number) => value.toFixed(2);

/** One order at the given time (MSK-free: the caller passes UTC instants). */
export function orderRow(cabinetId: string, index: number, orderDate: Date, extra: { isCancel?: boolean } = {}) {
  return {
    cabinetId,
    srid: `srid-${cabinetId.slice(0, 8)}-${index}`,
    orderDate,
    lastChangeDate: orderDate,
    warehouseName: index % 2 ? 'Коледино' : 'Электросталь',
    supplierArticle: `art-${index % 5}`,
    nmId: 1000 + (index % 5),
    barcode: `bc-${index}`,
    techSize: 'M',
    totalPrice: money(1000),
    discountPercent: 10,
    spp: money(5),
    finishedPrice: money(855),
    priceWithDisc: money(900),
    isCancel: extra.isCancel ?? false,
    cancelDate: extra.isCancel ? orderDate : null,
  };
}

export function saleRow(cabinetId: string, index: number, saleDate: Date, type: 'buyout' | 'return') {
  const sign = type === 'return' ? -1 : 1;
  return {
    cabinetId,
    saleId: `${type === 'return' ? 'R' : 'S'}-${cabinetId.slice(0, 8)}-${index}`,
    type,
    srid: `srid-${cabinetId.slice(0, 8)}-${index}`,
    saleDate,
    lastChangeDate: saleDate,
    warehouseName: 'Коледино',
    supplierArticle: 'art-1',
    nmId: 1001,
    barcode: `bc-${index}`,
    techSize: 'M',
    totalPrice: money(sign * 1000),
    discountPercent: 10,
    spp: money(5),
    paymentSaleAmount: money(sign * 850),
    forPay: money(sign * 800),
    finishedPrice: money(sign * 855),
    priceWithDisc: money(sign * 900),
  };
}

/** A little of everything a cabinet holds, so isolation tests have data to (not) leak. */
export async function seedCabinet(prisma: PrismaClient, cabinetId: string, userId: string) {
  const now = Date.now();
  await prisma.wbOrder.createMany({
    data: Array.from({ length: 5 }, (_, i) => orderRow(cabinetId, i, new Date(now - i * 3_600_000))),
  });
  await prisma.wbSale.createMany({ data: [saleRow(cabinetId, 0, new Date(now), 'buyout')] });
  await prisma.wbReview.create({
    data: { cabinetId, reviewId: `rev-${cabinetId}`, nmId: 1001, rating: 2, text: 'Плохо', createdDate: new Date(now) },
  });
  await prisma.wbQuestion.create({
    data: { cabinetId, questionId: `q-${cabinetId}`, nmId: 1001, text: 'Есть размер S?', createdDate: new Date(now) },
  });
  await prisma.wbStock.create({
    data: {
      cabinetId,
      nmId: 1001,
      sizeKey: 'size:M',
      warehouseKey: 'name:Коледино',
      warehouseName: 'Коледино',
      quantity: 1,
    },
  });
  await prisma.wbProduct.create({ data: { cabinetId, nmId: 1001, vendorCode: 'art-1', title: 'Платье' } });
  await prisma.wbSyncLog.create({ data: { cabinetId, kind: 'periodic', status: 'success', completedAt: new Date() } });
  return insertNotification(prisma, { cabinetId, userId });
}

/** A stored notification as the worker writes it: an outbox event and the user's history row. */
export async function insertNotification(prisma: PrismaClient, where: { cabinetId: string; userId: string }) {
  const eventKey = `test:${where.cabinetId}:${Math.random()}`;
  const event = await prisma.outboxEvent.create({
    data: {
      cabinetId: where.cabinetId,
      type: 'new_order',
      eventKey,
      occurredAt: new Date(),
      payload: { ...SAMPLE_PAYLOADS.new_order, srid: eventKey },
    },
  });
  return prisma.notificationHistory.create({
    data: {
      userId: where.userId,
      cabinetId: where.cabinetId,
      outboxEventId: event.id,
      eventKey,
      type: 'new_order',
      occurredAt: event.occurredAt,
    },
  });
}

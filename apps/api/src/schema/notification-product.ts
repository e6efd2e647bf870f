import type { NotificationHistory } from '@wb-assist/db';
import type { GraphQLContext } from '../context.ts';
import { builder } from './builder.ts';
import { loadCard } from './card-loader.ts';
import { Notification, storedPayload } from './notification-history.ts';

interface ProductView {
  nmId: number;
  name: string | null;
  vendorCode: string | null;
  imageUrl: string | null;
  price: string | null;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** The card when synced, else what the event itself carried; never WB's category. */
async function productOf(row: NotificationHistory, payload: Record<string, unknown>, ctx: GraphQLContext) {
  if (typeof payload.nmId !== 'number') return null;
  // The row is the viewer's own (every list filters by user), so its cabinet is one they see.
  const card = await loadCard(ctx, row.cabinetId, payload.nmId);
  // The seller's price as the bot shows it: the order feed knows sellerPrice before statistics
  // fill priceWithDisc.
  const price = payload.sellerPrice ?? payload.priceWithDisc;
  return {
    nmId: payload.nmId,
    name: card?.title || text(payload.productName),
    vendorCode: card?.vendorCode || text(payload.supplierArticle) || text(payload.vendorCode),
    imageUrl: card?.imageUrl ?? null,
    price: typeof price === 'string' || typeof price === 'number' ? String(price) : null,
  } satisfies ProductView;
}

const NotificationProduct = builder.objectRef<ProductView>('NotificationProduct').implement({
  description: 'The product a notification is about, named from its content card.',
  fields: (t) => ({
    nmId: t.exposeInt('nmId'),
    name: t.exposeString('name', { nullable: true, description: 'The card’s title; null before cards are synced.' }),
    vendorCode: t.exposeString('vendorCode', { nullable: true }),
    imageUrl: t.exposeString('imageUrl', { nullable: true }),
    price: t.field({
      type: 'Decimal',
      nullable: true,
      description:
        'The seller’s price of the unit (as the Telegram message shows it), for orders, buyouts, cancellations and returns.',
      resolve: (product) => product.price,
    }),
  }),
});

builder.prismaObjectField(Notification, 'product', (t) =>
  t.field({
    type: NotificationProduct,
    nullable: true,
    description: 'The product, for notifications about one; null for cabinet-wide ones (a key warning).',
    resolve: async (row, _args, ctx) => {
      const payload = await storedPayload(row, ctx);
      return productOf(row, (payload ?? {}) as Record<string, unknown>, ctx);
    },
  }),
);

import { builder } from './builder.ts';
import { loadCard, type Card } from './card-loader.ts';
import { Order } from './orders.ts';
import { Review } from './reviews.ts';
import { Sale } from './sales.ts';

const ProductCard = builder.objectRef<Card & { nmId: number }>('ProductCard').implement({
  description: 'The product card of a row: its name and photo, as the seller sees them on WB.',
  fields: (t) => ({
    nmId: t.exposeInt('nmId'),
    title: t.exposeString('title'),
    vendorCode: t.exposeString('vendorCode'),
    imageUrl: t.exposeString('imageUrl', { nullable: true }),
  }),
});

const productField = {
  type: ProductCard,
  nullable: true,
  description: 'The product’s card; null before cards are synced or when WB has none.',
  // The row was read through its cabinet's list, which checked the viewer may see it.
  resolve: async (row: { cabinetId: string; nmId: number }, _args: object, ctx: Parameters<typeof loadCard>[0]) => {
    const card = await loadCard(ctx, row.cabinetId, row.nmId);
    return card ? { ...card, nmId: row.nmId } : null;
  },
} as const;

builder.prismaObjectField(Order, 'product', (t) => t.field(productField));
builder.prismaObjectField(Sale, 'product', (t) => t.field(productField));
builder.prismaObjectField(Review, 'product', (t) => t.field(productField));

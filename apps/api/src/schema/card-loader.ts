import type { GraphQLContext } from '../context.ts';

export interface Card {
  title: string;
  vendorCode: string;
  imageUrl: string | null;
}

type LoadCard = (cabinetId: string, nmId: number) => Promise<Card | undefined>;

const loaders = new WeakMap<GraphQLContext, LoadCard>();

/**
 * The product card for this request. A page of 50 rows (notifications, orders, sales) asks for
 * 50 cards in one tick: they are collected and read with one query per cabinet, not 50.
 */
export function loadCard(ctx: GraphQLContext, cabinetId: string, nmId: number): Promise<Card | undefined> {
  let load = loaders.get(ctx);
  if (!load) {
    load = batchingCardLoader(ctx);
    loaders.set(ctx, load);
  }
  return load(cabinetId, nmId);
}

function batchingCardLoader(ctx: GraphQLContext): LoadCard {
  const batches = new Map<string, { nmIds: Set<number>; cards: Promise<Map<number, Card>> }>();
  return (cabinetId, nmId) => {
    let batch = batches.get(cabinetId);
    if (!batch) {
      const nmIds = new Set<number>();
      const cards = new Promise<Map<number, Card>>((resolve, reject) =>
        // Resolvers of one list run in one tick; the read waits for all of them to ask.
        process.nextTick(() => {
          batches.delete(cabinetId);
          ctx.prisma.wbProduct
            .findMany({
              where: { cabinetId, nmId: { in: [...nmIds] } },
              select: { nmId: true, title: true, vendorCode: true, imageUrl: true },
            })
            .then((rows) => resolve(new Map(rows.map((row) => [row.nmId, row]))), reject);
        }),
      );
      batch = { nmIds, cards };
      batches.set(cabinetId, batch);
    }
    batch.nmIds.add(nmId);
    return batch.cards.then((cards) => cards.get(nmId));
  };
}

import { afterEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../testing/harness.ts';

let h: Harness;
afterEach(() => h.emulator.close());

type Card = {
  nmID: number;
  updatedAt: string;
  photos: Record<string, string>[];
  sizes: { chrtID: number; techSize: string; skus: string[] }[];
};
type Page = { cards: Card[]; cursor: { updatedAt: string; nmID: number; total: number } };

describe('cards/list', () => {
  it('walks every card with the cursor until total < limit', async () => {
    h = await harness();
    const limit = 3;
    const seen: number[] = [];
    let cursor: { limit: number; updatedAt?: string; nmID?: number } = { limit };
    for (let i = 0; i < 10; i++) {
      const page = (await (
        await h.post('/content/v2/get/cards/list', {
          settings: { sort: { ascending: true }, filter: { withPhoto: -1 }, cursor },
        })
      ).json()) as Page;
      seen.push(...page.cards.map((c) => c.nmID));
      if (page.cursor.total < limit) break;
      cursor = { limit, updatedAt: page.cursor.updatedAt, nmID: page.cursor.nmID };
    }
    expect(seen.sort()).toEqual(h.seller.products.map((p) => p.nmId).sort());
  });

  it('writes UTC times with Z and WB-shaped photo URLs', async () => {
    h = await harness();
    const page = (await (
      await h.post('/content/v2/get/cards/list', { settings: { cursor: { limit: 100 } } })
    ).json()) as Page;
    const card = page.cards[0] as Card;
    expect(card.updatedAt).toMatch(/Z$/);
    const vol = Math.floor(card.nmID / 100_000);
    const part = Math.floor(card.nmID / 1_000);
    expect(card.photos[0]?.big).toMatch(
      new RegExp(`^https://basket-\\d{2}\\.wbbasket\\.ru/vol${vol}/part${part}/${card.nmID}/images/big/1\\.webp$`),
    );
    expect(Object.keys(card.photos[0] ?? {}).sort()).toEqual(['big', 'c246x328', 'c516x688', 'square', 'tm']);
    expect(card.sizes[0]?.skus[0]).toMatch(/^\d{13}$/);
  });

  it('rejects a limit above 100', async () => {
    h = await harness();
    const response = await h.post('/content/v2/get/cards/list', { settings: { cursor: { limit: 101 } } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ data: null, error: true });
  });
});

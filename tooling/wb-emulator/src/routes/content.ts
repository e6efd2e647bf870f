import type { AuthedRequest, Reply, Route } from '../http/types.ts';
import { parseJsonBody } from '../http/problem.ts';
import { formatUtc } from '../msk-time.ts';
import type { Product } from '../seller/model.ts';

const MAX_LIMIT = 100;

const contentError = (errorText: string): Reply => ({
  status: 400,
  body: { data: null, error: true, errorText, additionalErrors: null },
});

type Settings = {
  sort?: { ascending?: boolean };
  filter?: { withPhoto?: number; textSearch?: string; brands?: string[]; objectIDs?: number[]; imtID?: number };
  cursor?: { limit?: number; updatedAt?: string | null; nmID?: number };
};

/** WB media URL: basket-NN / vol{nmId/1e5} / part{nmId/1e3} / nmId / images / <size> / n.webp */
export function photoUrls(p: Product) {
  const base = `https://basket-${String(p.basket).padStart(2, '0')}.wbbasket.ru/vol${Math.floor(p.nmId / 100_000)}/part${Math.floor(p.nmId / 1_000)}/${p.nmId}/images`;
  return Array.from({ length: p.photoCount }, (_, i) => ({
    big: `${base}/big/${i + 1}.webp`,
    c246x328: `${base}/c246x328/${i + 1}.webp`,
    c516x688: `${base}/c516x688/${i + 1}.webp`,
    square: `${base}/square/${i + 1}.webp`,
    tm: `${base}/tm/${i + 1}.webp`,
  }));
}

function cardJson(p: Product) {
  return {
    nmID: p.nmId,
    imtID: p.imtId,
    nmUUID: p.nmUuid,
    subjectID: p.subjectId,
    subjectName: p.subject,
    vendorCode: p.vendorCode,
    brand: p.brand,
    title: p.title,
    description: `${p.title}. Бренд ${p.brand}.`,
    needKiz: false,
    kizMarked: false,
    photos: photoUrls(p),
    dimensions: { length: 30, width: 20, height: 5, weightBrutto: 0.45, isValid: true },
    characteristics: [{ id: 14177449, name: 'Цвет', value: ['черный'] }],
    sizes: p.sizes.map((s) => ({
      chrtID: s.chrtId,
      techSize: s.techSize,
      wbSize: s.techSize === '0' ? '' : s.techSize,
      skus: [s.barcode],
    })),
    tags: [],
    createdAt: formatUtc(p.createdAt),
    updatedAt: formatUtc(p.updatedAt),
  };
}

/** `POST /content/v2/get/cards/list`: sorted by updatedAt, cursor = last card's (updatedAt, nmID). */
function listCards(req: AuthedRequest): Reply {
  const parsed = parseJsonBody(req.body);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null)
    return contentError('Неправильный запрос');
  const settings = ((parsed.value as { settings?: Settings }).settings ?? {}) as Settings;
  const limit = settings.cursor?.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    return contentError(`cursor.limit: должно быть не больше ${MAX_LIMIT}`);
  // An omitted filter lists every card; an explicit 0 means "without photos" (WB's enum).
  const withPhoto = settings.filter?.withPhoto ?? -1;
  if (![-1, 0, 1, 2].includes(withPhoto)) return contentError('filter.withPhoto: недопустимое значение');
  const ascending = settings.sort?.ascending ?? false;
  const cursorAt = settings.cursor?.updatedAt ? Date.parse(settings.cursor.updatedAt) : null;
  if (cursorAt !== null && Number.isNaN(cursorAt)) return contentError('cursor.updatedAt: неверный формат');
  const cursorNm = settings.cursor?.nmID ?? 0;
  const search = settings.filter?.textSearch?.toLowerCase();

  const dir = ascending ? 1 : -1;
  const cards = req.seller.products
    .filter((p) => (withPhoto === 0 ? p.photoCount === 0 : withPhoto === 1 ? p.photoCount > 0 : true))
    .filter(
      (p) =>
        !search ||
        p.vendorCode.toLowerCase().includes(search) ||
        p.title.toLowerCase().includes(search) ||
        String(p.nmId) === search ||
        p.sizes.some((s) => s.barcode === search),
    )
    .filter((p) => !settings.filter?.brands?.length || settings.filter.brands.includes(p.brand))
    .filter((p) => !settings.filter?.objectIDs?.length || settings.filter.objectIDs.includes(p.subjectId))
    .filter((p) => settings.filter?.imtID === undefined || p.imtId === settings.filter.imtID)
    .sort((a, b) => dir * (a.updatedAt - b.updatedAt || a.nmId - b.nmId))
    .filter((p) => cursorAt === null || dir * (p.updatedAt - cursorAt || p.nmId - cursorNm) > 0)
    .slice(0, limit);
  const last = cards[cards.length - 1];
  return {
    status: 200,
    body: {
      cards: cards.map(cardJson),
      cursor: {
        updatedAt: last ? formatUtc(last.updatedAt) : (settings.cursor?.updatedAt ?? ''),
        nmID: last ? last.nmId : cursorNm,
        total: cards.length,
      },
    },
  };
}

export function contentRoutes(): Route[] {
  return [
    {
      method: 'POST',
      path: '/content/v2/get/cards/list',
      name: 'cards-list',
      group: 'cards-list',
      category: 'content',
      sandbox: true,
      scopeDenied: () => ({
        status: 403,
        body: { data: null, error: true, errorText: 'Access denied', additionalErrors: 'Access denied' },
      }),
      handle: listCards,
    },
  ];
}

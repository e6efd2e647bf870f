import { FULL_DETAIL, type Detail } from './detail.ts';

/**
 * The most detailed rendering that fits `limit` characters, or null when even the barest
 * one does not. A smaller text cap gives a shorter text (give or take a word-boundary cut),
 * so a binary search finds the cap; it only ever returns a rendering it has measured.
 */
export function fitText(render: (detail: Detail) => string, limit: number): string | null {
  const fits = (detail: Detail): string | null => {
    const text = render(detail);
    return text.length <= limit ? text : null;
  };
  const full = fits(FULL_DETAIL);
  if (full !== null) return full;

  const lean: Detail = { ...FULL_DETAIL, context: false };
  for (let listCap = lean.listCap; listCap >= 0; listCap -= 1) {
    const text = fits({ ...lean, listCap });
    if (text !== null) return text;
  }

  // The largest cap that fits; no string can be longer than the whole unfitted text.
  let low = 0;
  let high = render({ ...lean, listCap: 0 }).length;
  let best = fits({ ...lean, listCap: 0, textCap: low });
  if (best === null) return null;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const text = fits({ ...lean, listCap: 0, textCap: mid });
    if (text === null) {
      high = mid - 1;
    } else {
      low = mid;
      best = text;
    }
  }
  return best;
}

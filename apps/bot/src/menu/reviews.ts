import { escapeHtml, formatDateTime, truncate } from '@wb-assist/domain';
import type { BotContext } from '../context.ts';
import { BACK_TO_MENU } from '../views/labels.ts';
import type { Screen, Viewer } from './screen.ts';

const NEGATIVE_RATING = 3;

const stars = (rating: number) => '★'.repeat(rating) + '☆'.repeat(Math.max(0, 5 - rating));

/** Отзывы: the latest reviews of three stars or fewer. */
export async function reviewsScreen(ctx: BotContext, viewer: Viewer): Promise<Screen> {
  const { rows } = await ctx.pool.query<{
    rating: number;
    text: string;
    cons: string;
    created_date: Date;
    product_name: string | null;
    nm_id: number;
    is_answered: boolean;
  }>(
    `SELECT rating, text, cons, created_date, product_name, nm_id, is_answered
     FROM wb_reviews WHERE cabinet_id = $1 AND rating <= $2
     ORDER BY created_date DESC LIMIT 5`,
    [viewer.cabinet.id, NEGATIVE_RATING],
  );
  const lines = [`⭐ <b>Негативные отзывы</b> · ${escapeHtml(viewer.cabinet.name)}`, ''];
  if (rows.length === 0) lines.push('Негативных отзывов нет.');
  for (const review of rows) {
    const product = escapeHtml(truncate(review.product_name ?? `WB ${review.nm_id}`, 40));
    const said = (review.text || review.cons).trim();
    lines.push(
      `${stars(review.rating)} ${formatDateTime(review.created_date, viewer.timeZone)} · ${product}` +
        (review.is_answered ? ' · ответ дан' : ''),
    );
    lines.push(said ? `<i>«${escapeHtml(truncate(said, 200))}»</i>` : '<i>без текста</i>', '');
  }
  return {
    text: lines.join('\n').trimEnd(),
    keyboard: [[{ text: '🔄 Обновить', callbackData: 'scr:reviews' }, BACK_TO_MENU]],
  };
}

import { escapeHtml, formatInteger, truncate } from '@wb-assist/domain';
import type { BotContext } from '../context.ts';
import { BACK_TO_MENU } from '../views/labels.ts';
import type { Screen, Viewer } from './screen.ts';

const SHOWN = 20;

/** Остатки: product sizes whose stock over all warehouses is at or below the threshold. */
export async function stocksScreen(ctx: BotContext, viewer: Viewer): Promise<Screen> {
  const threshold = viewer.cabinet.criticalStockThreshold;
  const { rows } = await ctx.pool.query<{
    nm_id: number;
    tech_size: string | null;
    available: number;
    title: string | null;
    vendor_code: string | null;
    total: number;
  }>(
    `SELECT s.nm_id, max(s.tech_size) AS tech_size, sum(s.quantity)::int AS available,
            max(p.title) AS title, max(COALESCE(p.vendor_code, s.vendor_code)) AS vendor_code,
            (count(*) OVER ())::int AS total
     FROM wb_stocks s LEFT JOIN wb_products p ON p.cabinet_id = s.cabinet_id AND p.nm_id = s.nm_id
     WHERE s.cabinet_id = $1
     GROUP BY s.nm_id, s.size_key
     HAVING sum(s.quantity) <= $2
     ORDER BY available, title NULLS LAST, s.nm_id
     LIMIT ${SHOWN}`,
    [viewer.cabinet.id, threshold],
  );
  const lines = [
    `📦 <b>Критические остатки</b> · ${escapeHtml(viewer.cabinet.name)}`,
    `Размеры, которых на всех складах ${formatInteger(threshold)} шт. или меньше.`,
    '',
  ];
  if (rows.length === 0) lines.push('Всё в порядке: критических остатков нет.');
  for (const row of rows) {
    const name = escapeHtml(truncate(row.title ?? row.vendor_code ?? `WB ${row.nm_id}`, 40));
    const size = row.tech_size && row.tech_size !== '0' ? `, размер ${escapeHtml(row.tech_size)}` : '';
    lines.push(`${row.available === 0 ? '🔴' : '🟠'} ${name}${size}: ${formatInteger(row.available)} шт.`);
  }
  const total = rows[0]?.total ?? 0;
  if (total > rows.length)
    lines.push('', `…и ещё ${formatInteger(total - rows.length)}. Полный список — в веб-кабинете.`);
  return { text: lines.join('\n'), keyboard: [[{ text: '🔄 Обновить', callbackData: 'scr:stocks' }, BACK_TO_MENU]] };
}

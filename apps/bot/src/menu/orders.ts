import { escapeHtml, formatDateTime, formatInteger, formatMoney, truncate } from '@wb-assist/domain';
import type { BotContext } from '../context.ts';
import { BACK_TO_MENU } from '../views/labels.ts';
import type { Screen, Viewer } from './screen.ts';

/**
 * Заказы: today's figures in the user's zone as the dashboard shows them (the database's
 * wb_daily_totals: orders placed and their priceWithDisc, cancelled ones included; cancellations of
 * the day), then the last ten orders at the dashboard's price.
 */
export async function ordersScreen(ctx: BotContext, viewer: Viewer): Promise<Screen> {
  const { rows: totals } = await ctx.pool.query<{ orders: number; cancelled: number; amount: number }>(
    `SELECT orders, cancellations AS cancelled, orders_amount::float8 AS amount
     FROM wb_daily_totals($1, (now() AT TIME ZONE $2)::date, (now() AT TIME ZONE $2)::date, $2)`,
    [viewer.cabinet.id, viewer.timeZone],
  );
  const { rows: latest } = await ctx.pool.query<{
    order_date: Date;
    nm_id: number;
    supplier_article: string;
    price_with_disc: string;
    is_cancel: boolean;
    title: string | null;
  }>(
    `SELECT o.order_date, o.nm_id, o.supplier_article, o.price_with_disc, o.is_cancel, p.title
     FROM wb_orders o LEFT JOIN wb_products p ON p.cabinet_id = o.cabinet_id AND p.nm_id = o.nm_id
     WHERE o.cabinet_id = $1 ORDER BY o.order_date DESC, o.id DESC LIMIT 10`,
    [viewer.cabinet.id],
  );
  const today = totals[0] ?? { orders: 0, cancelled: 0, amount: 0 };
  const lines = [
    `🛒 <b>Заказы</b> · ${escapeHtml(viewer.cabinet.name)}`,
    `Сегодня: ${formatInteger(today.orders)} на ${formatMoney(today.amount)}` +
      (today.cancelled > 0 ? `, отменено ${formatInteger(today.cancelled)}` : ''),
    '',
  ];
  if (latest.length === 0) lines.push('Заказов пока нет.');
  else lines.push('<b>Последние заказы</b>');
  for (const order of latest) {
    const name = escapeHtml(truncate(order.title ?? order.supplier_article, 40));
    lines.push(
      `${formatDateTime(order.order_date, viewer.timeZone)} · ${name} · ${formatMoney(Number(order.price_with_disc))}` +
        (order.is_cancel ? ' · ❌ отменён' : ''),
    );
  }
  return {
    text: lines.join('\n'),
    keyboard: [[{ text: '🔄 Обновить', callbackData: 'scr:orders' }, BACK_TO_MENU]],
  };
}

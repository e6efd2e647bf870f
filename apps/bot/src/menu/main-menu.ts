import { escapeHtml, formatDateTime } from '@wb-assist/domain';
import type { BotContext } from '../context.ts';
import type { Screen, Viewer } from './screen.ts';

export async function mainMenu(ctx: BotContext, viewer: Viewer): Promise<Screen> {
  const cabinet = await ctx.prisma.cabinet.findUniqueOrThrow({
    where: { id: viewer.cabinet.id },
    select: { lastSyncAt: true, status: true },
  });
  const lines = [`🏠 <b>Главное меню</b> · ${escapeHtml(viewer.cabinet.name)}`];
  if (cabinet.status === 'key_invalid')
    lines.push('⚠️ WB не принимает ключ: замените его в разделе «Кабинеты» кнопкой «Заменить ключ».');
  lines.push(
    cabinet.lastSyncAt ? `Данные на ${formatDateTime(cabinet.lastSyncAt, viewer.timeZone)}` : 'Данные ещё не загружены',
  );
  return {
    text: lines.join('\n'),
    keyboard: [
      [
        { text: '🔔 Уведомления', callbackData: 'scr:notifications' },
        { text: '🛒 Заказы', callbackData: 'scr:orders' },
      ],
      [
        { text: '📦 Остатки', callbackData: 'scr:stocks' },
        { text: '⭐ Отзывы', callbackData: 'scr:reviews' },
      ],
      [{ text: '🔄 Статус синхронизации', callbackData: 'scr:sync' }],
      [
        { text: '🏪 Кабинеты', callbackData: 'scr:cabinets' },
        { text: '🌐 Веб-кабинет', callbackData: 'scr:web' },
      ],
      [{ text: '❓ Помощь', callbackData: 'scr:help' }],
    ],
  };
}

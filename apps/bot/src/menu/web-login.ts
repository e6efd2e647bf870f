import { createLoginLink } from '@wb-assist/core';
import type { BotContext } from '../context.ts';
import { BACK_TO_MENU } from '../views/labels.ts';
import type { Screen, Viewer } from './screen.ts';

/** Веб-кабинет: a one-time link that logs this user into the dashboard. */
export async function webLoginScreen(ctx: BotContext, viewer: Viewer): Promise<Screen> {
  const link = await createLoginLink(ctx.prisma, { userId: viewer.userId });
  const url = `${ctx.publicWebUrl.replace(/\/$/, '')}/login/link?token=${encodeURIComponent(link.token)}`;
  const minutes = Math.max(1, Math.round((link.expiresAt.getTime() - Date.now()) / 60_000));
  return {
    // A text link, not a URL button: Telegram refuses buttons that point at localhost.
    text: [
      '🌐 <b>Веб-кабинет</b>',
      '',
      `<a href="${url}">Войти в веб-кабинет</a>`,
      '',
      `Ссылка одноразовая и действует ${minutes} мин. Не пересылайте её: она входит под вашим именем.`,
    ].join('\n'),
    keyboard: [[{ text: '🔁 Новая ссылка', callbackData: 'scr:web' }, BACK_TO_MENU]],
  };
}

import { createInvite, leaveCabinet, listUserCabinets } from '@wb-assist/core';
import { escapeHtml, formatDateTime, replaceKeyCallbackData } from '@wb-assist/domain';
import { chatState, type BotContext } from '../context.ts';
import { BACK_TO_MENU } from '../views/labels.ts';
import type { Screen, Viewer } from './screen.ts';

const STATUS: Record<string, string> = {
  initial_sync: '⏳ загрузка данных',
  ready: '✅ работает',
  key_invalid: '⚠️ ключ не работает',
  paused: '⏸ на паузе',
};

/** Кабинеты: every cabinet of the user, which one the menu shows, add / invite / leave. */
export async function cabinetsScreen(ctx: BotContext, viewer: Viewer, notice?: string): Promise<Screen> {
  const cabinets = await listUserCabinets(ctx.prisma, { userId: viewer.userId });
  const lines = ['🏪 <b>Кабинеты</b>', ''];
  const keyboard = [];
  for (const cabinet of cabinets) {
    const current = cabinet.cabinetId === viewer.cabinet.id;
    lines.push(
      `${current ? '▶️' : '•'} <b>${escapeHtml(cabinet.name)}</b> — ${cabinet.role === 'owner' ? 'владелец' : 'участник'}, ${STATUS[cabinet.status] ?? cabinet.status}`,
    );
    if (!current && cabinet.status !== 'initial_sync') {
      keyboard.push([{ text: `Показывать «${cabinet.name}»`, callbackData: `cab:use:${cabinet.cabinetId}` }]);
    }
  }
  if (notice) lines.push('', notice);
  keyboard.push([{ text: '➕ Добавить кабинет', callbackData: 'cab:add' }]);
  keyboard.push([
    { text: `🔑 Заменить ключ «${viewer.cabinet.name}»`, callbackData: replaceKeyCallbackData(viewer.cabinet.id) },
  ]);
  keyboard.push([{ text: `👥 Пригласить в «${viewer.cabinet.name}»`, callbackData: 'cab:invite' }]);
  keyboard.push([{ text: `🚪 Покинуть «${viewer.cabinet.name}»`, callbackData: `cab:leave:${viewer.cabinet.id}` }]);
  keyboard.push([BACK_TO_MENU]);
  return { text: lines.join('\n'), keyboard };
}

export function addCabinetScreen(ctx: BotContext, chatId: number): Screen {
  chatState(ctx, chatId).awaitingKey = true;
  return {
    text: [
      '➕ <b>Новый кабинет</b>',
      '',
      'Пришлите ключ WB API другого магазина. Сообщение с ключом я сразу удалю.',
    ].join('\n'),
    keyboard: [[{ text: 'Отмена', callbackData: 'scr:cabinets' }]],
  };
}

/** «Заменить ключ»: what to send, and that nothing of the cabinet is lost. */
export function replaceKeyScreen(cabinetName: string): Screen {
  return {
    text: [
      `🔑 <b>Новый ключ для «${escapeHtml(cabinetName)}»</b>`,
      '',
      'Создайте ключ в личном кабинете WB (Настройки → Доступ к API) с теми же категориями и пришлите его сюда. Сообщение с ключом я сразу удалю.',
      'Кабинет, его история, настройки и участники останутся.',
    ].join('\n'),
    keyboard: [[{ text: 'Отмена', callbackData: 'menu' }]],
  };
}

export async function inviteScreen(ctx: BotContext, viewer: Viewer): Promise<Screen> {
  const invite = await createInvite(ctx.prisma, { cabinetId: viewer.cabinet.id, userId: viewer.userId });
  if (!invite.ok) return cabinetsScreen(ctx, viewer, invite.message);
  const link = `https://t.me/${ctx.botUsername()}?start=inv_${invite.code}`;
  return {
    text: [
      `👥 <b>Приглашение в «${escapeHtml(viewer.cabinet.name)}»</b>`,
      '',
      'Перешлите ссылку коллеге. Она сработает один раз: коллега получит уведомления этого кабинета со своими настройками, без ключа.',
      '',
      link,
      '',
      `Действует до ${formatDateTime(invite.expiresAt, viewer.timeZone)}.`,
    ].join('\n'),
    keyboard: [[{ text: '« Кабинеты', callbackData: 'scr:cabinets' }]],
  };
}

export function confirmLeaveScreen(viewer: Viewer): Screen {
  return {
    text: [
      `🚪 Покинуть «${escapeHtml(viewer.cabinet.name)}»?`,
      '',
      'Уведомления этого кабинета перестанут приходить. Если вы последний участник, кабинет и его ключ будут удалены.',
    ].join('\n'),
    keyboard: [
      [
        { text: 'Да, покинуть', callbackData: `cab:leave!:${viewer.cabinet.id}` },
        { text: 'Отмена', callbackData: 'scr:cabinets' },
      ],
    ],
  };
}

/** Leaves; returns null when no cabinet is left (the caller then asks for a key). */
export async function leave(ctx: BotContext, viewer: Viewer): Promise<{ notice: string }> {
  const result = await leaveCabinet(ctx.prisma, { cabinetId: viewer.cabinet.id, userId: viewer.userId });
  const state = chatState(ctx, viewer.chatId);
  if (state.cabinetId === viewer.cabinet.id) state.cabinetId = undefined;
  if (!result.ok) return { notice: result.message };
  return {
    notice: result.cabinetDeleted
      ? `Вы покинули «${escapeHtml(viewer.cabinet.name)}». Кабинет и его ключ удалены.`
      : `Вы покинули «${escapeHtml(viewer.cabinet.name)}».`,
  };
}

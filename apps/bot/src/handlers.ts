import { acceptInvite, registerTelegramUser, updateNotificationSettings } from '@wb-assist/core';
import {
  escapeHtml,
  NOTIFICATION_TYPES,
  parseAnswerCallbackData,
  parseMuteCallbackData,
  parseReplaceKeyCallbackData,
  WB_KEY_HOW_TO,
  type NotificationType,
} from '@wb-assist/domain';
import { createAnswerFlow } from './answers/answer-flow.ts';
import { parseDraftCallbackData } from './answers/callbacks.ts';
import { chatState, type BotContext } from './context.ts';
import { drawScreen, sendScreen } from './flows/show.ts';
import type { InitialSyncGate } from './flows/initial-sync-gate.ts';
import { handleKey, looksLikeWbKey } from './flows/key-entry.ts';
import {
  addCabinetScreen,
  cabinetsScreen,
  confirmLeaveScreen,
  inviteScreen,
  leave,
  replaceKeyScreen,
} from './menu/cabinets.ts';
import { currentViewer } from './menu/current-cabinet.ts';
import { helpScreen } from './menu/help.ts';
import { mainMenu } from './menu/main-menu.ts';
import { notificationsScreen, stepForecastDays, toggleNotification } from './menu/notifications.ts';
import { isQuietHoursPress, stepQuietHours } from './menu/quiet-hours.ts';
import { ordersScreen } from './menu/orders.ts';
import { reviewsScreen } from './menu/reviews.ts';
import type { Screen, Viewer } from './menu/screen.ts';
import { stocksScreen } from './menu/stocks.ts';
import { syncNow, syncStatusScreen } from './menu/sync-status.ts';
import { changeTimeSettings, stepSummaryTime, timeSettingsScreen } from './menu/time-settings.ts';
import { webLoginScreen } from './menu/web-login.ts';
import type { From, Incoming } from './telegram/port.ts';
import { TYPE_NAMES } from './views/labels.ts';

const WELCOME = [
  '👋 Здравствуйте! Я <b>WB Assist</b>: пишу о каждом заказе, выкупе, отмене, возврате, негативном отзыве и заканчивающемся товаре вашего магазина на Wildberries.',
  '',
  `Пришлите ключ WB API: ${WB_KEY_HOW_TO}`,
  '',
  'Сообщение с ключом я сразу удалю.',
].join('\n');

const ASK_KEY = 'Пришлите ключ WB API, чтобы подключить кабинет. Сообщение с ключом я сразу удалю.';

type User = Awaited<ReturnType<typeof registerTelegramUser>>['user'];

const SCREENS: Record<string, (ctx: BotContext, viewer: Viewer) => Promise<Screen> | Screen> = {
  notifications: notificationsScreen,
  orders: ordersScreen,
  stocks: stocksScreen,
  reviews: reviewsScreen,
  sync: (ctx, viewer) => syncStatusScreen(ctx, viewer),
  cabinets: (ctx, viewer) => cabinetsScreen(ctx, viewer),
  web: webLoginScreen,
  help: () => helpScreen(),
};

/** The conversation: what the bot does with each message and button press. */
export function createHandlers(ctx: BotContext, gate: () => InitialSyncGate) {
  const answers = createAnswerFlow(ctx);
  const register = (from: From) =>
    registerTelegramUser(ctx.prisma, {
      telegramId: BigInt(from.id),
      username: from.username,
      firstName: from.firstName,
      lastName: from.lastName,
      languageCode: from.languageCode,
    });

  async function showMenu(chatId: number, userId: string): Promise<void> {
    const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    await home(chatId, user);
  }

  /** Where the user belongs now: key entry, the initial-sync gate, or the main menu. */
  async function home(chatId: number, user: User, prefix?: string): Promise<void> {
    const { viewer, cabinets } = await currentViewer(ctx, user, chatId);
    if (cabinets.length === 0) {
      chatState(ctx, chatId).awaitingKey = true;
      await ctx.telegram.sendMessage(chatId, prefix ? `${prefix}\n\n${ASK_KEY}` : WELCOME);
      return;
    }
    if (!viewer) {
      if (prefix) await ctx.telegram.sendMessage(chatId, prefix);
      await syncInProgress(chatId, user, cabinets[0]?.cabinetId ?? '');
      return;
    }
    const menu = await mainMenu(ctx, viewer);
    await sendScreen(ctx, chatId, prefix ? { ...menu, text: `${prefix}\n\n${menu.text}` } : menu);
  }

  /** Anything sent during the initial sync: "синхронизация идёт, N%", and progress if nobody shows it yet. */
  async function syncInProgress(chatId: number, user: User, cabinetId: string): Promise<void> {
    const cabinet = await ctx.prisma.cabinet.findUniqueOrThrow({
      where: { id: cabinetId },
      select: { name: true, syncProgress: true },
    });
    const percent = Math.round((cabinet.syncProgress as { percent?: number } | null)?.percent ?? 0);
    const text = `⏳ Синхронизация идёт, ${percent}%. Главное меню пришлю, как только данные загрузятся.`;
    const sent = await ctx.telegram.sendMessage(chatId, text);
    if (!gate().isWatching(cabinetId, chatId)) {
      await gate().watch(
        cabinetId,
        chatId,
        user.id,
        sent.messageId,
        `⏳ Синхронизация идёт · ${escapeHtml(cabinet.name)}`,
      );
    }
  }

  async function onMessage(incoming: Extract<Incoming, { kind: 'message' }>): Promise<void> {
    const { chatId } = incoming;
    const text = incoming.text.trim();
    const { user } = await register(incoming.from);
    const state = chatState(ctx, chatId);

    const command = /^\/(\w+)(?:@\w+)?(?:\s+(.*))?$/.exec(text);
    if (command?.[1] === 'start' || command?.[1] === 'menu') await answers.stopWriting(user.id);
    if (command?.[1] === 'start') {
      state.awaitingKey = false;
      state.replacingKeyOf = undefined;
      const payload = command[2]?.trim();
      if (payload?.startsWith('inv_')) {
        const accepted = await acceptInvite(ctx.prisma, { code: payload.slice(4), userId: user.id });
        if (accepted.ok) state.cabinetId = accepted.cabinetId;
        const notice = accepted.ok
          ? accepted.alreadyMember
            ? `Вы уже участник «${escapeHtml(accepted.cabinetName)}».`
            : `✅ Вы присоединились к «${escapeHtml(accepted.cabinetName)}». Уведомления этого кабинета будут приходить и вам.`
          : `❌ ${escapeHtml(accepted.message)}`;
        await home(chatId, user, notice);
        return;
      }
      await home(chatId, user);
      return;
    }
    if (command?.[1] === 'help') {
      await sendScreen(ctx, chatId, helpScreen());
      return;
    }
    // "/timezone Asia/Almaty", "/summary 08:30": any zone or time, beyond the page's buttons.
    if (command?.[1] === 'timezone' || command?.[1] === 'summary') {
      const value = command[2]?.trim();
      const change = command[1] === 'timezone' ? { timeZone: value } : { morningSummaryTime: value };
      const screen = value
        ? (await changeTimeSettings(ctx, user.id, change)).screen
        : await timeSettingsScreen(ctx, user.id);
      await sendScreen(ctx, chatId, screen);
      return;
    }
    if (command?.[1] === 'menu') {
      state.awaitingKey = false;
      state.replacingKeyOf = undefined;
      await home(chatId, user);
      return;
    }

    // A key is never taken for an answer: it would be published on the product's page.
    const mayAnswer = !command && !state.awaitingKey && !looksLikeWbKey(text);
    if (mayAnswer && (await answers.takeText(user.id, chatId, incoming.text))) return;

    if (!looksLikeWbKey(text)) {
      // A message just as the initial sync ends: the gate sends the menu, once.
      if (await gate().settle(chatId)) return;
      // Still waiting: the gate will send the menu, so this chat gets only the progress.
      const waitingFor = gate().watchedBy(chatId);
      if (waitingFor && !state.awaitingKey) {
        await syncInProgress(chatId, user, waitingFor);
        return;
      }
    }
    const { viewer, cabinets } = await currentViewer(ctx, user, chatId);
    if (state.awaitingKey || cabinets.length === 0 || looksLikeWbKey(text)) {
      if (text === '') {
        await ctx.telegram.sendMessage(chatId, ASK_KEY);
        return;
      }
      await handleKey(ctx, gate(), { chatId, messageId: incoming.messageId, userId: user.id, text }, showMenu);
      return;
    }
    if (!viewer) {
      await syncInProgress(chatId, user, cabinets[0]?.cabinetId ?? '');
      return;
    }
    await sendScreen(ctx, chatId, await mainMenu(ctx, viewer));
  }

  async function onCallback(incoming: Extract<Incoming, { kind: 'callback' }>): Promise<void> {
    const { chatId, messageId, data } = incoming;
    const { user } = await register(incoming.from);
    const state = chatState(ctx, chatId);
    let notice: string | undefined;
    try {
      const mute = parseMuteCallbackData(data);
      if (mute) {
        notice = await muteType(user, mute.type, mute.cabinetId);
        return;
      }
      const answer = parseAnswerCallbackData(data);
      if (answer) {
        notice = await answers.start(user.id, chatId, answer);
        return;
      }
      const replace = parseReplaceKeyCallbackData(data);
      if (replace) {
        notice = await askReplacementKey(user, chatId, replace.cabinetId);
        return;
      }
      const draftAction = parseDraftCallbackData(data);
      if (draftAction) {
        notice = await answers.act(user.id, chatId, messageId, draftAction);
        return;
      }
      const [kind, arg, target] = data.split(':');
      // Buttons that name a cabinet act on that cabinet, whatever the menu showed since.
      const named =
        kind === 'nt' ? target : kind === 'cab' && (arg === 'use' || arg?.startsWith('leave')) ? target : undefined;
      if (named) state.cabinetId = named;
      const { viewer, cabinets } = await currentViewer(ctx, user, chatId);
      if (!viewer || (named && viewer.cabinet.id !== named)) {
        notice = cabinets.length === 0 ? 'Сначала подключите кабинет' : 'Этот кабинет недоступен';
        await home(chatId, user);
        return;
      }
      if (kind === 'menu') {
        state.awaitingKey = false;
        state.replacingKeyOf = undefined;
        await drawScreen(ctx, chatId, messageId, await mainMenu(ctx, viewer));
      } else if (kind === 'scr' && arg && SCREENS[arg]) {
        state.awaitingKey = false;
        state.replacingKeyOf = undefined;
        await drawScreen(ctx, chatId, messageId, await SCREENS[arg](ctx, viewer));
      } else if (kind === 'scr' && arg === 'time') {
        await drawScreen(ctx, chatId, messageId, await timeSettingsScreen(ctx, user.id));
      } else if (kind === 'tz' && arg === 'set' && target) {
        const changed = await changeTimeSettings(ctx, user.id, { timeZone: target });
        notice = changed.notice;
        await drawScreen(ctx, chatId, messageId, changed.screen);
      } else if (kind === 'st' && arg === 'next') {
        const stepped = await stepSummaryTime(ctx, user.id);
        notice = stepped.notice;
        await drawScreen(ctx, chatId, messageId, stepped.screen);
      } else if (kind === 'nt' && arg === 'fd') {
        const stepped = await stepForecastDays(ctx, viewer);
        notice = stepped.notice;
        await drawScreen(ctx, chatId, messageId, stepped.screen);
      } else if (kind === 'nt' && isQuietHoursPress(arg)) {
        notice = await stepQuietHours(ctx, viewer, arg);
        await drawScreen(ctx, chatId, messageId, await notificationsScreen(ctx, viewer));
      } else if (kind === 'nt') {
        const what = arg === 'all' ? 'all' : NOTIFICATION_TYPES.find((type) => type === arg);
        if (!what) return;
        const toggled = await toggleNotification(ctx, viewer, what);
        notice = toggled.notice;
        await drawScreen(ctx, chatId, messageId, toggled.screen);
      } else if (kind === 'sync' && arg === 'now') {
        await drawScreen(ctx, chatId, messageId, await syncNow(ctx, viewer));
      } else if (kind === 'cab' && arg === 'use') {
        await drawScreen(ctx, chatId, messageId, await mainMenu(ctx, viewer));
      } else if (kind === 'cab' && arg === 'add') {
        await drawScreen(ctx, chatId, messageId, addCabinetScreen(ctx, chatId));
      } else if (kind === 'cab' && arg === 'invite') {
        await drawScreen(ctx, chatId, messageId, await inviteScreen(ctx, viewer));
      } else if (kind === 'cab' && arg === 'leave') {
        await drawScreen(ctx, chatId, messageId, confirmLeaveScreen(viewer));
      } else if (kind === 'cab' && arg === 'leave!') {
        const left = await leave(ctx, viewer);
        const next = await currentViewer(ctx, user, chatId);
        if (next.viewer) await drawScreen(ctx, chatId, messageId, await cabinetsScreen(ctx, next.viewer, left.notice));
        else {
          await ctx.telegram.editMessageText(chatId, messageId, left.notice);
          await home(chatId, user, next.cabinets.length === 0 ? 'Подключённых кабинетов не осталось.' : undefined);
        }
      }
    } finally {
      await ctx.telegram.answerCallback(incoming.queryId, notice).catch((error: unknown) => {
        ctx.logger.warn({ err: error }, 'callback answer failed');
      });
    }
  }

  /**
   * «Заменить ключ» under a key warning: the next key this chat sends replaces that cabinet's
   * key (connectCabinet's own checks, and it must be the same seller's), keeping the cabinet.
   */
  async function askReplacementKey(user: User, chatId: number, cabinetId: string | null): Promise<string | undefined> {
    const { cabinets } = await currentViewer(ctx, user, chatId);
    const target = cabinets.find((cabinet) => cabinet.cabinetId === cabinetId) ?? (cabinetId ? undefined : cabinets[0]);
    if (!target) return 'Этот кабинет недоступен';
    const state = chatState(ctx, chatId);
    state.awaitingKey = true;
    state.replacingKeyOf = target.cabinetId;
    await sendScreen(ctx, chatId, replaceKeyScreen(target.name));
    return undefined;
  }

  /** "Не присылать такие" under a notification: that type is switched off for that cabinet. */
  async function muteType(user: User, type: NotificationType, cabinetId: string | null): Promise<string> {
    const { cabinets } = await currentViewer(ctx, user, Number(user.telegramId));
    const target = cabinets.find((cabinet) => cabinet.cabinetId === cabinetId) ?? (cabinetId ? undefined : cabinets[0]);
    if (!target) return 'Этот кабинет недоступен';
    await updateNotificationSettings(ctx.prisma, {
      userId: user.id,
      cabinetId: target.cabinetId,
      patch: { types: { [type]: false } },
    });
    return `Больше не пришлю: ${TYPE_NAMES[type].toLowerCase()}. Включить снова: /menu → Уведомления`;
  }

  return {
    showMenu,
    onUpdate: (incoming: Incoming) => (incoming.kind === 'message' ? onMessage(incoming) : onCallback(incoming)),
    // The seller hears of the refusal as a key_health notification from the outbox, with
    // «Заменить ключ»; until then a key pasted in this chat is taken as that cabinet's.
    keyInvalid: async (chatId: number, cabinetId: string) => {
      const state = chatState(ctx, chatId);
      state.awaitingKey = true;
      state.replacingKeyOf = cabinetId;
    },
  };
}

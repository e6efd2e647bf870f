import { afterAll, beforeAll, expect, it } from 'vitest';
import { SellerChat } from './testing/seller-chat.ts';
import { quietTraffic, startSystem, type System } from './testing/system.ts';

// Quiet hours on the bot's notification screen: each press saves at once, says what it did,
// and the screen shows what was saved.

let system: System;

beforeAll(async () => {
  system = await startSystem();
}, 60_000);
afterAll(async () => {
  await system?.stop();
});

it('sets quiet hours from the notification screen: mode, window and critical stock', async () => {
  const seller = await system.emulator.control.createSeller({
    name: 'ИП Ночная',
    historyDays: 1,
    traffic: quietTraffic(5),
  });
  const chat = new SellerChat(system, 7_700_101);
  const menu = await chat.connect(seller.sid);
  const user = () =>
    system.prisma.user.findUniqueOrThrow({
      where: { telegramId: BigInt(chat.chatId) },
      select: { quietHoursMode: true, quietHoursStart: true, quietHoursEnd: true, quietHoursCriticalStock: true },
    });

  chat.press(menu, /Уведомления/);
  let screen = await chat.waitForEdit('the settings screen', menu, /Тихие часы: выключены/);
  expect(await chat.notice(chat.press(screen, /Тихие часы/))).toBe('Тихие часы 23:00–08:00 (Europe/Moscow): без звука');
  screen = await chat.waitForEdit('silent mode shown', menu, /Тихие часы 23:00–08:00: без звука/);
  expect(await chat.notice(chat.press(screen, /Тихие часы/))).toBe(
    'Тихие часы 23:00–08:00 (Europe/Moscow): сводкой в конце',
  );
  screen = await chat.waitForEdit('digest mode shown', menu, /сводкой в конце/);
  expect(await chat.notice(chat.press(screen, /^С 23:00/))).toBe(
    'Тихие часы 00:00–08:00 (Europe/Moscow): сводкой в конце',
  );
  screen = await chat.waitForEdit('the new start shown', menu, /С 00:00/);
  expect(await chat.notice(chat.press(screen, /^До 08:00/))).toBe(
    'Тихие часы 00:00–09:00 (Europe/Moscow): сводкой в конце',
  );
  screen = await chat.waitForEdit('the new end shown', menu, /До 09:00/);
  expect(await chat.notice(chat.press(screen, /Критический остаток/))).toBe(
    'Критический остаток придёт сразу и в тихие часы',
  );
  await chat.waitForEdit('critical stock marked', menu, /✅ Критический остаток/);

  expect(await user()).toEqual({
    quietHoursMode: 'digest',
    quietHoursStart: 0,
    quietHoursEnd: 9 * 60,
    quietHoursCriticalStock: true,
  });
}, 120_000);
